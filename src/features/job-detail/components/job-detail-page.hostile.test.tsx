import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { HOSTILE_JOB_IDS, INVISIBLE_NAME } from '@/mocks/ids'
import { useMockWorld } from '@/mocks/node'
import { renderJobDetail } from '@/testing/render-job-detail'

describe('hostile documents on the job page', () => {
  beforeEach(() => {
    useMockWorld('hostile')
  })

  it('a 6,000-deep JSON array in an output string does not crash the page; the actions stay', async () => {
    renderJobDetail(HOSTILE_JOB_IDS.deepOutput)
    expect(await screen.findByRole('heading', { level: 1, name: 'Deep output (6,000 levels)' })).toBeInTheDocument()
    const output = screen.getByRole('region', { name: 'Output' })
    expect(within(output).getByText(/^\[\[\[\[/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Run again' })).toBeEnabled()
  })

  it('100,000 output items: 200 shown, then 500 more per click', async () => {
    renderJobDetail(HOSTILE_JOB_IDS.manyOutputs)
    const output = await screen.findByRole('region', { name: 'Output' }, { timeout: 10_000 })
    expect(within(output).getByText('Showing 200 of 100000 output values.')).toBeInTheDocument()
    await userEvent.setup().click(within(output).getByRole('button', { name: 'Show 500 more' }))
    expect(within(output).getByText('Showing 700 of 100000 output values.')).toBeInTheDocument()
  })

  it('100,000 argument values: 200 shown, then 500 more per click', async () => {
    renderJobDetail(HOSTILE_JOB_IDS.manyArguments)
    const args = await screen.findByRole('region', { name: 'Arguments' }, { timeout: 10_000 })
    expect(within(args).getAllByRole('row')).toHaveLength(201)
    expect(within(args).getByText('Showing 200 of 100000 arguments.')).toBeInTheDocument()
    await userEvent.setup().click(within(args).getByRole('button', { name: 'Show 500 more' }))
    expect(within(args).getAllByRole('row')).toHaveLength(701)
  })

  it('zero-width and bidi marks are gone from the name and the document title', async () => {
    renderJobDetail(HOSTILE_JOB_IDS.invisibleName)
    expect(await screen.findByRole('heading', { level: 1, name: INVISIBLE_NAME.shown })).toBeInTheDocument()
    expect(document.title).toMatch(new RegExp(`^${INVISIBLE_NAME.shown} · `))
  })
})
