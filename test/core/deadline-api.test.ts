import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDeadlineApi } from '../../electron/core/api/deadline-api'
import { createDeadlinePorts, readOnlyJsonBackend } from '../../electron/adapters/node/deadline-ports'
import { expectOk, startCore, tempDir, testClock } from '../helpers/ports'

// The narrow API of `rightful deadline` answers exactly as the whole core does: same parsing, same
// results, same errors, on the same settings file.
const openNarrow = (dataDir: string) => openDeadlineApi(createDeadlinePorts({ dataDir, clock: testClock() }))

const inputs: ReadonlyArray<unknown> = [
  { law: 'gdpr', country: 'DE-BY', received: '2026-01-31' },
  { law: 'gdpr', country: 'DE', received: '2026-01-31', type: 'erasure', identityRequested: '2026-02-02', identityProvided: '2026-02-10' },
  { law: 'ccpa', country: 'US-CA', received: '2026-02-04' },
  { law: 'cn-pipl', country: 'CN', received: '2026-09-01' },
  { law: 'lgpd', country: 'BR', received: '2026-02-04' },
  { law: 'gdpr', country: 'DE', received: '2026-02-30' },
  { law: 'gdpr', country: 'Atlantis', received: '2026-02-03' },
  { law: 'gdpr', country: 'DE-XX', received: '2026-02-03' },
  { law: 'gdpr', country: 'FR', received: '2026-02-03', sneaky: true },
  { country: 'FR', received: '2026-02-03' },
  'not an object',
]

describe('the deadline API (rightful deadline)', () => {
  it('gives what createApi gives for good and bad input', async () => {
    const dataDir = tempDir()
    const { api } = startCore({ dataDir })
    const narrow = await openNarrow(dataDir)
    for (const input of inputs) {
      expect(await narrow.invoke('deadlines:compute', input), JSON.stringify(input)).toEqual(await api.invoke('deadlines:compute', input))
    }
    const bad = await narrow.invoke('deadlines:compute', { law: 'gdpr', country: 'DE', received: '2026-02-30' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'received' }] } })
  })

  it('reads the user’s deadline settings from the same file the app writes', async () => {
    const dataDir = tempDir()
    const { api } = startCore({ dataDir })
    const input = { law: 'lgpd', country: 'BR', received: '2026-02-04' }
    const before = expectOk(await (await openNarrow(dataDir)).call('deadlines:compute', input as never))
    expectOk(await api.call('settings:update', { deadlines: { lgpdSmallAgent: true } }))
    const after = expectOk(await (await openNarrow(dataDir)).call('deadlines:compute', input as never))
    expect(after.due).not.toBe(before.due)
    expect(after).toEqual(expectOk(await api.call('deadlines:compute', input as never)))
  })

  it('moves a settings file that does not parse aside, tells, and counts with the defaults', async () => {
    const dataDir = tempDir()
    const file = path.join(dataDir, 'settings.json')
    fs.writeFileSync(file, '{"version": 1, "settings": ')
    const ports = createDeadlinePorts({ dataDir, clock: testClock() })
    const narrow = await openDeadlineApi(ports)
    const result = expectOk(await narrow.call('deadlines:compute', { law: 'gdpr', country: 'DE-BY', received: '2026-01-31' } as never))
    expect(result.due).toBe('2026-03-02')
    expect(fs.existsSync(file)).toBe(false)
    const notices = ports.notices.list()
    expect(notices.map((n) => n.code)).toContain('STORE_FILE_UNREADABLE')
    const movedTo = notices.find((n) => n.code === 'STORE_FILE_UNREADABLE')?.movedTo
    expect(movedTo && fs.readFileSync(movedTo, 'utf8')).toBe('{"version": 1, "settings": ')
  })

  it('answers nothing but deadlines:compute, and never writes a store', async () => {
    const dataDir = tempDir()
    const narrow = await openNarrow(dataDir)
    expect(await narrow.invoke('requests:list', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    expect(await narrow.invoke('nothing:here', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    const backend = readOnlyJsonBackend(path.join(dataDir, 'settings.json'))
    expect(Object.keys(backend.read())).toEqual([])
    expect(() => backend.write({ version: 1 })).toThrow(/only read/)
    expect(fs.existsSync(path.join(dataDir, 'settings.json'))).toBe(false)
  })
})
