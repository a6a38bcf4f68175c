/**
 * `npm run harness`: the UI in any browser on this machine, against a real core, for development
 * and for a look at the app where no Electron binary exists. The npm script builds the renderer
 * first; this prints the URL (with its token) to open, where the data and saved files go, and
 * stops on Ctrl-C.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { startHarness } from './server'

const usage = 'Usage: npm run harness [-- --data-dir DIR] [--port N]'

function fail(message: string): never {
  process.stderr.write(`harness: ${message}\n${usage}\n`)
  process.exit(2)
}

let values: { 'data-dir'?: string; port?: string }
try {
  ;({ values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } }, strict: true }))
} catch (error) {
  fail((error as Error).message)
}

const port = values.port === undefined ? 0 : Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be a number from 0 to 65535, not "${values.port}".`)
const kept = values['data-dir'] !== undefined
const dataDir = kept ? path.resolve(values['data-dir']!) : fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-harness-'))
fs.mkdirSync(dataDir, { recursive: true })

startHarness({ dataDir, port })
  .then((harness) => {
    process.stdout.write(
      [
        'Rightful in your browser (the real core, without Electron), on this computer only:',
        '',
        `  Open ${harness.url}`,
        '',
        `  Your data:   ${harness.dataDir}${kept ? '' : ' (a new temporary folder: use --data-dir DIR to keep your data between runs)'}`,
        `  Saved files: ${harness.outDir} (letters, .eml and exports are written here; no save dialog)`,
        '  Links to a website or your mail program are not opened from here.',
        '',
        'Stop with Ctrl-C.',
        '',
      ].join('\n'),
    )
    const stop = () => {
      harness.close().finally(() => process.exit(0))
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  .catch((error: Error) => {
    process.stderr.write(`harness: ${error.message}\n`)
    process.exitCode = 1
  })
