import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { Button } from './button'
import { ConfirmDialog } from './confirm-dialog'

function Harness({ onConfirm }: { onConfirm: () => Promise<void> }) {
  const [open, setOpen] = useState(false)
  const [pending, setPending] = useState(false)
  return (
    <>
      <Button onClick={() => setOpen(true)}>Delete things</Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        pending={pending}
        onConfirm={async () => {
          setPending(true)
          await onConfirm()
          setPending(false)
          setOpen(false)
        }}
        title="Delete “things”?"
        description="Deleting cannot be undone."
        confirmLabel="Delete"
      />
    </>
  )
}

describe('ConfirmDialog', () => {
  it('names the action, says what it does, and runs it once for a double click', async () => {
    let release!: () => void
    const onConfirm = vi.fn(() => new Promise<void>((r) => (release = r)))
    const user = userEvent.setup()
    render(
      <StrictMode>
        <Harness onConfirm={onConfirm} />
      </StrictMode>,
    )
    await user.click(screen.getByRole('button', { name: 'Delete things' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete “things”?' })
    expect(dialog).toHaveAccessibleDescription('Deleting cannot be undone.')
    await user.dblClick(screen.getByRole('button', { name: 'Delete' }))
    expect(screen.getByRole('button', { name: 'Go back' })).toBeDisabled()
    release()
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(onConfirm).toHaveBeenCalledTimes(1)
  })

  it('goes back without acting, and the keyboard returns to the opener (also under StrictMode)', async () => {
    const onConfirm = vi.fn(async () => {})
    const user = userEvent.setup()
    render(
      <StrictMode>
        <Harness onConfirm={onConfirm} />
      </StrictMode>,
    )
    const opener = screen.getByRole('button', { name: 'Delete things' })
    await user.click(opener)
    await user.click(screen.getByRole('button', { name: 'Go back' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    await waitFor(() => expect(opener).toHaveFocus())
    expect(onConfirm).not.toHaveBeenCalled()
  })
})

describe('Dialog and held keys', () => {
  it('a held Enter on the confirm button confirms once', async () => {
    const onConfirm = vi.fn(async () => {})
    const user = userEvent.setup()
    render(<Harness onConfirm={onConfirm} />)
    await user.click(screen.getByRole('button', { name: 'Delete things' }))
    screen.getByRole('button', { name: 'Delete' }).focus()
    // keydown, then repeats while held
    await user.keyboard('{Enter>5/}')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete things' })).toHaveFocus())
    expect(onConfirm).toHaveBeenCalledTimes(1)
  })
})
