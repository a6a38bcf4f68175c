/**
 * The document stores on a folder another process writes too (storage/document-store.ts, with
 * conf as the CLI has it): a read-modify-write reads afresh under the lock, and a file is moved
 * aside only when it is still the one that was read.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createConfStores } from '../../electron/adapters/node/conf-stores'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import { openJsonFileStore } from '../../electron/core/storage/document-store'
import { folderLock, folderLockName } from '../../electron/core/storage/folder-lock'
import { tempDir } from '../helpers/ports'

const now = () => new Date('2026-01-31T10:00:00Z')

describe('document stores shared with another process', () => {
  it('changes the document as it is on disk: what another writer added meanwhile stays', () => {
    const dir = tempDir()
    const notices = createNoticeBoard(now)
    const mine = createConfStores({ dir, notices, now }).open('settings')
    // Read here, then another process (another store on the file) writes.
    expect(mine.read()).toEqual({})
    createConfStores({ dir, notices, now }).open('settings').write({ theirs: 1 })
    const result = mine.update((document) => ({ document: { ...document, mine: 2 }, result: Object.keys(document) }))
    expect(result).toEqual(['theirs'])
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toEqual({ theirs: 1, mine: 2 })
    // A change that returns no document writes nothing.
    const before = fs.statSync(path.join(dir, 'settings.json')).mtimeMs
    expect(mine.update(() => ({ document: null, result: 'unchanged' }))).toBe('unchanged')
    expect(fs.statSync(path.join(dir, 'settings.json')).mtimeMs).toBe(before)
    expect(fs.readdirSync(dir).filter((name) => name.startsWith(folderLockName))).toEqual([])
  })

  it('moves aside only the file it read: one another process wrote anew since is left alone', () => {
    const dir = tempDir()
    const notices = createNoticeBoard(now)
    const file = path.join(dir, 'catalog-imports.json')
    fs.writeFileSync(file, JSON.stringify({ version: 99 }))
    const store = openJsonFileStore({ file, label: 'imported catalog', notices, now, lock: folderLock(dir) })
    expect(store.read()).toEqual({ version: 99 })
    // Another process replaced it meanwhile (atomically, as every writer here does).
    fs.writeFileSync(`${file}.new`, JSON.stringify({ version: 1, companies: {} }))
    fs.renameSync(`${file}.new`, file)
    expect(store.moveAside()).toBeNull()
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ version: 1, companies: {} })
    // Read again, it is the file this store knows: now it moves.
    store.read()
    const movedTo = store.moveAside()
    expect(movedTo).toMatch(/catalog-imports\.unreadable-.*\.json$/)
    expect(fs.existsSync(file)).toBe(false)
    expect(JSON.parse(fs.readFileSync(movedTo!, 'utf8'))).toEqual({ version: 1, companies: {} })
  })

  it('moves a file that does not parse aside once, when two stores open it', () => {
    const dir = tempDir()
    const notices = createNoticeBoard(now)
    fs.writeFileSync(path.join(dir, 'profile.json'), '{ not json')
    const stores = [createConfStores({ dir, notices, now }), createConfStores({ dir, notices, now })]
    expect(stores.map((s) => s.open('profile').read())).toEqual([{}, {}])
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('profile.unreadable-'))).toHaveLength(1)
    expect(notices.list().map((n) => n.code)).toEqual(['STORE_FILE_UNREADABLE'])
  })

  it('moves aside a file replaced by one that does not parse while the store is open, and tells, instead of failing every read', () => {
    const dir = tempDir()
    const notices = createNoticeBoard(now)
    const store = createConfStores({ dir, notices, now }).open('profile')
    store.write({ version: 1, profile: { name: 'Alex' } })
    expect(store.read()).toEqual({ version: 1, profile: { name: 'Alex' } })
    // Written by hand (or cut off by another program) while Rightful runs.
    fs.writeFileSync(path.join(dir, 'profile.json'), '{ "version": 1, "profile": ')
    expect(store.read()).toEqual({})
    const moved = fs.readdirSync(dir).filter((name) => name.startsWith('profile.unreadable-'))
    expect(moved).toHaveLength(1)
    expect(fs.readFileSync(path.join(dir, moved[0]!), 'utf8')).toBe('{ "version": 1, "profile": ')
    expect(notices.list().map((n) => n.code)).toEqual(['STORE_FILE_UNREADABLE'])
    // The store goes on: a save writes a new file, which reads back.
    store.write({ version: 1, profile: { name: 'Alex' } })
    expect(store.read()).toEqual({ version: 1, profile: { name: 'Alex' } })
  })
})
