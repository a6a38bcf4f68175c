/**
 * A small stand-in for the `electron` module, for tests of the shell: the Electron binary cannot
 * be downloaded on these machines. Use it with
 *   vi.mock('electron', async () => (await import('./fake-electron')).electronModule)
 * The state lives on globalThis, so it stays one instance even across vi.resetModules().
 */
import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads'
import { vi } from 'vitest'

type Listener = (...args: never[]) => unknown

let nextContentsId = 1

/** A webContents that records its window-open handler and emits events on demand. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  destroyed = false
  /** Records main -> renderer messages. */
  send = vi.fn((_channel: string, ..._args: unknown[]) => {})
  /** Printing: the dialog's answer is `fake().printAnswer` (true: printed, false: cancelled). */
  print = vi.fn((_options: Record<string, unknown>, callback: (success: boolean, reason: string) => void) => {
    callback(fake().printAnswer, fake().printAnswer ? '' : 'cancelled')
  })

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  /** Emits 'destroyed' as Electron does when the page goes away. */
  destroy(): void {
    this.destroyed = true
    this.emit('destroyed')
  }

  /** Emits a cancellable event with Electron's (event, url) arguments; true when it was prevented. */
  attempt(eventName: string, url: string): boolean {
    let prevented = false
    const event = { url, preventDefault: () => void (prevented = true) }
    this.emit(eventName, event, url)
    return prevented
  }
}

/** A BrowserWindow that records its options and what it was asked to load. */
export class FakeBrowserWindow extends EventEmitter {
  static getAllWindows = (): FakeBrowserWindow[] => fake().windows.filter((w) => !w.closed)

  readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }
  readonly webContents = new FakeWebContents()
  closed = false
  show = vi.fn()
  focus = vi.fn()
  restore = vi.fn()
  isMinimized = vi.fn(() => false)
  /** A closed window is destroyed, as in Electron. */
  isDestroyed = vi.fn(() => this.closed)
  loadURL = vi.fn(async (_url: string) => {})
  loadFile = vi.fn(async (_file: string) => {})
  destroy = vi.fn(() => {
    this.closed = true
    this.webContents.destroy()
  })

  constructor(options: Record<string, unknown>) {
    super()
    this.options = options
    fake().windows.push(this)
    fake().app.emit('web-contents-created', {}, this.webContents)
  }

  close(): void {
    this.closed = true
    this.emit('closed')
    this.webContents.destroy()
  }
}

/**
 * A main-process Notification: records its options and whether it was shown; `click()` and
 * `close()` emit what the system would. Whether the system supports notifications is
 * `fake().notificationsSupported`; every one created is in `fake().notifications`.
 */
export class FakeNotification extends EventEmitter {
  static isSupported = (): boolean => fake().notificationsSupported

  readonly options: { title?: string; body?: string; silent?: boolean }
  show = vi.fn()

  constructor(options: { title?: string; body?: string; silent?: boolean } = {}) {
    super()
    this.options = options
    fake().notifications.push(this)
  }

  /** The user clicks it. */
  click(): void {
    this.emit('click', { preventDefault: () => {} })
  }

  /** The user dismisses it, or it times out. */
  close(): void {
    this.emit('close', { preventDefault: () => {} })
  }

  /** The system refuses to show it (macOS for an unsigned app since Electron 42). */
  fail(error: string): void {
    this.emit('failed', { preventDefault: () => {} }, error)
  }
}

/** ipcMain with the handle/removeHandler bookkeeping of the real one. */
export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Listener>()
  handle = vi.fn((channel: string, listener: Listener) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  })
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel)
  })

  /** Calls a channel's handler as Electron would for `ipcRenderer.invoke(channel, ...args)`. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel) as ((...a: unknown[]) => unknown) | undefined
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return handler(event, ...args)
  }
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void

/** A session that records the hooks it was given. */
export class FakeSession {
  headersListener: HeadersListener | null = null
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null
  readonly webRequest = {
    onHeadersReceived: vi.fn((listener: HeadersListener) => {
      this.headersListener = listener
    }),
  }
  setPermissionRequestHandler = vi.fn((handler: FakeSession['permissionRequestHandler']) => {
    this.permissionRequestHandler = handler
  })
  setPermissionCheckHandler = vi.fn((handler: FakeSession['permissionCheckHandler']) => {
    this.permissionCheckHandler = handler
  })

  /** Runs a response through the headers hook and returns the headers the page would get. */
  respond(url: string, responseHeaders: Record<string, string[]> = {}): Record<string, string[]> | undefined {
    let result: Record<string, string[]> | undefined
    this.headersListener?.({ url, responseHeaders }, (response) => (result = response.responseHeaders))
    return result
  }
}

/**
 * Runs in the worker of a fake utility process before the core's bundle: it gives the bundle the
 * `process.parentPort` Electron gives a utility process (messages arrive as `{ data }`).
 */
const utilityBootstrap = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { EventEmitter } = require('node:events');
const port = new EventEmitter();
parentPort.on('message', (data) => port.emit('message', { data, ports: [] }));
port.postMessage = (message) => parentPort.postMessage(message);
Object.defineProperty(process, 'parentPort', { value: port });
require(workerData.modulePath);
`

/**
 * A utility process (utilityProcess.fork). When the module it is asked to run exists (the built
 * core.js), it runs it in a worker thread, through the same `process.parentPort` a real utility
 * process has. Otherwise (the main process under test from its sources, where no core.js sits
 * beside it) it runs the core's server from the sources on this thread, over a MessageChannel:
 * the same protocol, every message copied between two ports. `crash(code)` ends it as a crash
 * would; `kill()` as Electron's does.
 */
export class FakeUtilityProcess extends EventEmitter {
  static nextPid = 40_000
  readonly pid = FakeUtilityProcess.nextPid++
  readonly mode: 'worker' | 'in-process'
  private worker: Worker | null = null
  private port: MessagePort | null = null
  private stopServer: (() => void) | null = null
  private exited = false
  private exitCode: number | null = null
  /** Settles when the in-process core's modules have loaded (at once for a worker): a test waits for it before it ends. */
  loaded: Promise<void> = Promise.resolve()

  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super()
    this.mode = fs.existsSync(modulePath) ? 'worker' : 'in-process'
    if (this.mode === 'worker') {
      const worker = new Worker(utilityBootstrap, { eval: true, workerData: { modulePath } })
      this.worker = worker
      worker.on('online', () => this.emit('spawn'))
      worker.on('message', (message: unknown) => this.emit('message', message))
      worker.on('error', (error) => console.error('[fake utility process]', error))
      worker.on('exit', (code) => this.end(this.exitCode ?? code))
    } else {
      const { port1, port2 } = new MessageChannel()
      this.port = port2
      port2.on('message', (message: unknown) => this.emit('message', message))
      this.loaded = import('../../electron/core-host/serve').then(({ serveCore }) => {
        if (this.exited) return
        const server = serveCore({
          post: (message) => port1.postMessage(message),
          listen(listener) {
            port1.on('message', listener)
            return () => void port1.off('message', listener)
          },
        })
        this.stopServer = () => {
          server.stop()
          port1.close()
        }
        this.emit('spawn')
      })
    }
  }

  postMessage(message: unknown): void {
    if (this.exited) throw new Error('The utility process has exited.')
    if (this.worker) this.worker.postMessage(message)
    else this.port?.postMessage(message)
  }

  /** Ends it as Electron's kill() does (SIGTERM). */
  kill(): boolean {
    if (this.exited) return false
    this.stop(143)
    return true
  }

  /** Ends it as a crash would, with this exit code. */
  crash(code = 1): void {
    this.stop(code)
  }

  private stop(code: number): void {
    this.exitCode = code
    if (this.worker) {
      const worker = this.worker
      void worker.terminate().then(() => this.end(code))
      return
    }
    this.stopServer?.()
    this.port?.close()
    this.end(code)
  }

  private end(code: number): void {
    if (this.exited) return
    this.exited = true
    this.emit('exit', code)
  }
}

/**
 * safeStorage: a reversible stand-in for the system's encryption (the text never appears as is).
 * `available` and `backend` say what the system offers; Linux without a keyring is 'basic_text'.
 * Only the asynchronous calls exist, as the app must use them since Electron 45 (the synchronous
 * ones are deprecated). Each ciphertext begins with the tag Chromium gives it on Linux: "v11"
 * under a keyring's key, "v10" under the fixed key the asynchronous API falls back to when no
 * Secret Service answers (`secretService` false; always so for 'basic_text'). Each names the key
 * it was made with; after `rotateKey()`, decrypting an older one says it should be encrypted
 * again, as safeStorage does.
 */
function createSafeStorage() {
  const state = {
    available: true,
    key: 1,
    backend: 'gnome_libsecret' as 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
    /** Whether a Secret Service (GNOME Keyring, KWallet) answers the asynchronous API. */
    secretService: true,
    rotateKey: () => void (state.key += 1),
    tag: () => (state.secretService && state.backend !== 'basic_text' ? 'v11' : 'v10'),
    isAsyncEncryptionAvailable: vi.fn(async () => state.available),
    getSelectedStorageBackend: vi.fn(() => state.backend),
    encryptStringAsync: vi.fn(async (text: string) => {
      if (!state.available) throw new Error('Encryption is not available.')
      return Buffer.concat([Buffer.from(state.tag()), Buffer.from('FAKE'), Buffer.from([state.key]), Buffer.from(text, 'utf8').map((b) => b ^ (0x50 + state.key))])
    }),
    decryptStringAsync: vi.fn(async (encrypted: Buffer) => {
      if (!state.available) throw new Error('Decryption is not available.')
      const key = encrypted[7] ?? 0
      if (!/^v1[01]FAKE$/.test(encrypted.subarray(0, 7).toString('latin1')) || key < 1 || key > state.key) {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.')
      }
      return { result: Buffer.from(encrypted.subarray(8).map((b) => b ^ (0x50 + key))).toString('utf8'), shouldReEncrypt: key < state.key }
    }),
  }
  return state
}

/**
 * protocol: records the privileged schemes (accepted once, and only before the app is ready, as
 * Electron does) and the handlers (only once the app is ready, one per scheme).
 */
function createProtocol(isReady: () => boolean) {
  const state = {
    privileged: null as Array<{ scheme: string; privileges?: Record<string, boolean> }> | null,
    handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    registerSchemesAsPrivileged: vi.fn((schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>) => {
      if (isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
      if (state.privileged) throw new Error('protocol.registerSchemesAsPrivileged can only be called once')
      state.privileged = schemes
    }),
    handle: vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
      if (!isReady()) throw new Error('protocol.handle can only be used after the app is ready')
      if (state.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`)
      state.handlers.set(scheme, handler)
    }),
    /** Sends a request through the handler of its scheme, as the renderer would. */
    async fetch(url: string, init?: RequestInit): Promise<Response> {
      const handler = state.handlers.get(new URL(url).protocol.slice(0, -1))
      if (!handler) throw new Error(`No handler for ${url}`)
      return handler(new Request(url, init))
    },
  }
  return state
}

function createFake() {
  let ready = false
  const app = Object.assign(new EventEmitter(), {
    paths: { userData: '/fake/userData', documents: '/fake/Documents' } as Record<string, string>,
    getPath: vi.fn((name: string) => {
      const value = app.paths[name]
      if (!value) throw new Error(`no fake path for ${name}`)
      return value
    }),
    getVersion: vi.fn(() => '9.9.9-test'),
    getPreferredSystemLanguages: vi.fn((): string[] => ['de-DE', 'en-US']),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() =>
      Promise.resolve().then(() => {
        ready = true
      }),
    ),
    isReady: vi.fn(() => ready),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    setBadgeCount: vi.fn((_count?: number) => true),
    setAppUserModelId: vi.fn(),
    isPackaged: false,
  })
  return {
    app,
    /** Every BrowserWindow created since the last reset. */
    windows: [] as FakeBrowserWindow[],
    /** Every Notification created since the last reset. */
    notifications: [] as FakeNotification[],
    notificationsSupported: true,
    printAnswer: true,
    safeStorage: createSafeStorage(),
    /** The system's light or dark setting. */
    nativeTheme: { shouldUseDarkColors: false },
    protocol: createProtocol(() => ready),
    ipcMain: new FakeIpcMain(),
    defaultSession: new FakeSession(),
    /** Every utility process forked since the last reset. */
    utilityProcesses: [] as FakeUtilityProcess[],
    utilityProcess: {
      fork: vi.fn((modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) => {
        const child = new FakeUtilityProcess(modulePath, args, options)
        fake().utilityProcesses.push(child)
        return child
      }),
    },
    shell: { openExternal: vi.fn(async (_url: string) => {}), openPath: vi.fn(async () => '') },
    clipboard: { writeText: vi.fn((_text: string) => {}) },
    dialog: {
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
      showErrorBox: vi.fn(),
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: null })),
      send: vi.fn(),
      sendSync: vi.fn(),
      on: vi.fn((_channel: string, _listener: (...args: never[]) => unknown) => {}),
      removeListener: vi.fn((_channel: string, _listener: (...args: never[]) => unknown) => {}),
    },
  }
}

export type Fake = ReturnType<typeof createFake>

const holder = globalThis as { __rightfulFakeElectron?: Fake }

/** The shared fake state. */
export function fake(): Fake {
  holder.__rightfulFakeElectron ??= createFake()
  return holder.__rightfulFakeElectron
}

/**
 * Ends every utility process the current fake started (a test's core must not outlive it). The
 * promise settles once their modules have finished loading, so that nothing is still importing
 * after the test's environment is gone (a loaded machine can take seconds for it).
 */
export async function stopUtilityProcesses(): Promise<void> {
  const children = holder.__rightfulFakeElectron?.utilityProcesses ?? []
  for (const child of children) child.kill()
  await Promise.allSettled(children.map((child) => child.loaded))
}

/** A fresh fake: new app, ipcMain, session and spies; no windows, no notifications. */
export function resetFakeElectron(): Fake {
  holder.__rightfulFakeElectron = createFake()
  return holder.__rightfulFakeElectron
}

/**
 * The module object `vi.mock('electron', ...)` returns. Getters read the current fake, so a reset
 * is seen by modules that imported electron earlier. `default` serves `import electron from
 * 'electron'` (electron-store does that).
 */
function buildModule() {
  const module = {
    get app() {
      return fake().app
    },
    get ipcMain() {
      return fake().ipcMain
    },
    get session() {
      return { defaultSession: fake().defaultSession }
    },
    get shell() {
      return fake().shell
    },
    get dialog() {
      return fake().dialog
    },
    get clipboard() {
      return fake().clipboard
    },
    get Menu() {
      return fake().Menu
    },
    get contextBridge() {
      return fake().contextBridge
    },
    get ipcRenderer() {
      return fake().ipcRenderer
    },
    get safeStorage() {
      return fake().safeStorage
    },
    get nativeTheme() {
      return fake().nativeTheme
    },
    get protocol() {
      return fake().protocol
    },
    get utilityProcess() {
      return fake().utilityProcess
    },
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
  }
  return { ...Object.getOwnPropertyDescriptors(module), default: { value: module, enumerable: true } }
}

export const electronModule = Object.defineProperties({}, buildModule()) as Record<string, unknown>
