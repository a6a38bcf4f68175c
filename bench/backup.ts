/**
 * Backing up and restoring a data folder of 10,000 requests through the real API: the backup
 * (plain and encrypted), the check before a restore (every entry read and verified), the restore
 * into an empty folder (staged, verified, swapped in, the core reopened), and the key derivation
 * alone. Sizes are printed beside the times.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { randomBytes } from 'node:crypto'
import { createApi } from '../electron/core/api/create-api'
import { createNodePorts, folderSink, listPicker } from '../electron/adapters/node/node-ports'
import { formatBytes, scryptDefaults } from '../electron/core/backup/format'
import { deriveKey } from '../electron/core/backup/writer'

const repoRoot = path.resolve(__dirname, '..')
const ms = (n: number) => `${n.toFixed(n < 1 ? 3 : 1)} ms`

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await run()
  return [value, performance.now() - start]
}

function unwrap<T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data
}

export async function benchBackup(report: (name: string, value: string) => void, dataDir: string, now: () => Date): Promise<void> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-backups-'))
  const open = (dir: string, pick: () => string[]) =>
    createApi(createNodePorts({ dataDir: dir, resourcesRoot: repoRoot, appVersion: 'bench', files: folderSink(outDir), picker: listPicker(pick), clock: { now } }))
  try {
    const api = open(dataDir, () => [])
    const [plain, plainMs] = await timed(async () => unwrap(await api.call('backup:create', {})))
    report(`backup of ${plain.requests.toLocaleString('en')} requests: plain`, `${ms(plainMs)}, ${formatBytes(plain.bytes)}`)
    const [encrypted, encryptedMs] = await timed(async () => unwrap(await api.call('backup:create', { passphrase: 'a bench passphrase' })))
    report(`backup of ${encrypted.requests.toLocaleString('en')} requests: encrypted`, `${ms(encryptedMs)}, ${formatBytes(encrypted.bytes)}`)

    const [, keyMs] = await timed(() => deriveKey('a bench passphrase', randomBytes(16), scryptDefaults))
    report('scrypt key derivation (N=2^17, r=8, p=1)', ms(keyMs))

    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-restore-'))
    const target = open(empty, () => [plain.path!])
    const chosen = unwrap(await target.call('backup:choose', {}))
    const [, inspectMs] = await timed(async () => unwrap(await target.call('backup:inspect', { token: chosen.token! })))
    report('check a plain backup of 10,000 requests before restoring', ms(inspectMs))
    const [restored, restoreMs] = await timed(async () => unwrap(await target.call('backup:restore', { token: chosen.token! })))
    report(`restore ${restored.requests.toLocaleString('en')} requests into an empty folder (incl. reopening)`, ms(restoreMs))
    const [list, listMs] = await timed(async () => unwrap(await target.call('requests:list', {})))
    if (list.length !== restored.requests) throw new Error('the restored folder does not list every request')
    report('requests:list right after the restore (index rebuilt)', ms(listMs))
    fs.rmSync(empty, { recursive: true, force: true })
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true })
  }
}
