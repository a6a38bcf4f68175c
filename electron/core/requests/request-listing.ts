/**
 * The request service's reading side: a request's view (status, deadline with its explanation,
 * next steps), the list of requests and every deadline. Deadlines are cached by their input and
 * the deadline settings.
 */
import { CoreError } from '../shared/result'
import type { PlainDate } from '../shared/calendar'
import { computeDeadline, deadlineKey } from '../deadlines/engine'
import type { Deadline } from '../deadlines/model'
import type { DeadlineSettings } from '../deadlines/settings'
import { deadlineInputOf, factsOf } from './events'
import type { RequestRecord, RequestSummary } from './model'
import { deriveStatus, nextSteps } from './status'
import type { RequestListItem, RequestView } from './view'
import type { RequestKit, RequestServiceDeps } from './request-kit'
import type { RequestService } from './service'

/** Views, list items and deadlines of requests. */
export type RequestListing = ReturnType<typeof createRequestListing>

export function createRequestListing(deps: RequestServiceDeps, { today }: RequestKit) {
  // Deadlines are pure functions of their input and the settings: cache by both. Lists need only
  // the dates; a request's page also gets the explanation.
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
    const key = deadlineKey(input)
    let deadline = cache.get(key)
    if (deadline === undefined) {
      try {
        deadline = computeDeadline(input, settings, { explain })
      } catch (error) {
        // A jurisdiction the holiday data no longer knows: count without its holidays.
        if (!(error instanceof CoreError) || error.code !== 'UNKNOWN_COUNTRY') throw error
        deadline = computeDeadline({ ...input, jurisdiction: null }, settings, { explain })
      }
      if (cache.size > 50_000) cache.clear()
      cache.set(key, deadline)
    }
    return deadline
  }

  const summaryOfRecord = (record: RequestRecord) => ({
    law: record.law,
    type: record.type,
    jurisdiction: record.company.jurisdiction,
    senderCountry: (record.sent ?? record.draft).sender.country,
    facts: factsOf(record.events),
  })

  const view = (record: RequestRecord): RequestView => {
    const summary = summaryOfRecord(record)
    const deadline = deadlineOf(summary, true)
    const status = deriveStatus(summary.facts, deadline, today())
    return { record, deadline, status, nextSteps: nextSteps(status, summary.facts, deadline, today()) }
  }

  const listItem = (summary: RequestSummary, now: PlainDate, settings?: DeadlineSettings): RequestListItem => {
    const deadline = deadlineOf(summary, false, settings)
    return {
      ...summary,
      due: deadline?.effectiveDue ?? null,
      extendedDue: deadline?.extendedDue ?? null,
      status: deriveStatus(summary.facts, deadline, now),
    }
  }

  const methods: Pick<RequestService, 'list' | 'deadlines' | 'get'> = {
    list() {
      const now = today()
      const settings = deps.settings.deadlines()
      return deps.repository.list().map((summary) => listItem(summary, now, settings))
    },

    deadlines() {
      const now = today()
      const settings = deps.settings.deadlines()
      return deps.repository
        .list()
        .map((summary) => ({ item: listItem(summary, now, settings), deadline: deadlineOf(summary, true, settings) }))
        .filter((entry): entry is { item: RequestListItem; deadline: Deadline } => entry.deadline !== null)
    },

    get: (reference) => view(deps.repository.get(reference)),

  }

  return { view, methods }
}
