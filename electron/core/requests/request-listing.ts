/**
 * The request service's reading side: a request's view (status, deadline with its explanation,
 * next steps), the list of requests and every deadline. Deadlines are cached by their input and
 * the deadline settings.
 */
import type { Deadline } from '../deadlines/model'
import { factsOf } from './events'
import type { RequestRecord } from './model'
import { deriveStatus, nextSteps } from './status'
import type { RequestListItem, RequestView } from './view'
import type { RequestKit, RequestServiceDeps } from './request-kit'
import type { RequestService } from './service'
import { createRequestList } from './list-items'

/** Views, list items and deadlines of requests. */
export type RequestListing = ReturnType<typeof createRequestListing>

export function createRequestListing(deps: RequestServiceDeps, { today }: RequestKit) {
  // The list's deadline cache and items (list-items.ts, which the CLI's narrow API uses too).
  const { deadlineOf, listItem, list } = createRequestList(deps)

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

  const methods: Pick<RequestService, 'list' | 'deadlines' | 'get'> = {
    list,

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
