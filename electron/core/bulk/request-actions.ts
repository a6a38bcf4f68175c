/**
 * What the dashboard does to many requests at once: write a reminder for each overdue one, export
 * the chosen ones as CSV, and record the chosen letters as posted. Each request goes through the
 * single-request path (RequestService), so a reminder is the same one the request's page writes
 * and a posted letter is the same "sent" record. A request an action does not fit is left alone
 * and listed with the reason; the others are done. Each request's change is its own atomic write:
 * a cancel between two requests keeps the ones done before it.
 */
import { CoreError, type ErrorCode } from '../shared/result'
import { comparePlainDates, type PlainDate } from '../shared/calendar'
import type { Operation } from '../shared/operation'
import type { FileSink } from '../shared/ports'
import { requestsCsv } from '../requests/export-csv'
import type { RequestService } from '../requests/service'
import type { RequestListItem } from '../requests/view'
import { coreError } from '../messages/errors'
import { message, type Message, type MessageParam } from '../shared/message'
import { renderMessage } from '../messages/render'

/** Why an action left a request alone. */
export type SelectionSkipReason =
  /** No request has this reference (it was discarded meanwhile). */
  | 'not-found'
  /** Reminders: its deadline has not passed (or it is closed, or waits for the user). */
  | 'not-overdue'
  /** Reminders: a reminder for it is already written and waits to be sent. */
  | 'reminder-waiting'
  /** Letters: it was sent already. */
  | 'not-a-draft'
  /** Letters: it goes to an e-mail address; it is sent from its own page or a batch. */
  | 'has-email'
  /** Letters: it has no postal address to go to. */
  | 'no-address'
  /** The single-request path refused it (the code and message say why). */
  | 'failed'

export type SelectionSkip = {
  readonly reference: string
  readonly reason: SelectionSkipReason
  readonly code: ErrorCode
  readonly message: string
  /** `message` as a message of the core's resources, for each host to say in the user's language. */
  readonly detail?: Message
}

export type RemindResult = {
  /** The reminders written (drafts), each with the request it follows up. */
  readonly written: ReadonlyArray<{ readonly reference: string; readonly reminder: string; readonly companyName: string }>
  readonly skipped: ReadonlyArray<SelectionSkip>
}

export type MarkPostedResult = {
  readonly marked: ReadonlyArray<{ readonly reference: string; readonly companyName: string }>
  readonly skipped: ReadonlyArray<SelectionSkip>
}

/** The references once each, in the order given. */
function distinct(references: ReadonlyArray<string>): string[] {
  return [...new Set(references)]
}

function failedSkip(reference: string, error: unknown): SelectionSkip {
  if (error instanceof CoreError) return { reference, reason: 'failed', code: error.code, message: error.message, ...(error.detail ? { detail: error.detail } : {}) }
  return { reference, reason: 'failed', code: 'INTERNAL', message: `${reference}: ${(error as Error)?.message ?? String(error)}` }
}

/** A request left alone, with why: the English words and the message `key` with `params` beside them. */
function skip(reference: string, reason: SelectionSkipReason, code: ErrorCode, key: string, params: Readonly<Record<string, MessageParam>>): SelectionSkip {
  const detail = message(key, params)
  return { reference, reason, code, message: renderMessage(detail, 'en'), detail }
}

/**
 * Writes a reminder for each overdue request among `references` (a draft, as the request page's
 * "Write the reminder" does). Requests that are not overdue, or whose reminder is already written
 * and waits to be sent, are skipped with the reason. Reports progress; cancellable between two
 * requests (the reminders written so far stay).
 */
export async function remindOverdue(requests: RequestService, references: ReadonlyArray<string>, operation: Operation): Promise<RemindResult> {
  const list = requests.list()
  const byReference = new Map<string, RequestListItem>(list.map((item) => [item.reference, item]))
  // A reminder draft that follows a request up: writing a second one would be a duplicate.
  const waitingReminder = new Map<string, string>()
  for (const item of list) {
    if (item.type === 'reminder' && item.followUpOf && item.status.kind === 'draft') waitingReminder.set(item.followUpOf, item.reference)
  }
  const asked = distinct(references)
  const written: Array<RemindResult['written'][number]> = []
  const skipped: SelectionSkip[] = []
  for (let i = 0; i < asked.length; i += 1) {
    const reference = asked[i]!
    await operation.checkpoint({ stage: 'writing', done: i, total: asked.length, message: `Writing reminder ${i + 1} of ${asked.length}`, detail: message('progress.writingReminder', { done: i + 1, total: asked.length }), cancellable: true })
    const item = byReference.get(reference)
    if (!item) {
      skipped.push(skip(reference, 'not-found', 'NOT_FOUND', 'error.request.notFound', { reference }))
      continue
    }
    if (item.status.kind !== 'overdue') {
      skipped.push(skip(reference, 'not-overdue', 'INVALID_STATE', 'error.bulk.skip.notOverdue', { reference, company: item.companyName }))
      continue
    }
    const waiting = waitingReminder.get(reference)
    if (waiting) {
      skipped.push(skip(reference, 'reminder-waiting', 'INVALID_STATE', 'error.bulk.skip.reminderWaiting', { reminder: waiting, reference, company: item.companyName }))
      continue
    }
    try {
      const reminder = requests.createFollowUp({ reference, type: 'reminder' })
      waitingReminder.set(reference, reminder.record.reference)
      written.push({ reference, reminder: reminder.record.reference, companyName: item.companyName })
    } catch (error) {
      skipped.push(failedSkip(reference, error))
    }
  }
  operation.report({ stage: 'done', done: asked.length, total: asked.length, message: `Wrote ${written.length} reminder${written.length === 1 ? '' : 's'}`, detail: message('progress.wroteReminders', { count: written.length }), cancellable: false })
  return { written, skipped }
}

/**
 * The chosen requests as CSV (the columns of `rightful requests --csv`), in the order given,
 * saved through the host. NOT_FOUND, and nothing saved, when one of them does not exist.
 */
export async function exportRequestsCsv(requests: RequestService, files: FileSink, references: ReadonlyArray<string>): Promise<{ path: string | null; rows: number }> {
  const byReference = new Map<string, RequestListItem>(requests.list().map((item) => [item.reference, item]))
  const items = distinct(references).map((reference) => {
    const item = byReference.get(reference)
    if (!item) throw coreError('NOT_FOUND', 'error.request.notFound', { reference })
    return item
  })
  const path = await files.save({ suggestedName: 'Rightful requests.csv', kind: 'csv', bytes: new TextEncoder().encode(requestsCsv(items)) })
  return { path, rows: path ? items.length : 0 }
}

/**
 * Records the chosen letters as posted on `on`: drafts that go by post (a postal address and no
 * e-mail address). Others are skipped with the reason. INVALID_INPUT, and nothing changed, for a
 * day after today.
 */
export function markPosted(requests: RequestService, references: ReadonlyArray<string>, on: PlainDate, today: PlainDate): MarkPostedResult {
  if (comparePlainDates(on, today) > 0) throw coreError('INVALID_INPUT', 'error.bulk.postedFuture')
  const byReference = new Map<string, RequestListItem>(requests.list().map((item) => [item.reference, item]))
  const marked: Array<MarkPostedResult['marked'][number]> = []
  const skipped: SelectionSkip[] = []
  for (const reference of distinct(references)) {
    const item = byReference.get(reference)
    if (!item) {
      skipped.push(skip(reference, 'not-found', 'NOT_FOUND', 'error.request.notFound', { reference }))
      continue
    }
    if (item.status.kind !== 'draft') {
      skipped.push(skip(reference, 'not-a-draft', 'INVALID_STATE', 'error.bulk.skip.sentAlready', { reference, company: item.companyName }))
      continue
    }
    const { draft } = requests.get(reference).record
    if (draft.to) {
      skipped.push(skip(reference, 'has-email', 'INVALID_STATE', 'error.bulk.skip.hasEmail', { reference, company: item.companyName, to: String(draft.to) }))
      continue
    }
    if (!draft.recipientAddress) {
      skipped.push(skip(reference, 'no-address', 'NO_POSTAL_ADDRESS', 'error.bulk.skip.noAddress', { reference, company: item.companyName }))
      continue
    }
    try {
      requests.markSent({ reference, on, channel: 'post' })
      marked.push({ reference, companyName: item.companyName })
    } catch (error) {
      skipped.push(failedSkip(reference, error))
    }
  }
  return { marked, skipped }
}
