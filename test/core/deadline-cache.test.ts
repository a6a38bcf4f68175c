import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeOf, deadlineRulesFingerprintOf } from '../../scripts/deadline-fingerprint'
import { deadlineRulesFingerprint } from '../../electron/core/deadlines/rules-fingerprint'
import { defaultDeadlineSettings, deadlineSettingsSchema, type DeadlineSettings } from '../../electron/core/deadlines/settings'
import {
  deadlineBasis,
  deadlineCacheIn,
  deadlineCacheName,
  decodeDeadlineCache,
  encodeDeadlineCache,
  type DeadlineCache,
  type SavedDeadlines,
} from '../../electron/core/requests/deadline-cache'
import { createRequestList } from '../../electron/core/requests/list-items'
import { openRequestRepository } from '../../electron/core/requests/repository'
import { variedRequest } from '../helpers/varied-requests'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import { tempDir } from '../helpers/ports'

// `rightful requests list` saves the dates of the deadlines it counted (requests/.deadline-cache.json)
// and counts again only what changed: a request's input, the rules (their fingerprint) or the settings.

const now = () => new Date('2026-03-15T10:00:00Z')
const places = [['DE-BY', 'gdpr'], ['US-CA', 'ccpa'], ['BR', 'lgpd'], ['CN', 'cn-pipl'], ['GB', 'uk-gdpr'], ['XX', 'gdpr'], ['HK', 'hk-pdpo']] as const

const variety = { places, from: '2025-12-01', everyDays: 3, unsentEvery: 5, body: 'Please give me access.' }
const record = (reference: string, i: number) => variedRequest(reference, i, variety)

/** A data folder with `count` requests, and lists of it with and without the saved deadlines. */
function setUp(count = 40) {
  const dataDir = tempDir()
  const repository = openRequestRepository({ dataDir, notices: createNoticeBoard(now), now, checkLater: false })
  for (let i = 0; i < count; i += 1) repository.create(2026, (reference) => record(reference, i))
  let settings: DeadlineSettings = defaultDeadlineSettings
  const calls = { reads: 0, writes: 0 }
  const file = deadlineCacheIn(dataDir)
  const counting: DeadlineCache = {
    read: (basis) => ((calls.reads += 1), file.read(basis)),
    write: (basis, dates) => ((calls.writes += 1), file.write(basis, dates)),
  }
  const deps = { repository, settings: { deadlines: () => settings }, now, keepDeadlines: false }
  return {
    dataDir,
    repository,
    calls,
    cacheFile: path.join(dataDir, 'requests', deadlineCacheName),
    setSettings: (next: Partial<DeadlineSettings>) => (settings = deadlineSettingsSchema.parse({ ...settings, ...next })),
    /** A list that saves its deadlines (as `rightful requests list` does). */
    cached: () => createRequestList({ ...deps, deadlineCache: counting }).list(),
    /** A list that counts every deadline. */
    counted: () => createRequestList(deps).list(),
  }
}

/** The saved file's rows, by key. */
const savedIn = (file: string, basis: string): SavedDeadlines => decodeDeadlineCache(fs.readFileSync(file, 'utf8'), basis)!

describe('the deadlines a list saves', () => {
  it('the committed fingerprint of the deadline rules is what the sources give (else run npx tsx scripts/deadline-fingerprint.ts)', () => {
    expect(deadlineRulesFingerprint).toBe(deadlineRulesFingerprintOf(path.resolve(__dirname, '..', '..')))
  })

  it('fingerprints code, keys and numbers, not comments, layout or the words of notes', () => {
    const rule = "// one month\nconst gdpr = { unit: 'months', count: 1, roll: 'next-working-day', note: 'The company must answer.' }\nlet day = -1\n"
    const same = [
      "const gdpr = {unit:'months', count:1, roll:'next-working-day', /* a comment */ note:'The controller must answer without delay.'}\nlet day = -1",
      rule.replace('The company must answer.', 'Answer within a month, at the latest.'),
    ]
    const different = [
      rule.replace("'months'", "'days'"),
      rule.replace('count: 1', 'count: 2'),
      rule.replace("'next-working-day'", "'previous-working-day'"),
      rule.replace('-1', '+1'),
      rule.replace('let day', 'const day'),
      rule.replace('gdpr', 'ccpa'),
    ]
    for (const text of same) expect(codeOf('rule.ts', text), text).toBe(codeOf('rule.ts', rule))
    for (const text of different) expect(codeOf('rule.ts', text), text).not.toBe(codeOf('rule.ts', rule))
  })

  it('lists exactly what counting gives, saves the dates once, and reads them back without writing again', () => {
    const host = setUp()
    const first = host.cached()
    expect(JSON.stringify(first)).toBe(JSON.stringify(host.counted()))
    expect(first.some((item) => item.due !== null) && first.some((item) => item.due === null)).toBe(true)
    expect(host.calls).toEqual({ reads: 1, writes: 1 })
    const saved = savedIn(host.cacheFile, deadlineBasis(defaultDeadlineSettings))
    // One row per distinct deadline input: the 32 sent requests (drafts have none).
    expect(saved.size).toBe(first.filter((item) => item.sentOn !== null).length)
    const second = host.cached()
    expect(JSON.stringify(second)).toBe(JSON.stringify(first))
    expect(host.calls).toEqual({ reads: 2, writes: 1 })
  })

  it('uses a saved date as it is while its input, the rules and the settings are unchanged', () => {
    const host = setUp()
    const first = host.cached()
    const basis = deadlineBasis(defaultDeadlineSettings)
    const saved = new Map(savedIn(host.cacheFile, basis))
    const [key, dates] = [...saved].find(([, d]) => d.effectiveDue !== null)!
    saved.set(key, { ...dates, due: '2099-01-01', effectiveDue: '2099-01-01' })
    fs.writeFileSync(host.cacheFile, encodeDeadlineCache(basis, saved))
    const changed = host.cached().filter((item, i) => JSON.stringify(item) !== JSON.stringify(first[i]))
    // The saved date is trusted (that is what saves the counting): the file's basis vouches for it.
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.every((item) => item.due === '2099-01-01')).toBe(true)
  })

  it('finds a file saved under other rules or other settings stale: every date counted again, the file written anew', () => {
    const host = setUp()
    const first = host.cached()
    const basis = deadlineBasis(defaultDeadlineSettings)
    const wrong = new Map([...savedIn(host.cacheFile, basis)].map(([key, dates]) => [key, { ...dates, due: '2099-01-01', effectiveDue: '2099-01-01' }]))
    // Saved by a Rightful whose rules had another fingerprint.
    const otherRules = basis.replace(deadlineRulesFingerprint, '0'.repeat(32))
    expect(otherRules).not.toBe(basis)
    fs.writeFileSync(host.cacheFile, encodeDeadlineCache(otherRules, wrong))
    expect(JSON.stringify(host.cached())).toBe(JSON.stringify(first))
    expect(savedIn(host.cacheFile, basis).size).toBe(wrong.size)
    // Saved under the settings before the user changed them.
    fs.writeFileSync(host.cacheFile, encodeDeadlineCache(basis, wrong))
    host.setSettings({ lgpdSmallAgent: true, ccpaRollOver: false })
    const withSettings = host.cached()
    expect(JSON.stringify(withSettings)).toBe(JSON.stringify(host.counted()))
    expect(withSettings.some((item) => item.due === '2099-01-01')).toBe(false)
    expect(withSettings).not.toEqual(first)
    expect(decodeDeadlineCache(fs.readFileSync(host.cacheFile, 'utf8'), basis)).toBeNull()
    expect(savedIn(host.cacheFile, deadlineBasis(deadlineSettingsSchema.parse({ lgpdSmallAgent: true, ccpaRollOver: false }))).size).toBe(wrong.size)
  })

  it('counts again the deadline of a request that changed, and keeps only the dates the list used', () => {
    const host = setUp()
    host.cached()
    const basis = deadlineBasis(defaultDeadlineSettings)
    const before = savedIn(host.cacheFile, basis)
    // The company claims an extension for one request; another request is discarded.
    const target = host.repository.list().find((s) => s.law === 'gdpr' && s.sentOn !== null)!
    host.repository.update(target.reference, (r) => ({
      ...r,
      events: [...r.events, { id: 'ev-x', kind: 'extension-claimed', on: r.sent!.on, recordedAt: now().toISOString() }] as never,
    }))
    const gone = host.repository.list().find((s) => s.sentOn !== null && s.reference !== target.reference)!
    host.repository.discard(gone.reference)
    const listed = host.cached()
    expect(JSON.stringify(listed)).toBe(JSON.stringify(host.counted()))
    const item = listed.find((i) => i.reference === target.reference)!
    expect(item.extendedDue).not.toBeNull()
    expect(item.due).toBe(item.extendedDue)
    const after = savedIn(host.cacheFile, basis)
    expect(after.size).toBe(before.size - 1)
    expect([...after.keys()].filter((key) => !before.has(key))).toHaveLength(1)
  })

  it('ignores a damaged, foreign or oversized file whole, and replaces it', () => {
    const host = setUp(12)
    const expected = JSON.stringify(host.counted())
    const basis = deadlineBasis(defaultDeadlineSettings)
    const row = ['gdpr|access|DE||received:2026-01-01||||', '2026-02-01', '2026-02-01', null, null]
    const damaged = [
      'not json',
      '{"version":1,"basis":',
      JSON.stringify({ version: 2, basis, rows: row }),
      JSON.stringify({ version: 1, basis, rows: row.slice(0, 4) }),
      JSON.stringify({ version: 1, basis, rows: [...row.slice(0, 4), '2026-2-1'] }),
      JSON.stringify({ version: 1, basis, rows: ['x'.repeat(2_001), ...row.slice(1)] }),
      JSON.stringify({ version: 1, basis, rows: { constructor: row } }),
      JSON.stringify(['__proto__', basis]),
      'null',
    ]
    for (const text of damaged) {
      expect(decodeDeadlineCache(text, basis), text.slice(0, 60)).toBeNull()
      fs.writeFileSync(host.cacheFile, text)
      expect(JSON.stringify(host.cached())).toBe(expected)
      expect(savedIn(host.cacheFile, basis).size).toBeGreaterThan(0)
    }
    // A file too large to be a list's is not read at all.
    fs.truncateSync(host.cacheFile, 64 * 1024 * 1024 + 1)
    expect(deadlineCacheIn(host.dataDir).read(basis)).toBeNull()
    expect(JSON.stringify(host.cached())).toBe(expected)
  })

  it('lists as before where the file cannot be written, and leaves no temporary file', () => {
    const host = setUp(8)
    fs.mkdirSync(host.cacheFile) // a folder where the file would go: the rename fails
    expect(JSON.stringify(host.cached())).toBe(JSON.stringify(host.counted()))
    const left = fs.readdirSync(path.dirname(host.cacheFile)).filter((name) => name.endsWith('.tmp'))
    expect(left).toEqual([])
  })
})
