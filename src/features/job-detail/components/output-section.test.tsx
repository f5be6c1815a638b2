import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { HOSTILE_JOB_IDS, HOSTILE_SECRETS, SPECIAL_JOB_IDS } from '@/mocks/db'
import { mockServer, useMockWorld } from '@/mocks/node'
import { renderJobDetail } from '@/testing/render-job-detail'

async function outputRegion() {
  return screen.findByRole('region', { name: 'Output' })
}

describe('output', () => {
  beforeEach(() => {
    useMockWorld('hostile')
  })

  it('renders ANSI colours as styled text spans, with line numbers', async () => {
    renderJobDetail(HOSTILE_JOB_IDS.controlChars)
    const output = await outputRegion()
    const log = within(output).getByRole('region', { name: /^Log, \d+ lines$/ })
    const red = within(log).getByText('red')
    expect(red.tagName).toBe('SPAN')
    expect(red).toHaveStyle({ color: 'rgb(248, 113, 113)' })
    expect(within(log).getByText('orange')).toHaveStyle({ color: 'rgb(255, 135, 0)' })
    // The carriage return overwrote the progress line; escapes and controls are gone.
    expect(log).toHaveTextContent('progress 100%')
    expect(log).not.toHaveTextContent('progress 10%')
    for (const control of ['\x1b', '\x00', '\x07']) expect(log.textContent).not.toContain(control)
    expect(log).toHaveTextContent(/^1progress 100%2/)
  })

  it('keeps <script> and <img onerror> in a log as literal text', async () => {
    renderJobDetail(HOSTILE_JOB_IDS.xssName)
    const output = await outputRegion()
    const log = within(output).getByRole('region', { name: /^Log/ })
    expect(log).toHaveTextContent('<img src=x onerror="window.__xss=1">')
    expect(log).toHaveTextContent('<script>window.__xss=1</script>')
    expect(log).toHaveTextContent('<b>bold?</b>&amp;')
    expect(document.querySelector('script, img, b')).toBeNull()
    // Output parameters too.
    const params = within(output).getByRole('table')
    expect(params).toHaveTextContent('{ "html": "<script>window.__xss=1</script>" }')
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined()
  })

  it('searches the log with "n of m" and next/previous', async () => {
    useMockWorld('default')
    renderJobDetail(SPECIAL_JOB_IDS.finishedBackup)
    const output = await outputRegion()
    const user = userEvent.setup()
    const search = within(output).getByRole('searchbox', { name: 'Search log' })
    const log = within(output).getByRole('region', { name: /^Log/ })
    const text = log.textContent ?? ''
    expect(text.length).toBeGreaterThan(0)
    await user.type(search, 'zzz-not-there')
    expect(await within(output).findByText('No matches')).toBeInTheDocument()
    await user.clear(search)
    // Every log has at least one "e".
    await user.type(search, 'e')
    const status = await within(output).findByText(/^1 of \d+$/)
    const total = Number(status.textContent!.split(' of ')[1])
    expect(log.querySelectorAll('mark')).toHaveLength(total)
    expect(log.querySelector('mark[data-current-match]')).not.toBeNull()
    if (total > 1) {
      await user.click(within(output).getByRole('button', { name: 'Next match' }))
      expect(within(output).getByText(`2 of ${total}`)).toBeInTheDocument()
    }
    await user.click(within(output).getByRole('button', { name: 'Previous match' }))
    expect(within(output).getByText(total > 1 ? `1 of ${total}` : `1 of 1`)).toBeInTheDocument()
  })

  it('opens a 2 MB log, virtualized, and searches all of it', async () => {
    renderJobDetail(HOSTILE_JOB_IDS.hugeLog)
    const output = await outputRegion()
    const log = within(output).getByRole('region', { name: /^Log, \d+ lines$/ })
    const lines = Number(/Log, (\d+) lines/.exec(log.getAttribute('aria-label')!)![1])
    expect(lines).toBeGreaterThan(10_000)
    // Only the visible lines are in the page.
    expect(log.querySelectorAll('[data-index]').length).toBeLessThan(200)
    const user = userEvent.setup()
    await user.type(within(output).getByRole('searchbox', { name: 'Search log' }), 'processed chunk')
    expect(await within(output).findByText(`1 of ${lines}`)).toBeInTheDocument()
  })

  it('shows the first 200 output values of a 10,000-item output, with "Show more" in steps', async () => {
    renderJobDetail(HOSTILE_JOB_IDS.hugeOutput)
    const output = await outputRegion()
    expect(within(output).getByText('Showing 200 of 10000 output values.')).toBeInTheDocument()
    const table = within(output).getByRole('table', { name: /Output parameters/ })
    expect(within(table).getAllByRole('row')).toHaveLength(201)
    await userEvent.setup().click(within(output).getByRole('button', { name: 'Show 500 more' }))
    expect(within(table).getAllByRole('row')).toHaveLength(701)
    expect(within(output).getByText('Showing 700 of 10000 output values.')).toBeInTheDocument()
  })

  it('says so when a job has no log', async () => {
    renderJobDetail(HOSTILE_JOB_IDS.noResult)
    const output = await outputRegion()
    expect(within(output).getByText('This job has no log.')).toBeInTheDocument()
  })

  it('shows exit code and who reported the result', async () => {
    useMockWorld('default')
    renderJobDetail(SPECIAL_JOB_IDS.finishedBackup)
    const output = await outputRegion()
    expect(within(output).getByText('Exit code')).toBeInTheDocument()
    expect(within(output).getByText('Reported by')).toBeInTheDocument()
  })

  it('shows a scraper response: status, headers and body', async () => {
    const id = '65f1c0de2a9b4c0012ab3499'
    mockServer.use(
      http.get('*/mock/supervisor/demo/job/:id', () =>
        HttpResponse.json({
          id,
          _type: 'ScraperJob',
          name: 'Check homepage',
          lifecycle: 'finished',
          state: 'failure',
          result: { response: { status_code: 503, headers: { 'content-type': 'text/html' }, body: '<h1>down</h1>' }, user: { username: 'agent-demo' } },
        }),
      ),
    )
    renderJobDetail(id)
    const output = await outputRegion()
    expect(within(output).getByText('503')).toBeInTheDocument()
    expect(within(output).getByText('content-type')).toBeInTheDocument()
    expect(within(output).getByText('<h1>down</h1>')).toBeInTheDocument()
  })
})

describe('secrets', () => {
  beforeEach(() => {
    useMockWorld('hostile')
  })

  it('hides masked arguments until revealed, one value at a time', async () => {
    renderJobDetail(HOSTILE_JOB_IDS.secrets)
    const args = await screen.findByRole('region', { name: 'Arguments' })
    expect(within(args).getByText('postgres')).toBeInTheDocument()
    expect(within(args).getByText('hidden (masked)')).toBeInTheDocument()
    expect(document.body.textContent).not.toContain(HOSTILE_SECRETS.maskedArgument)
    await userEvent.setup().click(within(args).getByRole('button', { name: 'Reveal new_password' }))
    expect(within(args).getByText(HOSTILE_SECRETS.maskedArgument)).toBeInTheDocument()
  })

  it('keeps the environment collapsed and masked, and never shows the job secret', async () => {
    renderJobDetail(HOSTILE_JOB_IDS.secrets)
    const args = await screen.findByRole('region', { name: 'Arguments' })
    const user = userEvent.setup()
    expect(document.body.textContent).not.toContain(HOSTILE_SECRETS.envPassword)
    expect(within(args).queryByText('DB_PASSWORD')).toBeNull()
    await user.click(within(args).getByText('Environment (may contain secrets)'))
    expect(await within(args).findByText('DB_PASSWORD')).toBeInTheDocument()
    expect(document.body.textContent).not.toContain(HOSTILE_SECRETS.envPassword)
    await user.click(within(args).getByRole('button', { name: 'Reveal values' }))
    expect(within(args).getByText(HOSTILE_SECRETS.envPassword)).toBeInTheDocument()
    // The job's own secret is never rendered.
    const doc = (await (await fetch(`${location.origin}/mock/supervisor/demo/job/${HOSTILE_JOB_IDS.secrets}`, { headers: { Authorization: 'Bearer demo-token' } })).json()) as { secret?: string }
    if (doc.secret) await waitFor(() => expect(document.body.textContent).not.toContain(doc.secret))
  })
})
