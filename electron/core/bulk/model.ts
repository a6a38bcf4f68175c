/**
 * A bulk batch: one request type to many companies at once. The batch is a list of items, one
 * per company, each on its channel: an e-mail sent through the outbox (one request each), a
 * letter in the batch's one printable PDF (one request each), a web form on a checklist (the
 * broker takes requests only there), or skipped with the reason. Pure schemas and types, shared
 * with the renderer.
 *
 * The batch file records the plan and what the user did (excluded, web form done); whether an
 * e-mail went out is never taken from it but from the request and its outbox entry, which are
 * written before and after every network step (mail/outbox.ts). So a batch stopped anywhere (a
 * crash, a kill, a pause) is resumed without sending anything twice, and an e-mail whose outcome
 * is unknown asks first, as a single send does.
 */
import { z } from 'zod'
import { errorCodes } from '../shared/result'
import { messageSchema } from '../shared/message'
import { companyIdSchema } from '../catalog/schema'
import { plainDateSchema } from '../shared/schemas'
import { languages, laws, referenceSchema, requestTypes } from '../requests/model'

export const batchIdPattern = /^BA-(\d{4})-(\d{4,})$/
export const batchIdSchema = z.string().regex(batchIdPattern, 'A batch id looks like BA-2026-0001.')

/** How an item reaches its company. */
export const bulkChannels = ['email', 'post', 'webform', 'none'] as const
export type BulkChannel = (typeof bulkChannels)[number]

/**
 * Where an item stands. E-mail: queued → sent | failed (refused: can be tried again) | uncertain
 * (the line broke after the data: asks before sending again). Letter: letter → sent (marked sent
 * once posted). Web form: webform → done. skipped: not part of the batch (no contact, gone, law
 * without that right, excluded by the user).
 */
export const bulkStatuses = ['queued', 'sent', 'failed', 'uncertain', 'letter', 'webform', 'done', 'skipped'] as const
export type BulkStatus = (typeof bulkStatuses)[number]

/** The default cap: 10 e-mails a minute keeps well inside what mail providers allow a person. */
export const defaultRatePerMinute = 10
export const maxRatePerMinute = 600
/** Companies in one batch at most. */
export const maxBatchCompanies = 2000

/** The companies a batch is written for, by id: one at least, `maxBatchCompanies` at most (the pickers check with it too). */
export const batchCompaniesSchema = z.array(z.string().min(1).max(200)).min(1).max(maxBatchCompanies)

/** Why an item was left out or failed: the English words, and the same as a message where the core has one. */
const errorSchema = z.object({ code: z.enum(errorCodes), message: z.string().max(4000), detail: messageSchema.optional() })

const evidenceSchema = z.object({
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Relative to the data folder. */
  file: z.string().min(1).max(1000),
})

export const bulkItemSchema = z.object({
  company: companyIdSchema,
  name: z.string().min(1).max(300),
  channel: z.enum(bulkChannels),
  /** The request written for it (e-mail and letter items); null for web forms and skipped ones. */
  reference: referenceSchema.nullable(),
  law: z.enum(laws).nullable(),
  lang: z.enum(languages).nullable(),
  /** The e-mail address, or the letter's recipient line. */
  contact: z.string().max(1000).nullable(),
  /** The web form's address (web-form items). */
  webForm: z.url().nullable(),
  status: z.enum(bulkStatuses),
  /** Why it failed or was skipped; the server's words for a refused e-mail. */
  error: errorSchema.nullable(),
  /** Left out by the user at review: never sent. */
  excluded: z.boolean(),
  /** When the last send attempt of this batch began (for the rate cap across restarts). */
  lastAttemptAt: z.iso.datetime().nullable(),
  /** A web form the user filled in: the day, and the evidence they kept (a screenshot, a confirmation). */
  done: z.object({ on: plainDateSchema, evidence: evidenceSchema.nullable() }).nullable(),
})
export type BulkItem = z.infer<typeof bulkItemSchema>

export const batchStates = ['review', 'sending', 'paused', 'cancelled', 'finished'] as const
export type BatchState = (typeof batchStates)[number]

export const batchSchema = z.object({
  version: z.literal(1),
  id: batchIdSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  type: z.enum(requestTypes),
  /** What the user picked: the pack's name, or null for companies picked one by one. */
  pack: z.string().max(100).nullable(),
  /** The country the pack was narrowed to (established there or serving it), or null. */
  packCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .default(null),
  /** E-mails per minute at most. */
  rate: z.number().int().min(1).max(maxRatePerMinute),
  /**
   * review: written, not sent yet; sending: a send runs (or ran until a crash); paused: stopped by
   * the user or by a failure of the server, to be resumed; cancelled: the rest is not sent;
   * finished: every e-mail was sent or needs the user.
   */
  state: z.enum(batchStates),
  /** Why the last send stopped (the server refused the login, say). */
  stoppedBy: errorSchema.nullable(),
  /** The letters' PDF as last written (relative to the data folder). */
  letters: z.object({ file: z.string().min(1).max(1000), count: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/), writtenAt: z.iso.datetime() }).nullable(),
  items: z.array(bulkItemSchema).max(maxBatchCompanies),
})
export type Batch = z.infer<typeof batchSchema>

/** How many items stand where: for progress bars and summaries. */
export type BatchCounts = { readonly [S in BulkStatus]: number } & { readonly total: number; readonly excluded: number }

export function countItems(batch: Pick<Batch, 'items'>): BatchCounts {
  const counts: Record<BulkStatus, number> = { queued: 0, sent: 0, failed: 0, uncertain: 0, letter: 0, webform: 0, done: 0, skipped: 0 }
  let excluded = 0
  for (const item of batch.items) {
    if (item.excluded) excluded += 1
    else counts[item.status] += 1
  }
  return { ...counts, total: batch.items.length, excluded }
}

/** What the API returns: the batch and its counts. */
export type BatchView = { readonly batch: Batch; readonly counts: BatchCounts }

/** A batch in the list. */
export type BatchSummary = {
  readonly id: string
  readonly createdAt: string
  readonly type: string
  readonly pack: string | null
  readonly packCountry: string | null
  readonly state: BatchState
  readonly counts: BatchCounts
}
