/**
 * Long operations report progress and can be stopped (issue 12, item 4): a checkpoint between
 * chunks, operations:cancel by the caller's id, and nothing saved by a cancelled operation.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createOperation } from '../../electron/core/shared/operation'
import { policySteps } from '../../electron/core/catalog/policy-import/extract'
import { expectOk, sampleProfile, startCore, tempDir, testHold } from '../helpers/ports'

/** A policy of about 2 MB: contacts repeated until the size the API accepts at most. */
function longPolicy(company = 'Longform'): string {
  const block = `We use cookies. Questions about your personal data: privacy@${company.toLowerCase()}.org. Write to ${company} Ltd, 1 Quay Street, Manchester, M3 3JE. Tel: +44 161 496 0000.\n\n`
  return `${company} Privacy Policy\n\n${block.repeat(Math.floor(1_990_000 / block.length))}`
}

const sourceUrl = 'https://www.longform.org/privacy'

const choices = {
  name: 'Longform',
  privacyEmails: ['privacy@longform.org'],
  otherEmails: [],
  postalAddresses: [],
  phones: [],
  keepSubjectRule: false,
  keepDeletion: false,
  keepMinAge: false,
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()
}

describe('an operation', () => {
  it('stops at its next checkpoint once cancelled, and a held checkpoint wakes up to stop', async () => {
    const operation = createOperation({ id: 'op-test-0001', channel: 'catalog:import', what: 'The import' })
    await operation.checkpoint()
    operation.cancel()
    expect(() => operation.throwIfCancelled()).toThrow(/The import was stopped/)
    await expect(operation.checkpoint()).rejects.toMatchObject({ code: 'CANCELLED' })

    let held = false
    const forever = createOperation({ id: 'op-test-0002', channel: 'backup:create', hold: { at: () => ((held = true), new Promise<void>(() => {})) } })
    const waiting = forever.checkpoint({ stage: 'writing', done: 1, total: 2, message: 'Writing', cancellable: true })
    await new Promise((resolve) => setImmediate(resolve))
    expect(held).toBe(true)
    forever.cancel()
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' })
  })

  it('sends a report at every change of stage and at the end, fewer in between', () => {
    let clock = 0
    const sent: Array<{ stage: string; done: number }> = []
    const operation = createOperation({ id: 'op-test-0003', channel: 'catalog:import', onProgress: (p) => void sent.push({ stage: p.stage, done: p.done }), now: () => clock })
    for (let done = 0; done < 100; done += 1) {
      clock += 1
      operation.report({ stage: 'reading', done, total: 100, message: '', cancellable: true })
    }
    operation.report({ stage: 'reading', done: 100, total: 100, message: '', cancellable: true })
    operation.report({ stage: 'saving', done: 0, total: null, message: '', cancellable: false })
    expect(sent[0]).toEqual({ stage: 'reading', done: 0 })
    expect(sent).toContainEqual({ stage: 'reading', done: 100 })
    expect(sent.at(-1)).toEqual({ stage: 'saving', done: 0 })
    expect(sent.length).toBeLessThan(10)
  })

  it('reports nothing for a call without an id', () => {
    const sent: unknown[] = []
    const operation = createOperation({ id: null, channel: 'catalog:import', onProgress: (p) => void sent.push(p) })
    operation.report({ stage: 'reading', done: 1, total: 2, message: '', cancellable: true })
    expect(sent).toEqual([])
  })
})

describe('reading a policy as an operation', () => {
  it('reports each step in order and proposes the same as without an id', async () => {
    const host = startCore()
    const text = longPolicy()
    const plain = expectOk(await host.api.call('catalog:extractPolicy', { text, format: 'text' }))
    expect(host.progress).toEqual([])
    const watched = expectOk(await host.api.call('catalog:extractPolicy', { text, format: 'text', operation: 'op-policy-0001' }))
    expect(watched).toEqual(plain)
    const stages = host.progress.filter((p) => p.operation === 'op-policy-0001').map((p) => p.stage)
    expect(stages).toEqual(policySteps.map((s) => s.stage))
    expect(host.progress.every((p) => p.channel === 'catalog:extractPolicy' && p.total === policySteps.length && p.cancellable)).toBe(true)
  })

  it('answers other calls while a 2 MB policy is being read, and stops it on cancel with nothing saved', async () => {
    const { hold, reached, release } = testHold('emails')
    const host = startCore({ hold })
    expectOk(await host.api.call('profile:save', sampleProfile))
    const before = filesUnder(host.dataDir)
    const saving = host.api.call('catalog:savePolicy', { text: longPolicy(), format: 'text', sourceUrl, choices, operation: 'op-policy-0002' })
    const point = await reached
    expect(point).toEqual({ operation: 'op-policy-0002', channel: 'catalog:savePolicy', stage: 'emails' })
    // Meanwhile the core answers: the user's details, the catalog, a second policy of its own.
    expect(expectOk(await host.api.call('profile:get', {}))?.name).toBe(sampleProfile.name)
    expect(expectOk(await host.api.call('catalog:search', { query: 'fs.com', limit: 1 }))[0]?.id).toBe('fs-com')
    // The same id twice is refused while the first runs.
    expect(await host.api.call('catalog:extractPolicy', { text: 'x', format: 'text', operation: 'op-policy-0002' })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } })

    expect(expectOk(await host.api.call('operations:cancel', { operation: 'op-policy-0002' }))).toEqual({ cancelled: true })
    expect(await saving).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: expect.stringContaining('Nothing was saved') } })
    release()
    expect(expectOk(await host.api.call('catalog:search', { query: 'Longform', limit: 5 })).map((c) => c.name)).not.toContain('Longform')
    expect(filesUnder(host.dataDir)).toEqual(before)
    // It has ended: cancelling again finds nothing, and the id may be used again.
    expect(expectOk(await host.api.call('operations:cancel', { operation: 'op-policy-0002' }))).toEqual({ cancelled: false })
    const saved = expectOk(await host.api.call('catalog:savePolicy', { text: longPolicy(), format: 'text', sourceUrl, choices, operation: 'op-policy-0002' }))
    expect(saved.name).toBe('Longform')
  })

  it('refuses an id that is not one', async () => {
    const host = startCore()
    expect(await host.api.call('catalog:extractPolicy', { text: 'x', format: 'text', operation: 'job 1' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await host.api.call('operations:cancel', { operation: '__proto__' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('importing a catalog as an operation', () => {
  function recordsFolder(count: number): string {
    const dir = tempDir('rightful-import-')
    for (let i = 0; i < count; i += 1) {
      const slug = `progress-company-${String(i).padStart(3, '0')}`
      fs.writeFileSync(
        path.join(dir, `${slug}.json`),
        JSON.stringify({
          slug,
          name: `Progress Company ${i}`,
          address: `Musterstraße ${i + 1}\n10115 Berlin\nDeutschland`,
          web: `https://www.${slug}.example`,
          email: `privacy@${slug}.example`,
          'relevant-countries': ['de'],
          categories: ['commerce'],
          sources: [`https://www.${slug}.example/privacy`],
          quality: 'verified',
        }),
      )
    }
    return dir
  }

  it('reports the files read, then the saving, which can no longer be stopped', async () => {
    const host = startCore()
    host.picked.push(recordsFolder(30))
    const result = expectOk(await host.api.call('catalog:import', { format: 'datarequests', kind: 'folder', operation: 'op-import-0001' }))
    expect(result.imported).toBe(30)
    const reading = host.progress.filter((p) => p.stage === 'reading')
    expect(reading[0]).toMatchObject({ done: 0, total: 30, cancellable: true, message: 'Reading file 1 of 30…' })
    expect(host.progress.at(-1)).toMatchObject({ stage: 'saving', cancellable: false, message: 'Checking and saving 30 records…' })
  })

  it('stops while reading with nothing imported', async () => {
    const { hold, reached, release } = testHold('reading')
    const host = startCore({ hold })
    host.picked.push(recordsFolder(30))
    const importing = host.api.call('catalog:import', { format: 'datarequests', kind: 'folder', operation: 'op-import-0002' })
    await reached
    expect(expectOk(await host.api.call('operations:cancel', { operation: 'op-import-0002' })).cancelled).toBe(true)
    expect(await importing).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'The import was stopped, as you asked. Nothing was saved.' } })
    release()
    expect(fs.existsSync(path.join(host.dataDir, 'catalog-imports.json'))).toBe(false)
    expect(expectOk(await host.api.call('catalog:search', { query: 'Progress Company', limit: 5 }))).toEqual([])
  })
})

describe('backup and restore as operations', () => {
  async function someData() {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    for (const companyId of ['fs-com', 'foscam', 'b2s']) expectOk(await host.api.call('requests:create', { companyId, type: 'access', law: 'gdpr', lang: 'en' }))
    return host
  }

  it('reports checking and writing, and a cancelled backup leaves no file behind', async () => {
    const host = await someData()
    const made = expectOk(await host.api.call('backup:create', { operation: 'op-backup-0001' }))
    expect(made.path).not.toBeNull()
    const stages = [...new Set(host.progress.map((p) => p.stage))]
    expect(stages).toEqual(['checking', 'writing', 'finishing'])
    expect(host.progress.at(-1)).toMatchObject({ stage: 'finishing', cancellable: false })

    const { hold, reached, release } = testHold('writing')
    const held = startCore({ dataDir: host.dataDir, hold })
    const outBefore = filesUnder(held.outDir)
    const backing = held.api.call('backup:create', { operation: 'op-backup-0002' })
    await reached
    // While it writes, the cancel is heard although the backup runs alone (no other call may touch the data).
    expect(expectOk(await held.api.call('operations:cancel', { operation: 'op-backup-0002' })).cancelled).toBe(true)
    expect(await backing).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'The backup was stopped, as you asked. Nothing was saved.' } })
    release()
    expect(filesUnder(held.outDir)).toEqual(outBefore)
    // The gate is open again.
    expect(expectOk(await held.api.call('requests:list', {}))).toHaveLength(3)
  })

  it('a cancelled restore leaves the data folder as it was, without a staging folder', async () => {
    const source = await someData()
    const backup = expectOk(await source.api.call('backup:create', {})).path!
    const { hold, reached, release } = testHold('unpacking')
    const target = startCore({ hold })
    expectOk(await target.api.call('profile:save', { ...sampleProfile, name: 'Someone Else' }))
    const before = filesUnder(target.dataDir)
    target.picked.push(backup)
    const chosen = expectOk(await target.api.call('backup:choose', {}))
    const restoring = target.api.call('backup:restore', { token: chosen.token!, replace: true, operation: 'op-restore-0001' })
    await reached
    expect(expectOk(await target.api.call('operations:cancel', { operation: 'op-restore-0001' })).cancelled).toBe(true)
    expect(await restoring).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    release()
    expect(filesUnder(target.dataDir)).toEqual(before)
    expect(expectOk(await target.api.call('profile:get', {}))?.name).toBe('Someone Else')
  })
})
