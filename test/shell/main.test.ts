import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiChannels } from '../../electron/core/api/channels'
import { appSchemePrivileges } from '../../electron/shell/app-protocol'
import { developmentCsp, productionCsp } from '../../electron/shell/csp'
import { repoRoot } from '../helpers/ports'
import { fake, resetFakeElectron, stopUtilityProcesses } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

// main.ts reads resources from `<its folder>/resources`, which only a build creates. A test that
// sets `__rightfulResourcesRoot` gets the repository's own resources instead; the others see the
// missing folder, as a broken installation would.
vi.mock('../../electron/adapters/node/resources', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../electron/adapters/node/resources')>()
  const root = (given: string) => (globalThis as { __rightfulResourcesRoot?: string }).__rightfulResourcesRoot ?? given
  return {
    templatesFrom: (given: string) => actual.templatesFrom(root(given)),
    fontsFrom: (given: string) => actual.fontsFrom(root(given)),
    builtinCatalogFrom: (given: string) => actual.builtinCatalogFrom(root(given)),
    builtinAuthoritiesFrom: (given: string) => actual.builtinAuthoritiesFrom(root(given)),
    missingResources: (given: string) => actual.missingResources(root(given)),
  }
})

const electronDir = path.join(repoRoot, 'electron')
let dataDir: string

async function startMain(options: { resources?: boolean } = {}): Promise<void> {
  ;(globalThis as { __rightfulResourcesRoot?: string }).__rightfulResourcesRoot = options.resources === false ? undefined : repoRoot
  vi.resetModules()
  await import('../../electron/main')
  await new Promise((resolve) => setTimeout(resolve, 0))
}

function trustedEvent(url = 'app://rightful/index.html') {
  const window = fake().windows[0]
  if (!window) throw new Error('no window')
  return { sender: { id: window.webContents.id }, senderFrame: { url, parent: null } }
}

beforeEach(() => {
  stopUtilityProcesses()
  resetFakeElectron()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-main-'))
  vi.stubEnv('RIGHTFUL_DATA_DIR', dataDir)
  vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window')
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

afterEach(async () => {
  await stopUtilityProcesses()
  vi.useRealTimers()
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('the main process', () => {
  it('quits at once when another instance is running', async () => {
    fake().app.requestSingleInstanceLock.mockReturnValue(false)
    await startMain()
    expect(fake().app.quit).toHaveBeenCalled()
    expect(fake().app.whenReady).not.toHaveBeenCalled()
    expect(fake().windows).toHaveLength(0)
    expect(fake().ipcMain.handlers.size).toBe(0)
  })

  it('wires the core, the security policy and the window', async () => {
    await startMain()
    const { app, ipcMain, defaultSession, windows, dialog, Menu } = fake()
    expect(dialog.showErrorBox).not.toHaveBeenCalled()
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...apiChannels].sort())
    // The core runs in its own utility process, forked from the bundle beside main.js.
    expect(fake().utilityProcess.fork).toHaveBeenCalledTimes(1)
    expect(fake().utilityProcess.fork.mock.calls[0]?.[0]).toBe(path.join(electronDir, 'core.js'))
    expect(ipcMain.listenerCount('electron-store-get-data')).toBe(0)
    expect(app.enableSandbox).toHaveBeenCalled()
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1)

    expect(windows).toHaveLength(1)
    const window = windows[0]!
    expect(window.options.webPreferences).toMatchObject({
      preload: path.join(electronDir, 'preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    })
    expect(window.loadURL).toHaveBeenCalledWith('app://rightful/index.html')
    expect(window.loadFile).not.toHaveBeenCalled()
    // hardened through app.on('web-contents-created')
    expect(window.webContents.windowOpenHandler).toBeTypeOf('function')
    expect(window.webContents.attempt('will-navigate', 'https://evil.example/')).toBe(true)

    expect(defaultSession.respond('app://rightful/index.html')?.['Content-Security-Policy']).toEqual([productionCsp])
    const callback = vi.fn()
    defaultSession.permissionRequestHandler?.({}, 'media', callback, {})
    expect(callback).toHaveBeenCalledWith(false)
  })

  it('serves the built renderer on app://rightful/, registered before ready, and nothing outside it', async () => {
    // The renderer's build folder is <main.js>/../renderer/<MAIN_WINDOW_VITE_NAME>: point it at a temporary one.
    const build = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-main-renderer-'))
    fs.mkdirSync(path.join(build, 'assets'))
    fs.writeFileSync(path.join(build, 'index.html'), '<!doctype html><title>Built</title>')
    fs.writeFileSync(path.join(build, 'assets', 'app.js'), 'export {}')
    fs.writeFileSync(path.join(build, '..', `${path.basename(build)}-secret.txt`), 'SECRET')
    vi.stubGlobal('MAIN_WINDOW_VITE_NAME', path.relative(path.join(repoRoot, 'renderer'), build))
    try {
      await startMain()
      const { protocol } = fake()
      expect(protocol.privileged).toEqual([appSchemePrivileges])
      expect([...protocol.handlers.keys()]).toEqual(['app'])
      const page = await protocol.fetch('app://rightful/index.html')
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(page.headers.get('content-security-policy')).toBe(productionCsp)
      expect(await page.text()).toBe('<!doctype html><title>Built</title>')
      expect((await protocol.fetch('app://rightful/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
      const escape = await protocol.fetch(`app://rightful/..%2f${path.basename(build)}-secret.txt`)
      expect(escape.status).toBe(403)
      expect(await escape.text()).not.toContain('SECRET')
    } finally {
      fs.rmSync(build, { recursive: true, force: true })
      fs.rmSync(path.join(build, '..', `${path.basename(build)}-secret.txt`), { force: true })
    }
  })

  it('answers the window, and only the window, with the real core on the data folder', async () => {
    await startMain()
    const { ipcMain } = fake()
    expect(await ipcMain.invoke('app:status', trustedEvent(), {})).toMatchObject({
      ok: true,
      data: { version: '9.9.9-test', dataDir },
    })
    expect(await ipcMain.invoke('app:status', trustedEvent('https://evil.example/'), {})).toMatchObject({
      ok: false,
      error: { code: 'UNTRUSTED_SENDER' },
    })
    expect(await ipcMain.invoke('catalog:search', trustedEvent(), { query: 5 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })

  it('loads the dev server with the dev policy when Forge provides one', async () => {
    vi.stubGlobal('MAIN_WINDOW_VITE_DEV_SERVER_URL', 'http://localhost:5173')
    await startMain()
    expect(fake().windows[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173')
    expect(fake().defaultSession.respond('http://localhost:5173/')?.['Content-Security-Policy']).toEqual([developmentCsp])
    expect(await fake().ipcMain.invoke('app:status', trustedEvent('http://localhost:5173/'), {})).toMatchObject({ ok: true })
    // In development the built-app origin is not trusted, and nothing is served on it.
    expect(await fake().ipcMain.invoke('app:status', trustedEvent('app://rightful/index.html'), {})).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(fake().protocol.handlers.size).toBe(0)
  })

  it('shows an error and quits when the resources are broken', async () => {
    await startMain({ resources: false })
    expect(fake().dialog.showErrorBox).toHaveBeenCalledTimes(1)
    expect(fake().dialog.showErrorBox.mock.calls[0]?.[0]).toBe('Rightful could not start')
    expect(fake().app.quit).toHaveBeenCalled()
    expect(fake().windows).toHaveLength(0)
    expect(fake().ipcMain.handlers.size).toBe(0)
  })

  it('refuses a relative RIGHTFUL_DATA_DIR, and uses userData without one', async () => {
    vi.stubEnv('RIGHTFUL_DATA_DIR', 'relative/data')
    await startMain()
    expect(fake().dialog.showErrorBox.mock.calls[0]?.[1]).toMatch(/RIGHTFUL_DATA_DIR must be an absolute path/)
    expect(fake().app.quit).toHaveBeenCalled()

    await stopUtilityProcesses()
    resetFakeElectron()
    vi.stubEnv('RIGHTFUL_DATA_DIR', '')
    fake().app.paths.userData = dataDir
    await startMain()
    expect(await fake().ipcMain.invoke('app:status', trustedEvent(), {})).toMatchObject({ ok: true, data: { dataDir } })
  })

  it('runs the deadline notifier while the app runs, and stops it before quitting', async () => {
    // Only Date is faked: the request is written and sent on 2 January, then the app restarts in June.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2024-01-02T10:00:00Z'))
    const setInterval = vi.spyOn(globalThis, 'setInterval')
    const clearInterval = vi.spyOn(globalThis, 'clearInterval')
    await startMain()
    const { app, ipcMain } = fake()
    await vi.waitFor(() => expect(app.setBadgeCount).toHaveBeenCalledWith(0), { timeout: 60_000 })
    expect(fake().notifications).toEqual([])
    const index = setInterval.mock.calls.findIndex((call) => call[1] === 30 * 60_000)
    expect(index).toBeGreaterThanOrEqual(0)
    const handle = setInterval.mock.results[index]?.value

    // An overdue request, then a restart on the same data: its notification comes on start.
    expect(await ipcMain.invoke('profile:save', trustedEvent(), { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin\nGermany', country: 'DE' })).toMatchObject({ ok: true })
    const created = (await ipcMain.invoke('requests:create', trustedEvent(), { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })) as { ok: boolean; data: { record: { reference: string } } }
    expect(created).toMatchObject({ ok: true })
    const reference = created.data.record.reference
    expect(await ipcMain.invoke('requests:markSent', trustedEvent(), { reference, on: '2024-01-02', channel: 'email' })).toMatchObject({ ok: true })

    app.emit('before-quit')
    expect(clearInterval).toHaveBeenCalledWith(handle)

    vi.setSystemTime(new Date('2024-06-01T10:00:00Z'))
    app.emit('will-quit')
    resetFakeElectron()
    await startMain()
    await vi.waitFor(() => expect(fake().app.setBadgeCount).toHaveBeenCalledWith(1), { timeout: 60_000 })
    const [notification, ...others] = fake().notifications
    expect(others).toEqual([])
    expect(notification?.options).toMatchObject({ title: 'FS.COM has not answered in time', silent: false })
    expect(notification?.show).toHaveBeenCalled()
    notification?.click()
    const window = fake().windows[0]!
    expect(window.focus).toHaveBeenCalled()
    expect(window.webContents.send).toHaveBeenCalledWith('app:open-request', reference)
    fake().app.emit('before-quit')
    fake().app.emit('will-quit')

    // Shown once: the next start has nothing new to show.
    resetFakeElectron()
    await startMain()
    await vi.waitFor(() => expect(fake().app.setBadgeCount).toHaveBeenCalledWith(1), { timeout: 60_000 })
    expect(fake().notifications).toEqual([])
    fake().app.emit('before-quit')
    expect(console.error).not.toHaveBeenCalled()
  })

  it('focuses the window for a second instance, and re-creates it on activate', async () => {
    await startMain()
    const { app, windows } = fake()
    const window = windows[0]!
    window.isMinimized.mockReturnValue(true)
    app.emit('second-instance')
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()

    window.close()
    app.emit('window-all-closed')
    expect(app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1)
    app.emit('activate')
    expect(fake().windows).toHaveLength(2)
  })
})
