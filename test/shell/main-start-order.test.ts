/**
 * The main process opens its window before it loads what the window's first screen does not need:
 * the contract's input schemas and the words of their errors (core/api/parse-input.ts, with
 * i18next and every message) are loaded after the window exists, and calls still pass them.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fake, resetFakeElectron, stopUtilityProcesses } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

/** How many windows existed when parse-input.ts was loaded (null: not loaded yet). */
const loaded = vi.hoisted(() => ({ windowsThen: null as number | null }))
vi.mock('../../electron/core/api/parse-input', async (importOriginal) => {
  loaded.windowsThen = (await import('./fake-electron')).fake().windows.length
  return importOriginal()
})
vi.mock('../../electron/adapters/node/resources', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../electron/adapters/node/resources')>()
  return { ...actual, missingResources: () => actual.missingResources(repoRoot) }
})

// (not from ../helpers/ports: that imports the whole core, parse-input.ts with it)
const repoRoot = path.resolve(__dirname, '..', '..')
let dataDir: string

beforeEach(() => {
  stopUtilityProcesses()
  resetFakeElectron()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-main-order-'))
  vi.stubEnv('RIGHTFUL_DATA_DIR', dataDir)
  vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window')
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

afterEach(async () => {
  await stopUtilityProcesses()
  vi.unstubAllEnvs()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('starting the main process', () => {
  it('creates the window first and loads the input schemas after it', async () => {
    vi.resetModules()
    await import('../../electron/main')
    await vi.waitFor(() => expect(loaded.windowsThen).not.toBeNull())
    expect(loaded.windowsThen).toBe(1)
    expect(fake().dialog.showErrorBox).not.toHaveBeenCalled()

    // A call with bad input is still refused by the schema in the main process.
    const window = fake().windows[0]!
    const event = { sender: { id: window.webContents.id }, senderFrame: { url: 'app://rightful/index.html', parent: null } }
    const refused = (await fake().ipcMain.invoke('requests:create', event, { companyId: 42 })) as { ok: boolean; error?: { code: string } }
    expect(refused.ok).toBe(false)
    expect(refused.error?.code).toBe('INVALID_INPUT')
  })
})
