/**
 * `npm run harness`: the UI in any browser on this machine, against a real core, for development
 * where no Electron binary exists. Prints the URL (with its token) to open.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startHarness } from './server'

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } } })
const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-harness-'))

startHarness({ dataDir, port: values.port ? Number(values.port) : 0 })
  .then((harness) => {
    process.stdout.write(`Rightful harness on ${harness.url}\nData: ${harness.dataDir}\nSaved files: ${harness.outDir}\n`)
  })
  .catch((error: Error) => {
    process.stderr.write(`${error.message}\n`)
    process.exitCode = 1
  })
