/**
 * Writes electron/core/deadlines/holiday-table.json and holiday-places.json (see
 * scripts/holidays/compose.ts): `npm run holidays:build`, after date-holidays is upgraded.
 * `--check` fails when a committed table is not what the installed date-holidays gives.
 */
import fs from 'node:fs'
import path from 'node:path'
import { composeHolidayPlaces, composeHolidayTable } from './holidays/compose'

const repoRoot = path.resolve(__dirname, '..')
export const holidayTableFile = path.join(repoRoot, 'electron', 'core', 'deadlines', 'holiday-table.json')
export const holidayPlacesFile = path.join(repoRoot, 'electron', 'core', 'deadlines', 'holiday-places.json')

function main(): void {
  const check = process.argv.includes('--check')
  const outputs = [
    { file: holidayTableFile, text: `${JSON.stringify(composeHolidayTable(repoRoot))}\n`, count: (t: { jurisdictions: object }) => `${Object.keys(t.jurisdictions).length} jurisdictions` },
    { file: holidayPlacesFile, text: `${JSON.stringify(composeHolidayPlaces(repoRoot), null, 0).replace(/","/g, '",\n"')}\n`, count: (t: { countries: object }) => `${Object.keys(t.countries).length} countries` },
  ] as const
  let stale = false
  for (const { file, text, count } of outputs) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
    const relative = path.relative(repoRoot, file)
    if (check) {
      if (current !== text) {
        process.stderr.write(`${relative} is not what the installed date-holidays gives: run \`npm run holidays:build\`.\n`)
        stale = true
      } else process.stdout.write(`${relative} is up to date.\n`)
      continue
    }
    fs.writeFileSync(file, text)
    const parsed = JSON.parse(text) as { source: string; from: number; to: number; jurisdictions: object; countries: object }
    process.stdout.write(`${relative}: ${count(parsed)}, ${parsed.from}–${parsed.to}, from ${parsed.source}, ${text.length.toLocaleString('en')} bytes${current === text ? ' (unchanged)' : ''}\n`)
  }
  if (stale) process.exit(1)
}

main()
