/**
 * Writes electron/core/deadlines/holiday-table.json (see scripts/holidays/compose.ts):
 * `npm run holidays:build`, after date-holidays is upgraded. `--check` fails when the committed
 * table is not what the installed date-holidays gives.
 */
import fs from 'node:fs'
import path from 'node:path'
import { composeHolidayTable } from './holidays/compose'

const repoRoot = path.resolve(__dirname, '..')
export const holidayTableFile = path.join(repoRoot, 'electron', 'core', 'deadlines', 'holiday-table.json')

function main(): void {
  const check = process.argv.includes('--check')
  const table = `${JSON.stringify(composeHolidayTable(repoRoot))}\n`
  const current = fs.existsSync(holidayTableFile) ? fs.readFileSync(holidayTableFile, 'utf8') : ''
  if (check) {
    if (current !== table) {
      process.stderr.write('The holiday table is not what the installed date-holidays gives: run `npm run holidays:build`.\n')
      process.exit(1)
    }
    process.stdout.write('The holiday table is up to date.\n')
    return
  }
  fs.writeFileSync(holidayTableFile, table)
  const parsed = JSON.parse(table) as { source: string; from: number; to: number; jurisdictions: object }
  process.stdout.write(`${path.relative(repoRoot, holidayTableFile)}: ${Object.keys(parsed.jurisdictions).length} jurisdictions, ${parsed.from}–${parsed.to}, from ${parsed.source}, ${table.length.toLocaleString('en')} bytes${current === table ? ' (unchanged)' : ''}\n`)
}

main()
