import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createNoticeBoard, type NoticeBoard } from '../../electron/core/notices'
import { createElectronStores } from '../../electron/shell/electron-stores'
import { fake } from './fake-electron'

// The real electron-store (inlined by vitest.config.ts) on a fake `electron`. electron-store
// reads `app` and `ipcMain` once when it loads, so this file never resets the fake.
vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const now = () => new Date('2026-01-31T10:00:00Z')
let dir: string
let notices: NoticeBoard

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-estore-'))
  notices = createNoticeBoard(now)
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('electron-store document stores', () => {
  it('writes <name>.json in the data folder and reads it back, keys with dots intact', () => {
    const stores = createElectronStores({ dir, notices, now })
    const profile = stores.open('profile')
    expect(profile.path).toBe(path.join(dir, 'profile.json'))
    expect(profile.read()).toEqual({})
    profile.write({ name: 'Alex', 'a.b': 1 })
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'profile.json'), 'utf8'))).toEqual({ name: 'Alex', 'a.b': 1 })
    expect(createElectronStores({ dir, notices, now }).open('profile').read()).toEqual({ name: 'Alex', 'a.b': 1 })
    expect(notices.list()).toEqual([])
    // The real library ran, against the fake electron (it asks for its default folder).
    expect(fake().app.getPath).toHaveBeenCalledWith('userData')
  })

  it('moves a corrupt file aside, tells the user, and starts empty', () => {
    const file = path.join(dir, 'catalog-edits.json')
    fs.writeFileSync(file, '{"companies": [ broken')
    const store = createElectronStores({ dir, notices, now }).open('catalog-edits')
    expect(store.read()).toEqual({})

    const [notice] = notices.list()
    expect(notices.list()).toHaveLength(1)
    expect(notice).toMatchObject({ code: 'STORE_FILE_UNREADABLE', path: file })
    expect(notice?.message).toContain('catalog edits')
    expect(fs.readFileSync(notice!.movedTo!, 'utf8')).toBe('{"companies": [ broken')
    expect(path.dirname(notice!.movedTo!)).toBe(dir)

    store.write({ companies: [] })
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ companies: [] })
  })

  it('moves aside a file that parses but is not an object', () => {
    fs.writeFileSync(path.join(dir, 'settings.json'), '[1, 2, 3]')
    const store = createElectronStores({ dir, notices, now }).open('settings')
    expect(store.read()).toEqual({})
    expect(notices.list()).toMatchObject([{ code: 'STORE_FILE_UNREADABLE' }])
  })

  it('can move its own file aside on request and carry on empty', () => {
    const store = createElectronStores({ dir, notices, now }).open('profile')
    store.write({ name: 'Alex' })
    const movedTo = store.moveAside()
    expect(movedTo).not.toBeNull()
    expect(JSON.parse(fs.readFileSync(movedTo!, 'utf8'))).toEqual({ name: 'Alex' })
    expect(store.read()).toEqual({})
  })
})
