/**
 * The UI's words in every language: the same keys (plurals as each language's own rules need
 * them), the same {{placeholders}}, no empty value, and no value left in English except the
 * names and codes listed below.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { uiLanguages } from '../../electron/core/messages/ui-languages'

const root = path.resolve(__dirname, '..', '..')
const uiDir = path.join(root, 'renderer', 'src', 'locales')
const coreDir = path.join(root, 'electron', 'core', 'messages', 'locales')

/**
 * Keys ("namespace:key") whose value may equal the English one: laws' names and codes that are
 * the same in the language, units, and words that happen to be spelt alike.
 */
const sameAsEnglish = new Set<string>([
  'common:app.menu',
  'common:law.vcdpa',
  'common:law.cpa-co',
  'common:law.ctdpa',
  'common:law.ccpa',
  'common:law.cn-pipl',
  'common:law.hk-pdpo',
  'common:law.au-privacy',
  'common:law.jp-appi',
  'common:law.tdpsa',
  'common:lawShort.gdpr',
  'common:lawShort.ccpa',
  'common:lawShort.vcdpa',
  'common:lawShort.cpa-co',
  'common:lawShort.ctdpa',
  'common:lawShort.lgpd',
  'common:lawShort.pipeda',
  'common:lawShort.ch-fadp',
  'common:lawShort.hk-pdpo',
  'common:lawShort.cn-pipl',
  'common:lawShort.jp-appi',
  'common:lawShort.au-privacy',
  'common:lawShort.tdpsa',
  'common:requestType.rectification',
  'common:purpose.newsletter',
  'common:size.bytes',
  'common:size.kb',
  'common:size.mb',
  'common:size.gb',
  // Spelt alike: "Fax" (de, es), "Notes", "Sources", "Copies" (fr), "Text" (de).
  'companies:page.fax',
  'companies:facts.channel.fax',
  'companies:page.notes',
  'companies:page.sources',
  'requests:page.text',
  'requests:page.copies',
  // A country's name after the plain preposition, "in" in German too; "messages" in French.
  'core:place.inCountry',
  'core:progress.messages',
  // "Fax: {{number}}" in the policy summary of the CLI (de, es).
  'core:policyImport.summary.fax',
  // Spelt alike: "Status" (de).
  'core:cli.show.status',
  // A law's abbreviation and provision, cited alike (de, fr, es).
  'core:deadline.regime.ccpa',
  'core:deadline.regime.lgpd',
  // The CLI's words spelt alike: "Newsletter" (de), "Rectification" (fr), "fax" (es).
  'core:cli.out.purpose.newsletter',
  'core:cli.requestType.rectification',
  'core:cli.out.catalog.label.fax',
  'core:cli.out.bounce.fax',
  // A command's name before the core's own words (de, es).
  'core:cli.usage.policyProblem',
  'core:cli.usage.policyUrlProblem',
  // Spelt alike: "Passphrase" (de), "Port" (de, fr), "No" (es).
  'settings:data.passphrase',
  'settings:restore.passphrase',
  'settings:mail.port',
  'settings:restore.no',
  'followups:extension.reasons.no',
  // Spelt alike: "Post", "Website", "Server" (de), "E-mail" (fr).
  'requests:complaint.post',
  'requests:complaint.website',
  'requests:markSent.post',
  'requests:sendPanel.server',
  'requests:complaint.email',
  'requests:markSent.email',
  // Spelt alike: "Status" (de), "Messages", "Actions" (fr).
  'bulk:batch.status.head',
  'bulk:discover.messages',
  'bulk:batch.actions',
  // "Format" (de, fr).
  'policyImport:page.format',
  // The German "Land" is what French calls it too.
  'profile:regionLabel.DE',
  // A date's pattern letters: MM for the month in German, French and Spanish, DD for the Spanish day.
  'common:dateField.month',
  'common:dateField.day',
])

/** Key prefixes whose values are places' names, many spelt alike in several languages ("Berlin", "Galicia"). */
const placeNames = ['profile:regionName.', 'core:place.region.', 'core:place.in.']

type Tree = { [key: string]: string | Tree }
const pluralSuffix = /_(zero|one|two|few|many|other)$/

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(name, value)
    else for (const [k, v] of flatten(value, name)) out.set(k, v)
  }
  return out
}

/** Plural keys folded to their base ("days_one", "days_other" -> "days"), with the forms found. */
function fold(keys: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  for (const key of keys) {
    const match = pluralSuffix.exec(key)
    const base = match ? key.slice(0, match.index) : key
    const forms = out.get(base) ?? new Set<string>()
    if (match) forms.add(match[1]!)
    out.set(base, forms)
  }
  return out
}

const placeholders = (value: string) => [...value.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort()

/** Every namespace: "common" -> language -> flat keys. */
function readAll(): Map<string, Map<string, Map<string, string>>> {
  const all = new Map<string, Map<string, Map<string, string>>>()
  const add = (namespace: string, language: string, file: string) => {
    const byLanguage = all.get(namespace) ?? new Map<string, Map<string, string>>()
    byLanguage.set(language, flatten(JSON.parse(fs.readFileSync(file, 'utf8')) as Tree))
    all.set(namespace, byLanguage)
  }
  for (const language of fs.readdirSync(uiDir)) {
    for (const file of fs.readdirSync(path.join(uiDir, language))) add(file.replace(/\.json$/, ''), language, path.join(uiDir, language, file))
  }
  for (const file of fs.readdirSync(coreDir)) add('core', file.replace(/\.json$/, ''), path.join(coreDir, file))
  return all
}

describe('the UI resources', () => {
  const all = readAll()

  it('come in exactly the six UI languages, each with every namespace', () => {
    expect(fs.readdirSync(uiDir).sort()).toEqual([...uiLanguages].sort())
    expect(fs.readdirSync(coreDir).sort()).toEqual(uiLanguages.map((l) => `${l}.json`).sort())
    for (const [namespace, byLanguage] of all) expect([...byLanguage.keys()].sort(), namespace).toEqual([...uiLanguages].sort())
    expect(all.has('common') && all.has('core')).toBe(true)
  })

  it('have the same keys in every language, with the plural forms each language needs', () => {
    for (const [namespace, byLanguage] of all) {
      const english = fold(byLanguage.get('en')!.keys())
      for (const language of uiLanguages) {
        const folded = fold(byLanguage.get(language)!.keys())
        expect([...folded.keys()].sort(), `${namespace} in ${language}`).toEqual([...english.keys()].sort())
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories
        for (const [base, forms] of folded) {
          if (english.get(base)!.size === 0) {
            expect(forms.size, `${namespace}:${base} in ${language} is not a plural`).toBe(0)
            continue
          }
          expect([...forms].sort(), `${namespace}:${base} plural forms in ${language}`).toEqual([...categories].sort())
        }
      }
    }
  })

  it('keep every placeholder, and leave nothing empty', () => {
    for (const [namespace, byLanguage] of all) {
      const english = byLanguage.get('en')!
      for (const language of uiLanguages) {
        for (const [key, value] of byLanguage.get(language)!) {
          expect(value.trim(), `${namespace}:${key} in ${language}`).not.toBe('')
          const base = key.replace(pluralSuffix, '')
          const model = english.get(key) ?? english.get(`${base}_other`)!
          // A language with one form for all counts may leave {{count}} out of a "one" it has not.
          expect(placeholders(value).filter((p) => p !== 'count'), `${namespace}:${key} in ${language}`).toEqual(placeholders(model).filter((p) => p !== 'count'))
        }
      }
    }
  })

  it('name no <Trans> component after an HTML void element, whose words would be dropped', () => {
    // react-i18next reads <source>, <link>, <img>… as empty elements: a link named so showed no text.
    const voidElements = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']
    const found: string[] = []
    for (const [namespace, byLanguage] of all) {
      for (const [language, values] of byLanguage) {
        for (const [key, value] of values) {
          for (const match of value.matchAll(/<([a-z][a-z0-9]*)>/gi)) if (voidElements.includes(match[1]!.toLowerCase())) found.push(`${namespace}:${key} (${language}): <${match[1]}>`)
        }
      }
    }
    expect(found).toEqual([])
  })

  it('leave no word in English outside the listed names and codes', () => {
    const leftInEnglish: string[] = []
    const usedAllowance = new Set<string>()
    for (const [namespace, byLanguage] of all) {
      const english = byLanguage.get('en')!
      for (const language of uiLanguages.filter((l) => l !== 'en')) {
        for (const [key, value] of byLanguage.get(language)!) {
          const base = `${namespace}:${key.replace(pluralSuffix, '')}`
          const model = english.get(key) ?? english.get(key.replace(pluralSuffix, '_other'))
          if (value !== model) continue
          // Nothing but placeholders and punctuation: no words to translate.
          if (!/\p{L}/u.test(value.replace(/\{\{[^}]*\}\}/g, ''))) continue
          if (placeNames.some((prefix) => base.startsWith(prefix))) continue
          if (sameAsEnglish.has(base)) usedAllowance.add(base)
          else leftInEnglish.push(`${namespace}:${key} (${language}): ${value}`)
        }
      }
    }
    expect(leftInEnglish).toEqual([])
    // An allowance nobody needs any more goes, so that the list stays short and true.
    expect([...sameAsEnglish].filter((k) => !usedAllowance.has(k))).toEqual([])
  })
})
