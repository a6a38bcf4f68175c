/**
 * The main process: one instance, one window, the security policy, and the core behind typed IPC.
 * The core itself runs in its own utility process (shell/core-process.ts), so that a slow call
 * never freezes the window; this process forwards each checked call to it and serves it what
 * needs Electron (dialogs, safeStorage, the system's browser, printing, notifications).
 * Everything security related (CSP, permissions, navigation, window.open, trusted senders) is
 * wired here before the window exists. No telemetry: the only things that leave the app are files
 * the user saves, https:/mailto: links the user clicks, and the e-mails the user sends through
 * their own mail server (SMTP, and the optional copy to their IMAP Sent folder).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, session, utilityProcess, type MenuItemConstructorOptions } from 'electron'
import fs from 'node:fs'
import path from 'node:path'
import { missingResources } from './adapters/node/resources'
import type { HostPorts } from './core-host/client'
import { createDialogFileSink, createDialogFilePicker, createShellOpener } from './shell/adapters'
import { registerAppScheme, serveAppProtocol } from './shell/app-protocol'
import { startCoreProcess, type CoreProcess } from './shell/core-process'
import { contentSecurityPolicy } from './shell/csp'
import { createPdfPrinter } from './shell/print'
import { sendToRenderer } from './shell/push'
import { createSafeStorageSecrets } from './shell/secrets'
import { loadInputChecker, registerApi, removeStrayListeners } from './shell/ipc'
import { startDeadlineNotifier, type DeadlineNotifier } from './shell/notifications'
import { hardenAllWebContents, hardenSession } from './shell/security'
import { isTrustedSender } from './shell/trusted-senders'
import type { AppOrigin } from './shell/trusted-url'
import { createMainWindow, type WindowLoad } from './shell/window'

const devServerUrl =
  typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL !== ''
    ? MAIN_WINDOW_VITE_DEV_SERVER_URL
    : undefined
const rendererName = typeof MAIN_WINDOW_VITE_NAME === 'string' ? MAIN_WINDOW_VITE_NAME : 'main_window'
const isDev = devServerUrl !== undefined

/** The renderer's build folder, served on app://rightful/ (never loaded from file://). */
const rendererDir = path.join(__dirname, `../renderer/${rendererName}`)
const load: WindowLoad = devServerUrl ? { kind: 'url', url: devServerUrl } : { kind: 'app' }
const appOrigin: AppOrigin = load
const preloadPath = path.join(__dirname, 'preload.js')
/** The build copies templates/ and assets/ here (vite.resources.ts). */
const resourcesRoot = path.join(__dirname, 'resources')
/** The core's bundles, built beside this one (vite.core.config.ts). */
const coreModule = path.join(__dirname, 'core.js')
const computeScript = path.join(__dirname, 'compute-worker.js')
/** The one way out of the app: https: and mailto: links, to the system's own handlers. */
const external = createShellOpener()

let mainWindow: BrowserWindow | null = null
let started = false
/** The core's process, while the app runs. */
let core: CoreProcess | null = null
/** Deadline notifications and the badge, while the app runs (nothing runs once it has quit). */
let notifier: DeadlineNotifier | null = null

/** A problem the user must fix (not a bug): shown as it is. */
class StartupError extends Error {}

function dataDirFrom(env: NodeJS.ProcessEnv): string {
  const fromEnv = env.RIGHTFUL_DATA_DIR?.trim()
  if (!fromEnv) return app.getPath('userData')
  if (!path.isAbsolute(fromEnv)) {
    throw new StartupError(`RIGHTFUL_DATA_DIR must be an absolute path, but it is "${fromEnv}".`)
  }
  return fromEnv
}

/** What the core's process asks the main process for: everything that needs Electron. */
function hostPorts(dataDir: string): HostPorts {
  return {
    files: createDialogFileSink(() => mainWindow),
    picker: createDialogFilePicker(() => mainWindow),
    printer: createPdfPrinter(() => mainWindow),
    external,
    secrets: createSafeStorageSecrets({ dataDir }),
  }
}

function openWindow(): void {
  const window = createMainWindow({ preloadPath, appOrigin, load })
  mainWindow = window
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
}

function applicationMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isDev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
    { role: 'windowMenu' },
  ]
  return Menu.buildFromTemplate(template)
}

let failed = false

function failToStart(error: unknown): void {
  if (failed) return
  failed = true
  const detail =
    error instanceof StartupError
      ? error.message
      : `${error instanceof Error ? error.message : String(error)}\n\nThe installation may be damaged; reinstalling Rightful should help. Your data was not changed.`
  console.error('[rightful] could not start:', error)
  dialog.showErrorBox('Rightful could not start', detail)
  app.quit()
}

function start(): void {
  hardenSession(session.defaultSession, appOrigin, isDev)
  if (appOrigin.kind === 'app') serveAppProtocol(protocol, { rootDir: rendererDir, csp: contentSecurityPolicy(false) })

  let dataDir: string
  try {
    const missing = missingResources(resourcesRoot)
    if (missing.length > 0) throw new Error(`Rightful's own files are missing: ${missing.join(', ')}.`)
    dataDir = dataDirFrom(process.env)
    fs.mkdirSync(dataDir, { recursive: true })
  } catch (error) {
    failToStart(error)
    return
  }
  const running = startCoreProcess({
    fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
    modulePath: coreModule,
    computeScript: fs.existsSync(computeScript) ? computeScript : null,
    dataDir,
    resourcesRoot,
    appVersion: app.getVersion(),
    // The window's default language (Settings can choose another).
    systemLanguages: app.getPreferredSystemLanguages(),
    ports: hostPorts(dataDir),
    onProgress: (progress) => {
      if (mainWindow) sendToRenderer(mainWindow, 'app:progress', progress)
    },
    onFatal: (message) => failToStart(new StartupError(message)),
  })
  core = running
  // No library may answer the page behind the API's back.
  removeStrayListeners(ipcMain)
  registerApi(ipcMain, running.api, (event) => isTrustedSender(event, appOrigin))

  Menu.setApplicationMenu(applicationMenu())
  openWindow()
  // What the window's first calls need, loaded now that the window exists (not before it).
  void loadInputChecker()
  notifier = startDeadlineNotifier({ api: running.api, getWindow: () => mainWindow, Notification, app })
  started = true
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // Every renderer is sandboxed, whatever its webPreferences say.
  app.enableSandbox()
  // app://rightful/ must be privileged before the app is ready (Electron allows it only then).
  registerAppScheme(protocol)
  // Windows shows notifications only for an app with an identity (the installer's shortcut has it too).
  if (process.platform === 'win32') app.setAppUserModelId('org.rightful.desktop')
  // Before any webContents exists, so none escapes the navigation and window rules.
  hardenAllWebContents(app, appOrigin, (url) => external.open(url))

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })

  app.on('before-quit', () => {
    notifier?.stop()
    notifier = null
  })

  app.on('will-quit', () => {
    core?.stop()
    core = null
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('activate', () => {
    if (started && BrowserWindow.getAllWindows().length === 0) openWindow()
  })

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failToStart(error))
}
