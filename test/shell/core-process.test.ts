/**
 * The core in its own process (issue 12, item 4), with `electron` mocked: the fake utilityProcess
 * runs the real core bundle (.vite/build/core.js) in a worker thread, through the
 * `process.parentPort` a utility process has, or, without a build, the core's server from the
 * sources over a MessageChannel. Either way the real protocol runs: calls and results, errors as
 * data, ports called back to the main process, progress, cancel, and a crash with its restart.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { folderSink, listPicker, savingPrinter } from '../../electron/adapters/node/node-ports'
import { memorySecrets } from '../../electron/adapters/node/secrets'
import type { HostPorts } from '../../electron/core-host/client'
import type { OperationProgress } from '../../electron/core/shared/operation'
import { startCoreProcess, type CoreProcess, type ForkUtility } from '../../electron/shell/core-process'
import { repoRoot, testHold } from '../helpers/ports'
import { fake, resetFakeElectron, stopUtilityProcesses, type FakeUtilityProcess } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const built = path.join(repoRoot, '.vite', 'build', 'core.js')
const builtCompute = path.join(repoRoot, '.vite', 'build', 'compute-worker.js')
const haveBuild = fs.existsSync(built) && fs.existsSync(builtCompute)
if (!haveBuild) console.log(`[skip reason] ${built} is not built (npm run build:core): the core bundle is tested from its sources only, not as built.`)

/** A policy of about 2 MB. */
const longPolicy = (() => {
  const block = 'Questions about your personal data: privacy@longform.org. Write to Longform Ltd, 1 Quay Street, Manchester, M3 3JE.\n\n'
  return `Longform Privacy Policy\n\n${block.repeat(Math.floor(1_990_000 / block.length))}`
})()

let dir: string
/** Every core started by the test, stopped after it (a stopped core is not started again). */
const cores: CoreProcess[] = []

beforeEach(() => {
  stopUtilityProcesses()
  resetFakeElectron()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-core-process-'))
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

afterEach(async () => {
  for (const core of cores.splice(0)) core.stop()
  await stopUtilityProcesses()
  vi.restoreAllMocks()
  fs.rmSync(dir, { recursive: true, force: true })
})

type Host = {
  core: CoreProcess
  progress: OperationProgress[]
  fatal: string[]
  opened: string[]
  folders: string[]
  children: () => FakeUtilityProcess[]
}

function start(mode: 'worker' | 'in-process', extra: { hold?: HostPorts['hold']; resourcesRoot?: string; maxRestarts?: number } = {}): Host {
  const files = folderSink(path.join(dir, 'saved'))
  const opened: string[] = []
  const folders: string[] = []
  const progress: OperationProgress[] = []
  const fatal: string[] = []
  const fork: ForkUtility = (modulePath, args, options) => fake().utilityProcess.fork(modulePath, args, options)
  const core = startCoreProcess({
    fork,
    // In-process: a module that does not exist beside the sources, as for main.ts under test.
    modulePath: mode === 'worker' ? built : path.join(repoRoot, 'electron', 'core.js'),
    computeScript: mode === 'worker' ? builtCompute : null,
    dataDir: path.join(dir, 'data'),
    resourcesRoot: extra.resourcesRoot ?? repoRoot,
    appVersion: '9.9.9-test',
    systemLanguages: ['de-DE', 'en-US'],
    ports: {
      files,
      picker: listPicker(() => [path.join(dir, 'picked.eml')]),
      printer: savingPrinter(files),
      external: {
        maxUrlLength: 32_000,
        open: async (url) => void opened.push(url),
        openWebmail: async (url) => void opened.push(url),
        copyText: async () => {
          throw new Error('no clipboard here')
        },
        reveal: async () => {},
        openFolder: async (folder) => void folders.push(folder),
      },
      secrets: memorySecrets(),
      ...(extra.hold ? { hold: extra.hold } : {}),
    },
    onProgress: (report) => void progress.push(report),
    onFatal: (message) => void fatal.push(message),
    ...(extra.maxRestarts !== undefined ? { maxRestarts: extra.maxRestarts } : {}),
  })
  cores.push(core)
  return { core, progress, fatal, opened, folders, children: () => fake().utilityProcesses }
}

const modes = [
  { mode: 'worker' as const, skip: !haveBuild },
  { mode: 'in-process' as const, skip: false },
]

describe.each(modes)('the core process ($mode)', ({ mode, skip }) => {
  it.skipIf(skip)('answers calls with the real core, errors as data, and calls the main process back for its ports', async () => {
    const host = start(mode)
    await host.core.ready
    expect(host.children()).toHaveLength(1)
    expect(host.children()[0]!.mode).toBe(mode)
    expect(host.children()[0]!.options).toMatchObject({ serviceName: 'Rightful core' })

    // The system's languages (Electron's app.getPreferredSystemLanguages) reach the window through the core.
    expect(await host.core.api.call('app:status', {})).toMatchObject({ ok: true, data: { version: '9.9.9-test', dataDir: path.join(dir, 'data'), systemLanguages: ['de-DE', 'en-US'] } })
    expect(await host.core.api.invoke('catalog:search', { query: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await host.core.api.invoke('no:such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    expect(await host.core.api.call('catalog:get', { id: 'no-such-company' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    // Ports only the main process can serve: the file manager, the save dialog, the mail program.
    expect(await host.core.api.call('app:openDataFolder', {})).toMatchObject({ ok: true })
    expect(host.folders).toEqual([path.join(dir, 'data')])
    const exported = await host.core.api.call('catalog:export', {})
    expect(exported).toMatchObject({ ok: true, data: { path: expect.stringContaining(path.join(dir, 'saved')) } })
    expect(JSON.parse(fs.readFileSync((exported as { data: { path: string } }).data.path, 'utf8'))).toMatchObject({ companies: [] })
    expect(await host.core.api.call('profile:save', { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' })).toMatchObject({ ok: true })
    const created = await host.core.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })
    const reference = created.ok ? created.data.record.reference : ''
    expect(await host.core.api.call('mail:openInMailProgram', { reference })).toMatchObject({ ok: true, data: { handoff: 'mailto' } })
    expect(host.opened[0]).toMatch(/^mailto:legal@fs\.com\?/)
    // A port that fails on the main process's side comes back as the core's own error.
    expect(await host.core.api.call('settings:update', { sending: { method: 'webmail', webmail: 'gmail' } })).toMatchObject({ ok: true })
    const saved = await host.core.api.call('mail:saveSmtp', { smtp: { host: 'smtp.example.org', port: 587, security: 'starttls', user: 'alex' }, password: 'not written anywhere' })
    expect(saved).toMatchObject({ ok: true, data: { hasPassword: true, passwordStorage: { persistent: false, protection: 'memory' } } })
    expect(fs.readFileSync(path.join(dir, 'data', 'mail.json'), 'utf8')).not.toContain('not written anywhere')
  })

  it.skipIf(skip)('reports a long operation’s progress, answers other calls meanwhile, and stops it on cancel', async () => {
    const { hold, reached, release } = testHold('emails')
    const host = start(mode, { hold })
    await host.core.ready
    const reading = host.core.api.call('catalog:extractPolicy', { text: longPolicy, format: 'text', operation: 'op-core-process-1' })
    expect(await reached).toMatchObject({ operation: 'op-core-process-1', stage: 'emails' })
    expect(await host.core.api.call('catalog:search', { query: 'fs.com', limit: 1 })).toMatchObject({ ok: true, data: [{ id: 'fs-com' }] })
    expect(host.progress.map((p) => p.stage)).toEqual(['plain-text', 'segments', 'identity', 'emails'])
    expect(host.progress[0]).toMatchObject({ operation: 'op-core-process-1', channel: 'catalog:extractPolicy', done: 0, total: 8, cancellable: true })
    expect(await host.core.api.call('operations:cancel', { operation: 'op-core-process-1' })).toEqual({ ok: true, data: { cancelled: true } })
    expect(await reading).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    release()
    const read = await host.core.api.call('catalog:extractPolicy', { text: longPolicy, format: 'text', operation: 'op-core-process-2' })
    expect(read).toMatchObject({ ok: true, data: { privacyEmails: [{ address: 'privacy@longform.org' }] } })
  })

  it.skipIf(skip)('starts the core again when it stops, and the calls it was answering say so', async () => {
    const { hold, reached } = testHold('plain-text')
    const host = start(mode, { hold })
    await host.core.ready
    expect(await host.core.api.call('profile:save', { name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' })).toMatchObject({ ok: true })
    const waiting = host.core.api.call('catalog:extractPolicy', { text: longPolicy, format: 'text', operation: 'op-core-process-3' })
    await reached
    host.children()[0]!.crash(9)
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'CORE_UNAVAILABLE', message: expect.stringContaining('exit code 9') } })
    await vi.waitFor(() => expect(host.children()).toHaveLength(2))
    expect(host.core.restarts()).toBe(1)
    // The new core reads the same data.
    expect(await host.core.api.call('profile:get', {})).toMatchObject({ ok: true, data: { name: 'Alex Example' } })
    expect(host.fatal).toEqual([])
  })

  it.skipIf(skip)('gives up when the core keeps stopping', async () => {
    const host = start(mode, { maxRestarts: 1 })
    await host.core.ready
    host.children()[0]!.crash(1)
    await vi.waitFor(() => expect(host.children()).toHaveLength(2))
    await host.core.api.call('app:status', {})
    host.children()[1]!.crash(1)
    await vi.waitFor(() => expect(host.fatal).toHaveLength(1))
    expect(host.fatal[0]).toMatch(/stopped 2 times/)
    expect(host.children()).toHaveLength(2)
  })

  it.skipIf(skip)('says why when the core cannot open at all, and answers calls with that reason', async () => {
    const host = start(mode, { resourcesRoot: path.join(dir, 'no-resources') })
    await expect(host.core.ready).rejects.toThrow(/own files are missing/)
    await vi.waitFor(() => expect(host.fatal).toHaveLength(1))
    expect(host.fatal[0]).toMatch(/own files are missing/)
    expect(await host.core.api.call('app:status', {})).toMatchObject({ ok: false, error: { code: 'CORE_UNAVAILABLE' } })
  })

  it.skipIf(skip)('ends the process when the app quits', async () => {
    const host = start(mode)
    await host.core.ready
    const exited = new Promise((resolve) => host.children()[0]!.once('exit', resolve))
    host.core.stop()
    await exited
    expect(await host.core.api.call('app:status', {})).toMatchObject({ ok: false, error: { code: 'CORE_UNAVAILABLE', message: 'Rightful is quitting.' } })
    expect(host.core.restarts()).toBe(0)
  })
})
