import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode, useRef, useState, type ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Button } from './button'
import { Dialog } from './dialog'

/**
 * An opener and its dialog. `mountWhenOpen` renders the dialog only while open (a fresh mount each
 * time, which StrictMode mounts twice); otherwise it stays mounted and `open` toggles.
 */
function Harness({
  mountWhenOpen = false,
  openerStays = true,
  disableWhileClosing = false,
  withFallback = false,
  openerLeavesLater,
}: {
  mountWhenOpen?: boolean
  openerStays?: boolean
  disableWhileClosing?: boolean
  withFallback?: boolean
  /** After closing, the opener goes a moment later (a refresh of what the dialog changed): removed or disabled. */
  openerLeavesLater?: 'removed' | 'disabled'
}) {
  const [open, setOpen] = useState(false)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  const [gone, setGone] = useState(false)
  const close = () => {
    setOpen(false)
    if (!openerStays) setDone(true)
    if (disableWhileClosing) {
      setBusy(true)
      setTimeout(() => setBusy(false), 200)
    }
    // Late enough that focus is already back on the opener.
    if (openerLeavesLater) setTimeout(() => setGone(true), 100)
  }
  const dialog = (
    <Dialog
      open={open}
      onClose={close}
      title="Edit the schedule"
      returnFocus={withFallback ? () => document.getElementById('fallback') : undefined}
      footer={<Button onClick={close}>Close</Button>}
    >
      <input aria-label="Cron expression" />
    </Dialog>
  )
  return (
    <>
      {!done && !(gone && openerLeavesLater === 'removed') && (
        <Button onClick={() => setOpen(true)} disabled={busy || (gone && openerLeavesLater === 'disabled')}>
          Edit schedule
        </Button>
      )}
      <a id="fallback" href="#top">
        Back to the list
      </a>
      {mountWhenOpen ? open && dialog : dialog}
    </>
  )
}

function renderBoth(strict: boolean, ui: ReactNode) {
  return render(strict ? <StrictMode>{ui}</StrictMode> : ui)
}

/** Opens from the button, works inside, closes with the dialog's own Close button. */
async function openWorkAndClose() {
  const user = userEvent.setup()
  const opener = screen.getByRole('button', { name: 'Edit schedule' })
  await user.click(opener)
  const dialog = screen.getByRole('dialog', { name: 'Edit the schedule' })
  await user.click(screen.getByRole('textbox', { name: 'Cron expression' }))
  await user.click(screen.getByRole('button', { name: 'Close' }))
  expect(dialog).not.toBeInTheDocument()
  return opener
}

describe('Dialog: focus after closing', () => {
  // As in a browser, showModal() moves focus into the dialog (jsdom's stand-in in testing/setup.ts does not):
  // StrictMode's second run of the dialog's effects then finds focus inside it, not on the opener.
  beforeEach(() => {
    vi.spyOn(HTMLDialogElement.prototype, 'showModal').mockImplementation(function (this: HTMLDialogElement) {
      this.setAttribute('open', '')
      this.querySelector<HTMLElement>('input, button, a[href], [tabindex]')?.focus()
    })
  })
  afterEach(() => vi.restoreAllMocks())

  for (const strict of [false, true]) {
    const mode = strict ? ' (StrictMode)' : ''
    it(`goes back to the button that opened it${mode}`, async () => {
      renderBoth(strict, <Harness />)
      const opener = await openWorkAndClose()
      await waitFor(() => expect(opener).toHaveFocus())
    })

    for (const how of ['removed', 'disabled'] as const) {
      it(`follows to the fallback when the opener is ${how} after focus went back to it${mode}`, async () => {
        renderBoth(strict, <Harness mountWhenOpen withFallback openerLeavesLater={how} />)
        const opener = await openWorkAndClose()
        await waitFor(() => expect(opener).toHaveFocus())
        // The opener goes (a refresh of the job): focus is on what remains, not on the page's top.
        await waitFor(() => expect(screen.getByRole('link', { name: 'Back to the list' })).toHaveFocus())
        expect(document.body).not.toHaveFocus()
      })
    }

    it(`goes back to the opener when the dialog mounts with each opening, as StrictMode mounts it twice${mode}`, async () => {
      renderBoth(strict, <Harness mountWhenOpen />)
      const opener = await openWorkAndClose()
      await waitFor(() => expect(opener).toHaveFocus())
      // And again: the second opening remembers the same opener, not the dialog's own controls.
      await openWorkAndClose()
      await waitFor(() => expect(opener).toHaveFocus())
    })
  }

  for (const strict of [false, true]) {
    it(`goes to what the dialog did when its owner names it, though the opener stays${strict ? ' (StrictMode)' : ''}`, async () => {
      const user = userEvent.setup()
      function Restart() {
        const [open, setOpen] = useState(false)
        const [outcome, setOutcome] = useState<string | null>(null)
        const outcomeRef = useRef<HTMLParagraphElement>(null)
        // Set when the dialog's action succeeded, read after closing (a ref: the dialog is gone by then).
        const acted = useRef(false)
        return (
          <>
            <Button
              onClick={() => {
                acted.current = false
                setOpen(true)
              }}
            >
              Restart
            </Button>
            <div role="status">
              {outcome && (
                <p ref={outcomeRef} tabIndex={-1}>
                  {outcome}
                </p>
              )}
            </div>
            {open && (
              <Dialog
                open
                onClose={() => setOpen(false)}
                title="Restart the job"
                focusAfterClose={() => (acted.current ? outcomeRef.current : null)}
                footer={
                  <>
                    <Button onClick={() => setOpen(false)}>Close</Button>
                    <Button
                      onClick={() => {
                        acted.current = true
                        setOpen(false)
                        setOutcome('Job restarted.')
                      }}
                    >
                      Restart job
                    </Button>
                  </>
                }
              />
            )}
          </>
        )
      }
      renderBoth(strict, <Restart />)
      const opener = screen.getByRole('button', { name: 'Restart' })
      // Closing without acting: back to the opener.
      await user.click(opener)
      await user.click(screen.getByRole('button', { name: 'Close' }))
      await waitFor(() => expect(opener).toHaveFocus())
      // Acting: on the outcome, though the opener is still there and enabled.
      await user.click(opener)
      await user.click(screen.getByRole('button', { name: 'Restart job' }))
      await waitFor(() => expect(screen.getByText('Job restarted.')).toHaveFocus())
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      expect(screen.getByText('Job restarted.')).toHaveFocus()
    })
  }

  it('waits for an opener that is disabled for a moment after closing, then focuses it', async () => {
    render(<Harness disableWhileClosing />)
    const opener = await openWorkAndClose()
    expect(opener).toBeDisabled()
    await waitFor(() => expect(opener).toBeEnabled())
    await waitFor(() => expect(opener).toHaveFocus())
  })

  it('goes to the fallback when the opener is gone', async () => {
    render(<Harness openerStays={false} withFallback />)
    await openWorkAndClose()
    expect(screen.queryByRole('button', { name: 'Edit schedule' })).not.toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('link', { name: 'Back to the list' })).toHaveFocus())
  })

  it('leaves focus alone when something outside already took it', async () => {
    const user = userEvent.setup()
    function Elsewhere() {
      const [open, setOpen] = useState(false)
      return (
        <>
          <Button onClick={() => setOpen(true)}>Edit schedule</Button>
          <input aria-label="Search" />
          <Dialog
            open={open}
            onClose={() => setOpen(false)}
            title="Edit the schedule"
            footer={
              <Button
                onClick={() => {
                  setOpen(false)
                  screen.getByRole('textbox', { name: 'Search' }).focus()
                }}
              >
                Close and search
              </Button>
            }
          />
        </>
      )
    }
    render(<Elsewhere />)
    await user.click(screen.getByRole('button', { name: 'Edit schedule' }))
    await user.click(screen.getByRole('button', { name: 'Close and search' }))
    const search = screen.getByRole('textbox', { name: 'Search' })
    await waitFor(() => expect(search).toHaveFocus())
    // Several frames later it is still there: the restore did not pull it back to the opener.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    expect(search).toHaveFocus()
  })
})
