import { RunawayPage } from '@/features/runaway/components/runaway-page'

/** /runaway: running, queued and on-hold jobs past their expected time (ui-contract.md). */
export function RunawayRoute() {
  return <RunawayPage />
}
