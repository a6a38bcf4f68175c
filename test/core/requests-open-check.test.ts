/**
 * What an open of the requests folder checks at once and what it checks right after: new and
 * removed files always at open (from the folder's listing), the time and size of the newest files
 * at open, and those of the others in the background, a slice per turn of the event loop. A
 * record that is read is always checked.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatReference, openRequestRepository } from '../../electron/core/requests/repository'
import type { RequestRecordInput } from '../../electron/core/requests/model'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import { tempDir, testClock } from '../helpers/ports'

const clock = testClock()
const open = (dataDir: string, stampsAtOpen?: number) =>
  openRequestRepository({ dataDir, notices: createNoticeBoard(clock.now), now: clock.now, ...(stampsAtOpen === undefined ? {} : { stampsAtOpen }) })

const build = (reference: string): RequestRecordInput => ({
  schemaVersion: 1,
  reference,
  createdAt: '2026-01-31T10:00:00.000Z',
  updatedAt: '2026-01-31T10:00:00.000Z',
  company: { id: 'fs-com', name: `Company of ${reference}`, jurisdiction: 'US-DE' },
  type: 'access',
  law: 'gdpr',
  lang: 'en',
  draft: { to: 'legal@fs.com', recipientAddress: null, sender: { name: 'A', email: 'a@b.example', address: ['x'], country: null }, subject: 's', body: 'b' },
  sent: null,
  events: [{ id: 'ev-1', kind: 'created', on: '2026-01-31', recordedAt: '2026-01-31T10:00:00.000Z' }],
})

/** Rewrites a request file in place (same file, as an editor that does not rename would). */
function editInPlace(dataDir: string, reference: string, name: string) {
  const file = path.join(dataDir, 'requests', `${reference}.json`)
  const record = JSON.parse(fs.readFileSync(file, 'utf8'))
  record.company.name = name
  fs.writeFileSync(file, JSON.stringify(record, null, 2))
}

const nameOf = (list: ReadonlyArray<{ reference: string; companyName: string }>, reference: string) => list.find((r) => r.reference === reference)?.companyName

/** Waits until `done()` holds, giving the event loop turns (the background check runs in them). */
async function until(done: () => boolean) {
  for (let turn = 0; turn < 10_000 && !done(); turn += 1) await new Promise((resolve) => setImmediate(resolve))
  expect(done()).toBe(true)
}

describe('opening the requests folder', () => {
  it('checks the newest files at open, the older ones right after, and writes the index once it knows', async () => {
    const dataDir = tempDir()
    const first = open(dataDir)
    for (let i = 0; i < 6; i += 1) first.create(2026, build)
    editInPlace(dataDir, formatReference(2026, 6), 'Newest, edited by hand')
    editInPlace(dataDir, formatReference(2026, 1), 'Oldest, edited by hand')

    const second = open(dataDir, 2) // checks RF-2026-0006 and -0005 at open
    expect(nameOf(second.list(), 'RF-2026-0006')).toBe('Newest, edited by hand')
    await until(() => nameOf(second.list(), 'RF-2026-0001') === 'Oldest, edited by hand')
    // The background check wrote what it found into the index: an open that checks no stamp sees it.
    await until(() => nameOf(open(dataDir, 0).list(), 'RF-2026-0001') === 'Oldest, edited by hand')
  })

  it('finds new and removed files at open whatever it checks, and checks a record when it is read', () => {
    const dataDir = tempDir()
    const first = open(dataDir)
    for (let i = 0; i < 4; i += 1) first.create(2026, build)
    const requests = path.join(dataDir, 'requests')
    const copied = JSON.parse(fs.readFileSync(path.join(requests, 'RF-2026-0002.json'), 'utf8'))
    fs.writeFileSync(path.join(requests, 'RF-2026-0009.json'), JSON.stringify({ ...copied, reference: 'RF-2026-0009', company: { ...copied.company, name: 'Restored by hand' } }))
    fs.rmSync(path.join(requests, 'RF-2026-0003.json'))
    editInPlace(dataDir, formatReference(2026, 1), 'Read afresh')

    const second = open(dataDir, 0)
    const list = second.list()
    expect(list.map((r) => r.reference).sort()).toEqual(['RF-2026-0001', 'RF-2026-0002', 'RF-2026-0004', 'RF-2026-0009'])
    expect(nameOf(list, 'RF-2026-0009')).toBe('Restored by hand')
    expect(second.get('RF-2026-0001').company.name).toBe('Read afresh')
    expect(nameOf(second.list(), 'RF-2026-0001')).toBe('Read afresh')
    expect(second.create(2026, build).reference).toBe('RF-2026-0010')
  })

  it('leaves the background check to the next open when asked to (a command that lists once and ends)', async () => {
    const dataDir = tempDir()
    const first = open(dataDir)
    for (let i = 0; i < 4; i += 1) first.create(2026, build)
    editInPlace(dataDir, formatReference(2026, 1), 'Oldest, edited by hand')
    const once = openRequestRepository({ dataDir, notices: createNoticeBoard(clock.now), now: clock.now, stampsAtOpen: 1, checkLater: false })
    for (let turn = 0; turn < 50; turn += 1) await new Promise((resolve) => setImmediate(resolve))
    // Not checked (the index's summary), nor written into the index ...
    expect(nameOf(once.list(), 'RF-2026-0001')).toBe('Company of RF-2026-0001')
    expect(nameOf(open(dataDir, 0).list(), 'RF-2026-0001')).toBe('Company of RF-2026-0001')
    // ... until an open that checks later does; a read checks the record anyway.
    expect(once.get('RF-2026-0001').company.name).toBe('Oldest, edited by hand')
    const later = open(dataDir, 1)
    await until(() => nameOf(later.list(), 'RF-2026-0001') === 'Oldest, edited by hand')
  })

  it('ends its background check quietly when the folder is removed meanwhile', async () => {
    const dataDir = tempDir()
    const first = open(dataDir)
    for (let i = 0; i < 5; i += 1) first.create(2026, build)
    const second = open(dataDir, 1)
    fs.rmSync(dataDir, { recursive: true, force: true })
    // Its slices run in these turns; an error thrown there would fail the test run.
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve))
    expect(fs.existsSync(dataDir)).toBe(false)
    expect(() => second.get('RF-2026-0001')).toThrow('There is no request RF-2026-0001.')
  })

  it('takes the folder’s names from the caller once (the cleanup’s reading), and loses nothing when they are out of date', () => {
    const dataDir = tempDir()
    const first = open(dataDir)
    for (let i = 0; i < 4; i += 1) first.create(2026, build)
    const expected = first.list()
    const withListing = (listing: ReadonlyArray<string>) =>
      openRequestRepository({ dataDir, notices: createNoticeBoard(clock.now), now: clock.now, checkLater: false, listing })
    // The names as they are: the same list, and the index is not written anew.
    const index = fs.readFileSync(path.join(dataDir, 'requests', 'index.v6.json'), 'utf8')
    expect(withListing(fs.readdirSync(path.join(dataDir, 'requests'))).list()).toEqual(expected)
    expect(fs.readFileSync(path.join(dataDir, 'requests', 'index.v6.json'), 'utf8')).toBe(index)
    // Names read before a request was added, or none at all: the check under the lock reads the folder afresh.
    const before = fs.readdirSync(path.join(dataDir, 'requests'))
    first.create(2026, build)
    const repository = withListing(before)
    expect(repository.list()).toEqual(first.list())
    expect(withListing([]).list()).toEqual(first.list())
    expect(first.list()).toHaveLength(expected.length + 1)
  })
})
