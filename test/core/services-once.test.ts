/**
 * createApi opens each service once and hands it to every handler (issue 16): the mail settings
 * that one handler saves are the ones the others read at once, from the same instance.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApi } from '../../electron/core/api/create-api'
import type { DocumentStore, DocumentStoreName, DocumentStores } from '../../electron/core/shared/ports'
import { startCore } from '../helpers/ports'

/**
 * A document kept in memory under a path that never exists: its file stamp never changes, so a
 * second settings store opened on it would keep answering what it read first.
 */
function memoryStore(file: string): DocumentStore {
  let document: Record<string, unknown> = {}
  return {
    path: file,
    read: () => structuredClone(document),
    write: (next) => void (document = structuredClone(next)),
    update: (change) => {
      const { document: next, result } = change(structuredClone(document))
      if (next) document = structuredClone(next)
      return result
    },
    locked: (step) => step(),
    moveAside: () => null,
    setAside: () => file,
  }
}

function countingStores(base: DocumentStores, dataDir: string) {
  const opened: DocumentStoreName[] = []
  const mail = memoryStore(path.join(dataDir, 'no-such-folder', 'mail.json'))
  const stores: DocumentStores = {
    open: (name) => {
      opened.push(name)
      return name === 'mail' ? mail : base.open(name)
    },
  }
  return { stores, opened }
}

const smtp = (user: string) => ({ host: 'smtp.example.org', port: 587, security: 'starttls' as const, user, fromAddress: null, trustedCertificate: null })

describe('services opened once', () => {
  it('opens the mail settings once, and every handler sees what mail:saveSmtp saved at once', async () => {
    const host = startCore()
    const { stores, opened } = countingStores(host.ports.stores, host.dataDir)
    const api = createApi({ ...host.ports, stores })
    expect(opened.filter((name) => name === 'mail')).toHaveLength(1)

    expect(await api.call('mail:saveSmtp', { smtp: smtp('alex') })).toMatchObject({ ok: true, data: { smtp: { user: 'alex' } } })
    expect(await api.call('replies:imapSettings', {})).toMatchObject({ ok: true, data: { smtpLogin: { user: 'alex', hasPassword: false } } })

    // The IMAP sync logs in with the SMTP login: the one saved a moment ago, not one read before.
    expect(await api.call('replies:saveImap', { settings: { host: 'imap.example.org', port: 993, security: 'tls', useSmtpLogin: true } })).toMatchObject({ ok: true })
    const first = await api.call('replies:sync', {})
    expect(first).toMatchObject({ ok: false, error: { code: 'IMAP_PASSWORD_MISSING' } })
    expect(first.ok ? '' : first.error.message).toContain('alex')

    expect(await api.call('mail:saveSmtp', { smtp: smtp('sam') })).toMatchObject({ ok: true, data: { smtp: { user: 'sam' } } })
    expect(await api.call('replies:imapSettings', {})).toMatchObject({ ok: true, data: { smtpLogin: { user: 'sam' } } })
    const second = await api.call('replies:sync', {})
    expect(second).toMatchObject({ ok: false, error: { code: 'IMAP_PASSWORD_MISSING' } })
    expect(second.ok ? '' : second.error.message).toContain('sam')
    expect(await api.call('mail:getSmtp', {})).toMatchObject({ ok: true, data: { smtp: { user: 'sam' } } })

    // Removing the server is seen by the sync too.
    expect(await api.call('mail:saveSmtp', { smtp: null })).toMatchObject({ ok: true, data: { smtp: null } })
    expect(await api.call('replies:sync', {})).toMatchObject({ ok: false, error: { code: 'IMAP_NOT_CONFIGURED' } })
    expect(opened.filter((name) => name === 'mail')).toHaveLength(1)
  })
})
