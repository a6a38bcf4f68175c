/**
 * Writes electron/core/deadlines/rules-fingerprint.ts: the SHA-256 of the sources that decide a
 * deadline's dates (every file of electron/core/deadlines/, and the files of electron/core/shared/
 * they import, followed to the end). A saved deadline (requests/deadline-cache.ts) is used only
 * while it was computed under the same fingerprint, so a change of the rules or of the holiday
 * tables makes every saved deadline stale, and it is counted again.
 *
 * Of a TypeScript file, the syntax tree is hashed (every node's kind, names, numbers and strings),
 * without comments, layout, and the words of explanations and notes: a string with a space in it
 * is prose, never a value a date is counted from (those are keys like 'gdpr' or 'next-working-day').
 * So a reworded note leaves the fingerprint as it was; any change of code, of a key or a number,
 * and any change of the holiday tables (JSON, hashed whole) gives a new one.
 *
 *   npx tsx scripts/deadline-fingerprint.ts           # writes the file
 *   npx tsx scripts/deadline-fingerprint.ts --check   # exit 1 when it is not what the sources give
 *
 * test/core/deadline-cache.test.ts fails when the committed fingerprint is out of date.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

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

/** What of a TypeScript source counts: its syntax tree without comments, layout and prose, one token a line. */
export function codeOf(fileName: string, text: string): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
  const out: string[] = []
  const visit = (node: ts.Node): void => {
    let value = ''
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) value = node.text
    else if (ts.isNumericLiteral(node) || ts.isBigIntLiteral(node) || ts.isRegularExpressionLiteral(node)) value = node.text
    else if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) value = /\s/.test(node.text) ? '(prose)' : JSON.stringify(node.text)
    // (what the tree holds as a number, not as a child node)
    else if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) value = ts.SyntaxKind[node.operator]!
    else if (ts.isVariableDeclarationList(node)) value = String(node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))
    out.push(value ? `${ts.SyntaxKind[node.kind]} ${value}` : ts.SyntaxKind[node.kind]!)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out.join('\n')
}

/** The fingerprint of the deadline rules as the sources under `repoRoot` are now. */
export function deadlineRulesFingerprintOf(repoRoot: string): string {
  const hash = createHash('sha256')
  for (const file of deadlineRuleFiles(repoRoot)) {
    // Line ends normalised, so that a checkout on Windows gives the same fingerprint.
    const text = fs.readFileSync(path.join(repoRoot, file), 'utf8').replace(/\r\n/g, '\n')
    hash.update(`${file}\0${file.endsWith('.ts') ? codeOf(file, text) : text}\0`)
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
