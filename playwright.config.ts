import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests of the real renderer against the real core, through the browser harness, in
 * Debian's Chromium (Playwright cannot download its own browser on these machines).
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Generous, for a slow, loaded 2-core machine: a wait ends when its condition holds, so a long
  // limit costs nothing when all is well. No test is about speed (that is `npm run bench`).
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  outputDir: 'test-results/playwright',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    // The window follows the browser's languages: English unless a spec asks for another (i18n.spec.ts).
    locale: 'en-GB',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
})
