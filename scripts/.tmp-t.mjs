import { chromium } from '@playwright/test'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
await page.goto('http://127.0.0.1:5208/jobs?scenario=default')
await page.waitForTimeout(2500)
const pick = process.argv[2] ?? 'failure'
const id = await page.evaluate((pick) => {
  const jobs = window.__mockDb.jobs()
  const j = pick === 'failure' ? jobs.filter((j) => j.state === 'failure' && j.name === 'Deploy web').at(-1) : pick === 'runaway' ? jobs.find((j) => j.lifecycle === 'assigned' && j.name === 'Backup DB') : jobs.find((j) => j.lifecycle === pick)
  return j.id
}, pick)
await page.goto(`http://127.0.0.1:5208/jobs/${id}`)
await page.waitForTimeout(3000)
await page.screenshot({ path: `/tmp/glance/detail-${pick}.png`, fullPage: false })
const t = await page.evaluate(() => document.body.innerText)
console.log(t.split('\n').filter((l) => /now|ago/.test(l)).join('\n'))
await browser.close()
