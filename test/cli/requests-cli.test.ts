/** `rightful requests show|mark-sent|event|discard|export`: the core's own methods from a terminal. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { plainDateOf } from '../../electron/core/shared/calendar'
import { expectOk, repoRoot, sampleProfile, startCore, tempDir, testClock } from '../helpers/ports'

async function run(argv: string[], dataDir: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir }, cwd: dataDir }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr }
}

/** Days on this computer's calendar, as the CLI counts them. */
const today = () => plainDateOf(new Date())
const daysAgo = (n: number) => plainDateOf(new Date(Date.now() - n * 86_400_000))

/** A data folder with a draft to FS.COM written three days ago (the CLI runs on the real clock). */
async function withDraft(companyId = 'fs-com') {
  const host = startCore({ clock: testClock(new Date(Date.now() - 3 * 86_400_000).toISOString()) })
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId, type: 'access', law: 'gdpr', lang: 'en' }))
  return { dataDir: host.dataDir, reference: record.reference }
}

/** A small RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF records. */
function readCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i += 1
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += 1
    } else cell += c
  }
  if (cell !== '' || row.length > 0) throw new Error('the last record has no CRLF')
  return rows
}

describe('rightful requests show', () => {
  it('prints the request with its events', async () => {
    const { dataDir, reference } = await withDraft()
    const { code, stdout, stderr } = await run(['requests', 'show', reference, '--json'], dataDir)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const view = JSON.parse(stdout)
    expect(view.record).toMatchObject({ reference, company: { id: 'fs-com' }, sent: null })
    expect(view.record.events.map((e: { kind: string }) => e.kind)).toEqual(['created'])
    expect(view.status).toEqual({ kind: 'draft' })
    const text = await run(['requests', 'show', reference], dataDir)
    expect(text.stdout).toMatch(new RegExp(`^${reference}  FS.COM  access \\(gdpr\\)  draft`))
    expect(text.stdout).toContain('Created')

    const missing = await run(['requests', 'show', 'RF-2020-0099', '--json'], dataDir)
    expect(missing.code).toBe(1)
    expect(JSON.parse(missing.stdout).error.code).toBe('NOT_FOUND')
    for (const argv of [['requests', 'show'], ['requests', 'show', 'fs.com'], ['requests', 'frobnicate']]) {
      const bad = await run(argv, dataDir)
      expect(bad.code, argv.join(' ')).toBe(2)
      expect(bad.stderr).toMatch(/^rightful: /)
    }
  })
})

describe('rightful requests mark-sent', () => {
  it('records an e-mail sent at a given time, with its offset, and the deadline runs from it', async () => {
    const { dataDir, reference } = await withDraft()
    const at = `${daysAgo(1)}T23:30:00+01:00`
    const { code, stdout, stderr } = await run(['requests', 'mark-sent', reference, '--at', at, '--channel', 'email', '--json'], dataDir)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const view = JSON.parse(stdout)
    expect(view.record.sent).toMatchObject({ on: daysAgo(1), channel: 'email', to: 'legal@fs.com' })
    const sent = view.record.events.find((e: { kind: string }) => e.kind === 'sent')
    expect(sent).toMatchObject({ on: daysAgo(1), at, channel: 'email' })
    expect(view.status.kind).toBe('awaiting-reply')
    // Once sent, it stays as it was sent.
    const again = await run(['requests', 'mark-sent', reference, '--at', today(), '--channel', 'email', '--json'], dataDir)
    expect(again.code).toBe(1)
    expect(JSON.parse(again.stdout).error.code).toBe('INVALID_STATE')
  })

  it('records a letter with its tracking number', async () => {
    const { dataDir, reference } = await withDraft()
    const { code, stdout } = await run(['requests', 'mark-sent', reference, '--at', daysAgo(2), '--channel', 'letter', '--tracking', 'RR123456785DE', '--json'], dataDir)
    expect(code).toBe(0)
    const view = JSON.parse(stdout)
    expect(view.record.sent).toMatchObject({ on: daysAgo(2), channel: 'post', to: null })
    expect(view.record.events.at(-1)).toMatchObject({ kind: 'sent', channel: 'post', trackingNumber: 'RR123456785DE', at: null })
  })

  it('refuses bad arguments with exit code 2 and leaves the draft a draft', async () => {
    const { dataDir, reference } = await withDraft()
    const cases: Array<[string[], RegExp]> = [
      [['requests', 'mark-sent', reference, '--channel', 'email'], /--at is required/],
      [['requests', 'mark-sent', reference, '--at', today()], /--channel is required/],
      [['requests', 'mark-sent', reference, '--at', today(), '--channel', 'fax'], /--channel must be one of: email, letter/],
      [['requests', 'mark-sent', reference, '--at', 'yesterday', '--channel', 'email'], /--at: give a day/],
      [['requests', 'mark-sent', reference, '--at', '2026-02-30', '--channel', 'email'], /--at: This date does not exist/],
      [['requests', 'mark-sent', reference, '--at', '2099-01-01', '--channel', 'email'], /--at: .*future/],
      [['requests', 'mark-sent', reference, '--at', daysAgo(30), '--channel', 'email'], /--at: .*before/],
      [['requests', 'mark-sent', reference, '--at', today(), '--channel', 'email', '--tracking', '123'], /--tracking goes with --channel letter/],
    ]
    for (const [argv, message] of cases) {
      const { code, stdout, stderr } = await run([...argv, '--json'], dataDir)
      expect(code, argv.join(' ')).toBe(2)
      expect(stdout, argv.join(' ')).toBe('')
      expect(stderr, argv.join(' ')).toMatch(message)
    }
    expect(JSON.parse((await run(['requests', 'show', reference, '--json'], dataDir)).stdout).record.sent).toBeNull()
  })
})

describe('rightful requests event', () => {
  it('adds an event (today by default, or --at) with its text, and the status follows', async () => {
    const { dataDir, reference } = await withDraft()
    expect((await run(['requests', 'mark-sent', reference, '--at', daysAgo(2), '--channel', 'email'], dataDir)).code).toBe(0)
    const ack = await run(['requests', 'event', reference, '--kind', 'acknowledged', '--at', daysAgo(1), '--text', 'Ticket #4711', '--json'], dataDir)
    expect(ack.code).toBe(0)
    expect(JSON.parse(ack.stdout).record.events.at(-1)).toMatchObject({ kind: 'acknowledged', on: daysAgo(1), note: 'Ticket #4711' })
    const extension = await run(['requests', 'event', reference, '--kind', 'extension-claimed', '--until', '2099-12-31', '--json'], dataDir)
    expect(extension.code).toBe(0)
    expect(JSON.parse(extension.stdout).record.events.at(-1)).toMatchObject({ kind: 'extension-claimed', on: today(), until: '2099-12-31' })
    const done = await run(['requests', 'event', reference, '--kind', 'completed', '--json'], dataDir)
    expect(JSON.parse(done.stdout).status).toEqual({ kind: 'completed', on: today() })
  })

  it('refuses events on a draft, unknown kinds and misplaced options', async () => {
    const { dataDir, reference } = await withDraft()
    const draft = await run(['requests', 'event', reference, '--kind', 'acknowledged', '--json'], dataDir)
    expect(draft.code).toBe(1)
    expect(JSON.parse(draft.stdout).error.code).toBe('INVALID_STATE')
    for (const argv of [
      ['requests', 'event', reference],
      ['requests', 'event', reference, '--kind', 'sent'],
      ['requests', 'event', reference, '--kind', 'created'],
      ['requests', 'event', reference, '--kind', 'acknowledged', '--until', today()],
      ['requests', 'event', reference, '--kind', 'acknowledged', '--at', 'soon'],
    ]) {
      const { code, stderr } = await run(argv, dataDir)
      expect(code, argv.join(' ')).toBe(2)
      expect(stderr).toMatch(/^rightful: /)
    }
  })
})

describe('rightful requests discard', () => {
  it('discards a draft (kept aside, never listed), and never a sent request', async () => {
    const { dataDir, reference } = await withDraft()
    const second = await run(['draft', '--company', 'b2s', '--type', 'erasure', '--law', 'gdpr', '--json'], dataDir)
    const sentRef = JSON.parse(second.stdout).reference
    expect((await run(['requests', 'mark-sent', sentRef, '--at', today(), '--channel', 'email'], dataDir)).code).toBe(0)

    const discarded = await run(['requests', 'discard', reference, '--json'], dataDir)
    expect(discarded.code).toBe(0)
    expect(JSON.parse(discarded.stdout)).toEqual({ reference, discarded: true })
    expect(fs.existsSync(path.join(dataDir, 'requests', 'discarded', `${reference}.json`))).toBe(true)
    expect(JSON.parse((await run(['requests', 'list', '--json'], dataDir)).stdout).map((r: { reference: string }) => r.reference)).toEqual([sentRef])

    const refused = await run(['requests', 'discard', sentRef, '--json'], dataDir)
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stdout).error.code).toBe('INVALID_STATE')
    expect(refused.stderr).toMatch(/never discarded/)
    expect(JSON.parse((await run(['requests', 'show', sentRef, '--json'], dataDir)).stdout).record.sent).not.toBeNull()
  })
})

describe('rightful requests export', () => {
  it('writes RFC 4180 CSV, and a company name cannot smuggle a formula into a spreadsheet', async () => {
    const dataDir = tempDir()
    const added = await run(['catalog', 'add', '--name', '=HYPERLINK("http://evil.example","Click"), Inc.', '--email', 'privacy@evil.example', '--json'], dataDir)
    expect(added.code).toBe(0)
    const companyId = JSON.parse(added.stdout).id
    const host = startCore({ dataDir, clock: testClock(new Date().toISOString()) })
    expectOk(await host.api.call('profile:save', sampleProfile))
    const evil = expectOk(await host.api.call('requests:create', { companyId, type: 'access', law: 'gdpr', lang: 'en' })).record.reference
    const plain = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'erasure', law: 'gdpr', lang: 'en' })).record.reference
    expectOk(await host.api.call('requests:markSent', { reference: plain, on: today(), channel: 'email' }))

    const out = path.join(dataDir, 'requests.csv')
    const { code, stdout, stderr } = await run(['requests', 'export', '--format', 'csv', '--out', out, '--json'], dataDir)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual({ path: out, requests: 2 })
    const text = fs.readFileSync(out, 'utf8')
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/)
    const rows = readCsv(text)
    expect(rows[0]).toEqual(['Reference', 'Company', 'Company ID', 'Type', 'Law', 'Status', 'Written', 'Sent on', 'Channel', 'Due', 'Extended due', 'Follows up'])
    const byReference = new Map(rows.slice(1).map((r) => [r[0], r]))
    expect(byReference.get(evil)?.[1]).toBe(`'=HYPERLINK("http://evil.example","Click"), Inc.`)
    expect(byReference.get(plain)).toEqual([plain, 'FS.COM', 'fs-com', 'erasure', 'gdpr', 'awaiting-reply', today(), today(), 'email', expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), expect.any(String), ''])
    expect(rows.every((r) => r.length === 12)).toBe(true)

    for (const argv of [
      ['requests', 'export', '--out', out],
      ['requests', 'export', '--format', 'xlsx', '--out', out],
      ['requests', 'export', '--format', 'csv'],
      ['requests', 'export', '--format', 'csv', '--out', '/no/such/folder/r.csv'],
    ]) {
      const bad = await run(argv, dataDir)
      expect(bad.code, argv.join(' ')).toBe(2)
    }
  })
})

describe('rightful requests show and list --ui-lang', () => {
  it('says the status, the days left, the events and the next steps in the chosen language, and in English as before by default', async () => {
    const { dataDir, reference } = await withDraft()
    expect((await run(['requests', 'mark-sent', reference, '--at', daysAgo(2), '--channel', 'email'], dataDir)).code).toBe(0)
    const german = await run(['requests', 'show', reference, '--ui-lang', 'de'], dataDir)
    expect(german.code).toBe(0)
    expect(german.stdout).toContain('Status: Antwort ausstehend · ')
    expect(german.stdout).toMatch(/noch \d+ Tage/)
    expect(german.stdout).toContain('Ereignisse:')
    // The channel in the language too (it was the code "email").
    expect(german.stdout).toMatch(/ {2}\d{4}-\d{2}-\d{2} {2}Gesendet: E-Mail /)
    expect(german.stdout).toContain('Nächste Schritte:')
    expect(german.stdout).toContain('  - Bis zum Fristende ist nichts zu tun.')
    expect(german.stdout).not.toMatch(/awaiting-reply|Events:|Sent|Subject:/)
    const chinese = await run(['requests', 'show', reference, '--ui-lang', 'zh-Hant'], dataDir)
    expect(chinese.stdout).toContain('狀態：')
    expect(chinese.stdout).toContain('已寄出')
    expect((await run(['requests', 'list', '--ui-lang', 'fr'], dataDir)).stdout).toContain('En attente de réponse')
    expect((await run(['requests', 'list'], dataDir)).stdout).toContain('awaiting-reply')
    const english = await run(['requests', 'show', reference], dataDir)
    expect(english.stdout).toContain('awaiting-reply')
    expect(english.stdout).toContain('Events:')
  })
})
