import { JobsPage } from '@/features/jobs/components/jobs-page'
import { useRunawayIds } from '@/features/runaway/queries'

/** /jobs: the jobs list, with the runaway feature's flags marked on its rows. Features meet here. */
export function JobsRoute() {
  const runawayIds = useRunawayIds()
  return <JobsPage runawayIds={runawayIds} />
}
