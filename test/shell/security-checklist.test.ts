/**
 * Electron's security checklist (docs/tutorial/security.md, all 20 items of the list as it stands
 * in Electron's repository in August 2026), one test per item, each on the app as main.ts wires it
 * (with `electron` mocked: the binary cannot be downloaded here). README.md, "Security", lists the
 * same items with how Rightful meets each.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FuseV1Options } from '@electron/fuses'
import { fuses } from '../../forge.config'
import { apiChannels } from '../../electron/core/api/channels'
import { buildMailtoUrl } from '../../electron/core/mail/mailto'
import { webmailUrl } from '../../electron/core/settings/webmail'
import { createShellOpener } from '../../electron/shell/adapters'
import { productionCsp } from '../../electron/shell/csp'
import { repoRoot } from '../helpers/ports'
import { fake, FakeWebContents, resetFakeElectron, stopUtilityProcesses, type FakeBrowserWindow } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

// main.ts reads its resources beside its bundle; under test they are the repository's.
vi.mock('../../electron/adapters/node/resources', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../electron/adapters/node/resources')>()
  return {
    templatesFrom: () => actual.templatesFrom(repoRoot),
    fontsFrom: () => actual.fontsFrom(repoRoot),
    builtinCatalogFrom: () => actual.builtinCatalogFrom(repoRoot),
    builtinAuthoritiesFrom: () => actual.builtinAuthoritiesFrom(repoRoot),
    missingResources: () => actual.missingResources(repoRoot),
  }
})

let dataDir: string
let window: FakeBrowserWindow

/** An IPC event as Electron gives one to a handler. */
function event(options: { id?: number; url?: string; parent?: unknown } = {}) {
  return { sender: { id: options.id ?? window.webContents.id }, senderFrame: { url: options.url ?? 'app://rightful/index.html', parent: options.parent ?? null } }
}

beforeAll(async () => {
  resetFakeElectron()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-checklist-'))
  vi.stubEnv('RIGHTFUL_DATA_DIR', dataDir)
  vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window')
  vi.resetModules()
  await import('../../electron/main')
  await new Promise((resolve) => setTimeout(resolve, 0))
  window = fake().windows[0]!
})

afterAll(async () => {
  fake().app.emit('will-quit')
  await stopUtilityProcesses()
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe("Electron's security checklist", () => {
  it('#1 loads only its own content: the window loads app://rightful/, and the policy allows no other origin', () => {
    expect(window.loadURL.mock.calls.map((call) => call[0])).toEqual(['app://rightful/index.html'])
    expect(window.loadFile).not.toHaveBeenCalled()
    // No source of the production policy names a scheme or host: only 'self' (and data: images).
    const sources = productionCsp.split(';').flatMap((directive) => directive.trim().split(/\s+/).slice(1))
    expect(sources.filter((s) => !["'self'", "'none'", 'data:'].includes(s))).toEqual([])
    // The page's own markup loads nothing from elsewhere.
    const html = fs.readFileSync(path.join(repoRoot, 'renderer', 'index.html'), 'utf8')
    expect(html).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//i)
  })

  it('#2 gives the page no Node.js integration, in no frame or worker', () => {
    expect(window.options.webPreferences).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false })
  })

  it('#3 isolates the page from the preload (contextIsolation)', () => {
    expect(window.options.webPreferences?.contextIsolation).toBe(true)
  })

  it('#4 sandboxes every renderer', () => {
    expect(window.options.webPreferences?.sandbox).toBe(true)
    expect(fake().app.enableSandbox).toHaveBeenCalled()
  })

  it('#5 answers every permission request and check with no', () => {
    const { permissionRequestHandler, permissionCheckHandler } = fake().defaultSession
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'midi', 'hid', 'serial', 'usb', 'fullscreen']) {
      const callback = vi.fn()
      permissionRequestHandler?.(window.webContents, permission, callback, {})
      expect(callback, permission).toHaveBeenCalledWith(false)
      expect(permissionCheckHandler?.(window.webContents, permission, 'app://rightful', {}), permission).toBe(false)
    }
  })

  it('#6 keeps webSecurity on', () => {
    expect(window.options.webPreferences?.webSecurity).toBe(true)
  })

  it("#7 sends a Content-Security-Policy with script-src 'self' on every response", () => {
    for (const url of ['app://rightful/index.html', 'app://rightful/assets/index.js', 'https://example.org/anything']) {
      expect(fake().defaultSession.respond(url, { 'Content-Security-Policy': ["script-src * 'unsafe-eval'"] })?.['Content-Security-Policy']).toEqual([productionCsp])
    }
    expect(productionCsp).toContain("script-src 'self'")
    expect(productionCsp).toContain("object-src 'none'")
    expect(productionCsp).not.toMatch(/unsafe-(?:eval|inline)/)
  })

  it('#8 does not allow insecure content', () => {
    expect(window.options.webPreferences?.allowRunningInsecureContent).toBe(false)
  })

  it('#9 enables no experimental features', () => {
    expect(window.options.webPreferences?.experimentalFeatures).toBe(false)
  })

  it('#10 enables no Blink features', () => {
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    const sources = fs.readdirSync(path.join(repoRoot, 'electron'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))
    const using = sources.filter((f) => fs.readFileSync(path.join(repoRoot, 'electron', f), 'utf8').includes('enableBlinkFeatures:'))
    expect(using).toEqual([])
  })

  it('#11 has no <webview> at all, so none with allowpopups', () => {
    expect(window.options.webPreferences?.webviewTag).toBe(false)
    expect(window.webContents.attempt('will-attach-webview', 'https://example.org/')).toBe(true)
  })

  it('#12 refuses every <webview> before it is attached, in every webContents the app creates', () => {
    // A webContents created later (devtools, a child) is hardened as it is created.
    const later = new FakeWebContents()
    fake().app.emit('web-contents-created', {}, later)
    expect(later.attempt('will-attach-webview', 'app://rightful/index.html')).toBe(true)
  })

  it('#13 does not navigate away from the app', () => {
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(window.webContents.attempt(name, 'https://evil.example/'), name).toBe(true)
      expect(window.webContents.attempt(name, 'file:///etc/passwd'), name).toBe(true)
      expect(window.webContents.attempt(name, 'app://evil/index.html'), name).toBe(true)
      expect(window.webContents.attempt(name, 'app://rightful/index.html'), name).toBe(false)
    }
  })

  it('#14 opens no new window: https and mailto links go to the system, the rest nowhere', async () => {
    const open = window.webContents.windowOpenHandler!
    for (const url of ['https://www.datarequests.org/', 'mailto:privacy@example.org', 'javascript:alert(1)', 'file:///etc/passwd', 'app://rightful/index.html', 'http://example.org/']) {
      expect(open({ url }), url).toEqual({ action: 'deny' })
    }
    await vi.waitFor(() => expect(fake().shell.openExternal).toHaveBeenCalledTimes(2))
    expect(fake().shell.openExternal.mock.calls.map((call) => call[0])).toEqual(['https://www.datarequests.org/', 'mailto:privacy@example.org'])
  })

  it('#15 hands the system only https: and mailto: links, and builds mail links only from the request’s own fields', async () => {
    const opener = createShellOpener('linux')
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'https://user:pass@example.org/', 'https:example.org', 'ms-settings:', 'https://example.org/\n']) {
      await expect(opener.open(url), url).rejects.toThrow()
    }
    await expect(opener.openWebmail('https://mail.google.com.evil.example/mail/?view=cm&to=x')).rejects.toThrow()
    // A subject and text that try to add recipients or headers stay subject and text.
    const hostile = { to: 'privacy@fs.com', subject: 'Access\r\nBcc: evil@example.org', body: 'Hello&bcc=evil@example.org&cc=x@y.z\n?to=evil@example.org' }
    const mailto = new URL(buildMailtoUrl(hostile, 32_000))
    expect(mailto.protocol).toBe('mailto:')
    expect(mailto.pathname).toBe('privacy@fs.com')
    expect([...mailto.searchParams.keys()]).toEqual(['subject', 'body'])
    expect(mailto.searchParams.get('subject')).toBe('Access\r\nBcc: evil@example.org')
    const gmail = new URL(webmailUrl('gmail', hostile))
    expect([...gmail.searchParams.keys()]).toEqual(['view', 'fs', 'to', 'su', 'body'])
    expect(gmail.searchParams.get('to')).toBe('privacy@fs.com')
    // The window cannot hand a link over: the mail methods take a request's reference, not a URL.
    for (const channel of ['mail:openInMailProgram', 'mail:openWebmail'] as const) {
      const answer = (await fake().ipcMain.invoke(channel, event(), { reference: 'RF-2026-0001', provider: 'gmail', url: 'file:///etc/passwd' })) as { ok: boolean; error?: { code: string } }
      expect(answer, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
  })

  it('#16 runs on a supported Electron major (the latest three: 43 to 45 in December 2026)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
    expect(pkg.devDependencies.electron).toMatch(/^\^45\./)
    const installed = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
    expect(Number(installed.version.split('.')[0])).toBeGreaterThanOrEqual(43)
  })

  it('#17 answers the API only to its own window’s main frame showing the app, after checking the input', async () => {
    expect([...fake().ipcMain.handlers.keys()].sort()).toEqual([...apiChannels].sort())
    expect(await fake().ipcMain.invoke('app:status', event(), {})).toMatchObject({ ok: true })
    for (const stranger of [event({ id: 9999 }), event({ url: 'https://evil.example/' }), event({ parent: {} }), event({ url: 'file:///index.html' })]) {
      expect(await fake().ipcMain.invoke('app:status', stranger, {})).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    }
    // A malformed call never leaves the main process for the core's.
    expect(await fake().ipcMain.invoke('catalog:search', event(), { query: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('#18 serves its pages from the app:// protocol, never file://, and only from its build folder', async () => {
    expect(fake().protocol.privileged?.map((s) => s.scheme)).toEqual(['app'])
    expect([...fake().protocol.handlers.keys()]).toEqual(['app'])
    expect((await fake().protocol.fetch('app://rightful/..%2f..%2fpackage.json')).status).toBeGreaterThanOrEqual(400)
    expect((await fake().protocol.fetch('app://elsewhere/index.html')).status).toBeGreaterThanOrEqual(400)
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })

  it('#19 flips the fuses it does not need', () => {
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false)
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true)
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
  })

  it('#20 exposes no Electron API to the page: one function per API method, and events without their IPC event', async () => {
    vi.resetModules()
    fake().contextBridge.exposeInMainWorld.mockClear()
    fake().ipcRenderer.on.mockClear()
    await import('../../electron/preload')
    const exposed = new Map(fake().contextBridge.exposeInMainWorld.mock.calls.map((call) => [call[0] as string, call[1] as Record<string, unknown>]))
    expect([...exposed.keys()]).toEqual(['api', 'rightfulEvents'])
    const api = exposed.get('api')!
    const functions = Object.values(api).flatMap((domain) => Object.values(domain as Record<string, unknown>))
    expect(functions).toHaveLength(apiChannels.length)
    expect(functions.every((f) => typeof f === 'function')).toBe(true)
    expect(JSON.stringify(Object.keys(exposed.get('rightfulEvents')!))).toBe('["onOpenRequest","onProgress"]')
    // A page's callback hears the payload only, never the IpcRendererEvent (whose sender is ipcRenderer).
    const heard: unknown[][] = []
    ;(exposed.get('rightfulEvents')!.onProgress as (cb: (...args: unknown[]) => void) => void)((...args) => void heard.push(args))
    const [, wrapper] = fake().ipcRenderer.on.mock.calls.find((call) => call[0] === 'app:progress') as unknown as [string, (...args: unknown[]) => void]
    wrapper({ sender: fake().ipcRenderer }, { operation: 'op-abcdef12', channel: 'catalog:import', stage: 'reading', done: 1, total: 2, message: 'Reading', cancellable: true })
    expect(heard).toHaveLength(1)
    expect(heard[0]).toHaveLength(1)
    expect(JSON.stringify(heard[0])).not.toContain('sender')
  })
})
