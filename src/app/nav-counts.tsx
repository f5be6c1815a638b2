import { usePendingApprovalsCount, usePendingApprovalsForMe } from '@/features/approvals/queries'
import { useNotifyNewApprovals } from '@/features/approvals/use-approval-notifications'
import { useRunawayCount } from '@/features/runaway/queries'
import { setTitleApprovalsCount } from '@/lib/use-document-title'
import { useEffect } from 'react'
import { MainNavLinks } from './nav-links'

/** The navigation with live counts; also where new-approval notifications are sent from, on every page. */
export function MainNavLinksWithCounts() {
  useNotifyNewApprovals(usePendingApprovalsForMe())
  const approvals = usePendingApprovalsCount()
  useEffect(() => {
    setTitleApprovalsCount(approvals)
    return () => setTitleApprovalsCount(0)
  }, [approvals])
  return <MainNavLinks approvals={approvals} runaway={useRunawayCount()} />
}
