import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { mockServer, useMockWorld } from '@/mocks/node'
import { DEMO_SESSION, renderWithProviders } from '@/testing/render'
import { JobsPage } from './components/jobs-page'

function countDeletes() {
  const seen = { count: 0 }
  mockServer.events.on('request:start', ({ request }) => {
    if (request.method === 'DELETE') seen.count++
  })
  return seen
}

async function openClearDialog() {
  renderWithProviders(null, { route: '/jobs', routes: [{ path: '/jobs', element: <JobsPage /> }], session: { ...DEMO_SESSION, token: 'admin-token' } })
  await within(await screen.findByRole('table')).findAllByRole('link')
  await userEvent.setup().click(screen.getByRole('button', { name: 'Clear finished history' }))
  return screen.findByRole('alertdialog', { name: 'Clear finished history?' })
}

describe('Clear finished history', () => {
  beforeEach(() => {
    useMockWorld('default')
    mockServer.events.removeAllListeners()
  })

  it('runs once on a double click: two clicks before any render send the DELETEs of one clear, not two', async () => {
    // One clear, clicked once: how many DELETEs it takes.
    const once = countDeletes()
    const dialog = await openClearDialog()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Clear history' }))
    expect(await screen.findByText(/^Deleted \d+ jobs?/)).toBeInTheDocument()
    const single = once.count
    expect(single).toBeGreaterThan(0)

    // The same clear on a fresh world, double-clicked (both clicks land before React re-renders).
    document.body.innerHTML = ''
    useMockWorld('default')
    mockServer.events.removeAllListeners()
    const twice = countDeletes()
    const again = await openClearDialog()
    const confirm = within(again).getByRole('button', { name: 'Clear history' })
    fireEvent.click(confirm)
    fireEvent.click(confirm)
    expect(await screen.findByText(/^Deleted \d+ jobs?/)).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(twice.count).toBe(single)
  })
})
