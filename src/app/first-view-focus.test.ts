import { afterEach, describe, expect, it } from 'vitest'
import { keepFocusThroughTakeover } from './first-view'

/* The painted view as boot paints it, and the app's view that replaces it (first-view-focus.ts). */
const view = (painted: boolean) => `
  <div ${painted ? 'data-first-paint' : ''}>
    <nav aria-label="Main"><a href="/jobs">Jobs</a><a href="/approvals">Approvals</a></nav>
    <main>
      <nav aria-label="Breadcrumb"><a href="/jobs">Jobs</a></nav>
      <table><tr><td><a href="/jobs/a1" data-job-link="a1">A</a></td></tr><tr><td><a href="/jobs/b2" data-job-link="b2">B</a></td></tr></table>
    </main>
  </div>`

function setUp() {
  const root = document.createElement('div')
  root.innerHTML = view(true)
  const outside = document.createElement('input')
  document.body.append(root, outside)
  keepFocusThroughTakeover(root)
  /** The app's first commit: the painted view goes, the app's comes (optionally later). */
  const takeOver = (html = view(false)) => {
    root.replaceChildren()
    const app = document.createElement('div')
    app.innerHTML = html
    root.append(...app.childNodes)
  }
  return { root, outside, takeOver }
}

const flush = () => new Promise((resolve) => setTimeout(resolve))

afterEach(() => document.body.replaceChildren())

describe('keepFocusThroughTakeover', () => {
  it('a job link focused in the painted view: the same job link in the app has focus', async () => {
    const { root, takeOver } = setUp()
    root.querySelector<HTMLElement>('a[data-job-link="b2"]')!.focus()
    takeOver()
    await flush()
    expect(document.activeElement).toBe(root.querySelector('a[data-job-link="b2"]'))
  })

  it('the breadcrumb is not the navigation link with the same address', async () => {
    const { root, takeOver } = setUp()
    root.querySelector<HTMLElement>('nav[aria-label="Breadcrumb"] a')!.focus()
    takeOver()
    await flush()
    expect(document.activeElement).toBe(root.querySelector('nav[aria-label="Breadcrumb"] a'))
  })

  it('waits for the app to draw the link when its first commit does not have it yet', async () => {
    const { root, takeOver } = setUp()
    root.querySelector<HTMLElement>('a[data-job-link="a1"]')!.focus()
    takeOver('<p>Loading…</p>')
    await flush()
    expect(document.activeElement).toBe(document.body)
    root.innerHTML = view(false)
    await flush()
    expect(document.activeElement).toBe(root.querySelector('a[data-job-link="a1"]'))
  })

  it('never takes focus: nothing focused, focus outside the painted view, or focus given up before the takeover', async () => {
    const { root, takeOver } = setUp()
    takeOver()
    await flush()
    expect(document.activeElement).toBe(document.body)

    const second = setUp()
    second.root.querySelector<HTMLElement>('a[data-job-link="a1"]')!.focus()
    second.outside.focus()
    second.takeOver()
    await flush()
    expect(document.activeElement).toBe(second.outside)

    const third = setUp()
    const link = third.root.querySelector<HTMLElement>('a[data-job-link="a1"]')!
    link.focus()
    link.blur()
    await flush()
    third.takeOver()
    await flush()
    expect(document.activeElement).toBe(document.body)
    expect(root.isConnected).toBe(true)
  })
})
