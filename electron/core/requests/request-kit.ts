/**
 * What every part of the request service shares: its dependencies, today's date, the checks a
 * record passes before a change (a draft, a sent request, a date in range), new records and
 * events, and `change`, which writes one request as one step under the data folder's lock.
 */
import { randomBytes } from 'node:crypto'
import type { Catalog } from '../catalog/catalog'
import { comparePlainDates, describeDate, plainDateOf, type PlainDate } from '../shared/calendar'
import { addressLines, type Profile, type ProfileStore } from '../profile/profile'
import type { SettingsStore } from '../settings/settings'
import type { Templates } from '../templates/templates'
import type { AttachmentStage } from './attachments'
import { activeEvents, type RequestEvent } from './events'
import type { RecipientAddress, RequestRecord } from './model'
import type { RequestRepository } from './repository'
import { coreError, coreErrorAs } from '../messages/errors'
import type { Message } from '../shared/message'

/** What the request service is opened on. */
export type RequestServiceDeps = {
  repository: RequestRepository
  catalog: Catalog
  profiles: ProfileStore
  templates: Templates
  settings: SettingsStore
  attachments: AttachmentStage
  now: () => Date
}

/** The latest active event of a kind on a request's timeline. */
export function latestEvent(record: RequestRecord, kind: RequestEvent['kind']): RequestEvent | null {
  return [...activeEvents(record.events)].reverse().find((e) => e.kind === kind) ?? null
}

export const newEventId = () => `ev-${randomBytes(6).toString('hex')}`

/** The shared steps of the request service's parts (see createRequestKit). */
export type RequestKit = ReturnType<typeof createRequestKit>

/** The shared steps, on the service's dependencies. */
export function createRequestKit(deps: RequestServiceDeps) {
  const today = () => plainDateOf(deps.now())

  const draftOf = (record: RequestRecord): RequestRecord => {
    if (record.sent) {
      throw coreError('INVALID_STATE', 'error.requests.sentUnchangeable', { reference: record.reference, date: record.sent.on })
    }
    return record
  }

  const sentOf = (record: RequestRecord): RequestRecord & { sent: NonNullable<RequestRecord['sent']> } => {
    if (!record.sent) throw coreError('INVALID_STATE', 'error.requests.notSentYet', { reference: record.reference })
    return record as RequestRecord & { sent: NonNullable<RequestRecord['sent']> }
  }

  const requireSent = (reference: string) => sentOf(deps.repository.get(reference))

  /** `what` is the date's name: its English words and its message. */
  const checkDate = (on: PlainDate, notBefore: PlainDate, what: { readonly english: string; readonly said: Message }) => {
    if (comparePlainDates(on, notBefore) < 0) throw coreErrorAs('INVALID_INPUT', `${what.english} cannot be before ${describeDate(notBefore)}.`, 'error.requests.dateBefore', { what: what.said, date: notBefore })
    if (comparePlainDates(on, today()) > 0) throw coreErrorAs('INVALID_INPUT', `${what.english} cannot be in the future.`, 'error.requests.dateFuture', { what: what.said })
  }

  /** The catalog record of a company, when it is still in the catalog. */
  const safeCompany = (id: string) => {
    try {
      return deps.catalog.get(id)
    } catch {
      return null
    }
  }

  const profileOrFail = (profile: Profile | undefined): Profile => {
    const sender = profile ?? deps.profiles.get()
    if (!sender) {
      throw coreError('PROFILE_MISSING', 'error.profileMissing')
    }
    return sender
  }

  const newRecord = (
    reference: string,
    parts: Pick<RequestRecord, 'company' | 'type' | 'law' | 'lang' | 'followUpOf'> & {
      missingItems?: ReadonlyArray<string> | null
      to: string | null
      recipientAddress: RecipientAddress | null
      sender: Profile
      subject: string
      body: string
      byPost?: string | null
    },
  ): RequestRecord => {
    const instant = deps.now()
    const stamp = instant.toISOString()
    return {
      schemaVersion: 1,
      reference,
      createdAt: stamp,
      updatedAt: stamp,
      company: parts.company,
      type: parts.type,
      law: parts.law,
      lang: parts.lang,
      draft: {
        to: parts.to,
        recipientAddress: parts.recipientAddress,
        sender: { name: parts.sender.name, email: parts.sender.email, address: addressLines(parts.sender), country: parts.sender.country, region: parts.sender.region },
        subject: parts.subject,
        body: parts.body,
        ...(parts.byPost && parts.byPost !== parts.body ? { byPost: parts.byPost } : {}),
      },
      sent: null,
      events: [event('created', plainDateOf(instant))],
      followUpOf: parts.followUpOf,
      answerCheck: null,
      missingItems: parts.missingItems ? [...parts.missingItems] : null,
    }
  }

  const event = (kind: RequestEvent['kind'], on: PlainDate, extra: Partial<RequestEvent> = {}): RequestEvent => ({
    id: newEventId(),
    kind,
    on,
    at: null,
    recordedAt: deps.now().toISOString(),
    note: null,
    attachments: [],
    channel: null,
    until: null,
    trackingNumber: null,
    link: null,
    removedAt: null,
    corrections: [],
    ...extra,
  })

  /**
   * Changes a request as one step under the data folder's lock: `step` gets the record as it is
   * on disk then (with what another process added meanwhile), checks it and returns the new one.
   */
  const change = (reference: string, step: (record: RequestRecord) => RequestRecord): RequestRecord =>
    deps.repository.update(reference, (record) => ({ ...step(record), updatedAt: deps.now().toISOString() }))

  return { today, draftOf, sentOf, requireSent, checkDate, safeCompany, profileOrFail, newRecord, event, change }
}
