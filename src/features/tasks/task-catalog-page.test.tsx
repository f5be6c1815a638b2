import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { TASK_IDS } from '@/mocks/db'
import { mockServer, useMockWorld } from '@/mocks/node'
import { RUN_TASK_IDS } from '@/mocks/worlds/run-tasks'
import { renderWithProviders } from '@/testing/render'
import { TaskCatalogPage } from './components/task-catalog-page'

beforeEach(() => {
  useMockWorld('default')
  mockServer.events.removeAllListeners()
})

describe('task catalog', () => {
  it('lists every task with a link to its jobs and a "Run <name>" link to its form', async () => {
    renderWithProviders(<TaskCatalogPage />, { route: '/tasks' })
    const link = await screen.findByRole('link', { name: 'Backup DB' })
    expect(link).toHaveAttribute('href', `/jobs?task=${TASK_IDS.backupDb}`)
    expect(screen.getByRole('link', { name: 'Run Backup DB' })).toHaveAttribute('href', `/tasks/${TASK_IDS.backupDb}/run`)
    expect(screen.getByRole('link', { name: 'Run Provision account' })).toHaveAttribute('href', `/tasks/${RUN_TASK_IDS.everyType}/run`)
    const row = link.closest('tr')!
    await waitFor(() => expect(row).toHaveTextContent(/\d+% of \d+/))
    expect(row).toHaveTextContent('db-01')
    // jane cannot read host resources: unknown, never "not reporting"
    expect(row).toHaveTextContent('reporting unknown')
  })

  it('searches by name and filters by type and tag', async () => {
    const { router } = renderWithProviders(<TaskCatalogPage />, { route: '/tasks' })
    const user = userEvent.setup()
    await screen.findByRole('link', { name: 'Backup DB' })
    await user.type(screen.getByRole('searchbox', { name: 'Search tasks' }), 'approve')
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Backup DB' })).not.toBeInTheDocument())
    expect(screen.getByRole('link', { name: 'Approve refund' })).toBeInTheDocument()
    expect(router.state.location.search).toBe('?q=approve')
    await user.clear(screen.getByRole('searchbox', { name: 'Search tasks' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'accounts')
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows.map((r) => within(r).getAllByRole('link')[0]!.textContent)).toEqual(['Approve access request', 'Provision account'])
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'approval')
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2)
  })

  it('shows the bot state to an admin, who can read host resources', async () => {
    renderWithProviders(<TaskCatalogPage />, { route: '/tasks', session: { token: 'admin-token', customer: 'demo', supervisorUrl: null, persist: 'memory' } })
    const row = (await screen.findByRole('link', { name: 'Restore archive' })).closest('tr')!
    await waitFor(() => expect(row).toHaveTextContent(/db-02.*not reporting/))
    expect((await screen.findByRole('link', { name: 'Backup DB' })).closest('tr')).toHaveTextContent(/db-01.*reporting/)
  })

  it('a failed task list offers Retry', async () => {
    const { getMockDb } = await import('@/mocks/node')
    getMockDb().failNext('GET /demo/task', { status: 500, body: 'Internal Server Error' })
    renderWithProviders(<TaskCatalogPage />, { route: '/tasks' })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The tasks could not be loaded')
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('link', { name: 'Backup DB' })).toBeInTheDocument()
  })
})
