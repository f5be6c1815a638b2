import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import type { Job } from '@/api/schemas/job'
import { parseTaskArguments } from '@/api/schemas/task'
import { renderWithProviders } from '@/testing/render'
import { JobArgumentsForm } from './job-arguments-form'

// Definitions listed out of order, with a gap (order 1 is gone) and a masked value.
const args = parseTaskArguments(
  [
    { order: 2, type: 'input', label: 'target' },
    { order: 0, type: 'input', label: 'source' },
    { order: 3, type: 'input', label: 'token', masked: true },
  ],
  [],
)
const job = { id: 'j1', task_arguments_values: ['/data', null, 'backup-host', 's3cr3t'] } as unknown as Job

describe('JobArgumentsForm (Run again, Restart, Submit input)', () => {
  it('reads the job’s values by order and sends them back indexed by order, never copying a masked one', async () => {
    const onSubmit = vi.fn(() => Promise.resolve())
    renderWithProviders(<JobArgumentsForm job={job} args={args} submitLabel="Start new job" pending={false} error={null} onSubmit={onSubmit} />)
    const user = userEvent.setup()
    expect(await screen.findByRole('textbox', { name: /source/ })).toHaveValue('/data')
    expect(screen.getByRole('textbox', { name: /target/ })).toHaveValue('backup-host')
    expect(screen.getByLabelText(/token/, { selector: 'input' })).toHaveValue('')
    expect(screen.getByText(/Masked values are not copied from the job: enter token again/)).toBeInTheDocument()

    await user.type(screen.getByLabelText(/token/, { selector: 'input' }), 'new-token')
    await user.dblClick(screen.getByRole('button', { name: 'Start new job' }))
    expect(onSubmit).toHaveBeenCalledTimes(1)
    expect(onSubmit).toHaveBeenCalledWith(['/data', null, 'backup-host', 'new-token'])
  })
})
