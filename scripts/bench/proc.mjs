// Child processes of the bench: the production build and the preview server. Every child runs in its own
// process group (detached) so it can be ended with everything it spawned (npx -> node -> esbuild …),
// every wait is bounded, and cleanup() is idempotent and runs on normal exit, errors and signals.
import { spawn } from 'node:child_process'

const children = new Set()
const cleanups = []

/** Registers an async cleanup step (run in reverse order by cleanup()). */
export function onCleanup(fn) {
  cleanups.push(fn)
}

function killGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    try {
      child.kill(signal)
    } catch {
      // already gone
    }
  }
}

/** Ends a child's process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    children.delete(child)
    return
  }
  const exited = new Promise((resolve) => child.once('exit', resolve))
  killGroup(child, 'SIGTERM')
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs)
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs + 2000))])
  clearTimeout(timer)
  children.delete(child)
}

let cleaning = null
/** Runs the registered cleanups, then ends every child still running. Safe to call more than once. */
export function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn()
      } catch {
        // best effort
      }
    }
    await Promise.all([...children].map((c) => stopChild(c)))
  })()
  return cleaning
}

// Last resort when the process exits without awaiting cleanup(): synchronous SIGKILL of the groups.
process.on('exit', () => {
  for (const c of children) killGroup(c, 'SIGKILL')
})

/** Runs a command to completion within `timeoutMs`; rejects with its output tail on failure or timeout. */
export function run(cmd, args, { timeoutMs, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
    children.add(child)
    let out = ''
    const keep = (d) => {
      out = (out + d).slice(-8000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    const timer = setTimeout(() => {
      stopChild(child)
      reject(new Error(`${cmd} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s\n${out}`))
    }, timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      children.delete(child)
      reject(e)
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      children.delete(child)
      if (code === 0) resolve(out)
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}\n${out}`))
    })
  })
}

/**
 * Starts a long-running server and waits until `readyUrl` answers 200 (at most `timeoutMs`).
 * Resolves with the child; rejects (and ends the child) if it exits early or never gets ready.
 */
export async function startServer(cmd, args, { readyUrl, timeoutMs }) {
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let out = ''
  const keep = (d) => {
    out = (out + d).slice(-4000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  let exited = null
  child.on('exit', (code, signal) => {
    exited = code ?? signal
    children.delete(child)
  })
  child.on('error', (e) => {
    exited = e.message
  })
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${cmd} ${args.join(' ')} exited (${exited}) before it was ready\n${out}`)
    try {
      const res = await fetch(readyUrl, { signal: AbortSignal.timeout(2000) })
      if (res.ok) return child
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await stopChild(child)
  throw new Error(`${cmd} ${args.join(' ')} was not ready at ${readyUrl} within ${timeoutMs / 1000} s\n${out}`)
}

/** Rejects after `ms` with a message naming `what`; the timer never keeps the process alive. */
export function withTimeout(promise, ms, what) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${Math.round(ms / 1000)} s`)), ms)
    timer.unref?.()
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
