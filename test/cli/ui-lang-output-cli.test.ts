/**
 * `rightful … --ui-lang de|zh-Hant`: no English sentence left in what a command prints for people
 * (issue 13). Each command runs on its own fresh copy of the same data in English, German and
 * Traditional Chinese; the data it prints as it is (the company's record, the letter's subject and
 * text, file paths) is taken out, and the German or Chinese output fails when it shares a word of
 * the English output (the detector of test/helpers/english-words.ts), shows a raw message key or an
 * unfilled placeholder. --json output stays English and is not checked here.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { coreResources, type MessageResource } from '../../electron/core/messages/resources'
import { uiLanguages, type UiLanguage } from '../../electron/core/messages/ui-languages'
import { plainDateOf } from '../../electron/core/shared/calendar'
import { longWords, sameInLanguage } from '../helpers/english-words'
import { expectOk, repoRoot, sampleProfile, startCore, testClock } from '../helpers/ports'

const daysAgo = (n: number) => plainDateOf(new Date(Date.now() - n * 86_400_000))

type Printed = { readonly code: number; readonly stdout: string; readonly stderr: string }

async function run(dataDir: string, argv: string[], ui: UiLanguage): Promise<Printed> {
  let stdout = ''
  let stderr = ''
  const code = await runCli([...argv, '--ui-lang', ui], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir }, cwd: dataDir }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr }
}

/** Every string of a JSON value (the data a command prints as it is). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsOf)
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf)
  return []
}

/**
 * One language's run of every human-output command, on a data folder of its own: a draft to
 * FS.COM written 20 days ago, then sent, acknowledged and asked for identity; a second draft that is
 * discarded; a company the user adds and deletes.
 */
async function scenario(ui: UiLanguage): Promise<{ readonly outputs: ReadonlyMap<string, Printed>; readonly data: ReadonlyArray<string> }> {
  const host = startCore({ clock: testClock(new Date(Date.now() - 20 * 86_400_000).toISOString()) })
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
  const second = expectOk(await host.api.call('requests:create', { companyId: 'foscam', type: 'erasure', law: 'gdpr', lang: 'en' })).record
  const companies = [expectOk(await host.api.call('catalog:get', { id: 'fs-com' })), expectOk(await host.api.call('catalog:get', { id: 'foscam' }))]
  const dir = host.dataDir
  // A backup is written outside the data folder.
  const away = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-backup-'))
  const ref = record.reference
  const steps: ReadonlyArray<readonly [string, string[]]> = [
    ['notices', ['notices']],
    ['authorities none', ['authorities', 'list', '--country', 'ZZ']],
    ['authorities', ['authorities', 'list', '--country', 'DE-BY']],
    ['catalog show', ['catalog', 'show', 'fs-com']],
    ['catalog search none', ['catalog', 'search', 'qwxzvb']],
    ['requests show draft', ['requests', 'show', ref]],
    ['mark-sent', ['requests', 'mark-sent', ref, '--at', daysAgo(18), '--channel', 'email']],
    ['event', ['requests', 'event', ref, '--kind', 'acknowledged', '--at', daysAgo(15)]],
    ['event identity', ['requests', 'event', ref, '--kind', 'identity-requested', '--at', daysAgo(12), '--text', 'ID']],
    ['requests show sent', ['requests', 'show', ref]],
    ['requests list', ['requests', 'list']],
    ['identity', ['requests', 'identity', ref]],
    ['bounce', ['requests', 'bounce', ref]],
    ['replies import', ['replies', 'import', path.join(repoRoot, 'test', 'fixtures', 'replies', 'plain-reference-en.eml')]],
    ['replies list', ['replies', 'list']],
    ['event data', ['requests', 'event', ref, '--kind', 'data-received', '--at', daysAgo(3)]],
    ['check', ['check', ref]],
    ['export', ['requests', 'export', '--format', 'csv', '--out', 'requests.csv']],
    ['discard', ['requests', 'discard', second.reference]],
    ['catalog add', ['catalog', 'add', '--name', 'Qwxz GmbH', '--email', 'privacy@qwxz.test']],
    ['catalog add again', ['catalog', 'add', '--name', 'Qwxz GmbH', '--email', 'privacy@qwxz.test']],
    ['catalog delete', ['catalog', 'delete', 'qwxz-gmbh']],
    ['catalog export', ['catalog', 'export', '--out', 'catalog.json']],
    ['draft', ['draft', '--company', 'foscam', '--type', 'access', '--law', 'gdpr']],
    ['bulk', ['bulk', '--company', 'foscam', '--company', 'fs-com', '--type', 'access', '--law', 'gdpr', '--no-send']],
    ['bulk list', ['bulk', 'list']],
    ['bulk packs', ['bulk', 'packs']],
    ['backup', ['backup', '--out', path.join(away, 'all.rightful-backup')]],
  ]
  const outputs = new Map<string, Printed>()
  for (const [name, argv] of steps) outputs.set(name, await run(dir, argv, ui))
  // What the commands print as it is: the companies' records, the letters' words, the folders, the query.
  const letters: string[] = []
  for (const request of expectOk(await host.api.call('requests:list', {}))) {
    const { draft } = expectOk(await host.api.call('requests:get', { reference: request.reference })).record
    letters.push(draft.subject, draft.body, draft.to ?? '')
  }
  // The checklist's item ids are what `check --tick` takes: the same in every language.
  const items = expectOk(await host.api.call('requests:checkAnswer', { reference: ref })).rows.map((row) => row.id)
  // Authorities' ids and acronyms are codes; their names are what the language changes.
  const authorities = expectOk(await host.api.call('authorities:list', {})).flatMap((a) => [a.id, a.acronym ?? ''])
  // A reply's sender, subject and the words Rightful quotes from it are the company's.
  const replies = expectOk(await host.api.call('replies:list', { pending: false })).flatMap((r) => [r.from.address, r.subject, r.suggestion.reason])
  // A pack's name is what --pack takes.
  const packs = expectOk(await host.api.call('bulk:packs', {})).map((p) => p.name)
  const data = [dir, away, ...items, ...authorities, ...replies, ...packs, ...companies.flatMap(stringsOf), ...letters, 'Qwxz GmbH', 'qwxz-gmbh', 'qwxzvb']
  return { outputs, data: data.filter((s) => s.length >= 5).sort((a, b) => b.length - a.length) }
}

/**
 * The output with the data taken out, and the commands it shows (`rightful …`, a line of flags such
 * as "requests event --kind undeliverable", a path), which are the same in every language.
 */
function withoutData(text: string, data: ReadonlyArray<string>): string {
  return data
    .reduce((rest, value) => rest.split(value).join(' '), text)
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/^rightful: /gm, ' ')
    .replace(/\brightful(?: --?[\w-]+| [\w<>…-]+)+/g, ' ')
    .replace(/(?:\b[a-z]+ )*--[a-z-]+(?: [a-z-]+)?/g, ' ')
    .replace(/\S*\/\S*/g, ' ')
}

/** Every leaf key of a resource tree. */
function leafKeys(tree: MessageResource, at = ''): string[] {
  return Object.entries(tree).flatMap(([name, value]) => {
    const key = at ? `${at}.${name}` : name
    return typeof value === 'string' ? [key] : leafKeys(value, key)
  })
}

describe('the CLI\'s output for people in the --ui-lang language', () => {
  it('leaves no English sentence in German or Traditional Chinese, and keeps English as it was', { timeout: 300_000 }, async () => {
    const english = await scenario('en')
    // The English output still reads as it always has (the other CLI tests pin each line).
    expect(english.outputs.get('requests list')!.stdout).toContain('waiting-for-you')
    expect(english.outputs.get('notices')!.stdout).toBe('Nothing to tell.\n')
    const problems: string[] = []
    for (const language of ['de', 'zh-Hant'] as const) {
      const other = await scenario(language)
      for (const [name, printed] of other.outputs) {
        const before = english.outputs.get(name)!
        expect(printed.code, `${name} [${language}]: ${printed.stderr}`).toBe(before.code)
        for (const stream of ['stdout', 'stderr'] as const) {
          const text = withoutData(printed[stream], other.data)
          const englishWords = longWords(withoutData(before[stream], english.data))
          const same = sameInLanguage.get(language)
          const shared = [...longWords(text)].filter((word) => englishWords.has(word) && !same?.has(word))
          if (shared.length) problems.push(`${name} [${language}] ${stream}: English words ${shared.join(', ')}:\n${printed[stream]}`)
          if (/\bcli\.[a-z]+\.|\{\{/.test(printed[stream])) problems.push(`${name} [${language}] ${stream}: raw key or placeholder:\n${printed[stream]}`)
        }
      }
      // The words the previous helper found English, now in the language.
      const list = other.outputs.get('requests list')!.stdout
      expect(list).not.toContain('waiting-for-you')
      expect(other.outputs.get('requests show sent')!.stdout).not.toMatch(/: email\b/)
    }
    expect(problems).toEqual([])
  })

  it('has the CLI\'s words in every language, with the plural forms each needs', () => {
    const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')
    const prefixes = ['cli.out.', 'cli.requestType.', 'cli.show.channel.']
    const englishKeys = new Set(leafKeys(coreResources.get('en')!).filter((k) => prefixes.some((p) => k.startsWith(p))).map(base))
    expect(englishKeys.size).toBeGreaterThan(100)
    for (const language of uiLanguages) {
      const own = new Set(leafKeys(coreResources.get(language)!).filter((k) => prefixes.some((p) => k.startsWith(p))).map(base))
      expect([...englishKeys].filter((k) => !own.has(k)), language).toEqual([])
      expect([...own].filter((k) => !englishKeys.has(k)), language).toEqual([])
    }
  })

  it('writes a German mark-sent and event line with the date as German writes it', async () => {
    const host = startCore({ clock: testClock(new Date(Date.now() - 5 * 86_400_000).toISOString()) })
    expectOk(await host.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    const on = daysAgo(4)
    const german = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${on}T00:00:00Z`))
    const sent = await run(host.dataDir, ['requests', 'mark-sent', record.reference, '--at', on, '--channel', 'letter'], 'de')
    expect(sent.stdout, sent.stderr).toMatch(new RegExp(`^${record.reference}: am ${german.replace('.', '\\.')} per Brief gesendet\\. Frist: \\d`))
    const event = await run(host.dataDir, ['requests', 'event', record.reference, '--kind', 'acknowledged', '--at', daysAgo(2)], 'zh-Hant')
    expect(event.stdout).toContain('狀態：')
    expect(fs.existsSync(path.join(host.dataDir, 'requests'))).toBe(true)
  })
})
