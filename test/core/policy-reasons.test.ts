/**
 * Why a policy proposal takes each address for what it is, in the reader's language (issue 13):
 * the extractor's sources hand every reason as a message (never English words), every message
 * has its words in each UI language, and a real proposal's reasons read in each of them.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { coreDir, sourceFiles } from '../helpers/core-sources'
import { extractPolicy } from '../../electron/core/catalog/policy-import'
import { foreignLocalPart, foreignPurposeCues, privacyCues } from '../../electron/core/catalog/policy-import/cues'
import { knownForeignPurposes, knownTopics } from '../../electron/core/catalog/policy-import/reasons'
import { describeProposal, proposalView } from '../../electron/core/catalog/policy-import/summary'
import { hasMessage, renderMessage } from '../../electron/core/messages/render'
import { coreResources, type MessageResource } from '../../electron/core/messages/resources'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import type { Message } from '../../electron/core/shared/message'

const importDir = path.join(coreDir, 'catalog/policy-import')

const isWords = (node: ts.Expression) => ts.isStringLiteral(node) || ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isBinaryExpression(node)

/** Each place in the extractor's sources that sets a `reason` to words, and each `because('…')` key. */
function reasonSites(): { words: string[]; keys: string[] } {
  const words: string[] = []
  const keys: string[] = []
  for (const full of sourceFiles(importDir)) {
    const source = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true)
    const where = (node: ts.Node) => `${path.basename(full)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
    const visit = (node: ts.Node): void => {
      // `reason: 'It is …'`, `reason: \`… ${x}\``, `reason: a + b`
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'reason' && isWords(node.initializer)) words.push(`${where(node)}: ${node.getText().slice(0, 120)}`)
      // `e.reason = …` (a reason rewritten in place)
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.name.text === 'reason') words.push(`${where(node)}: ${node.getText().slice(0, 120)}`)
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'because') {
        const first = node.arguments[0]
        if (first && ts.isStringLiteral(first)) keys.push(first.text)
        else if (first && ts.isConditionalExpression(first)) for (const branch of [first.whenTrue, first.whenFalse]) if (ts.isStringLiteral(branch)) keys.push(branch.text)
      }
      // `exclude('regulator', 'email.regulatorDomain', …)`: the reason's key is its second argument.
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'exclude') {
        const second = node.arguments[1]
        if (second && ts.isStringLiteral(second)) keys.push(second.text)
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return { words, keys }
}

/** Every leaf key of a resource tree. */
function leafKeys(tree: MessageResource, at = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) => {
    const key = at ? `${at}.${name}` : name
    return typeof value === 'string' ? [key] : leafKeys(value, key)
  })
}

/** A policy that gives every kind of address a reason: privacy, DPO, other purposes, a regulator's, a provider's, a placeholder, a no-reply. */
const policy = `Privacy Policy of Larkspur Ltd

Larkspur Ltd ("we") is the controller of your personal data.
If you want to exercise your data protection rights, write to privacy@larkspur.io.
Our Data Protection Officer can be reached at dpo@larkspur.io.
For job applications write to jobs@larkspur.io. Press enquiries: press@larkspur.io.
For customer support, contact support@larkspur.io.
Our website is hosted by Hetzner Online GmbH, Industriestr. 25, 91710 Gunzenhausen, Germany.
You may lodge a complaint with the supervisory authority, poststelle@bfdi.bund.de.
The Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow SK9 5AF, United Kingdom, handles complaints.
Newsletters come from no-reply@larkspur.io. In examples we write name@example.com.
Write to us: Larkspur Ltd, 10 Downing Lane, London SW1A 2AA, United Kingdom.
`

/** Every reason of a proposal, with where it stands. */
function reasonsOf(p: ReturnType<typeof extractPolicy>): { where: string; reason: string; detail: Message }[] {
  return [
    ...p.privacyEmails.map((e) => ({ where: `privacy ${e.address}`, reason: e.reason, detail: e.detail })),
    ...p.otherEmails.map((e) => ({ where: `other ${e.address}`, reason: e.reason, detail: e.detail })),
    ...p.excludedEmails.map((e) => ({ where: `excluded ${e.address}`, reason: e.reason, detail: e.detail })),
    ...p.postalAddresses.map((a) => ({ where: `postal ${a.text}`, reason: a.reason, detail: a.detail })),
  ]
}

/** The words a message quotes (its string parameters, nested ones too). */
function stringParams(m: Message): string[] {
  return Object.values(m.params ?? {}).flatMap((v) => (typeof v === 'string' ? [v] : typeof v === 'number' ? [] : Array.isArray(v) ? v.flatMap(stringParams) : stringParams(v as Message)))
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Each run of three words, in lower case. */
function trigrams(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z’']+/g) ?? []
  return words.slice(2).map((w, i) => `${words[i]} ${words[i + 1]} ${w}`)
}

const latinWords = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '').replace(/[^A-Za-z]/g, '')

describe('the reasons of a policy proposal', () => {
  it('are messages in the extractor’s sources, never English words', () => {
    const { words, keys } = reasonSites()
    expect(words).toEqual([])
    // The walk itself works: the extractor gives reasons in many places.
    expect(keys.length).toBeGreaterThan(20)
    for (const key of keys) expect(hasMessage(`policyImport.reason.${key}`), key).toBe(true)
  })

  it('name every topic and purpose the cues can find', () => {
    for (const cue of privacyCues) expect(knownTopics.has(cue.about), cue.about).toBe(true)
    for (const cue of foreignPurposeCues) expect(knownForeignPurposes.has(cue.about), cue.about).toBe(true)
    for (const local of ['careers', 'jobs', 'hr', 'security', 'abuse', 'press', 'media', 'postmaster', 'events', 'safety', 'copyright']) {
      const purpose = foreignLocalPart(local)
      expect(purpose, local).not.toBeNull()
      expect(knownForeignPurposes.has(purpose!), `${local}: ${purpose}`).toBe(true)
    }
  })

  it('have their words in every language, in that language', () => {
    const prefixes = ['policyImport.reason.', 'policyImport.topic.', 'policyImport.purpose.', 'policyImport.summary.']
    const english = leafKeys(coreResources.get('en')!).filter((k) => prefixes.some((p) => k.startsWith(p)))
    expect(english.length).toBeGreaterThan(70)
    // Words the same in another language: the note after a reason, a code, "Fax", "Cookies".
    const same = new Set(['policyImport.reason.withNote', 'policyImport.summary.fax', 'policyImport.summary.quoted', 'policyImport.summary.postalIn', 'policyImport.topic.cookies'])
    for (const language of uiLanguages.filter((l) => l !== 'en')) {
      const own = new Set(leafKeys(coreResources.get(language)!))
      for (const key of english) {
        expect(own.has(key), `${language}: ${key}`).toBe(true)
        const words = renderMessage({ key }, language)
        if (!same.has(key) && latinWords(renderMessage({ key }, 'en')).length > 3) expect(words, `${language}: ${key}`).not.toBe(renderMessage({ key }, 'en'))
      }
      for (const key of own) if (prefixes.some((p) => key.startsWith(p))) expect(english.includes(key), `${language} has ${key}, English not`).toBe(true)
    }
  })

  it('carry their English words and a message that renders to them', () => {
    const p = extractPolicy({ text: policy, format: 'text' })
    const reasons = reasonsOf(p)
    expect(reasons.length).toBeGreaterThanOrEqual(8)
    for (const r of reasons) {
      expect(r.detail.key.startsWith('policyImport.reason.'), r.where).toBe(true)
      expect(r.reason, r.where).toBe(renderMessage(r.detail, 'en'))
    }
    // Each kind of finding is there: the privacy contact, another purpose, one left out, a provider's and the company's postal address.
    expect(p.privacyEmails.map((e) => e.address)).toContain('privacy@larkspur.io')
    expect(p.otherEmails.length).toBeGreaterThan(0)
    expect(p.excludedEmails.map((e) => e.why)).toEqual(expect.arrayContaining(['regulator', 'placeholder', 'sender-only']))
    expect(p.postalAddresses.map((a) => a.role)).toEqual(expect.arrayContaining(['company', 'third-party']))
  })

  it('read in each UI language without English words left in them', () => {
    const p = extractPolicy({ text: policy, format: 'text' })
    for (const language of uiLanguages.filter((l) => l !== 'en')) {
      for (const r of reasonsOf(p)) {
        // The policy's own words a reason quotes (a provider's name, an address), and names said the same everywhere.
        const quoted = new RegExp([...stringParams(r.detail).map(escape), '[\\w.-]+@[\\w.-]+', 'Rightful', 'No-Reply', 'no-reply'].join('|'), 'g')
        const said = renderMessage(r.detail, language)
        expect(said, `${language}: ${r.where}`).not.toBe(r.reason)
        expect(said, `${language}: ${r.where}`).not.toMatch(/\{\{|policyImport\./)
        // No English left inside: no three words in a row of the English reason.
        const english = new Set(trigrams(r.reason.replace(quoted, ' ')))
        const left = trigrams(said.replace(quoted, ' ')).filter((t) => english.has(t))
        expect(left, `${language}: ${r.where}: ${said}`).toEqual([])
      }
    }
  })

  it('say "not a privacy contact" in each language when the policy ties no address to privacy', () => {
    const p = extractPolicy({ text: 'Contact\n\nFor orders write to sales@ferncraft.example.org. For help, support@ferncraft.example.org.\n', format: 'text' })
    expect(p.privacyEmails).toEqual([])
    expect(p.otherEmails.length).toBeGreaterThan(0)
    for (const e of p.otherEmails) {
      expect(e.reason).toMatch(/^Not a privacy contact: the policy gives it for /)
      expect(renderMessage(e.detail, 'de')).toMatch(/^Kein Datenschutzkontakt: Die Erklärung nennt sie für /)
      expect(renderMessage(e.detail, 'zh-Hans')).toMatch(/^不是隐私联系方式：/)
    }
  })

  it('are what the CLI’s summary and JSON view print in the chosen language', () => {
    const p = extractPolicy({ text: policy, format: 'text' })
    const german = describeProposal(p, 'de')
    expect(german).toContain('Datenschutz-E-Mail: privacy@larkspur.io')
    expect(german).toContain(renderMessage(p.privacyEmails[0]!.detail, 'de'))
    expect(german).toContain('Nicht die des Unternehmens (ausgelassen):')
    expect(german).not.toContain(p.privacyEmails[0]!.reason)
    const chinese = describeProposal(p, 'zh-Hant')
    expect(chinese).toContain('私隱聯絡電郵：privacy@larkspur.io')
    const view = proposalView(p, 'fr')
    const regulator = view.notTheCompany.find((n) => n.value === 'poststelle@bfdi.bund.de')!
    expect(regulator.reason).toBe('Elle appartient à une autorité de protection des données (celle qui reçoit les réclamations), pas à l’entreprise.')
    // English stays what it was.
    expect(describeProposal(p)).toContain('Privacy e-mail: privacy@larkspur.io')
    expect(proposalView(p).notTheCompany.find((n) => n.value === 'poststelle@bfdi.bund.de')!.reason).toMatch(/^It belongs to a data protection regulator/)
  })
})
