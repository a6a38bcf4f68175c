/** `rightful check` and `rightful follow-up`: the completeness check of an access answer and the incomplete-answer letter, from a terminal. */
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { plainDateOf } from '../../electron/core/shared/calendar'
import { expectOk, repoRoot, sampleProfile, startCore, testClock } from '../helpers/ports'

async function run(argv: string[], dataDir: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir }, cwd: dataDir }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr }
}

const daysAgo = (n: number) => plainDateOf(new Date(Date.now() - n * 86_400_000))

/** An access request to FS.COM under the GDPR, sent ten days ago; the data came yesterday with a German reply. */
async function answered() {
  const host = startCore({ clock: testClock(new Date(Date.now() - 10 * 86_400_000).toISOString()) })
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'de' }))
  expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: daysAgo(10), channel: 'email' }))
  host.clock.set(new Date().toISOString())
  const note = 'Anbei erhalten Sie eine Kopie Ihrer Daten. Die Verarbeitungszwecke sind Vertragserfüllung und Kundenservice.'
  expectOk(await host.api.call('requests:addEvent', { reference: record.reference, kind: 'data-received', on: daysAgo(1), note }))
  return { dataDir: host.dataDir, reference: record.reference }
}

describe('rightful check', () => {
  it('prints the checklist with suggestions and no ticks, then records ticks and accepted suggestions', async () => {
    const { dataDir, reference } = await answered()
    const first = await run(['check', reference, '--json'], dataDir)
    expect(first.code, first.stderr).toBe(0)
    const view = JSON.parse(first.stdout)
    expect(view.law).toBe('gdpr')
    expect(view.rows).toHaveLength(10)
    expect(view.rows.every((r: { state: unknown }) => r.state === null)).toBe(true)
    expect(view.rows.find((r: { id: string }) => r.id === 'purposes').suggestion).toEqual({ state: 'arrived', evidence: 'verarbeitungszwecke' })

    const ticked = await run(['check', reference, '--accept', 'copy', '--accept', 'purposes', '--tick', 'recipients=missing', '--tick', 'source=missing', '--tick', 'automated=not-applicable', '--json'], dataDir)
    expect(ticked.code, ticked.stderr).toBe(0)
    const after = JSON.parse(ticked.stdout)
    expect(after.missing).toEqual(['recipients', 'source'])
    expect(after.rows.find((r: { id: string }) => r.id === 'copy')).toMatchObject({ state: 'arrived', by: 'suggestion-confirmed' })
    expect(after.rows.find((r: { id: string }) => r.id === 'automated')).toMatchObject({ state: 'not-applicable', by: 'user' })

    const text = await run(['check', reference], dataDir)
    expect(text.stdout).toContain('Missing: recipients, source.')
    expect(text.stdout).toMatch(/copy +Art\. 15\(3\) GDPR +arrived \(suggestion accepted/)
  })

  it('refuses an unknown item or state with a usage error, and a request without data with the reason', async () => {
    const { dataDir, reference } = await answered()
    const unknown = await run(['check', reference, '--tick', 'horoscope'], dataDir)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/the items under gdpr are copy, purposes/)
    const badState = await run(['check', reference, '--tick', 'copy=perhaps'], dataDir)
    expect(badState.code).toBe(2)
    expect(JSON.parse((await run(['check', reference, '--json'], dataDir)).stdout).rows.every((r: { state: unknown }) => r.state === null)).toBe(true)

    const host = startCore({ dataDir, clock: testClock(new Date().toISOString()) })
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'gdpr', lang: 'en' }))
    const noData = await run(['check', record.reference], dataDir)
    expect(noData.code).toBe(1)
    expect(noData.stderr).toMatch(/has not been sent|no data received/)
  })
})

describe('rightful follow-up', () => {
  it('writes the incomplete-answer letter with exactly the missing items, in the request’s language', async () => {
    const { dataDir, reference } = await answered()
    const none = await run(['follow-up', reference], dataDir)
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/Nothing is ticked missing/)

    await run(['check', reference, '--tick', 'retention=missing', '--tick', 'complaint=missing'], dataDir)
    const written = await run(['follow-up', reference, '--json'], dataDir)
    expect(written.code, written.stderr).toBe(0)
    const letter = JSON.parse(written.stdout)
    expect(letter.of).toBe(reference)
    expect(letter.missing).toEqual(['retention', 'complaint'])
    expect(letter.to).toBe('legal@fs.com')
    expect(letter.subject).toMatch(/^Datenschutzanfrage \/ data protection request: unvollständige Auskunft zu RF-\d{4}-\d{4}/)
    const lines = letter.body.split('\n').filter((l: string) => l.startsWith('- '))
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/gespeichert werden.*\(Art\. 15 Abs\. 1 lit\. d DSGVO\)$/)
    expect(lines[1]).toMatch(/Beschwerderechts .*\(Art\. 15 Abs\. 1 lit\. f DSGVO\)$/)
    expect(letter.body).toMatch(/läuft bis zum \d{1,2}\. \S+ \d{4}/)

    // The same letter through draft --type incomplete-answer --of.
    const drafted = await run(['draft', '--type', 'incomplete-answer', '--of', reference, '--json'], dataDir)
    expect(drafted.code, drafted.stderr).toBe(0)
    expect(JSON.parse(drafted.stdout).body).toBe(letter.body.replace(letter.subject.match(/RF-\d{4}-\d{4}$/)![0], JSON.parse(drafted.stdout).reference))
  })
})
