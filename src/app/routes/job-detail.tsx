import { useParams } from 'react-router'
import { JobDetailPage } from '@/features/job-detail/components/job-detail-page'

/** `/jobs/:jobId`: the job detail page (lifecycle timeline, output, actions). */
export function JobDetailRoute() {
  const { jobId } = useParams()
  return <JobDetailPage jobId={jobId} />
}
