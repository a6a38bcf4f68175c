/**
 * Replies in the store: what the core returned for a request's replies, the replies still to be
 * sorted, the last import's result and the IMAP settings. Actions call window.api, then apply the
 * returned entities (and reload the request whose timeline changed).
 */
import type { ImapView, SyncResult } from '@core/api/handlers/replies'
import type { ImapSettings } from '@core/replies/imap-settings'
import type { ReplyImportResult, ReplyKind, ReplyView } from '@core/replies/model'
import { api, unwrap } from '../api'
import { i18n } from '../i18n/i18n'
import { errorText } from '../ui/messages'
import { withEntry } from './keyed'
import type { Slice } from './types'
import { attemptWith } from './attempt'

/** The replies' toasts (namespace `replies`, keys under `toast`) in the window's language. */
const said = (key: string, params?: Record<string, string | number>) => i18n.t(`toast.${key}`, { ns: 'replies', ...params })

/** A file dropped on the window, read in the renderer (it has no path to hand over). */
export type DroppedFile = { readonly name: string; readonly base64: string }

export type RepliesSlice = {
  /** Replies by request reference. */
  replies: ReadonlyMap<string, ReadonlyArray<ReplyView>>
  /** Replies no request has yet (unmatched, or waiting for the user to confirm one). */
  pendingReplies: ReadonlyArray<ReplyView> | null
  lastImport: ReplyImportResult | null
  imap: ImapView | null
  lastSync: SyncResult | null
  syncing: boolean
  loadReplies(reference: string): Promise<void>
  loadPendingReplies(): Promise<void>
  /** From the picker (no files) or dropped files; `reference`: imported on that request's page. */
  importReplies(input: { reference?: string; files?: ReadonlyArray<DroppedFile> }): Promise<ReplyImportResult | null>
  confirmReply(replyId: string, input: { reference?: string; kind?: ReplyKind }): Promise<boolean>
  dismissReply(replyId: string): Promise<boolean>
  clearLastImport(): void
  loadImap(): Promise<void>
  saveImap(settings: ImapSettings | null, password?: string | null): Promise<boolean>
  syncReplies(): Promise<SyncResult | null>
}

export const createRepliesSlice: Slice<RepliesSlice> = (set, get) => {
  const attempt = attemptWith(get)
  /** After replies changed: the requests they are on, their replies, and the ones to sort. */
  const refresh = async (references: ReadonlyArray<string | null>) => {
    const unique = [...new Set(references.filter((r): r is string => r !== null))]
    await Promise.all(unique.flatMap((reference) => [get().loadRequest(reference), get().loadReplies(reference)]))
    await Promise.all([get().loadPendingReplies(), get().loadRequests()])
  }

  return {
    replies: new Map(),
    pendingReplies: null,
    lastImport: null,
    imap: null,
    lastSync: null,
    syncing: false,
    async loadReplies(reference) {
      await attempt(async () => {
        const list = unwrap(await api().replies.list({ reference }))
        set({ replies: withEntry(get().replies, reference, list) })
      })
    },
    async loadPendingReplies() {
      await attempt(async () => set({ pendingReplies: unwrap(await api().replies.list({ pending: true })) }))
    },
    async importReplies({ reference, files }) {
      return attempt(async () => {
        const result = unwrap(
          await api().replies.import({ ...(reference ? { reference } : {}), ...(files && files.length ? { files: files.map((f) => ({ name: f.name, base64: f.base64 })) } : {}) }),
        )
        set({ lastImport: result })
        await refresh([reference ?? null, ...result.outcomes.map((o) => o.matched)])
        const added = result.outcomes.filter((o) => !o.duplicate && !o.needsConfirmation && o.matched).length
        const waiting = result.outcomes.filter((o) => !o.duplicate && (o.needsConfirmation || !o.matched)).length
        const twice = result.outcomes.filter((o) => o.duplicate).length
        const parts = [added ? said('added', { count: added }) : null, waiting ? said('waiting', { count: waiting }) : null, twice ? said('twice', { count: twice }) : null].filter(
          (part): part is string => part !== null,
        )
        if (parts.length) get().toast('success', said('imported', { parts: parts.join(said('separator')) }))
        for (const failure of result.failed) get().toast('error', said('failed', { source: failure.source, message: errorText(failure) }))
        return result
      })
    },
    async confirmReply(replyId, input) {
      const done = await attempt(async () => {
        const { reply, request } = unwrap(await api().replies.confirm({ replyId, ...input }))
        await refresh([request.record.reference, reply.match.reference])
        return true
      })
      return done ?? false
    },
    async dismissReply(replyId) {
      const done = await attempt(async () => {
        const reply = unwrap(await api().replies.dismiss({ replyId }))
        await refresh(reply.match.candidates)
        return true
      })
      return done ?? false
    },
    clearLastImport() {
      set({ lastImport: null })
    },
    async loadImap() {
      await attempt(async () => set({ imap: unwrap(await api().replies.imapSettings({})) }))
    },
    async saveImap(settings, password) {
      const done = await attempt(async () => {
        set({ imap: unwrap(await api().replies.saveImap({ settings, ...(password !== undefined ? { password } : {}) })) })
        return true
      })
      if (done) get().toast('success', settings ? said('imapSaved') : said('imapOff'))
      return done ?? false
    },
    async syncReplies() {
      set({ syncing: true })
      try {
        return await attempt(async () => {
          const result = unwrap(await get().runOperation('replies:sync', 'Looking for replies', (operation) => api().replies.sync({ operation })))
          set({ lastSync: result })
          await refresh(result.imported.map((o) => o.matched))
          await get().loadImap()
          get().toast(
            'success',
            result.since === null ? said('nothingToLookFor') : said('synced', { count: result.checked, imported: result.imported.length }),
          )
          return result
        })
      } finally {
        set({ syncing: false })
        // A failed sync is recorded with its reason: show it.
        void get().loadImap()
      }
    },
  }
}
