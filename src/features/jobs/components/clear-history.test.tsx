import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { mockServer, useMockWorld } from '@/mocks/node'
import { DEMO_SESSION, renderWithProviders } from '@/testing/render'
import { JobsPage } from './jobs-page'

describe('Clear finished history', () => {
  beforeEach(() => {
    useMockWorld('default')
    mockServer.events.removeAllListeners()
  })

  it('runs once on a double click: two clicks before any render send each DELETE once (18 instead of 9 before)', { timeout: 30_000 }, async () => {
    const deletes: string[] = []
    mockServer.events.on('request:start', ({ request }) => {
      if (request.method === 'DELETE') deletes.push(new URL(request.url).pathname)
    })
    renderWithProviders(null, { route: '/jobs', routes: [{ path: '/jobs', element: <JobsPage /> }], session: { ...DEMO_SESSION, token: 'admin-token' } })
    await within(await screen.findByRole('table')).findAllByRole('link')
    await userEvent.setup().click(screen.getByRole('button', { name: 'Clear finished history' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Clear finished history?' })
    const confirm = within(dialog).getByRole('button', { name: 'Clear history' })
    // Both clicks land before React re-renders (and disables the button).
    fireEvent.click(confirm)
    fireEvent.click(confirm)
    expect(await screen.findByText(/^Deleted \d+ jobs?/)).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(deletes.length).toBeGreaterThan(0)
    expect(new Set(deletes).size).toBe(deletes.length)
  })
})
