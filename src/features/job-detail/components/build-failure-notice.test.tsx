import { screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { useMockWorld } from '@/mocks/node'
import { RUN_TASK_IDS } from '@/mocks/worlds/run-tasks'
import { renderJobDetail } from '@/testing/render-job-detail'

beforeEach(() => {
  useMockWorld('default')
})

async function createJob(taskArguments: unknown[]): Promise<{ id: string; lifecycle: string; state: string }> {
  const res = await fetch(`http://localhost:3000/mock/supervisor/demo/task/${RUN_TASK_IDS.stoppedBot}/job`, {
    method: 'POST',
    headers: { Authorization: 'Bearer demo-token', 'Content-Type': 'application/json' },
    body: JSON.stringify({ task_arguments: taskArguments }),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as { id: string; lifecycle: string; state: string }
}

describe('a job the server built already failed (200, terminated/error)', () => {
  it('says plainly that it never ran, with the server’s reason and a way to the run form', async () => {
    // One item passes the length check, but it carries .order 5: nothing is found for order 0 (EREQ).
    const job = await createJob([{ order: 5, value: 'x' }])
    expect(job).toMatchObject({ lifecycle: 'terminated', state: 'error' })
    renderJobDetail(job.id)
    const notice = await screen.findByRole('alert', { name: '' })
    expect(notice).toHaveTextContent('This job never ran: the server refused to build it')
    expect(notice).toHaveTextContent('InvalidTaskArguments')
    expect(notice).toHaveTextContent(/a value for one of the task’s arguments was missing/)
    expect(within(notice).getByRole('link', { name: 'Open the task’s run form with these values' })).toHaveAttribute('href', `/tasks/${RUN_TASK_IDS.stoppedBot}/run?from=${job.id}`)
  })

  it('says nothing for a job that was built fine', async () => {
    const job = await createJob(['2026-11-30.tar.gz'])
    renderJobDetail(job.id)
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument()
    expect(screen.queryByText(/never ran/)).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Use these values in the run form' })).toHaveAttribute('href', `/tasks/${RUN_TASK_IDS.stoppedBot}/run?from=${job.id}`)
  })
})
