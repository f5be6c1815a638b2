import { defineConfig, devices } from '@playwright/test'

/**
 * The `real` project (npm run test:real): the same journeys' guarantees, against the real TheEye
 * supervisor and gateway from ../shared/realstack, with the production build served by Debian's
 * nginx using deploy/nginx.conf. The global setup starts and seeds the stack on free ports and
 * stops it afterwards; the journeys read where everything is from $REAL_STATE.
 *
 * One worker: the journeys share one seeded world, and the machine has two CPUs for the browser,
 * the supervisor, the gateway and the database. Journeys are files named *.real.ts so that the
 * server-free `desktop` project (testDir ./e2e) never picks them up.
 */
export default defineConfig({
  testDir: './e2e/real',
  testMatch: '**/*.real.ts',
  globalSetup: './e2e/real/global-setup.ts',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'test-results/real-report' }]] : 'list',
  outputDir: 'test-results/real',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [{ name: 'real', use: { ...devices['Desktop Chrome'], channel: undefined } }],
})
