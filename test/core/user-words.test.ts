/**
 * The last English a person read: progress reports, the Sent copy's failures, the authorities'
 * roles and conditions, and the command line's help. Like error-sites.test.ts, the test reads
 * the core's sources with TypeScript's parser and finds each place that hands words to a person;
 * each must hand them as a message (a key the resources have, in every UI language) beside its
 * English, so that the hosts say it in the user's language.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { coreDir, sourceFiles } from '../helpers/core-sources'
import { hasMessage, renderMessage } from '../../electron/core/messages/render'
import { coreResources, type MessageResource } from '../../electron/core/messages/resources'
import { uiLanguages } from '../../electron/core/messages/ui-languages'

type Site = { readonly where: string; readonly text: string; readonly detail: ts.Expression | null }

function propertyOf(node: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return node.properties.find((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === name)
}

function initializerOf(element: ts.ObjectLiteralElementLike | undefined): ts.Expression | null {
  if (!element) return null
  if (ts.isPropertyAssignment(element)) return element.initializer
  if (ts.isShorthandPropertyAssignment(element)) return element.name
  return null
}

/**
 * Every object literal of the core that is a step of an operation (it has a `stage` and English
 * words in `message`), and every Sent-copy status that says why it failed (`state: 'failed'`
 * with an `error`): with its `detail`, where it has one.
 */
function wordSites(): { progress: Site[]; sentCopy: Site[] } {
  const progress: Site[] = []
  const sentCopy: Site[] = []
  for (const full of sourceFiles(coreDir)) {
    const file = path.relative(coreDir, full).split(path.sep).join('/')
    const source = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const where = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
        const text = node.getText().replace(/\s+/g, ' ').slice(0, 160)
        const words = initializerOf(propertyOf(node, 'message'))
        const isWords = words !== null && (ts.isStringLiteral(words) || ts.isTemplateExpression(words) || ts.isNoSubstitutionTemplateLiteral(words))
        const detail = initializerOf(propertyOf(node, 'detail'))
        if (propertyOf(node, 'stage') && isWords) progress.push({ where, text, detail })
        const state = initializerOf(propertyOf(node, 'state'))
        if (state && ts.isStringLiteral(state) && state.text === 'failed' && propertyOf(node, 'error') && propertyOf(node, 'mailbox')) sentCopy.push({ where, text, detail })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return { progress, sentCopy }
}

/** The steps of reading a policy: their words come from `progress.policy.<stage>` where they are reported (catalog/handlers.ts). */
const policyStepFile = 'catalog/policy-import/extract.ts'

/** Whether the English resources hold a key (or its plural forms). */
const known = (key: string) => hasMessage(key) || hasMessage(`${key}_other`)

/** The message keys named in `message('…')` calls inside an expression. */
function keysIn(expression: ts.Expression): string[] {
  const keys: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'message') {
      const first = node.arguments[0]
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) keys.push(first.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(expression)
  return keys
}

describe('words a person reads while an operation runs', () => {
  const { progress, sentCopy } = wordSites()

  it('finds the progress reports it reads', () => {
    // The walk itself works: the core reports progress in many places.
    expect(progress.length).toBeGreaterThan(30)
  })

  it('gives every progress report its words as a message the resources have', () => {
    const missing = progress.filter((s) => s.detail === null && !s.where.startsWith(`${policyStepFile}:`)).map((s) => `${s.where}: ${s.text}`)
    expect(missing).toEqual([])
    for (const site of progress.filter((s) => s.detail !== null)) {
      const keys = keysIn(site.detail!)
      // A detail is a message call here, or a helper that returns one (discover.ts's foundMessage).
      for (const key of keys) expect(known(key), `${site.where}: ${key}`).toBe(true)
    }
  })

  it('has the policy steps in the resources, one per stage', async () => {
    const { policySteps } = await import('../../electron/core/catalog/policy-import/extract')
    for (const step of policySteps) expect(known(`progress.policy.${step.stage}`), step.stage).toBe(true)
  })

  it('gives every failure of the Sent copy its words as a message', () => {
    expect(sentCopy.length).toBeGreaterThan(0)
    expect(sentCopy.filter((s) => s.detail === null).map((s) => `${s.where}: ${s.text}`)).toEqual([])
  })
})

/** Every leaf key of a resource tree. */
function leafKeys(tree: MessageResource, at = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) => {
    const key = at ? `${at}.${name}` : name
    return typeof value === 'string' ? [key] : leafKeys(value, key)
  })
}

describe('the new words in every language', () => {
  const prefixes = ['progress.', 'sentCopy.']
  const english = leafKeys(coreResources.get('en')!).filter((k) => prefixes.some((p) => k.startsWith(p)))
  const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')
  /** Words that are the same in English and another language. */
  const sameWords = new Set(['fr:progress.messages'])

  it('are there in each language, and not in English', () => {
    expect(english.length).toBeGreaterThan(40)
    for (const language of uiLanguages.filter((l) => l !== 'en')) {
      const own = new Set(leafKeys(coreResources.get(language)!).map(base))
      for (const key of english) expect(own.has(base(key)), `${language}: ${key}`).toBe(true)
      for (const key of new Set(english.map(base))) {
        const said = renderMessage({ key, params: { count: 2, done: 2, total: 3, n: '2', folders: 2, host: 'imap.example.org', url: 'https://example.org/p', mailbox: 'Sent', reason: 'x', messages: { key: 'progress.messages', params: { count: 5 } } } }, language)
        const inEnglish = renderMessage({ key, params: { count: 2, done: 2, total: 3, n: '2', folders: 2, host: 'imap.example.org', url: 'https://example.org/p', mailbox: 'Sent', reason: 'x', messages: { key: 'progress.messages', params: { count: 5 } } } }, 'en')
        // Words of its own (a bare parameter, "{{reason}}", is the same everywhere).
        if (inEnglish.replace(/[^A-Za-z]/g, '').length > 3 && !sameWords.has(`${language}:${key}`)) expect(said, `${language}: ${key}`).not.toBe(inEnglish)
      }
    }
  })
})
