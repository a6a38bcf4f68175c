/** `rightful replies import|confirm|list`: the same core as the app, on the same data folder. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { expectOk, repoRoot, startCore, tempDir, testClock } from '../helpers/ports'
import { fixture, markedSent } from '../helpers/replies'

async function run(argv: string[], dataDir: string, env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir, ...env }, cwd: dataDir }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr }
}

/** A data folder with RF-<year>-0001 to fs.com, sent today (the CLI runs on the real clock). */
async function dataWithSentRequest() {
  const dataDir = tempDir()
  const host = startCore({ dataDir, clock: testClock(new Date().toISOString()) })
  const reference = await markedSent(host)
  return { dataDir, reference, host }
}

/** A fixture naming RF-2026-0001, rewritten for this year's reference. */
function reply(dataDir: string, name: string, reference: string): string {
  const file = path.join(dataDir, name)
  fs.writeFileSync(file, Buffer.from(fixture(name).toString('latin1').split('RF-2026-0001').join(reference), 'latin1'))
  return file
}

describe('rightful replies import', () => {
  it('gives the reason in the --ui-lang language, the found phrase as written and --json in English', async () => {
    const { dataDir, reference } = await dataWithSentRequest()
    const file = reply(dataDir, 'plain-reference-en.eml', reference)
    const german = await run(['replies', 'import', file, '--ui-lang', 'de'], dataDir)
    expect(german.code).toBe(0)
    expect(german.stdout).toMatch(/„[^“]*we have received your request[^“]*“ \(Englisch\)/)
    expect(german.stdout).not.toContain('(en)')
    const listed = JSON.parse((await run(['replies', 'list', '--json'], dataDir)).stdout)
    const stored = JSON.stringify(listed)
    expect(stored).toContain('we have received your request')
  })

  it('prints {matched, matchedBy, needsConfirmation, classification, eventId} and adds the reply to the timeline', async () => {
    const { dataDir, reference, host } = await dataWithSentRequest()
    const file = reply(dataDir, 'plain-reference-en.eml', reference)
    const { code, stdout, stderr } = await run(['replies', 'import', file, '--json'], dataDir)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out).toMatchObject({
      matched: reference,
      matchedBy: 'reference',
      needsConfirmation: false,
      duplicate: false,
      classification: { kind: 'acknowledged', confidence: expect.any(Number), reason: expect.stringContaining('we have received your request') },
      confirmedEventId: null,
    })
    const events = expectOk(await host.api.call('requests:get', { reference })).record.events
    expect(events.find((e) => e.id === out.eventId)?.kind).toBe('reply-received')
    // Not confirmed: no acknowledgement yet.
    expect(events.some((e) => e.kind === 'acknowledged')).toBe(false)

    // The same file again: recognised, nothing added.
    const again = JSON.parse((await run(['replies', 'import', file, '--json'], dataDir)).stdout)
    expect(again).toMatchObject({ duplicate: true, replyId: out.replyId })

    // `replies confirm` takes the kind; `replies list` shows it.
    const confirmed = await run(['replies', 'confirm', out.replyId, '--kind', 'acknowledged', '--json'], dataDir)
    expect(confirmed.code).toBe(0)
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ reference, kind: 'acknowledged', confirmedEventId: expect.stringMatching(/^ev-/) })
    const listed = JSON.parse((await run(['replies', 'list', '--json'], dataDir)).stdout)
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ id: out.replyId, state: 'attached', confirmed: { kind: 'acknowledged' } })
  })

  it('with --confirm takes the suggested kind as confirmed; the deadline follows', async () => {
    const { dataDir, reference, host } = await dataWithSentRequest()
    const file = reply(dataDir, 'pdf-attachment-fr.eml', reference)
    const { code, stdout } = await run(['replies', 'import', file, '--confirm', '--json'], dataDir)
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out).toMatchObject({ matched: reference, classification: { kind: 'data-received' }, confirmedEventId: expect.stringMatching(/^ev-/) })
    const view = expectOk(await host.api.call('requests:get', { reference }))
    expect(view.record.events.find((e) => e.id === out.confirmedEventId)?.kind).toBe('data-received')
    expect(view.status.kind).toBe('completed')
    // The PDF is kept with the reply.
    expect(view.record.events.find((e) => e.id === out.eventId)?.attachments.map((a) => a.name)).toContain('donnees-personnelles.pdf')
  })

  it('says needsConfirmation for a sender-domain match, and --confirm confirms the request too', async () => {
    const { dataDir, reference } = await dataWithSentRequest()
    const file = reply(dataDir, 'sender-domain-es.eml', reference)
    const first = JSON.parse((await run(['replies', 'import', file, '--json'], dataDir)).stdout)
    expect(first).toMatchObject({ matched: reference, matchedBy: 'sender-domain', needsConfirmation: true, eventId: null, classification: { kind: 'refused' } })
    const text = await run(['replies', 'list', '--pending'], dataDir)
    expect(text.stdout).toContain(first.replyId)

    const other = await dataWithSentRequest()
    const confirmed = JSON.parse((await run(['replies', 'import', reply(other.dataDir, 'sender-domain-es.eml', other.reference), '--confirm', '--json'], other.dataDir)).stdout)
    expect(confirmed).toMatchObject({ matched: other.reference, needsConfirmation: false, eventId: expect.stringMatching(/^ev-/), confirmedEventId: expect.stringMatching(/^ev-/) })
  })

  it('reports a malformed file with its code and exit code 1, and bad arguments with exit code 2', async () => {
    const { dataDir } = await dataWithSentRequest()
    const bad = await run(['replies', 'import', reply(dataDir, 'malformed.eml', 'RF-0000-0000'), '--json'], dataDir)
    expect(bad.code).toBe(1)
    expect(JSON.parse(bad.stdout).error.code).toBe('EML_INVALID')
    expect(bad.stderr).toMatch(/not an e-mail/)
    const injected = await run(['replies', 'import', reply(dataDir, 'header-injection.eml', 'RF-0000-0000'), '--json'], dataDir)
    expect(JSON.parse(injected.stdout).error.code).toBe('EML_HEADER_INJECTION')

    for (const argv of [
      ['replies', 'import', '--json'],
      ['replies', 'import', path.join(dataDir, 'missing.eml')],
      ['replies', 'import', 'a.eml', 'b.eml'],
      ['replies', 'confirm', 'rp-000000000000'],
      ['replies', 'confirm', 'rp-000000000000', '--kind', 'happy'],
      ['replies', 'sync', '--plain'],
      ['replies', 'sync', '--imap', 'http://x@host'],
      ['replies', 'sync', '--imap', 'imaps://alex:secret@imap.example.org'],
      ['replies', 'frobnicate'],
    ]) {
      const result = await run(argv, dataDir)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr).toMatch(/^rightful: /)
    }
    // No IMAP server saved and none given.
    expect((await run(['replies', 'sync'], dataDir)).stderr).toMatch(/No IMAP server is saved/)
  })
})
