/**
 * A child process for kill tests: imports one .eml into a data folder and is killed with SIGKILL
 * (no clean-up, no finally) at a chosen write, as a power cut or `kill -9` would stop it.
 *
 *   node --import tsx test/helpers/kill-import.ts <dataDir> <file.eml> <target> <n>
 *
 * The writes are watched where the stores make them. With a file name as `target`, the process dies
 * just before the nth rename that puts a finished temporary file in place under that name
 * (storage/files.ts). With `*`, it dies just before the nth step of any kind that changes the data
 * folder (a write, rename, link, append or removal); n = 0 never kills and prints how many steps
 * the import took. Everything before the fatal step is on disk and nothing after it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createApi } from '../../electron/core/api/create-api'
import { createNodePorts, folderSink } from '../../electron/adapters/node/node-ports'

const [dataDir, emlFile, target, nthText] = process.argv.slice(2)
if (!dataDir || !emlFile || !target || !nthText) {
  process.stderr.write('usage: kill-import.ts <dataDir> <file.eml> <target file name or *> <n>\n')
  process.exit(2)
}
const nth = Number(nthText)
let steps = 0
const step = () => {
  steps += 1
  if (steps === nth) process.kill(process.pid, 'SIGKILL')
}

type Fs = Record<string, (...args: unknown[]) => unknown>
const watched = fs as unknown as Fs
const rename = watched.renameSync!
watched.renameSync = (from: unknown, to: unknown) => {
  if (target === '*' || path.basename(String(to)) === target) step()
  return rename(from, to)
}
if (target === '*') {
  for (const name of ['writeFileSync', 'linkSync', 'appendFileSync', 'rmSync']) {
    const original = watched[name]!
    watched[name] = (...args: unknown[]) => {
      step()
      return original(...args)
    }
  }
}

const repoRoot = path.resolve(__dirname, '..', '..')
const ports = createNodePorts({ dataDir, resourcesRoot: repoRoot, appVersion: '0.0.0-kill', files: folderSink(path.join(dataDir, '..', 'kill-out')) })
const api = createApi(ports)
void (async () => {
  const base64 = fs.readFileSync(emlFile).toString('base64')
  const result = await api.call('replies:import', { files: [{ name: path.basename(emlFile), base64 }] })
  process.stdout.write(`${JSON.stringify(result.ok ? { ok: true, steps } : { ...result.error, steps })}\n`)
  process.exit(0)
})()
