import { usePendingApprovalsCount } from '@/features/approvals/queries'
import { useRunawayCount } from '@/features/runaway/queries'
import { MainNavLinks } from './nav-links'

export function MainNavLinksWithCounts() {
  return <MainNavLinks approvals={usePendingApprovalsCount()} runaway={useRunawayCount()} />
}
