/**
 * The API's handlers are thin maps onto the domains (issue 16): each file of
 * electron/core/api/handlers holds one exported `…Handlers` function and, besides imports and
 * re-exports, nothing else at its top level (no helpers, no constants), and no handler reports
 * progress or builds a message itself: progress steps and wording belong to the domain that does
 * the work.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers/ports'

const handlersDir = path.join(repoRoot, 'electron', 'core', 'api', 'handlers')

/** What makes a handler file more than a map: each finding names the file's line. */
function thicknessOf(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true)
  const findings: string[] = []
  const at = (node: ts.Node) => `${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
  let handlerFunctions = 0
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) continue
    const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    if (ts.isFunctionDeclaration(statement) && exported && statement.name && /Handlers$/.test(statement.name.text)) {
      handlerFunctions += 1
      continue
    }
    findings.push(`${at(statement)} declares something besides the handler map`)
  }
  if (handlerFunctions !== 1) findings.push(`${fileName} has ${handlerFunctions} exported …Handlers functions, not one`)
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(file)
      if (/^operation\.(report|checkpoint)$/.test(callee)) findings.push(`${at(node)} reports progress (${callee})`)
      if (callee === 'message' || callee === 'coreError') findings.push(`${at(node)} builds words (${callee})`)
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return findings
}

describe('the API handlers are thin', () => {
  it('finds the thickness it looks for, so that it can fail', () => {
    const thick = [
      "import { message } from './words'",
      'const sample = { name: "Alex" }',
      'export function fooHandlers(ctx) {',
      "  return { 'foo:bar': (input, operation) => { operation.report({ detail: message('x') }); return sample } }",
      '}',
    ].join('\n')
    const findings = thicknessOf('foo.ts', thick)
    expect(findings).toEqual(['foo.ts:2 declares something besides the handler map', 'foo.ts:4 reports progress (operation.report)', 'foo.ts:4 builds words (message)'])
    expect(thicknessOf('two.ts', 'export function aHandlers() { return {} }\nexport function bHandlers() { return {} }')).toEqual(['two.ts has 2 exported …Handlers functions, not one'])
  })

  it('every handler file is one map onto its domain', () => {
    const files = fs.readdirSync(handlersDir).filter((name) => name.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(10)
    const findings = files.flatMap((name) => thicknessOf(name, fs.readFileSync(path.join(handlersDir, name), 'utf8')))
    expect(findings).toEqual([])
  })
})
