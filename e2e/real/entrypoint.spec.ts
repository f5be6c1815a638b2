import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { REPO_ROOT } from './stack'

/**
 * The container's start-up script (deploy/docker-entrypoint.d/40-theeye-config.sh), run on its
 * own with a POSIX sh: it writes config.json from THEEYE_* variables, refuses bad values (the
 * container then does not start), and leaves a mounted config.json alone when nothing is set.
 * Server-free: this file is a *.spec.ts, so `npm test` (the desktop project) runs it; no browser.
 */

const SCRIPT = path.join(REPO_ROOT, 'deploy', 'docker-entrypoint.d', '40-theeye-config.sh')

function runScript(env: Record<string, string>, existing?: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'theeye-config-'))
  const out = path.join(dir, 'config.json')
  if (existing !== undefined) fs.writeFileSync(out, existing)
  const r = spawnSync('sh', [SCRIPT], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', THEEYE_CONFIG_JSON: out, ...env }, encoding: 'utf8' })
  const written = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : null
  const leftovers = fs.readdirSync(dir).filter((f) => f !== 'config.json')
  fs.rmSync(dir, { recursive: true, force: true })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, written, leftovers }
}

test('writes config.json from the THEEYE_* variables, as the app reads it', () => {
  const r = runScript({
    THEEYE_SUPERVISOR_URL: 'https://supervisor.example.com/api/@v1',
    THEEYE_GATEWAY_URL: 'http://127.0.0.1:6080',
    THEEYE_CUSTOMER: 'Acme "ops" \\ team',
    THEEYE_REFRESH_INTERVAL_MS: '3000',
    THEEYE_REQUEST_TIMEOUT_MS: '020000',
  })
  expect(r.stderr).toBe('')
  expect(r.status).toBe(0)
  expect(JSON.parse(r.written ?? '')).toEqual({
    supervisorUrl: 'https://supervisor.example.com/api/@v1',
    gatewayUrl: 'http://127.0.0.1:6080',
    customer: 'Acme "ops" \\ team',
    refreshIntervalMs: 3000,
    requestTimeoutMs: 20000,
  })
  expect(r.leftovers).toEqual([])
})

test('only the keys that are set, and "mock" for the built-in mock backend', () => {
  const r = runScript({ THEEYE_SUPERVISOR_URL: 'mock' })
  expect(r.status).toBe(0)
  expect(JSON.parse(r.written ?? '')).toEqual({ supervisorUrl: 'mock' })
})

test('with no THEEYE_* variable the existing config.json stays as it is', () => {
  const mounted = '{ "supervisorUrl": "https://mounted.example.com" }\n'
  const r = runScript({}, mounted)
  expect(r.status).toBe(0)
  expect(r.written).toBe(mounted)
  expect(r.stdout).toMatch(/keeping/)
})

for (const [name, env, message] of [
  ['a URL without a scheme', { THEEYE_SUPERVISOR_URL: 'supervisor.example.com' }, /THEEYE_SUPERVISOR_URL must start with http/],
  ['a javascript: URL', { THEEYE_GATEWAY_URL: 'javascript:alert(1)' }, /THEEYE_GATEWAY_URL must start with http/],
  ['a URL with a space', { THEEYE_SUPERVISOR_URL: 'https://a.example.com/x y' }, /must not contain spaces/],
  ['a URL with credentials', { THEEYE_SUPERVISOR_URL: 'https://admin:secret@supervisor.example.com' }, /must not contain credentials/],
  ['a value with a newline', { THEEYE_CUSTOMER: 'demo\n"x": 1' }, /THEEYE_CUSTOMER contains a control character/],
  ['a refresh interval that is not a number', { THEEYE_REFRESH_INTERVAL_MS: '5s' }, /THEEYE_REFRESH_INTERVAL_MS must be a whole number/],
  ['a refresh interval out of range', { THEEYE_REFRESH_INTERVAL_MS: '10' }, /between 1000 and 3600000/],
  ['a huge timeout', { THEEYE_REQUEST_TIMEOUT_MS: '99999999999999999999' }, /between 1000 and 120000/],
] as const) {
  test(`refuses ${name}, says why, and leaves the existing file alone`, () => {
    const r = runScript({ THEEYE_CUSTOMER: 'demo', ...env }, '{}\n')
    expect(r.status).not.toBe(0)
    expect(r.stderr).toMatch(message)
    expect(r.written).toBe('{}\n')
    expect(r.leftovers).toEqual([])
  })
}
