import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Button } from '@/components/ui/button'
import { Callout } from '@/components/ui/callout'
import { Dialog } from '@/components/ui/dialog'
import { errorMessage } from '@/components/ui/error-panel'
import { formatRelative } from '@/components/ui/time'
import { plainText } from '@/lib/text'
import type { hostReporting } from '../catalog-model'
import { ReportingText } from './preflight-summary'

/** Running on a bot that is not reporting asks first: the job would wait in the queue until the bot is back. */
export function QueueAnywayDialog({
  open,
  pending,
  onClose,
  onConfirm,
  name,
  bot,
  children,
}: {
  open: boolean
  pending: boolean
  onClose: () => void
  onConfirm: () => void
  name: string
  bot: { name?: string; reporting: ReturnType<typeof hostReporting>; state?: string; lastUpdate?: string }
  children?: ReactNode
}) {
  return (
    <Dialog
      open={open}
      role="alertdialog"
      onClose={() => !pending && onClose()}
      title={`The bot of “${plainText(name, 80)}” is not reporting`}
      description={
        <>
          Bot <strong>{bot.name}</strong>: <ReportingText reporting={bot.reporting} state={bot.state} />
          {bot.lastUpdate && <> (last report {formatRelative(bot.lastUpdate)})</>}. If you queue the job now, it waits until the bot reports
          again, and runs then.
        </>
      }
      footer={
        <>
          <Button onClick={onClose} disabled={pending}>
            Don't run
          </Button>
          <Button variant="primary" pending={pending} onClick={onConfirm}>
            Queue anyway
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  )
}

/** Why a run did not start; after no answer, where to look before running again (it may have been created). */
export function RunError({ error, timedOut, home }: { error: unknown; timedOut: boolean; home: { to: string; text: string } }) {
  return (
    <Callout tone="danger" role="alert" title={`${timedOut ? 'No answer from the server' : 'The job was not started'}: ${errorMessage(error)}`}>
      {timedOut && (
        <p>
          The server may still have created it. Check{' '}
          <Link to={home.to} className="underline">
            {home.text.toLowerCase()}
          </Link>{' '}
          before running it again.
        </p>
      )}
      <p>Your values are kept: fix what is needed and run again.</p>
    </Callout>
  )
}
