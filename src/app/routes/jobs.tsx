import { JobsPage } from '@/features/jobs/components/jobs-page'

/** /jobs: the jobs list. Thin: composes the jobs feature (and, when it lands, the runaway marks). */
export function JobsRoute() {
  return <JobsPage />
}
