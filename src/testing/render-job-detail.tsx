import { useParams } from 'react-router'
import { renderWithProviders, type RenderOptions } from '@/testing/render'
import { JobDetailPage } from '@/features/job-detail/components/job-detail-page'

function DetailFromParams() {
  const { jobId } = useParams()
  return <JobDetailPage jobId={jobId} />
}

/** Renders the detail page at /jobs/:jobId on the mock world (the route module lives in src/app, which features may not import). */
export function renderJobDetail(jobId: string, opts: Omit<RenderOptions, 'route' | 'routes'> = {}) {
  return renderWithProviders(null, {
    ...opts,
    route: `/jobs/${jobId}`,
    routes: [
      { path: '/jobs/:jobId', element: <DetailFromParams /> },
      { path: '/jobs', element: <p>Jobs list page</p> },
    ],
  })
}
