/** What the API returns for requests: the record plus its derived deadline and status. Pure types. */
import type { PlainDate } from '../shared/calendar'
import type { Deadline } from '../deadlines/model'
import type { RequestRecord, RequestSummary } from './model'
import type { NextStep, RequestStatus } from './status'

export type RequestView = {
  readonly record: RequestRecord
  readonly deadline: Deadline | null
  readonly status: RequestStatus
  readonly nextSteps: ReadonlyArray<NextStep>
}

export type RequestListItem = RequestSummary & {
  /** The date that binds now (the extended one once claimed); null where none. */
  readonly due: PlainDate | null
  readonly extendedDue: PlainDate | null
  readonly status: RequestStatus
}

/** A file chosen to keep with an event, waiting under its token until the event is saved. */
export type StagedFile = { readonly token: string; readonly name: string; readonly size: number }
