import { defineConfig } from '@playwright/test'
import { E2E_CHROMIUM_LAUNCH } from './tests/chromium'

// One e2e suite, two targets: "web" (Debian Chromium + the browser host, runs everywhere) and
// "electron" (the desktop app; skipped with a message where the Electron binary is missing).
export default defineConfig({
  testDir: 'tests/e2e',
  // Generous limits: CI may run while another job keeps both cores busy. They bound a hang; no
  // test depends on them for correctness (timing is measured by `npm run bench`, not asserted).
  timeout: process.env.CI ? 180_000 : 60_000,
  expect: { timeout: process.env.CI ? 20_000 : 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    // Recording a trace for every test slowed each by its DOM snapshots; a failure is retried
    // once in CI, and that retry records the trace to look at.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: E2E_CHROMIUM_LAUNCH,
  },
  projects: [
    { name: 'web', use: { browserName: 'chromium', viewport: { width: 1400, height: 900 } } },
    { name: 'electron', testIgnore: /web-only/ },
  ],
})
