/**
 * Requests: created from a template for a catalog company, edited while a draft, marked as sent
 * (which freezes what was sent), listed with their derived status and deadline.
 */
import { createHash } from 'node:crypto'
import { CoreError } from '../api/result'
import type { Catalog } from '../catalog/catalog'
import { comparePlainDates, describeDate, plainDateOf, type PlainDate } from '../deadlines/calendar'
import { computeDeadline } from '../deadlines/compute'
import type { Deadline } from '../deadlines/model'
import { addressLines, type Profile, type ProfileStore } from '../profile/profile'
import type { Templates } from '../templates/templates'
import type { Channel, Language, Law, RequestRecord, RequestType } from './model'
import type { RequestRepository } from './repository'
import { deriveStatus } from './status'
import type { RequestListItem, RequestView } from './view'


export type RequestService = {
  list(): ReadonlyArray<RequestListItem>
  get(reference: string): RequestView
  create(input: { companyId: string; type: RequestType; law: Law; lang: Language; profile?: Profile }): RequestView
  updateDraft(input: { reference: string; subject: string; body: string }): RequestView
  markSent(input: { reference: string; on: PlainDate; channel: Channel }): RequestView
  discard(reference: string): void
}

export function createRequestService(deps: {
  repository: RequestRepository
  catalog: Catalog
  profiles: ProfileStore
  templates: Templates
  now: () => Date
}): RequestService {
  const today = () => plainDateOf(deps.now())

  // Deadlines depend only on (law, jurisdiction, date): cache them for long lists.
  const deadlineCache = new Map<string, Deadline | null>()
  const deadlineOf = (law: Law, jurisdiction: string | null, sentOn: PlainDate | null): Deadline | null => {
    if (!sentOn) return null
    const key = `${law}|${jurisdiction ?? ''}|${sentOn}`
    if (!deadlineCache.has(key)) {
      let deadline: Deadline | null
      try {
        deadline = computeDeadline(law, jurisdiction, sentOn)
      } catch {
        // A jurisdiction the holiday data no longer knows: count without its holidays.
        deadline = computeDeadline(law, null, sentOn)
      }
      deadlineCache.set(key, deadline)
    }
    return deadlineCache.get(key) ?? null
  }

  const view = (record: RequestRecord): RequestView => {
    const deadline = deadlineOf(record.law, record.company.jurisdiction, record.sent?.on ?? null)
    return { record, deadline, status: deriveStatus(record.sent?.on ?? null, deadline?.due ?? null, today()) }
  }

  const requireDraft = (reference: string): RequestRecord => {
    const record = deps.repository.get(reference)
    if (record.sent) {
      throw new CoreError('INVALID_STATE', `${reference} was sent on ${describeDate(record.sent.on)}; what was sent cannot be changed.`)
    }
    return record
  }

  return {
    list() {
      const now = today()
      return deps.repository.list().map((summary) => {
        const deadline = deadlineOf(summary.law, summary.jurisdiction, summary.sentOn)
        return {
          ...summary,
          due: deadline?.due ?? null,
          extendedDue: deadline?.extendedDue ?? null,
          status: deriveStatus(summary.sentOn, deadline?.due ?? null, now),
        }
      })
    },

    get: (reference) => view(deps.repository.get(reference)),

    create({ companyId, type, law, lang, profile }) {
      const sender = profile ?? deps.profiles.get()
      if (!sender) {
        throw new CoreError('PROFILE_MISSING', 'Enter your name, e-mail address and postal address in your profile first: the request must say who is asking.')
      }
      const company = deps.catalog.get(companyId)
      if (!company.privacyEmail && !company.letterAddress) {
        throw new CoreError(
          'NO_CONTACT',
          `No contact is known for ${company.name}: its privacy policy gives no e-mail or postal address. Add one you know first.`,
        )
      }
      const instant = deps.now()
      const createdOn = plainDateOf(instant)
      const year = Number(createdOn.slice(0, 4))
      const record = deps.repository.create(year, (reference) => {
        const rendered = deps.templates.render(
          { type, law, lang },
          {
            reference,
            company: { name: company.name },
            user: { name: sender.name, email: sender.email, address: addressLines(sender).join('\n') },
          },
        )
        const stamp = instant.toISOString()
        return {
          schemaVersion: 1,
          reference,
          createdAt: stamp,
          updatedAt: stamp,
          company: { id: company.id, name: company.name, jurisdiction: company.holidayJurisdiction },
          type,
          law,
          lang,
          draft: {
            to: company.privacyEmail,
            recipientAddress: company.letterAddress
              ? { recipient: company.letterAddress.recipient, lines: company.letterAddress.lines, country: company.letterAddress.country }
              : null,
            sender: { name: sender.name, email: sender.email, address: addressLines(sender), country: sender.country },
            subject: rendered.subject,
            body: rendered.body,
          },
          sent: null,
          events: [{ kind: 'created', on: createdOn, recordedAt: stamp }],
        }
      })
      return view(record)
    },

    updateDraft({ reference, subject, body }) {
      const record = requireDraft(reference)
      const saved = deps.repository.save({
        ...record,
        updatedAt: deps.now().toISOString(),
        draft: { ...record.draft, subject, body: body.replace(/\r\n/g, '\n') },
      })
      return view(saved)
    },

    markSent({ reference, on, channel }) {
      const record = requireDraft(reference)
      const createdOn = record.events[0]!.on
      if (comparePlainDates(on, createdOn) < 0) {
        throw new CoreError('INVALID_INPUT', `The sending date cannot be before the request was written (${describeDate(createdOn)}).`)
      }
      if (comparePlainDates(on, today()) > 0) {
        throw new CoreError('INVALID_INPUT', 'The sending date cannot be in the future: mark the request as sent once it has gone out.')
      }
      if (channel === 'email' && !record.draft.to) {
        throw new CoreError('NO_EMAIL', `No e-mail address is known for ${record.company.name}, so this request cannot have been sent by e-mail.`)
      }
      if (channel === 'post' && !record.draft.recipientAddress) {
        throw new CoreError('NO_POSTAL_ADDRESS', `No postal address is known for ${record.company.name}, so this request cannot have been sent by post.`)
      }
      const stamp = deps.now().toISOString()
      const saved = deps.repository.save({
        ...record,
        updatedAt: stamp,
        sent: {
          on,
          channel,
          to: channel === 'email' ? record.draft.to : null,
          recipientAddress: channel === 'post' ? record.draft.recipientAddress : null,
          sender: record.draft.sender,
          subject: record.draft.subject,
          body: record.draft.body,
          bodySha256: createHash('sha256').update(record.draft.body, 'utf8').digest('hex'),
        },
        events: [...record.events, { kind: 'sent', on, recordedAt: stamp, channel }],
      })
      return view(saved)
    },

    discard(reference) {
      requireDraft(reference)
      deps.repository.discard(reference)
    },
  }
}
