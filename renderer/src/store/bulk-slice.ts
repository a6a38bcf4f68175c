/**
 * Discovery and bulk batches as the window shows them: the last mailbox read (which companies
 * wrote), and the batches loaded by id. The core owns both; every action calls window.api and
 * applies what it returns. Long calls (reading a mailbox, writing and sending a batch) run as
 * operations with progress and Cancel.
 */
import type { BatchView } from '@core/bulk/model'
import type { PackGroup } from '@core/bulk/packs'
import type { MarkPostedResult, RemindResult } from '@core/bulk/request-actions'
import type { DiscoverResult } from '@core/discover/discover'
import type { RequestType } from '@core/requests/model'
import { api, messageOf, unwrap } from '../api'
import { i18n } from '../i18n/i18n'
import { errorText } from '../ui/messages'
import { withEntry } from './keyed'
import type { Slice } from './types'

/** The bulk pages' words (namespace `bulk`) in the window's language. */
const said = (key: string, params?: Record<string, string | number>) => i18n.t(key, { ns: 'bulk', ...params })

/** A pack as the picker lists it. */
export type PackSummary = { readonly name: string; readonly title: string; readonly description: string; readonly group: PackGroup; readonly companies: number }

export type BulkSlice = {
  /** The last mailbox read in this session. */
  discovery: DiscoverResult | null
  /** Loaded batches by id (a Map). */
  batches: ReadonlyMap<string, BatchView>
  /**
   * Asks for a mailbox file or folder (or reads the IMAP account: `folders` 'all' reads every
   * folder of received mail, not only the inbox); null when cancelled or stopped (a toast says why).
   */
  discover(kind: 'file' | 'folder' | 'imap', folders?: 'mailbox' | 'all'): Promise<DiscoverResult | null>
  /** The packs (groups of companies to ask at once) with their sizes in `packsCountry`; null until loaded. */
  packs: ReadonlyArray<PackSummary> | null
  /** The country the pack sizes were counted for ('' for everywhere). */
  packsCountry: string
  loadPacks(country: string): Promise<void>
  /** The ids of a pack's companies (in `country`, unless ''), or null after an error toast. */
  packCompanies(pack: string, country: string): Promise<ReadonlyArray<string> | null>
  /** Writes a batch for these companies; resolves to its id, or null after an error toast. */
  createBatch(input: { companies: ReadonlyArray<string>; type: RequestType; rate: number }): Promise<string | null>
  loadBatch(id: string): Promise<void>
  /** Sends what waits (the confirmed uncertain ones too); the batch as it then stands is applied. */
  sendBatch(id: string, options?: { confirmResend?: ReadonlyArray<string>; retryFailed?: boolean }): Promise<void>
  pauseBatch(id: string): Promise<void>
  cancelBatch(id: string): Promise<void>
  excludeFromBatch(id: string, company: string, excluded: boolean): Promise<void>
  saveBatchLetters(id: string): Promise<void>
  markBatchLettersPosted(id: string, on: string): Promise<void>
  /** Ticks off a web form; `evidence` asks for a file (a screenshot, a confirmation) to keep. */
  webformDone(id: string, company: string, on: string, evidence: boolean): Promise<void>
  /** Dashboard: writes a reminder for each overdue request of these; null after an error toast or a cancel. */
  remindOverdue(references: ReadonlyArray<string>): Promise<RemindResult | null>
  /** Dashboard: saves these requests as CSV (a toast says where). */
  exportRequests(references: ReadonlyArray<string>): Promise<void>
  /** Dashboard: records these letters as posted on `on`; null after an error toast. */
  markLettersPosted(references: ReadonlyArray<string>, on: string): Promise<MarkPostedResult | null>
}

export const createBulkSlice: Slice<BulkSlice> = (set, get) => {
  const apply = (view: BatchView) => set({ batches: withEntry(get().batches, view.batch.id, view) })
  /** Runs a call that returns a batch, applies it, and toasts a failure. */
  const step = async (run: () => Promise<BatchView>): Promise<void> => {
    try {
      apply(await run())
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  }
  return {
    discovery: null,
    batches: new Map(),
    packs: null,
    packsCountry: '',

    async loadPacks(country) {
      try {
        const packs = unwrap(await api().bulk.packs(country ? { country } : {}))
        set({ packs, packsCountry: country })
      } catch (error) {
        get().toast('error', messageOf(error))
      }
    },

    async packCompanies(pack, country) {
      try {
        return unwrap(await api().bulk.packCompanies({ pack, ...(country ? { country } : {}) })).map((c) => c.id)
      } catch (error) {
        get().toast('error', messageOf(error))
        return null
      }
    },

    async discover(kind, folders) {
      const result = await get().runOperation('discover:scan', 'Looking through the mailbox', (operation) => api().discover.scan({ kind, ...(kind === 'imap' && folders ? { folders } : {}), operation }))
      if (!result.ok) {
        get().toast(result.error.code === 'CANCELLED' ? 'success' : 'error', errorText(result.error))
        return null
      }
      if (result.data) set({ discovery: result.data })
      return result.data
    },

    async createBatch({ companies, type, rate }) {
      const result = await get().runOperation('bulk:create', 'Writing the requests', (operation) => api().bulk.create({ companies: [...companies], type, rate, operation }))
      try {
        const view = unwrap(result)
        apply(view)
        void get().loadRequests()
        return view.batch.id
      } catch (error) {
        get().toast('error', messageOf(error))
        return null
      }
    },

    loadBatch: (id) => step(async () => unwrap(await api().bulk.get({ batch: id }))),

    async sendBatch(id, options = {}) {
      const result = await get().runOperation('bulk:send', 'Sending the batch', (operation) =>
        api().bulk.send({ batch: id, confirmResend: [...(options.confirmResend ?? [])], retryFailed: options.retryFailed ?? false, operation }),
      )
      if (result.ok) apply(result.data)
      else {
        get().toast(result.error.code === 'CANCELLED' ? 'success' : 'error', errorText(result.error))
        await get().loadBatch(id)
      }
      void get().loadRequests()
    },

    pauseBatch: (id) => step(async () => unwrap(await api().bulk.pause({ batch: id }))),
    cancelBatch: (id) => step(async () => unwrap(await api().bulk.cancel({ batch: id }))),
    excludeFromBatch: (id, company, excluded) => step(async () => unwrap(await api().bulk.exclude({ batch: id, company, excluded }))),

    async saveBatchLetters(id) {
      try {
        const saved = unwrap(await api().bulk.letters({ batch: id }))
        if (saved.path) get().toast('success', said('toast.lettersSaved', { count: saved.count, path: saved.path }))
        await get().loadBatch(id)
      } catch (error) {
        get().toast('error', messageOf(error))
      }
    },

    async markBatchLettersPosted(id, on) {
      await step(async () => unwrap(await api().bulk.markLettersSent({ batch: id, on })))
      void get().loadRequests()
    },

    async webformDone(id, company, on, evidence) {
      let token: string | null = null
      if (evidence) {
        const picked = await get().pickAttachments()
        if (picked.length === 0) return
        token = picked[0]!.token
      }
      await step(async () => unwrap(await api().bulk.webformDone({ batch: id, company, on, evidence: token })))
    },

    async remindOverdue(references) {
      const result = await get().runOperation('bulk:remind', 'Writing the reminders', (operation) => api().bulk.remind({ references: [...references], operation }))
      void get().loadRequests()
      if (!result.ok) {
        get().toast(result.error.code === 'CANCELLED' ? 'success' : 'error', errorText(result.error))
        return null
      }
      return result.data
    },

    async exportRequests(references) {
      try {
        const saved = unwrap(await api().bulk.exportCsv({ references: [...references] }))
        if (saved.path) get().toast('success', said('toast.exported', { count: saved.rows, path: saved.path }))
      } catch (error) {
        get().toast('error', messageOf(error))
      }
    },

    async markLettersPosted(references, on) {
      try {
        const result = unwrap(await api().bulk.markPosted({ references: [...references], on }))
        void get().loadRequests()
        return result
      } catch (error) {
        get().toast('error', messageOf(error))
        return null
      }
    },
  }
}
