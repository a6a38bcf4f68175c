import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openRequestRepository } from '../../electron/core/requests/repository'
import { decodeSnapshot } from '../../electron/core/requests/index-snapshot'
import type { RequestRecordInput } from '../../electron/core/requests/model'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import { openRequestRepository as openOlderRepository } from '../fixtures/older-rightful/repository-v5'
import { tempDir, testClock } from '../helpers/ports'

// An older Rightful (index version 5 in requests/index.json, the repository as it was: test/fixtures/older-rightful)
// and this one (index.v6.json) on one data folder: after the first meeting neither rebuilds the other's index again,
// and every change of either is seen by both.

const build = (name: string) => (reference: string): RequestRecordInput => ({
  schemaVersion: 1,
  reference,
  createdAt: '2026-01-31T10:00:00.000Z',
  updatedAt: '2026-01-31T10:00:00.000Z',
  company: { id: 'fs-com', name, jurisdiction: 'US-DE' },
  type: 'access',
  law: 'gdpr',
  lang: 'en',
  draft: { to: 'legal@fs.com', recipientAddress: null, sender: { name: 'A', email: 'a@b.example', address: ['x'], country: null }, subject: 's', body: 'b' },
  sent: null,
  events: [{ id: 'ev-1', kind: 'created', on: '2026-01-31', recordedAt: '2026-01-31T10:00:00.000Z' }],
})

function folder() {
  const dataDir = tempDir()
  const clock = testClock()
  const requests = path.join(dataDir, 'requests')
  const read = (name: string) => (fs.existsSync(path.join(requests, name)) ? fs.readFileSync(path.join(requests, name), 'utf8') : null)
  return {
    dataDir,
    requests,
    read,
    /** This version. */
    open: () => openRequestRepository({ dataDir, notices: createNoticeBoard(clock.now), now: clock.now, checkLater: false }),
    /** The older Rightful. */
    openOlder: () => openOlderRepository({ dataDir, notices: createNoticeBoard(clock.now), now: clock.now }),
    /** The generation each index file belongs to (null: no such file). */
    generations: () => ({
      journal: (JSON.parse(read('index.log')!.split('\n')[0]!) as { generation: string }).generation,
      v6: read('index.v6.json') === null ? null : decodeSnapshot(JSON.parse(read('index.v6.json')!))!.generation,
      older: read('index.json') === null ? null : (JSON.parse(read('index.json')!) as { generation: string }).generation,
    }),
    /** The index files as they are now: unchanged files mean nothing was rebuilt or written anew. */
    indexFiles: () => ({ older: read('index.json'), v6: read('index.v6.json'), journal: read('index.log') }),
  }
}

const references = (list: ReadonlyArray<{ reference: string }>) => list.map((s) => s.reference)

describe('an older Rightful sharing the data folder', () => {
  it('stops the two from rewriting each other’s index: both snapshots kept, one generation, one journal, nothing lost', () => {
    const f = folder()
    const current = f.open()
    for (let i = 0; i < 4; i += 1) current.create(2026, build(`Company ${i}`))
    const listed = current.list()
    expect(f.generations().older).toBeNull() // this version alone keeps no index.json

    // The older Rightful finds no snapshot it reads: it rebuilds its own once, from the files (index.json and a new journal).
    const older = f.openOlder()
    expect(older.list()).toEqual(listed)
    const afterOlder = f.generations()
    expect(afterOlder.older).toBe(afterOlder.journal)
    expect(afterOlder.v6).not.toBe(afterOlder.journal)

    // This version sees that an older one wrote the index after it: it reads that pair as it is (no new
    // generation, index.json untouched) and copies its snapshot into index.v6.json with that generation.
    const before = f.indexFiles()
    expect(f.open().list()).toEqual(listed)
    expect(f.indexFiles().older).toBe(before.older)
    expect(f.indexFiles().journal).toBe(before.journal)
    expect(f.generations()).toEqual({ journal: afterOlder.journal, v6: afterOlder.journal, older: afterOlder.journal })
    const settled = f.indexFiles()
    // From now on each opens the other's index as it is: nothing is written.
    expect(f.openOlder().list()).toEqual(listed)
    expect(f.open().list()).toEqual(listed)
    expect(f.indexFiles()).toEqual(settled)

    // Changes by either reach both, through the one journal.
    const fromOlder = f.openOlder().create(2026, build('Written by the older Rightful'))
    const fromCurrent = f.open().create(2026, build('Written by this Rightful'))
    expect(fromOlder.reference).toBe('RF-2026-0005')
    expect(fromCurrent.reference).toBe('RF-2026-0006')
    older.update('RF-2026-0001', (record) => ({ ...record, company: { ...record.company, name: 'Renamed in the older Rightful' } }))
    const both = f.open().list()
    expect(references(both)).toEqual(['RF-2026-0006', 'RF-2026-0005', 'RF-2026-0004', 'RF-2026-0003', 'RF-2026-0002', 'RF-2026-0001'])
    expect(both.find((s) => s.reference === 'RF-2026-0001')?.companyName).toBe('Renamed in the older Rightful')
    expect(older.list()).toEqual(both)
    expect(f.generations().journal).toBe(afterOlder.journal) // changes are journal lines: no new generation

    // When this version writes a new snapshot (here: it finds a file edited by hand), it writes both, of one new generation.
    const file = path.join(f.requests, 'RF-2026-0002.json')
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), company: { id: 'fs-com', name: 'Edited by hand', jurisdiction: 'US-DE' } }, null, 2))
    const edited = f.open().list()
    expect(edited.find((s) => s.reference === 'RF-2026-0002')?.companyName).toBe('Edited by hand')
    const rewritten = f.generations()
    expect(rewritten.journal).not.toBe(afterOlder.journal)
    expect(rewritten).toEqual({ journal: rewritten.journal, v6: rewritten.journal, older: rewritten.journal })
    expect(JSON.parse(f.read('index.json')!).version).toBe(5)
    expect(JSON.parse(f.read('index.v6.json')!).version).toBe(6)
    // The older Rightful (the one open all along, and a fresh one) reads that new pair without a rebuild.
    const written = f.indexFiles()
    expect(older.list()).toEqual(edited)
    expect(f.openOlder().list()).toEqual(edited)
    expect(f.indexFiles()).toEqual(written)

    // A rebuild from the files (the journal lost) writes both as well: the older Rightful still reads its own.
    fs.rmSync(path.join(f.requests, 'index.log'))
    expect(f.open().list()).toEqual(edited)
    const rebuilt = f.generations()
    expect(rebuilt).toEqual({ journal: rebuilt.journal, v6: rebuilt.journal, older: rebuilt.journal })
    const afterRebuild = f.indexFiles()
    expect(f.openOlder().list()).toEqual(edited)
    expect(f.indexFiles()).toEqual(afterRebuild)
    expect(fs.readdirSync(f.requests).filter((name) => /^RF-.*\.json$/.test(name))).toHaveLength(6)
  })

  it('moves a folder of an older Rightful to index.v6.json, and one of this version before the move too', () => {
    const f = folder()
    const older = f.openOlder()
    for (let i = 0; i < 3; i += 1) older.create(2026, build(`Company ${i}`))
    const listed = older.list()
    expect(JSON.parse(f.read('index.json')!).version).toBe(5)
    // Upgraded: read from index.json without a rebuild, then written anew as index.v6.json; index.json goes.
    expect(f.open().list()).toEqual(listed)
    expect(f.read('index.json')).toBeNull()
    expect(JSON.parse(f.read('index.v6.json')!).version).toBe(6)

    // This version before index.v6.json kept version 6 in index.json: read, and moved the same way.
    const v6 = f.read('index.v6.json')!
    fs.writeFileSync(path.join(f.requests, 'index.json'), v6)
    fs.rmSync(path.join(f.requests, 'index.v6.json'))
    expect(f.open().list()).toEqual(listed)
    expect(f.read('index.json')).toBeNull()
    expect(f.generations().v6).toBe(f.generations().journal)
  })

  it('ends the sharing when index.json is deleted: this version then keeps index.v6.json alone', () => {
    const f = folder()
    f.open().create(2026, build('Company'))
    f.openOlder().list()
    f.open().list()
    expect(f.generations().older).toBe(f.generations().journal)
    fs.rmSync(path.join(f.requests, 'index.json'))
    const current = f.open()
    // A new snapshot (the journal removed: rebuilt) is written in this version only.
    fs.rmSync(path.join(f.requests, 'index.log'))
    expect(references(f.open().list())).toEqual(['RF-2026-0001'])
    expect(f.read('index.json')).toBeNull()
    expect(references(current.list())).toEqual(['RF-2026-0001'])
  })
})
