/**
 * Writes electron/core/deadlines/rules-fingerprint.ts: the SHA-256 of the sources that decide a
 * deadline's dates (every file of electron/core/deadlines/, and the files of electron/core/shared/
 * they import, followed to the end). A saved deadline (requests/deadline-cache.ts) is used only
 * while it was computed under the same fingerprint, so a change of the rules or of the holiday
 * tables makes every saved deadline stale, and it is counted again.
 *
 *   npx tsx scripts/deadline-fingerprint.ts           # writes the file
 *   npx tsx scripts/deadline-fingerprint.ts --check   # exit 1 when it is not what the sources give
 *
 * test/core/deadline-cache.test.ts fails when the committed fingerprint is out of date.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const fingerprintFile = path.join(root, 'electron', 'core', 'deadlines', 'rules-fingerprint.ts')
const followed = ['deadlines', 'shared']

/** The files that decide a deadline, relative to `repoRoot`, sorted (forward slashes). */
export function deadlineRuleFiles(repoRoot: string): string[] {
  const core = path.join(repoRoot, 'electron', 'core')
  const deadlines = path.join(core, 'deadlines')
  const found = new Set<string>()
  const queue = fs
    .readdirSync(deadlines)
    .filter((name) => (name.endsWith('.ts') || name.endsWith('.json')) && name !== 'rules-fingerprint.ts')
    .map((name) => path.join(deadlines, name))
  while (queue.length > 0) {
    const file = queue.pop()!
    if (found.has(file)) continue
    found.add(file)
    if (!file.endsWith('.ts')) continue
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'(\.[^']+)'/g)) {
      const target = path.resolve(path.dirname(file), match[1]!)
      const folder = path.relative(core, target).split(path.sep)[0]
      if (!followed.includes(folder ?? '')) continue
      const candidates = target.endsWith('.json') ? [target] : [`${target}.ts`, path.join(target, 'index.ts')]
      const hit = candidates.find((candidate) => fs.existsSync(candidate))
      if (hit) queue.push(hit)
    }
  }
  return [...found].map((file) => path.relative(repoRoot, file).split(path.sep).join('/')).sort()
}

/** The fingerprint of the deadline rules as the sources under `repoRoot` are now. */
export function deadlineRulesFingerprintOf(repoRoot: string): string {
  const hash = createHash('sha256')
  for (const file of deadlineRuleFiles(repoRoot)) {
    // Line ends normalised, so that a checkout on Windows gives the same fingerprint.
    hash.update(`${file}\0${fs.readFileSync(path.join(repoRoot, file), 'utf8').replace(/\r\n/g, '\n')}\0`)
  }
  return hash.digest('hex').slice(0, 32)
}

/** The text of rules-fingerprint.ts for `fingerprint`. */
export function fingerprintModule(fingerprint: string): string {
  return [
    '/**',
    ' * The fingerprint of the deadline rules: a SHA-256 of the sources that decide a deadline\'s dates',
    ' * (written by scripts/deadline-fingerprint.ts; test/core/deadline-cache.test.ts checks it is up to',
    ' * date). Deadlines saved under another fingerprint are counted again (requests/deadline-cache.ts).',
    ' */',
    `export const deadlineRulesFingerprint = '${fingerprint}'`,
    '',
  ].join('\n')
}

if (require.main === module) {
  const text = fingerprintModule(deadlineRulesFingerprintOf(root))
  const current = fs.existsSync(fingerprintFile) ? fs.readFileSync(fingerprintFile, 'utf8') : ''
  if (process.argv.includes('--check')) {
    process.stdout.write(current === text ? 'the deadline rules fingerprint is up to date\n' : 'the deadline rules fingerprint is out of date: run npx tsx scripts/deadline-fingerprint.ts\n')
    process.exit(current === text ? 0 : 1)
  }
  fs.writeFileSync(fingerprintFile, text)
  process.stdout.write(`wrote ${path.relative(root, fingerprintFile)}\n`)
}
