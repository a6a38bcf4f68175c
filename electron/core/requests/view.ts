/** What the API returns for requests: the record plus its derived deadline and status. Pure types. */
import type { PlainDate } from '../deadlines/calendar'
import type { Deadline } from '../deadlines/model'
import type { RequestRecord, RequestSummary } from './model'
import type { RequestStatus } from './status'

export type RequestView = {
  readonly record: RequestRecord
  readonly deadline: Deadline | null
  readonly status: RequestStatus
}

export type RequestListItem = RequestSummary & {
  readonly due: PlainDate | null
  readonly extendedDue: PlainDate | null
  readonly status: RequestStatus
}
