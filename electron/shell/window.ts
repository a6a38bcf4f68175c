/**
 * The main window: hardened webPreferences written out in full (even where they are Electron's
 * defaults), shown only once it has painted, and trusted for IPC from the moment it exists.
 */
import { BrowserWindow, nativeTheme, type WebPreferences } from 'electron'
import { trustSender } from './trusted-senders'
import { appUrlOf, isAppUrl, type AppOrigin } from './trusted-url'

/** What the window loads: the dev server's URL, or the built renderer on `app://rightful/`. */
export type WindowLoad = AppOrigin

/** The light UI's page colour, so the window does not flash white or black before painting. */
export const windowBackground = '#f6f7f9'

/** The dark UI's page colour (styles.css, prefers-color-scheme: dark), for the same reason. */
export const windowBackgroundDark = '#111418'

/**
 * The window's webPreferences: an isolated, sandboxed renderer without Node, which reaches the
 * main process only through the preload's `window.api`.
 */
export function secureWebPreferences(preloadPath: string, platform: NodeJS.Platform = process.platform): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    // Checklist item 9: no experimental web platform features (and, item 10, no enableBlinkFeatures at all).
    experimentalFeatures: false,
    webviewTag: false,
    // On Linux, Chromium's spell checker downloads Hunspell dictionaries from Google: no network
    // without the user's say. macOS and Windows use the system's own checker.
    spellcheck: platform !== 'linux',
    preload: preloadPath,
  }
}

/**
 * Creates and loads the main window. Throws when `load` is not the app's own page, so the window
 * can never be pointed at anything else by mistake. The built renderer is loaded from
 * `app://rightful/index.html` (see app-protocol.ts), never from `file://`.
 */
export function createMainWindow(options: { preloadPath: string; appOrigin: AppOrigin; load: WindowLoad }): BrowserWindow {
  const { load, appOrigin } = options
  // A WindowLoad is an AppOrigin, so the same parser decides what it points at.
  const target = appUrlOf(load)
  if (!isAppUrl(target, appOrigin)) throw new Error(`Refusing to load ${target}: it is not the app's own page.`)

  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // Until the page sets its own (document.title names the page); never overridden after that.
    title: 'Rightful',
    show: false,
    // The UI follows the system's light or dark setting: so does the colour before it paints.
    backgroundColor: nativeTheme.shouldUseDarkColors ? windowBackgroundDark : windowBackground,
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  // Before anything loads, so the page's first call is already trusted.
  trustSender(window.webContents)
  window.once('ready-to-show', () => window.show())

  const loading = window.loadURL(target)
  loading.catch((error: unknown) => console.error('[rightful] the window could not load the app:', error))
  return window
}
