/** Real core ports on a temporary data folder, with a clock the test controls. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createApi, type Api } from '../../electron/core/api/create-api'
import type { PolicyFetcher, Ports } from '../../electron/core/api/ports'
import type { OperationHold, OperationProgress } from '../../electron/core/shared/operation'
import { createNodePorts, folderSink, listPicker } from '../../electron/adapters/node/node-ports'
import { isWebmailComposeUrl } from '../../electron/shell/trusted-url'

export const repoRoot = path.resolve(__dirname, '..', '..')

export type TestClock = { now(): Date; set(iso: string): void }

export function testClock(iso = '2026-01-31T10:00:00Z'): TestClock {
  let current = new Date(iso)
  return { now: () => new Date(current), set: (next) => (current = new Date(next)) }
}

export function tempDir(prefix = 'rightful-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export type TestHost = {
  api: Api
  ports: Ports
  dataDir: string
  outDir: string
  clock: TestClock
  opened: string[]
  /** Texts put on the clipboard. */
  copied: string[]
  revealed: string[]
  /** Folders opened in the file manager ("Open folder"). */
  folders: string[]
  /** Files the next attachments:pick hands over. */
  picked: string[]
  /** Every progress report of a long operation, in order. */
  progress: OperationProgress[]
}

/** A fresh core on temp folders. Call again with the same dataDir to simulate a restart. */
export function startCore(options: { dataDir?: string; clock?: TestClock; maxUrlLength?: number; hold?: OperationHold; web?: PolicyFetcher } = {}): TestHost {
  const dataDir = options.dataDir ?? tempDir()
  const outDir = path.join(dataDir, '..', `${path.basename(dataDir)}-out`)
  const clock = options.clock ?? testClock()
  const opened: string[] = []
  const copied: string[] = []
  const revealed: string[] = []
  const folders: string[] = []
  const picked: string[] = []
  const progress: OperationProgress[] = []
  const ports = createNodePorts({
    dataDir,
    resourcesRoot: repoRoot,
    appVersion: '0.0.0-test',
    files: folderSink(outDir),
    picker: listPicker(() => picked.splice(0)),
    clock,
    external: {
      maxUrlLength: options.maxUrlLength ?? 32_000,
      open: async (url) => void opened.push(url),
      openWebmail: async (url) => {
        if (!isWebmailComposeUrl(url)) throw new Error(`not a webmail compose link: ${url}`)
        opened.push(url)
      },
      copyText: async (text) => void copied.push(text),
      reveal: async (file) => void revealed.push(file),
      openFolder: async (dir) => void folders.push(dir),
    },
    progress: (report) => void progress.push(report),
    ...(options.hold ? { hold: options.hold } : {}),
    ...(options.web ? { web: options.web } : {}),
  })
  return { api: createApi(ports), ports, dataDir, outDir, clock, opened, copied, revealed, folders, picked, progress }
}

export const sampleProfile = {
  name: 'Alex Example',
  email: 'alex@example.org',
  address: 'Musterstraße 12\n10115 Berlin\nGermany',
  country: 'DE',
  region: null as string | null,
}

/** Unwraps a Result in a test, failing with the error when it is not ok. */
export function expectOk<T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.data
}

/**
 * A hold for long operations (ports.hold): it holds every operation that reaches a checkpoint of
 * `stage` (any stage when null) until `release()`; `reached` resolves with the first such point.
 */
export function testHold(stage: string | null = null) {
  let releaseAll: () => void = () => {}
  const released = new Promise<void>((resolve) => (releaseAll = resolve))
  let tell: (point: { operation: string; channel: string; stage: string }) => void = () => {}
  const reached = new Promise<{ operation: string; channel: string; stage: string }>((resolve) => (tell = resolve))
  const hold: OperationHold = {
    at: async (point) => {
      if (stage !== null && point.stage !== stage) return
      tell(point)
      await released
    },
  }
  return { hold, reached, release: () => releaseAll() }
}
