/**
 * A child process for kill tests: imports one .eml into a data folder and is killed with SIGKILL
 * (no clean-up, no finally) at a chosen write, as a power cut or `kill -9` would stop it.
 *
 *   node --import tsx test/helpers/kill-import.ts <dataDir> <file.eml> <target file name> <nth rename onto it>
 *
 * The writes are watched where every store makes them: the rename that puts a finished temporary
 * file in place (storage/files.ts). The process dies just before the nth such rename onto a file
 * of that name, so everything before it is on disk and nothing after it is.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createApi } from '../../electron/core/api/create-api'
import { createNodePorts, folderSink } from '../../electron/adapters/node/node-ports'

const [dataDir, emlFile, targetName, nthText] = process.argv.slice(2)
if (!dataDir || !emlFile || !targetName || !nthText) {
  process.stderr.write('usage: kill-import.ts <dataDir> <file.eml> <target file name> <nth>\n')
  process.exit(2)
}
const nth = Number(nthText)
let seen = 0
const rename = fs.renameSync
fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
  if (path.basename(String(to)) === targetName) {
    seen += 1
    if (seen === nth) process.kill(process.pid, 'SIGKILL')
  }
  return rename(from, to)
}

const repoRoot = path.resolve(__dirname, '..', '..')
const ports = createNodePorts({ dataDir, resourcesRoot: repoRoot, appVersion: '0.0.0-kill', files: folderSink(path.join(dataDir, '..', 'kill-out')) })
const api = createApi(ports)
void (async () => {
  const base64 = fs.readFileSync(emlFile).toString('base64')
  const result = await api.call('replies:import', { files: [{ name: path.basename(emlFile), base64 }] })
  process.stdout.write(`${JSON.stringify(result.ok ? { ok: true } : result.error)}\n`)
  process.exit(0)
})()
