/**
 * The list of requests as the dashboard and `rightful requests list` show it: every request's
 * summary with its deadline and status. Deadlines are pure functions of their input and the
 * settings, so they are cached by both, in memory, and for a command that lists once and ends,
 * in the data folder (deadline-cache.ts). Apart from the request service (service.ts, which uses
 * it for a request's page too) so that a host can list requests without loading what drafting,
 * sending and letters need (api/narrow-api.ts).
 */
import { CoreError } from '../shared/result'
import { plainDateOf, type PlainDate } from '../shared/calendar'
import { computeDeadline, deadlineKey } from '../deadlines/engine'
import type { Deadline } from '../deadlines/model'
import type { DeadlineSettings } from '../deadlines/settings'
import { deadlineInputOf } from './events'
import type { RequestSummary } from './model'
import type { RequestRepository } from './repository'
import { deriveStatus } from './status'
import type { RequestListItem } from './view'
import { deadlineBasis, type DeadlineCache, type ListDates } from './deadline-cache'

export type RequestList = {
  /** A request's deadline (null where its law sets none), with its explanation when `explain`. */
  deadlineOf(
    summary: Pick<RequestSummary, 'law' | 'type' | 'jurisdiction' | 'senderCountry' | 'facts'>,
    explain?: boolean,
    settings?: DeadlineSettings,
  ): Deadline | null
  /** One request's line of the list, its status as of `now`. */
  listItem(summary: RequestSummary, now: PlainDate, settings?: DeadlineSettings): RequestListItem
  /** Every request, newest first, with its deadline and status as of today. */
  list(): RequestListItem[]
}

export function createRequestList(deps: {
  readonly repository: Pick<RequestRepository, 'list'>
  readonly settings: { deadlines(): DeadlineSettings }
  readonly now: () => Date
  /**
   * Whether deadlines are kept for the next list (default true). A command that lists once and
   * ends (api/narrow-api.ts) passes false: keys and kept deadlines would cost it time and memory
   * for a second list that never comes.
   */
  readonly keepDeadlines?: boolean
  /**
   * Where a whole list saves the dates of its deadlines for the next run (deadline-cache.ts): a
   * command that lists once and ends then counts only the deadlines of requests that changed.
   */
  readonly deadlineCache?: DeadlineCache
}): RequestList {
  // Lists need only the dates; a request's page also gets the explanation.
  const caches = { dates: new Map<string, Deadline | null>(), explained: new Map<string, Deadline | null>() }
  let cachedSettings = deps.settings.deadlines()
  const deadlineOf = (
    summary: Pick<RequestSummary, 'law' | 'type' | 'jurisdiction' | 'senderCountry' | 'facts'>,
    explain = false,
    /** The settings as read once for a whole list (each read checks the settings file on disk). */
    settings: DeadlineSettings = deps.settings.deadlines(),
  ): Deadline | null => {
    const input = deadlineInputOf(summary, summary.facts)
    if (!input) return null
    if (settings !== cachedSettings) {
      caches.dates.clear()
      caches.explained.clear()
      cachedSettings = settings
    }
    const cache = explain ? caches.explained : caches.dates
    const key = deps.keepDeadlines === false ? null : deadlineKey(input)
    let deadline = key === null ? undefined : cache.get(key)
    if (deadline === undefined) {
      try {
        deadline = computeDeadline(input, settings, { explain })
      } catch (error) {
        // A jurisdiction the holiday data no longer knows: count without its holidays.
        if (!(error instanceof CoreError) || error.code !== 'UNKNOWN_COUNTRY') throw error
        deadline = computeDeadline({ ...input, jurisdiction: null }, settings, { explain })
      }
      if (key !== null) {
        if (cache.size > 50_000) cache.clear()
        cache.set(key, deadline)
      }
    }
    return deadline
  }

  const listItem = (summary: RequestSummary, now: PlainDate, settings?: DeadlineSettings): RequestListItem =>
    itemOf(summary, deadlineOf(summary, false, settings), now)

  /** A list item of `summary` with its deadline's dates (null: its law sets none). */
  const itemOf = (summary: RequestSummary, deadline: ListDates | null, now: PlainDate): RequestListItem => {
    // Field by field, in the summary's order, not `...summary`: spreading builds each of thousands
    // of items the slow way (about 40 times slower at 10,000, and slower to turn into JSON after).
    return {
      reference: summary.reference,
      companyId: summary.companyId,
      companyName: summary.companyName,
      jurisdiction: summary.jurisdiction,
      type: summary.type,
      law: summary.law,
      createdAt: summary.createdAt,
      updatedAt: summary.updatedAt,
      sentOn: summary.sentOn,
      channel: summary.channel,
      senderCountry: summary.senderCountry,
      followUpOf: summary.followUpOf,
      facts: summary.facts,
      due: deadline?.effectiveDue ?? null,
      extendedDue: deadline?.extendedDue ?? null,
      status: deriveStatus(summary.facts, deadline, now),
    } satisfies Record<keyof RequestListItem, unknown>
  }
  return {
    deadlineOf,
    listItem,
    list() {
      const now = plainDateOf(deps.now())
      const settings = deps.settings.deadlines()
      const cache = deps.deadlineCache
      if (!cache) return deps.repository.list().map((summary) => listItem(summary, now, settings))
      // The deadlines the last list saved under the same rules and settings; the others are
      // counted, and what this list used is saved for the next one when it differs.
      const basis = deadlineBasis(settings)
      const saved = cache.read(basis)
      const used = new Map<string, ListDates>()
      let counted = 0
      const items = deps.repository.list().map((summary) => {
        const input = deadlineInputOf(summary, summary.facts)
        if (!input) return itemOf(summary, null, now)
        const key = deadlineKey(input)
        let dates = used.get(key) ?? saved?.get(key)
        if (dates === undefined) {
          dates = deadlineOf(summary, false, settings)!
          counted += 1
        }
        used.set(key, dates)
        return itemOf(summary, dates, now)
      })
      if (counted > 0 || saved === null || saved.size !== used.size) cache.write(basis, used)
      return items
    },
  }
}
