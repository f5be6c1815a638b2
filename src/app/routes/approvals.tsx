import { ApprovalsPage } from '@/features/approvals/components/approvals-page'

export function ApprovalsRoute() {
  return <ApprovalsPage />
}
