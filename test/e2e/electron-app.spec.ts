/**
 * The packaged-shape app in a real Electron: runs where the Electron binary exists (a user's
 * machine, or CI with internet access); skipped with the reason where it cannot be downloaded.
 * The binary is looked for without `require('electron')`, which since Electron 42 starts a
 * download when the binary is missing.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { apiChannels } from '../../electron/core/api/channels'

/** The namespaces of window.api, from the channel list (`domain:verb`), so the two never drift. */
const apiDomains = [...new Set(apiChannels.map((channel) => channel.split(':')[0]!))].sort()

const repoRoot = path.resolve(__dirname, '..', '..')
const mainBundle = path.join(repoRoot, '.vite', 'build', 'main.js')
const preloadBundle = path.join(repoRoot, '.vite', 'build', 'preload.js')
const rendererIndex = path.join(repoRoot, '.vite', 'renderer', 'main_window', 'index.html')

/** The executable inside an Electron dist folder, per platform (as node_modules/electron/install.js names it). */
const executableIn = (dist: string) =>
  path.join(dist, process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron')

/** The Electron binary: ELECTRON_OVERRIDE_DIST_PATH (as electron itself honours it), else the downloaded one. */
function electronBinary(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) return fs.existsSync(executableIn(override)) ? executableIn(override) : null
  try {
    const pathFile = path.join(repoRoot, 'node_modules', 'electron', 'path.txt')
    const relative = fs.readFileSync(pathFile, 'utf8').trim()
    const binary = path.join(repoRoot, 'node_modules', 'electron', 'dist', relative)
    return fs.existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()
const reason = !binary
  ? 'the Electron binary is not installed (node_modules/electron/dist is missing: Electron downloads it on the first `npm start`, and it has not been downloaded here)'
  : [mainBundle, preloadBundle, rendererIndex].some((file) => !fs.existsSync(file))
    ? `the app is not built (${[mainBundle, preloadBundle, rendererIndex].filter((file) => !fs.existsSync(file)).join(', ')} missing: npm run build)`
    : null
if (reason) console.log(`[skip reason] electron-app.spec.ts: ${reason}`)

test.describe('the Electron app', () => {
  test.skip(reason !== null, reason ?? '')

  test('starts hardened, exposes only window.api, and writes a letter through the real shell', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-electron-'))
    const app = await electron.launch({
      executablePath: binary!,
      args: [mainBundle, '--no-sandbox'],
      env: { ...process.env, RIGHTFUL_DATA_DIR: dataDir },
    })
    try {
      const page = await app.firstWindow()
      // A first start opens the guide; "Later" leads to the requests.
      await expect(page.getByRole('heading', { name: 'Welcome to Rightful' })).toBeVisible()
      await page.getByRole('button', { name: 'Later' }).click()
      await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()
      // Served on the app's own origin, never from file://.
      expect(page.url()).toBe('app://rightful/index.html')
      expect(await page.evaluate(() => ({ origin: location.origin, secure: window.isSecureContext }))).toEqual({ origin: 'app://rightful', secure: true })
      // The protocol serves the build folder and nothing outside it.
      const served = await page.evaluate(async () => {
        const status = async (url: string) => {
          try {
            return (await fetch(url)).status
          } catch {
            return 'blocked'
          }
        }
        return {
          index: await status('app://rightful/index.html'),
          escape: await status('app://rightful/..%2f..%2f..%2fpackage.json'),
          file: await status('file:///etc/hostname'),
        }
      })
      expect(served).toEqual({ index: 200, escape: 403, file: 'blocked' })

      // No Node in the page (nodeIntegration off, contextIsolation on): only the frozen window.api.
      const globals = await page.evaluate(() => ({
        api: Object.keys(window.api).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }))
      expect(globals).toEqual({ api: apiDomains, require: 'undefined', process: 'undefined' })

      // Navigation away from the app is refused: wait for the main process to decide, then look.
      await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]!.webContents
        ;(globalThis as { __navigation?: Promise<unknown> }).__navigation = new Promise((resolve) => {
          contents.once('will-navigate', (event) => setImmediate(() => resolve({ url: event.url, prevented: event.defaultPrevented })))
        })
      })
      await page.evaluate(() => {
        window.location.href = 'https://example.com/'
      })
      const decided = await app.evaluate(() => (globalThis as { __navigation?: Promise<unknown> }).__navigation)
      expect(decided).toEqual({ url: 'https://example.com/', prevented: true })
      expect(page.url()).toBe('app://rightful/index.html')
      await expect(page.getByRole('heading', { name: 'Your requests' })).toBeVisible()

      // A letter, saved through the (stubbed) save dialog, from the bundled fonts and templates.
      const target = path.join(dataDir, 'letter.pdf')
      await app.evaluate(({ dialog }, file) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog
      }, target)
      const result = await page.evaluate(async () => {
        await window.api.profile.save({ name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' })
        const created = await window.api.requests.create({ companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })
        if (!created.ok) return created
        return window.api.letters.savePdf({ reference: created.data.record.reference })
      })
      expect(result).toMatchObject({ ok: true, data: { path: target } })
      expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-')
    } finally {
      await app.close()
    }
  })
})
