import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { isTrustedSenderId } from '../../electron/shell/trusted-senders'
import { createMainWindow, secureWebPreferences, windowBackgroundDark } from '../../electron/shell/window'
import { fake, resetFakeElectron, type FakeBrowserWindow } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const preloadPath = path.resolve('/opt/Rightful/.vite/build/preload.js')

beforeEach(() => {
  resetFakeElectron()
})

function built(): FakeBrowserWindow {
  createMainWindow({ preloadPath, appOrigin: { kind: 'app' }, load: { kind: 'app' } })
  const window = fake().windows[0]
  if (!window) throw new Error('no window was created')
  return window
}

describe('the main window', () => {
  it('has exactly the hardened webPreferences', () => {
    expect(secureWebPreferences(preloadPath, 'darwin')).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
        webviewTag: false,
      spellcheck: true,
      preload: preloadPath,
    })
  })

  it('turns the spell checker off on Linux, where it would download dictionaries', () => {
    expect(secureWebPreferences(preloadPath, 'linux').spellcheck).toBe(false)
    expect(secureWebPreferences(preloadPath, 'win32').spellcheck).toBe(true)
  })

  it('is created with those preferences, its size and title, hidden until painted', () => {
    const window = built()
    expect(fake().windows).toHaveLength(1)
    expect(window.options).toMatchObject({
      width: 1200,
      height: 800,
      minWidth: 900,
      minHeight: 600,
      title: 'Rightful',
      show: false,
      backgroundColor: '#f6f7f9',
    })
    expect(window.options.webPreferences).toEqual(secureWebPreferences(preloadPath))
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: preloadPath })
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledTimes(1)
  })

  it('starts dark when the system is set to dark, as the page will be', () => {
    fake().nativeTheme.shouldUseDarkColors = true
    expect(built().options.backgroundColor).toBe(windowBackgroundDark)
  })

  it('lets the page name itself: its document.title becomes the window title', () => {
    const window = built()
    const event = { preventDefault: vi.fn() }
    window.emit('page-title-updated', event, 'FS.COM - Rightful', true)
    expect(event.preventDefault).not.toHaveBeenCalled()
    expect(window.listenerCount('page-title-updated')).toBe(0)
  })

  it('loads the built renderer from app://rightful/, never from file://, or the dev server URL', () => {
    const window = built()
    expect(window.loadURL).toHaveBeenCalledWith('app://rightful/index.html')
    expect(window.loadFile).not.toHaveBeenCalled()

    resetFakeElectron()
    const url = 'http://localhost:5173'
    createMainWindow({ preloadPath, appOrigin: { kind: 'url', url }, load: { kind: 'url', url } })
    expect(fake().windows[0]?.loadURL).toHaveBeenCalledWith(url)
  })

  it('trusts its webContents for IPC until it is destroyed', () => {
    const window = built()
    expect(isTrustedSenderId(window.webContents.id)).toBe(true)
    window.close()
    expect(isTrustedSenderId(window.webContents.id)).toBe(false)
  })

  it('refuses to load anything but the app', () => {
    const appOrigin = { kind: 'app' } as const
    expect(() => createMainWindow({ preloadPath, appOrigin, load: { kind: 'url', url: 'https://evil.example/' } })).toThrow(/Refusing/)
    expect(() => createMainWindow({ preloadPath, appOrigin, load: { kind: 'url', url: 'file:///opt/Rightful/index.html' } })).toThrow(/Refusing/)
    expect(() => createMainWindow({ preloadPath, appOrigin, load: { kind: 'url', url: 'app://evil/index.html' } })).toThrow(/Refusing/)
    // The dev server's origin is not the app once the app is built, and the other way round.
    expect(() => createMainWindow({ preloadPath, appOrigin: { kind: 'url', url: 'http://localhost:5173' }, load: { kind: 'app' } })).toThrow(/Refusing/)
    expect(fake().windows).toHaveLength(0)
  })
})
