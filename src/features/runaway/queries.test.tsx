import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jobKeys, useDecideApproval } from '@/lib/job-queries'
import { APPROVAL_JOB_IDS_FOR_DEMO_USER } from '@/mocks/ids'
import { mockServer, useMockWorld } from '@/mocks/node'
import { renderWithProviders } from '@/testing/render'
import { runawayQueries } from './queries'

describe('runaway queries', () => {
  it('live under the jobs lists, so a cancel anywhere refreshes them', () => {
    expect(runawayQueries.active().queryKey.slice(0, 2)).toEqual([...jobKeys.lists()])
    expect(runawayQueries.history().queryKey.slice(0, 2)).toEqual([...jobKeys.lists()])
  })
})

describe('the runaway history and a decision', () => {
  /** Job-list requests seen by the mock: which of them read the 1,000 finished jobs, which the watched ones. */
  let reads: { history: number; active: number }
  beforeEach(() => {
    useMockWorld('default')
    reads = { history: 0, active: 0 }
    mockServer.events.on('request:start', ({ request }) => {
      const url = decodeURIComponent(request.url)
      if (request.method !== 'GET' || !/\/job\?/.test(url) || !url.includes('limit=1000')) return
      if (url.includes('finished')) reads.history++
      else reads.active++
    })
  })
  afterEach(() => mockServer.events.removeAllListeners())

  function Probe({ id }: { id: string }) {
    const history = useQuery(runawayQueries.history())
    const active = useQuery(runawayQueries.active())
    const decide = useDecideApproval()
    const qc = useQueryClient()
    const [refreshed, setRefreshed] = useState(false)
    return (
      <>
        <p>{history.isSuccess && active.isSuccess ? 'loaded' : 'loading'}</p>
        <button type="button" onClick={() => decide.mutate({ id, decision: 'approve' })}>
          Approve
        </button>
        <p>{decide.isSuccess ? 'decided' : ''}</p>
        <button type="button" onClick={() => void qc.invalidateQueries({ queryKey: jobKeys.all }).then(() => setRefreshed(true))}>
          Refresh all
        </button>
        <p>{refreshed ? 'refreshed' : ''}</p>
      </>
    )
  }

  it('a decision re-reads the watched jobs but not the 1,000-job history; invalidating the jobs key still re-reads both', async () => {
    const id = APPROVAL_JOB_IDS_FOR_DEMO_USER[0]!
    renderWithProviders(<Probe id={id} />)
    expect(await screen.findByText('loaded')).toBeInTheDocument()
    expect(reads).toEqual({ history: 1, active: 1 })

    await userEvent.click(screen.getByRole('button', { name: 'Approve' }))
    expect(await screen.findByText('decided')).toBeInTheDocument()
    // onSettled resolves after the invalidated queries are fresh: the active list was re-read, the history was not.
    expect(reads).toEqual({ history: 1, active: 2 })

    // One key hierarchy: the jobs key still covers the history for every other path.
    await userEvent.click(screen.getByRole('button', { name: 'Refresh all' }))
    expect(await screen.findByText('refreshed')).toBeInTheDocument()
    expect(reads).toEqual({ history: 2, active: 3 })
  })
})
