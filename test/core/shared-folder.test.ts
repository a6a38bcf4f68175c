// @module-tag process
/**
 * Two or more processes on one data folder (the app and the CLI side by side, a supported set-up),
 * with real processes: every acknowledged change is kept, references are never handed out twice,
 * a running process sees what another changed, a lock left by a killed process is taken over, and
 * a lock held too long gives DATA_FOLDER_BUSY with nothing changed.
 * Before the folder lock (issue 12): 237 of 450 events and 19 of 24 catalog adds were kept.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { folderLock, folderLockName } from '../../electron/core/storage/folder-lock'
import { expectOk, repoRoot, sampleProfile, startCore, tempDir, testClock } from '../helpers/ports'
import { markedSent } from '../helpers/replies'
import { cliBuilt, runCliProcess, runWorker } from '../helpers/shared-folder'

const workerClock = '2026-02-10T09:00:00Z'

/** What is left of the lock: the lock file, takeover claims, temporary files. */
const lockLeftovers = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith(folderLockName) || name.endsWith('.tmp'))

describe('processes side by side on one data folder', () => {
  it('keeps every event three processes add to one request at once (20 each)', async () => {
    const clock = testClock('2026-01-31T10:00:00Z')
    const host = startCore({ clock })
    const reference = await markedSent(host)
    const runs = await Promise.all(
      [0, 1, 2].map((w) =>
        runWorker(host.dataDir, {
          clock: workerClock,
          ops: Array.from({ length: 20 }, (_, i) => ({ op: 'event' as const, reference, kind: 'acknowledged' as const, on: '2026-02-05', note: `worker ${w}, event ${i}` })),
        }),
      ),
    )
    for (const run of runs) {
      expect(run.fails).toEqual([])
      expect(run.acks).toHaveLength(20)
    }
    const acknowledged = runs.flatMap((run) => run.acks.map((ack) => ack.id))
    expect(new Set(acknowledged).size).toBe(60)

    const fresh = startCore({ dataDir: host.dataDir, clock })
    const events = expectOk(await fresh.api.call('requests:get', { reference })).record.events
    expect(events.map((e) => e.kind).filter((k) => k === 'acknowledged')).toHaveLength(60)
    expect(events).toHaveLength(62) // created, sent, and the 60
    for (const id of acknowledged) expect(events.some((e) => e.id === id && e.removedAt === null), id).toBe(true)
    // The running process sees them too, without opening again.
    expect(expectOk(await host.api.call('requests:get', { reference })).record.events).toHaveLength(62)
    expect(expectOk(await fresh.api.call('app:status', {})).notices).toEqual([])
    expect(lockLeftovers(host.dataDir)).toEqual([])
  })

  it.skipIf(!cliBuilt())('keeps every company six `rightful catalog add` processes add at once (4 each)', async () => {
    const dataDir = tempDir()
    const results = await Promise.all(
      [0, 1, 2, 3, 4, 5].map(async (p) => {
        const out: Array<{ code: number | null; stdout: string; stderr: string }> = []
        for (let i = 0; i < 4; i += 1) {
          out.push(await runCliProcess(dataDir, ['catalog', 'add', '--name', `Corner Shop ${p}-${i}`, '--email', `privacy@shop-${p}-${i}.example`, '--json']))
        }
        return out
      }),
    )
    const acknowledged = results.flat().map((r) => {
      expect(r.code, r.stderr).toBe(0)
      return JSON.parse(r.stdout) as { id: string; emails: Array<{ address: string }> }
    })
    expect(acknowledged).toHaveLength(24)
    const companies = expectOk(await startCore({ dataDir }).api.call('catalog:list', {})).filter((c) => c.name.startsWith('Corner Shop '))
    expect(companies).toHaveLength(24)
    for (const added of acknowledged) {
      const kept = companies.find((c) => c.id === added.id)
      expect(kept?.emails.map((e) => e.address), added.id).toEqual(added.emails.map((e) => e.address))
    }
    expect(lockLeftovers(dataDir)).toEqual([])
  })

  it('gives two processes creating requests at once distinct references, none skipped', async () => {
    const host = startCore({ clock: testClock('2026-02-10T08:00:00Z') })
    expectOk(await host.api.call('profile:save', sampleProfile))
    const ops = Array.from({ length: 12 }, () => ({ op: 'create' as const, companyId: 'fs-com' }))
    const runs = await Promise.all([runWorker(host.dataDir, { clock: workerClock, ops }), runWorker(host.dataDir, { clock: workerClock, ops })])
    for (const run of runs) expect(run.fails).toEqual([])
    const references = runs.flatMap((run) => run.acks.map((ack) => ack.id)).sort()
    expect(references).toEqual(Array.from({ length: 24 }, (_, i) => `RF-2026-${String(i + 1).padStart(4, '0')}`))
    // The process that was open all along lists every one of them.
    expect(
      expectOk(await host.api.call('requests:list', {}))
        .map((r) => r.reference)
        .sort(),
    ).toEqual(references)
  })

  it('shows a running process what another changed, and never loses its own new requests when another opens', async () => {
    const clock = testClock('2026-02-10T08:00:00Z')
    const app = startCore({ clock })
    expectOk(await app.api.call('profile:save', sampleProfile))
    const first = expectOk(await app.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' })).record.reference
    expect(expectOk(await app.api.call('settings:get', {})).notifications.daysBefore).toBe(3)

    // The CLI opens the folder, adds a request, a company and changes a setting.
    const cli = await runWorker(app.dataDir, {
      clock: workerClock,
      ops: [
        { op: 'create', companyId: 'foscam' },
        { op: 'catalog-add', name: 'Corner Shop GmbH', email: 'datenschutz@cornershop.example' },
        { op: 'settings', daysBefore: 7 },
      ],
    })
    expect(cli.fails).toEqual([])
    const [created, company] = cli.acks.map((ack) => ack.id)

    // The app, open all along, shows all of it.
    expect(expectOk(await app.api.call('requests:list', {})).map((r) => r.reference)).toEqual([created, first])
    expect(expectOk(await app.api.call('catalog:get', { id: company! })).emails[0]?.address).toBe('datenschutz@cornershop.example')
    expect(expectOk(await app.api.call('catalog:search', { query: 'corner shop', limit: 5 })).map((hit) => hit.id)).toContain(company)
    expect(expectOk(await app.api.call('settings:get', {})).notifications.daysBefore).toBe(7)

    // The app's own new request, made after the CLI opened, stays in its list when the CLI opens again.
    const third = expectOk(await app.api.call('requests:create', { companyId: 'b2s', type: 'erasure', law: 'gdpr', lang: 'en' })).record.reference
    expect((await runWorker(app.dataDir, { clock: workerClock, ops: [{ op: 'create', companyId: 'fs-com' }] })).fails).toEqual([])
    const listed = expectOk(await app.api.call('requests:list', {})).map((r) => r.reference)
    expect(listed).toHaveLength(4)
    expect(listed).toEqual(expect.arrayContaining([first, created, third]))
    // And the app's change of a setting keeps the CLI's.
    expectOk(await app.api.call('settings:update', { onboarding: { state: 'done' } }))
    const settings = expectOk(await startCore({ dataDir: app.dataDir, clock }).api.call('settings:get', {}))
    expect([settings.notifications.daysBefore, settings.onboarding.state]).toEqual([7, 'done'])
  })

  it('takes over the lock of a process killed while holding it, and the change goes through', async () => {
    const host = startCore()
    const child = await new Promise<{ signal: NodeJS.Signals | null }>((resolve, reject) => {
      const process_ = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'helpers', 'lock-worker.ts'), host.dataDir, 'die'], { cwd: repoRoot, stdio: 'ignore' })
      process_.on('error', reject)
      process_.on('close', (_code, signal) => resolve({ signal }))
    })
    expect(child.signal).toBe('SIGKILL')
    expect(fs.existsSync(path.join(host.dataDir, folderLockName))).toBe(true)
    const saved = expectOk(await host.api.call('catalog:save', { name: 'After The Crash Ltd', emails: [{ address: 'privacy@after.example', purpose: 'privacy', status: 'current' }] }))
    expect(expectOk(await startCore({ dataDir: host.dataDir }).api.call('catalog:get', { id: saved.id })).name).toBe('After The Crash Ltd')
    expect(lockLeftovers(host.dataDir)).toEqual([])
  })

  it('says DATA_FOLDER_BUSY, changing nothing, while another process holds the lock too long', async () => {
    const dataDir = tempDir()
    // This folder's lock in this process waits half a second (the app waits 20 s).
    folderLock(dataDir, { waitMs: 500 })
    const host = startCore({ dataDir })
    const sentinel = path.join(tempDir('rightful-hold-'), 'hold')
    fs.writeFileSync(sentinel, '')
    let held!: () => void
    const holding = new Promise<void>((resolve) => (held = resolve))
    const holder = new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'helpers', 'lock-worker.ts'), dataDir, 'hold', sentinel], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] })
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('held') && held())
      child.on('error', reject)
      child.on('close', (code) => resolve(code))
    })
    await holding
    const company = { name: 'Busy Times Ltd', emails: [{ address: 'privacy@busy.example', purpose: 'privacy' as const, status: 'current' as const }] }
    const refused = await host.api.call('catalog:save', company)
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('DATA_FOLDER_BUSY')
      expect(refused.error.message).toMatch(/Nothing was changed/)
    }
    expect(fs.existsSync(path.join(dataDir, 'catalog-edits.json'))).toBe(false)
    fs.rmSync(sentinel)
    expect(await holder).toBe(0)
    expect(expectOk(await host.api.call('catalog:save', company)).name).toBe('Busy Times Ltd')
  })
})
