/**
 * Every error the core raises for a person to read carries its words as a message (`detail`: key
 * and parameters), so the window and the CLI say it in the user's language. The test reads the
 * core's sources with TypeScript's parser and finds each error site: `new CoreError(...)` and the
 * Result `fail(...)` of shared/result.ts. A site passes when it hands a detail (a fourth argument), or
 * when it goes through `coreError`, `coreErrorAs` or `failWith` (messages/errors.ts), which always do. The few sites
 * left without one are internal errors no person reads; each is listed below with its reason, and
 * an entry that no longer matches a site fails too.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { coreDir, sourceFiles } from '../helpers/core-sources'
import { hasMessage } from '../../electron/core/messages/render'
import { coreResources, type MessageResource } from '../../electron/core/messages/resources'

/** Files that define the error factories themselves: their `new CoreError`/`fail` pass the detail through. */
const factoryFiles = new Set(['shared/result.ts', 'messages/errors.ts'])

type Allowed = { readonly file: string; readonly contains: string; readonly reason: string }

/**
 * Error sites without a detail, on purpose. `contains` is a piece of the site's source text.
 */
const allowed: ReadonlyArray<Allowed> = []

type Site = { readonly file: string; readonly line: number; readonly text: string; readonly hasDetail: boolean }

/** Whether the file imports `fail` from the core's shared/result module (other files' `fail` are their own helpers). */
function importsResultFail(file: ts.SourceFile): boolean {
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue
    if (!/(^|\/)shared\/result$|^\.\/result$/.test(statement.moduleSpecifier.text)) continue
    const bindings = statement.importClause?.namedBindings
    if (bindings && ts.isNamedImports(bindings) && bindings.elements.some((e) => e.name.text === 'fail')) return true
  }
  return false
}

/** Every error site of the core, with whether it hands a detail. */
export function errorSites(): Site[] {
  const sites: Site[] = []
  for (const full of sourceFiles(coreDir)) {
    const file = path.relative(coreDir, full).split(path.sep).join('/')
    if (factoryFiles.has(file)) continue
    const source = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true)
    const resultFail = importsResultFail(source)
    const visit = (node: ts.Node): void => {
      const site = (args: ts.NodeArray<ts.Expression> | undefined) => {
        const detail = args?.[3]
        const hasDetail = detail !== undefined && !(ts.isIdentifier(detail) && detail.text === 'undefined')
        sites.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText().replace(/\s+/g, ' ').slice(0, 160), hasDetail })
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'CoreError') site(node.arguments)
      if (resultFail && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'fail') site(node.arguments)
      // The message factories always hand a detail: counted as sites that have one.
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && ['coreError', 'coreErrorAs', 'failWith'].includes(node.expression.text)) {
        sites.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.getText().replace(/\s+/g, ' ').slice(0, 160), hasDetail: true })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return sites
}

/** Where a message's key is the argument of a call: the function's name and the argument's index. */
const keyArguments = new Map<string, number>([
  ['message', 0],
  ['coreError', 1],
  ['coreErrorAs', 2],
  ['failWith', 1],
  ['noticeWords', 0],
])

/** Every message key the core names in a call (a template literal's key by its fixed start, ending in "*"). */
function namedKeys(): Array<{ readonly where: string; readonly key: string }> {
  const keys: Array<{ where: string; key: string }> = []
  for (const full of sourceFiles(coreDir)) {
    const file = path.relative(coreDir, full).split(path.sep).join('/')
    const source = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && keyArguments.has(node.expression.text)) {
        const arg = node.arguments[keyArguments.get(node.expression.text)!]
        const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
        if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) keys.push({ where, key: arg.text })
        else if (arg && ts.isTemplateExpression(arg)) keys.push({ where, key: `${arg.head.text}*` })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return keys
}

/** Whether the English resources have a key under this prefix ("error.bulk.oneAtATime."). */
function hasKeyUnder(prefix: string): boolean {
  const walk = (tree: MessageResource, at: string): boolean =>
    Object.entries(tree).some(([name, value]) => {
      const key = at ? `${at}.${name}` : name
      return typeof value === 'string' ? key.startsWith(prefix) : walk(value, key)
    })
  return walk(coreResources.get('en')!, '')
}

describe('error sites of the core', () => {
  const sites = errorSites()

  it('finds the error sites it reads', () => {
    if (process.env.ERROR_SITES_COUNT) console.log(`error sites: ${sites.length}, with a detail: ${sites.filter((s) => s.hasDetail).length}, without: ${sites.filter((s) => !s.hasDetail).length}`)
    // The walk itself works: the core raises errors in many places, and some hand their detail.
    expect(sites.length).toBeGreaterThan(100)
    expect(sites.some((s) => s.hasDetail)).toBe(true)
  })

  it('give every error a person reads its words as a message', () => {
    const used = new Set<Allowed>()
    const missing: string[] = []
    for (const site of sites.filter((s) => !s.hasDetail)) {
      const allowance = allowed.find((a) => a.file === site.file && site.text.includes(a.contains))
      if (allowance) used.add(allowance)
      else missing.push(`${site.file}:${site.line}: ${site.text}`)
    }
    expect(missing).toEqual([])
    expect(allowed.filter((a) => !used.has(a)).map((a) => `${a.file}: ${a.contains}`)).toEqual([])
    for (const a of allowed) expect(a.reason.length, `${a.file}: ${a.contains}`).toBeGreaterThan(20)
  })

  it('name only messages the resources have', () => {
    const keys = namedKeys()
    expect(keys.length).toBeGreaterThan(200)
    const unknown = keys.filter(({ key }) => (key.endsWith('*') ? !hasKeyUnder(key.slice(0, -1)) : !hasMessage(key) && !hasMessage(`${key}_other`))).map(({ where, key }) => `${where}: ${key}`)
    expect(unknown).toEqual([])
  })
})
