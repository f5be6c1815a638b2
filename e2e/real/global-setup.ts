import type { FullConfig } from '@playwright/test'
import { startAll } from './stack'

/**
 * Global setup of the `real` project: the real TheEye supervisor and gateway (../shared/realstack)
 * on free ports with their own REALSTACK_RUN folder, a seeded world, the dashboard built and
 * served by nginx with deploy/nginx.conf. Whatever happens afterwards, everything is stopped:
 * by the teardown returned here, and by exit handlers if the runner dies or is interrupted.
 */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  const { stateFile, stop } = await startAll()
  process.env.REAL_STATE = stateFile

  const onExit = () => stop()
  const onSignal = (signal: NodeJS.Signals) => {
    stop()
    // Playwright handles SIGINT itself (and then runs the teardown, a no-op by now); where nobody
    // else listens, the signal does what it would have done without us.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
  }
  process.once('exit', onExit)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal)

  return async () => {
    stop()
    process.off('exit', onExit)
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(signal, onSignal)
  }
}
