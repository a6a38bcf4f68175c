/**
 * The browser harness: serves the built renderer on 127.0.0.1 and gives it a `window.api` that
 * forwards each call over HTTP to a real core. The core runs as the desktop app runs it, off the
 * thread that answers the page: the built core bundle (.vite/build/core.js) in a worker thread,
 * spoken to with the same protocol as the app's utility process (electron/core-host), with the
 * ports the app's main process serves (save dialog, picker, browser, clipboard, secrets) served
 * from here. Long operations' progress reaches the page as server-sent events
 * (`window.rightfulEvents.onProgress`, as the preload gives it). Playwright drives the real UI
 * against the real core in Debian's Chromium, where no Electron binary exists.
 *
 * A development and test tool only: it binds to loopback, and every request must carry the
 * session token (given once in the page URL, then kept in an HttpOnly cookie).
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'
import { apiChannels } from '../../electron/core/api/channels'
import type { Api } from '../../electron/core/api/create-api'
import type { OperationProgress } from '../../electron/core/shared/operation'
import type { Clock, SecretStore } from '../../electron/core/api/ports'
import { folderSink, listPicker, savingPrinter } from '../../electron/adapters/node/node-ports'
import { memorySecrets } from '../../electron/adapters/node/secrets'
import { connectCore } from '../../electron/core-host/client'
import { isWebmailComposeUrl } from '../../electron/shell/trusted-url'

const repoRoot = path.resolve(__dirname, '..', '..')
export const defaultRendererDir = path.join(repoRoot, '.vite', 'renderer', 'main_window')
/** The core's bundles (npm run build:core). */
export const coreBundle = path.join(repoRoot, '.vite', 'build', 'core.js')
export const computeBundle = path.join(repoRoot, '.vite', 'build', 'compute-worker.js')

/** Where a held operation waits (see `Harness.holdOperations`). */
export type HeldAt = { readonly operation: string; readonly channel: string; readonly stage: string }

export type Harness = {
  /** Open this URL (it carries the token). */
  readonly url: string
  readonly origin: string
  readonly token: string
  readonly api: Api
  readonly dataDir: string
  /** Where "saved" files land: the harness's stand-in for the save dialog. */
  readonly outDir: string
  /** URLs the app asked the system to open (mailto:, https:, webmail compose links). */
  readonly opened: ReadonlyArray<string>
  /** Texts the app put on the clipboard. */
  readonly copied: ReadonlyArray<string>
  /** Files the app asked the system to show in the file manager. */
  readonly revealed: ReadonlyArray<string>
  /** Folders the app asked the system to open in the file manager ("Open folder"). */
  readonly openedFolders: ReadonlyArray<string>
  /** What the stand-in for the open dialog hands over next ("Attach files…"). */
  pickNext(files: ReadonlyArray<string>): void
  /** Every progress report of a long operation, in order. */
  readonly progress: ReadonlyArray<OperationProgress>
  /**
   * Holds long operations at their checkpoints of `stage` (any stage when left out) from now on,
   * so that a test can look at the window while one is in progress. `reached` resolves at the
   * first held point; `release()` lets every held operation go on (a cancel ends a held one too).
   */
  holdOperations(stage?: string): { readonly reached: Promise<HeldAt>; release(): void }
  close(): Promise<void>
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.map': 'application/json',
}

const cookieName = 'rightful_harness'

/** window.api for the page: one function per channel, each sending exactly one argument. */
function bridgeScript(): string {
  return `'use strict';
(() => {
  const channels = ${JSON.stringify(apiChannels)};
  const call = (channel, input) =>
    fetch('/__harness/api', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ channel, input }),
    }).then((response) => response.json());
  const api = {};
  for (const channel of channels) {
    const [domain, verb] = channel.split(':');
    api[domain] = api[domain] || {};
    api[domain][verb] = (input) => call(channel, input);
  }
  for (const domain of Object.keys(api)) Object.freeze(api[domain]);
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
  // window.rightfulEvents as the preload gives it: progress from the core, as server-sent events.
  const progressListeners = new Set();
  let source = null;
  const onProgress = (callback) => {
    if (typeof callback !== 'function') throw new TypeError('onProgress needs a function.');
    progressListeners.add(callback);
    if (!source) {
      source = new EventSource('/__harness/events');
      source.addEventListener('progress', (event) => {
        let report;
        try { report = JSON.parse(event.data); } catch { return; }
        for (const listener of progressListeners) listener(report);
      });
    }
    return () => { progressListeners.delete(callback); };
  };
  const events = { onOpenRequest: () => () => {}, onProgress };
  Object.defineProperty(window, 'rightfulEvents', { value: Object.freeze(events), writable: false, configurable: false });
})();
`
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieToken(header: string | undefined): string | undefined {
  return header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === cookieName)?.[1]
}

async function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function startHarness(options: {
  dataDir: string
  outDir?: string
  port?: number
  rendererDir?: string
  clock?: Clock
  maxUrlLength?: number
  /** Where passwords are kept; default in memory only. A test gives one to see how Settings speak of another. */
  secrets?: SecretStore
}): Promise<Harness> {
  const rendererDir = options.rendererDir ?? defaultRendererDir
  const indexFile = path.join(rendererDir, 'index.html')
  if (!fs.existsSync(indexFile)) {
    throw new Error(`The renderer is not built (${indexFile} is missing): run \`npm run build\` first.`)
  }
  const outDir = options.outDir ?? path.join(options.dataDir, '..', `${path.basename(options.dataDir)}-saved`)
  const opened: string[] = []
  const copied: string[] = []
  const revealed: string[] = []
  const openedFolders: string[] = []
  let nextPick: ReadonlyArray<string> = []
  if (!fs.existsSync(coreBundle) || !fs.existsSync(computeBundle)) {
    throw new Error(`The core is not built (${coreBundle} is missing): run \`npm run build\` (or build:core) first.`)
  }
  const files = folderSink(outDir)
  const progress: OperationProgress[] = []
  const listeners = new Set<http.ServerResponse>()
  let held: { stage: string | null; release: Promise<void>; reached: (at: HeldAt) => void } | null = null
  const worker = new Worker(coreBundle)
  const client = connectCore(
    {
      post: (message) => worker.postMessage(message),
      listen(listener) {
        worker.on('message', listener)
        return () => void worker.off('message', listener)
      },
    },
    {
      dataDir: options.dataDir,
      resourcesRoot: repoRoot,
      appVersion: JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version,
      computeScript: computeBundle,
      ...(options.clock ? { clock: options.clock } : {}),
      onProgress: (report) => {
        progress.push(report)
        const event = `event: progress\ndata: ${JSON.stringify(report)}\n\n`
        for (const response of listeners) response.write(event)
      },
      ports: {
        files,
        printer: savingPrinter(files),
        picker: listPicker(() => {
          const picked = nextPick
          nextPick = []
          return picked
        }),
        secrets: options.secrets ?? memorySecrets(),
        hold: {
          at: async (point) => {
            const current = held
            if (!current || (current.stage !== null && current.stage !== point.stage)) return
            current.reached(point)
            await current.release
          },
        },
        external: {
          maxUrlLength: options.maxUrlLength ?? 32_000,
          open: async (url) => {
            opened.push(url)
          },
          // The shell's rule, so that a link the desktop app would refuse fails here too.
          openWebmail: async (url) => {
            if (!isWebmailComposeUrl(url)) throw new Error('Only the compose pages of Gmail, Outlook.com and Yahoo Mail can be opened.')
            opened.push(url)
          },
          copyText: async (text) => {
            copied.push(text)
          },
          reveal: async (file) => {
            revealed.push(file)
          },
          openFolder: async (dir) => {
            openedFolders.push(dir)
          },
        },
      },
    },
  )
  worker.on('error', (error) => console.error('[harness] the core worker failed:', error))
  worker.on('exit', (code) => client.close(`The harness's core stopped (exit code ${code}).`))
  try {
    await client.ready
  } catch (error) {
    await worker.terminate()
    throw error
  }
  const api: Api = client.api
  const token = randomBytes(24).toString('hex')

  const server = http.createServer((request, response) => {
    void handle(request, response).catch((error: Error) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end(error.message)
    })
  })

  const origin = await new Promise<string>((resolve) => {
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
  })

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin)
    const given = url.pathname === '/' ? (url.searchParams.get('token') ?? cookieToken(request.headers.cookie)) : cookieToken(request.headers.cookie)
    if (!sameToken(given, token)) {
      response.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden: this harness session needs its token.')
      return
    }

    if (url.pathname === '/__harness/api') {
      const sameOrigin = request.headers.origin === origin
      if (request.method !== 'POST' || !sameOrigin || !request.headers['content-type']?.startsWith('application/json')) {
        response.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request')
        return
      }
      let message: { channel?: unknown; input?: unknown }
      try {
        message = JSON.parse(await readBody(request, 5_000_000)) as typeof message
      } catch (error) {
        response.writeHead(400, { 'Content-Type': 'text/plain' }).end(`Bad request: ${(error as Error).message}`)
        return
      }
      const result = await api.invoke(message.channel, message.input)
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(result))
      return
    }

    if (url.pathname === '/__harness/events') {
      if (request.method !== 'GET') {
        response.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad request')
        return
      }
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
      response.write(': connected\n\n')
      listeners.add(response)
      request.on('close', () => listeners.delete(response))
      return
    }

    if (url.pathname === '/__harness/bridge.js') {
      response.writeHead(200, { 'Content-Type': contentTypes['.js']!, 'Cache-Control': 'no-store' }).end(bridgeScript())
      return
    }

    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = fs
        .readFileSync(indexFile, 'utf8')
        .replace(/<script/, '<script src="/__harness/bridge.js"></script>\n    <script')
      response
        .writeHead(200, {
          'Content-Type': contentTypes['.html']!,
          'Cache-Control': 'no-store',
          'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        })
        .end(html)
      return
    }

    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`)
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
      return
    }
    response
      .writeHead(200, { 'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream' })
      .end(fs.readFileSync(file))
  }

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    api,
    dataDir: options.dataDir,
    outDir,
    opened,
    copied,
    revealed,
    openedFolders,
    pickNext: (picked) => {
      nextPick = picked
    },
    progress,
    holdOperations(stage) {
      let release!: () => void
      let reached!: (at: HeldAt) => void
      const released = new Promise<void>((resolve) => (release = resolve))
      const first = new Promise<HeldAt>((resolve) => (reached = resolve))
      const hold = { stage: stage ?? null, release: released, reached }
      held = hold
      return {
        reached: first,
        release: () => {
          if (held === hold) held = null
          release()
        },
      }
    },
    close: async () => {
      if (held) held = null
      for (const response of listeners) response.end()
      listeners.clear()
      await new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve()
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      })
      client.close('The harness has stopped.')
      await worker.terminate()
    },
  }
}
