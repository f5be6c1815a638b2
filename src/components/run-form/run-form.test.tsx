import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { parseTaskArguments } from '@/api/schemas/task'
import { renderWithProviders } from '@/testing/render'
import { initialValues } from './argument-values'
import { RunForm, type RunFormSubmit } from './run-form'

const args = parseTaskArguments([{ order: 0, type: 'input', label: 'database', required: true }], [])

/** A promise settled by hand: the request "in flight" until the test says. */
function deferred() {
  let resolve!: () => void
  let reject!: (e: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/**
 * The form as a caller renders it: `pending` comes from the caller's request state, one render late
 * (here never), so only the form's own guard stands between a double click and a second request.
 */
function renderForm(onSubmit: (s: RunFormSubmit) => Promise<unknown> | void) {
  renderWithProviders(<RunForm args={args} initial={initialValues(args)} submitLabel="Run task" onSubmit={onSubmit} />)
}

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByRole('textbox', { name: /database/ }), 'orders')
}

describe('RunForm: one submit per intent', () => {
  it('a double click sends once while the request is in flight', async () => {
    const user = userEvent.setup()
    const inFlight = deferred()
    const onSubmit = vi.fn(() => inFlight.promise)
    renderForm(onSubmit)
    await fill(user)
    await user.dblClick(screen.getByRole('button', { name: 'Run task' }))
    expect(onSubmit).toHaveBeenCalledTimes(1)
    // Two clicks in the same frame (no render in between): still once.
    const button = screen.getByRole('button', { name: 'Run task' })
    act(() => {
      button.click()
      button.click()
    })
    expect(onSubmit).toHaveBeenCalledTimes(1)
    await act(async () => inFlight.resolve())
  })

  it('a double click sends once even when the answer comes before the second click', async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn(() => Promise.resolve())
    renderForm(onSubmit)
    await fill(user)
    await user.dblClick(screen.getByRole('button', { name: 'Run task' }))
    expect(onSubmit).toHaveBeenCalledTimes(1)
    // A new click later is a new intent.
    await user.click(screen.getByRole('button', { name: 'Run task' }))
    expect(onSubmit).toHaveBeenCalledTimes(2)
  })

  it('a double Enter and a held Enter in a field send once', async () => {
    const user = userEvent.setup()
    const inFlight = deferred()
    const onSubmit = vi.fn(() => inFlight.promise)
    renderForm(onSubmit)
    await fill(user)
    await user.keyboard('{Enter}{Enter}')
    expect(onSubmit).toHaveBeenCalledTimes(1)
    await act(async () => inFlight.resolve())

    // Held down (the key repeats): one submit, even when the request answers at once.
    const quick = vi.fn(() => Promise.resolve())
    onSubmit.mockImplementation(quick)
    onSubmit.mockClear()
    await user.keyboard('{Enter>6/}')
    expect(onSubmit).toHaveBeenCalledTimes(1)
  })

  it('after a failed submit the user can try again at once; after it settles, too', async () => {
    const user = userEvent.setup()
    const first = deferred()
    const onSubmit = vi.fn<(s: RunFormSubmit) => Promise<unknown>>(() => first.promise)
    renderForm(onSubmit)
    await fill(user)
    const button = screen.getByRole('button', { name: 'Run task' })
    await user.click(button)
    await act(async () => {
      first.reject(new Error('The server did not answer'))
      await first.promise.catch(() => undefined)
    })
    const second = deferred()
    onSubmit.mockImplementation(() => second.promise)
    await user.click(button)
    expect(onSubmit).toHaveBeenCalledTimes(2)
    expect(onSubmit).toHaveBeenLastCalledWith(expect.objectContaining({ taskArguments: ['orders'] }))
    await act(async () => second.resolve())
    await user.click(button)
    expect(onSubmit).toHaveBeenCalledTimes(3)
  })

  it('invalid values never reach onSubmit, and do not hold the guard', async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn(() => Promise.resolve())
    renderForm(onSubmit)
    const button = await screen.findByRole('button', { name: 'Run task' })
    await user.click(button)
    expect(onSubmit).not.toHaveBeenCalled()
    expect(await screen.findByText(/1 field needs attention: database/)).toBeInTheDocument()
    await fill(user)
    await user.click(button)
    expect(onSubmit).toHaveBeenCalledTimes(1)
  })
})
