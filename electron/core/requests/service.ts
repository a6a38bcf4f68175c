/**
 * Requests: created from a template for a catalog company (or as a reminder or complaint that
 * follows one up), edited while a draft, marked as sent (which freezes what was sent), then
 * followed on a timeline of events the user records. Status and deadline are derived.
 */
import { createHash, randomBytes } from 'node:crypto'
import { CoreError } from '../shared/result'
import type { Catalog } from '../catalog/catalog'
import { comparePlainDates, describeDate, plainDateOf, type PlainDate } from '../shared/calendar'
import type { Deadline } from '../deadlines/model'
import { addressLines, type Profile, type ProfileStore } from '../profile/profile'
import type { SettingsStore } from '../settings/settings'
import { maxSubjectLength, type Templates } from '../templates/templates'
import type { AttachmentStage } from './attachments'
import { isFollowUpType, type CompanyFollowUpType } from '../shared/kinds'
import { checkExtension } from './extension-check'
import type { ExtensionAdvice, IdentityAdvice } from './followup-view'
import { bounceAdviceOf, type BounceAdvice } from './bounce'
import { identityRule } from './identity-rules'
import { activeEvents, factsOf, type RequestEvent, type UserEventKind } from './events'
import { templateView, withRequiredPhrase } from './draft-view'
import { letterDraft, type Channel, type Language, type Law, type RecipientAddress, type RequestRecord, type RequestType, type SentEmail } from './model'
import type { RequestRepository } from './repository'
import { describeRightReason, rightReasonMessage, rightUnder } from './rights'
import { deriveStatus, nextSteps } from './status'
import { createRequestList } from './list-items'
import type { RequestListItem, RequestView } from './view'
import { coreError, coreErrorAs } from '../messages/errors'
import { message, type Message } from '../shared/message'
import type { z } from 'zod'
import { answerCheckView, canCheckAnswer, type AnswerCheckView, type answerTickInputSchema, type AnswerTick } from './answer-check'
import { answerItemsUnder } from '../shared/answer-items'

/** Who a complaint goes to: entered by the user until the authorities are in the catalog. */
export type AuthorityInput = {
  readonly name: string
  readonly email: string | null
  readonly postal: RecipientAddress | null
  /** A built-in authority's id ("de-baylda"), kept as the complaint's recipient id. */
  readonly id?: string
}

export type RequestService = {
  list(): ReadonlyArray<RequestListItem>
  get(reference: string): RequestView
  create(input: {
    companyId: string
    type: RequestType
    law: Law
    lang: Language
    profile?: Profile
    /** Account or customer numbers that identify the user to this company, one per line. */
    identifiers?: string | null
    /** A custom request's own words. */
    text?: string | null
    /**
     * How it will go out, so that the text fits: a letter on paper never says it was made
     * electronically. By default e-mail where the company has a privacy address, else post.
     */
    channel?: Channel
  }): RequestView
  /**
   * A reminder (to the company, in the request's language) or a complaint (to an authority, in
   * `lang` when given, else in the language of the request it follows up; the API picks the
   * authority's own language for a built-in authority).
   */
  createFollowUp(input: {
    reference: string
    type: CompanyFollowUpType | 'complaint'
    authority?: AuthorityInput
    lang?: Language
    /** An extension contest: whether the company's notice gave reasons (the user's answer). */
    reasonsGiven?: boolean | null
  }): RequestView
  /** The completeness check of an access request's answer: the law's items, the user's ticks, Rightful's suggestions. */
  checkAnswer(reference: string): AnswerCheckView
  /** Records what the user found for some items (a suggestion becomes a tick only here), as one atomic change of the request. */
  tickAnswer(input: { reference: string; ticks: ReadonlyArray<z.output<typeof answerTickInputSchema>> }): AnswerCheckView
  /** What the law lets the company ask for to check the user's identity, beside what it asked. */
  identityAdvice(reference: string): IdentityAdvice
  /** Whether the company's latest extension claim holds. */
  extensionCheck(reference: string, reasonsGiven?: boolean | null): ExtensionAdvice
  /** After a bounce: the address that failed, whether the catalog marks it, the company's other channels. */
  bounceAdvice(reference: string): BounceAdvice
  /**
   * Marks the address a confirmed bounce came back from as bounced (with the bounce's date) in the
   * user's catalog layer. INVALID_STATE when no bounce of the latest sending is recorded.
   */
  markBounced(reference: string): BounceAdvice
  updateDraft(input: { reference: string; subject: string; body: string }): RequestView
  markSent(input: {
    reference: string
    on: PlainDate
    at?: string | null
    channel: Channel
    trackingNumber?: string | null
    /** Sent by Rightful through SMTP: the proof, and the text exactly as it went out (else the draft). */
    email?: { proof: SentEmail; content: RequestRecord['draft'] } | null
  }): RequestView
  addEvent(input: {
    reference: string
    kind: UserEventKind
    on: PlainDate
    note?: string | null
    until?: PlainDate | null
    trackingNumber?: string | null
    attachments?: ReadonlyArray<string>
  }): RequestView
  correctEvent(input: { reference: string; eventId: string; on: PlainDate; note: string | null; until?: PlainDate | null }): RequestView
  removeEvent(input: { reference: string; eventId: string }): RequestView
  discard(reference: string): void
  /** The deadlines of every request, for the calendar export and notifications. */
  deadlines(): ReadonlyArray<{ readonly item: RequestListItem; readonly deadline: Deadline }>
}

/** The latest active event of a kind on a request's timeline. */
function latestEvent(record: RequestRecord, kind: RequestEvent['kind']): RequestEvent | null {
  return [...activeEvents(record.events)].reverse().find((e) => e.kind === kind) ?? null
}

const newEventId = () => `ev-${randomBytes(6).toString('hex')}`

export function createRequestService(deps: {
  repository: RequestRepository
  catalog: Catalog
  profiles: ProfileStore
  templates: Templates
  settings: SettingsStore
  attachments: AttachmentStage
  now: () => Date
}): RequestService {
  const today = () => plainDateOf(deps.now())

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

  /** The request whose answer is checked: an access request that was sent and got data back. */
  const checkable = (record: RequestRecord): RequestRecord => {
    if (!canCheckAnswer(record)) {
      throw coreError('INVALID_STATE', record.type !== 'access' ? 'error.answerCheck.notAccess' : 'error.answerCheck.noData', { reference: record.reference })
    }
    return record
  }

  /** The items the user ticked missing in the request's answer, in the order of the law; none is an error. */
  const missingOf = (record: RequestRecord) => {
    const check = answerCheckView(checkable(record))
    const missing = new Set(check.missing)
    const items = answerItemsUnder(record.law).filter((item) => missing.has(item.id))
    if (items.length === 0) {
      throw coreError('INVALID_STATE', 'error.answerCheck.nothingMissing', { reference: record.reference })
    }
    return items
  }

  /**
   * Marks the address a bounce of the latest sending came back from as bounced (with the bounce's
   * date) in the user's catalog layer, where the catalog lists that address for the company;
   * nothing to mark (a letter, an address the catalog does not list, a company no longer in it)
   * is no error here: the request's page says what can be done.
   */
  const markBounceInCatalog = (record: RequestRecord): void => {
    const advice = bounceAdviceOf(record, safeCompany(record.company.id))
    if (!advice.bouncedOn || !advice.address || !advice.company.inCatalog || advice.marked) return
    try {
      deps.catalog.markEmailProblem(record.company.id, advice.address, { kind: 'bounced', on: advice.bouncedOn }, today())
    } catch (error) {
      if (!(error instanceof CoreError && error.code === 'NOT_FOUND')) throw error
    }
  }

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

  return {
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

    create({ companyId, type, law, lang, profile, identifiers = null, text = null, channel }) {
      if (isFollowUpType(type)) {
        throw coreError('INVALID_INPUT', `error.requests.followUp.${type}`)
      }
      if (type === 'custom' && !text?.trim()) {
        throw coreError('INVALID_INPUT', 'error.requests.customWords')
      }
      // A right the law does not grant is refused with the reason, unless a template (the user's
      // own, say) covers this combination all the same.
      const right = rightUnder(law, type)
      if (!right.granted && !deps.templates.has({ type, law, lang })) {
        throw new CoreError('RIGHT_NOT_GRANTED', describeRightReason(right.why!), undefined, rightReasonMessage(right.why!))
      }
      const sender = profileOrFail(profile)
      const company = deps.catalog.get(companyId)
      if (!company.privacyEmail && !company.letterAddress) {
        throw coreError('NO_CONTACT', 'error.noContact', { company: company.name })
      }
      const year = Number(plainDateOf(deps.now()).slice(0, 4))
      const chosen = channel ?? (company.privacyEmail ? 'email' : 'post')
      const record = deps.repository.create(year, (reference) => {
        const renderFor = (by: Channel) =>
          deps.templates.render(
            { type, law, lang },
            templateView({
              reference,
              today: today(),
              lang,
              companyName: company.name,
              user: { name: sender.name, email: sender.email, address: addressLines(sender) },
              identifiers,
              text,
              channel: by,
              strings: deps.templates.strings(lang),
            }),
          )
        const rendered = renderFor(chosen)
        // Written for e-mail, it may still be printed: keep the letter's wording beside it.
        const byPost = chosen === 'email' && company.letterAddress ? renderFor('post').body : null
        return newRecord(reference, {
          company: { id: company.id, name: company.name, jurisdiction: company.holidayJurisdiction },
          type,
          law,
          lang,
          followUpOf: null,
          to: company.privacyEmail,
          recipientAddress: company.letterAddress
            ? { recipient: company.letterAddress.recipient, lines: company.letterAddress.lines, country: company.letterAddress.country }
            : null,
          sender,
          subject: withRequiredPhrase(rendered.subject, company.requirements.subjectLine?.phrases ?? [], type, lang, maxSubjectLength),
          body: rendered.body,
          byPost,
        })
      })
      return view(record)
    },

    createFollowUp({ reference, type, authority, lang: chosenLang, reasonsGiven = null }) {
      const original = requireSent(reference)
      const deadline = view(original).deadline
      if (type === 'complaint' && !authority) {
        throw coreError('INVALID_INPUT', 'error.requests.whichAuthority')
      }
      const toCompany = type !== 'complaint'
      // An incomplete answer is chased for the items the user ticked missing, in the law's order.
      const missing = type === 'incomplete-answer' ? missingOf(original) : []
      // A pushback answers a demand for identity on the timeline; a contest, a claim that does not hold.
      const demand = type === 'identity-pushback' ? latestEvent(original, 'identity-requested') : null
      if (type === 'identity-pushback' && !demand) {
        throw coreError('INVALID_STATE', 'error.noIdentityDemand', { reference: original.reference })
      }
      const extension = type === 'extension-contest' ? checkExtension({ law: original.law, events: original.events, deadline, reasonsGiven }) : null
      if (extension && !extension.contestable) {
        throw coreError('INVALID_STATE', 'error.extensionNotContestable', { reference: original.reference, why: extension.message })
      }
      const sender = profileOrFail(undefined)
      const year = Number(plainDateOf(deps.now()).slice(0, 4))
      const company = toCompany ? safeCompany(original.company.id) : null
      const lang = chosenLang ?? original.lang
      const record = deps.repository.create(year, (newReference) => {
        const rendered = deps.templates.render(
          { type, law: original.law, lang },
          templateView({
            reference: newReference,
            today: today(),
            lang,
            companyName: original.company.name,
            user: { name: sender.name, email: sender.email, address: addressLines(sender) },
            authorityName: authority?.name ?? null,
            authorityId: authority?.id ?? null,
            channel: toCompany ? original.sent.channel : authority?.email ? 'email' : 'post',
            missingItems: missing,
            law: original.law,
            original: {
              reference: original.reference,
              subject: original.sent.subject,
              sentOn: original.sent.on,
              channel: original.sent.channel,
              to: original.sent.to,
              due: deadline?.effectiveDue ?? null,
              events: original.events,
              type: original.type,
            },
            strings: deps.templates.strings(lang),
            identity: demand ? { requestedOn: demand.on, asked: demand.note, noVerification: identityRule(original.law, original.type).noVerification } : null,
            extension: extension?.claimedOn
              ? {
                  claimedOn: extension.claimedOn,
                  noticeBy: extension.noticeBy,
                  late: extension.verdict === 'late',
                  noReasons: extension.verdict === 'no-reasons',
                  notAllowed: extension.verdict === 'not-allowed',
                  tooLong: extension.verdict === 'too-long',
                  longestDue: extension.longestDue,
                  baseDue: deadline?.due ?? null,
                }
              : null,
          }),
        )
        const subject = withRequiredPhrase(rendered.subject, company?.requirements.subjectLine?.phrases ?? [], type, lang, maxSubjectLength)
        return newRecord(newReference, {
          company:
            toCompany
              ? original.company
              : { id: `authority:${authority!.id ?? authority!.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, name: authority!.name, jurisdiction: authority!.postal?.country ?? null },
          type,
          law: original.law,
          lang,
          followUpOf: original.reference,
          missingItems: type === 'incomplete-answer' ? missing.map((item) => item.id) : null,
          to: toCompany ? original.sent.to ?? original.draft.to : (authority!.email ?? null),
          recipientAddress: toCompany ? (original.sent.recipientAddress ?? original.draft.recipientAddress) : (authority!.postal ?? null),
          sender,
          subject,
          body: rendered.body,
        })
      })
      return view(record)
    },

    checkAnswer: (reference) => answerCheckView(checkable(deps.repository.get(reference))),

    tickAnswer({ reference, ticks }) {
      if (ticks.length === 0) throw coreError('INVALID_INPUT', 'error.answerCheck.noTick')
      const record = change(reference, (current) => {
        const record = checkable(current)
        const view = answerCheckView(record)
        const rows = new Map(view.rows.map((row) => [row.id, row]))
        const at = deps.now().toISOString()
        const next = new Map<string, AnswerTick>((record.answerCheck?.law === record.law ? record.answerCheck.ticks : []).map((t) => [t.id, t]))
        for (const tick of ticks) {
          const row = rows.get(tick.id)
          if (!row) {
            throw coreError('INVALID_INPUT', 'error.answerCheck.unknownItem', { item: tick.id, items: [...rows.keys()].join(', ') })
          }
          if (tick.confirmsSuggestion && (tick.state === null || row.suggestion?.state !== tick.state)) {
            throw coreError('INVALID_INPUT', 'error.answerCheck.notSuggested', { item: tick.id })
          }
          if (tick.state === null) next.delete(tick.id)
          else next.set(tick.id, { id: tick.id, state: tick.state, by: tick.confirmsSuggestion ? 'suggestion-confirmed' : 'user', at })
        }
        // In the law's order, so the stored file reads like the checklist.
        const ordered = view.rows.map((row) => next.get(row.id)).filter((t): t is AnswerTick => t !== undefined)
        return { ...record, answerCheck: { law: record.law, ticks: ordered } }
      })
      return answerCheckView(record)
    },

    identityAdvice(reference) {
      const record = deps.repository.get(reference)
      const demand = latestEvent(record, 'identity-requested')
      const company = safeCompany(record.company.id)
      const rule = identityRule(record.law, record.type)
      return {
        reference: record.reference,
        law: record.law,
        type: record.type,
        demand: demand ? { on: demand.on, note: demand.note } : null,
        provided: demand ? activeEvents(record.events).some((e) => e.kind === 'identity-provided' && comparePlainDates(e.on, demand.on) >= 0) : false,
        rule,
        company: {
          idDocument: company?.requirements.idDocument?.text ?? null,
          requiredElements: (company?.requirements.requiredElements ?? []).map((e) => ({ description: e.description, optional: e.optional })),
        },
        pushback: { possible: demand !== null && record.sent !== null, hasTemplate: deps.templates.has({ type: 'identity-pushback', law: record.law, lang: record.lang }) },
      }
    },

    extensionCheck(reference, reasonsGiven = null) {
      const record = deps.repository.get(reference)
      const check = checkExtension({ law: record.law, events: record.events, deadline: view(record).deadline, reasonsGiven })
      return { ...check, hasTemplate: deps.templates.has({ type: 'extension-contest', law: record.law, lang: record.lang }) }
    },

    bounceAdvice(reference) {
      const record = deps.repository.get(reference)
      return bounceAdviceOf(record, safeCompany(record.company.id))
    },

    markBounced(reference) {
      const record = deps.repository.get(reference)
      const advice = bounceAdviceOf(record, safeCompany(record.company.id))
      if (!advice.bouncedOn) throw coreError('INVALID_STATE', 'error.noBounce', { reference: record.reference })
      if (!advice.address) throw coreError('INVALID_STATE', 'error.bounceNotEmail', { reference: record.reference })
      if (!advice.company.inCatalog) throw coreError('NOT_FOUND', 'error.bounceNoCompany', { company: record.company.name })
      deps.catalog.markEmailProblem(record.company.id, advice.address, { kind: 'bounced', on: advice.bouncedOn }, today())
      return bounceAdviceOf(record, safeCompany(record.company.id))
    },

    updateDraft({ reference, subject, body }) {
      return view(
        change(reference, (record) => {
          const text = body.replace(/\r\n/g, '\n')
          // Edited text is the user's own: it goes out as written, on paper too.
          const byPost = text === record.draft.body ? record.draft.byPost : null
          return { ...draftOf(record), draft: { ...record.draft, subject, body: text, byPost } }
        }),
      )
    },

    markSent({ reference, on, at = null, channel, trackingNumber = null, email = null }) {
      // The request and the one it follows up change as one step.
      const record = deps.repository.locked(() => {
        const sent = change(reference, (current) => {
          const record = draftOf(current)
          if (email && channel !== 'email') throw coreError('INVALID_INPUT', 'error.requests.messageIdEmail')
          const content = email?.content ?? (channel === 'post' ? letterDraft(record) : record.draft)
          checkDate(on, record.events[0]!.on, { english: 'The sending date', said: message('error.requests.date.sending') })
          // Somewhere on Earth it was that date at that moment: within 14 hours of the date's UTC span.
          if (at && Math.abs(new Date(at).getTime() - Date.parse(`${on}T12:00:00Z`)) > 26 * 3600_000) {
            throw coreError('INVALID_INPUT', 'error.requests.timeNotDate')
          }
          if (channel === 'email' && !content.to) {
            throw coreError('NO_EMAIL', 'error.noEmailSent', { company: record.company.name })
          }
          if (channel === 'post' && !record.draft.recipientAddress) {
            throw coreError('NO_POSTAL_ADDRESS', 'error.noPostalSent', { company: record.company.name })
          }
          return {
            ...record,
            sent: {
              on,
              channel,
              to: channel === 'email' ? content.to : null,
              recipientAddress: channel === 'post' ? content.recipientAddress : null,
              sender: content.sender,
              subject: content.subject,
              body: content.body,
              bodySha256: createHash('sha256').update(content.body, 'utf8').digest('hex'),
              email: email?.proof ?? null,
            },
            events: [...record.events, event('sent', on, { at, channel, trackingNumber, attachments: email ? [email.proof.archive] : [] })],
          }
        })
        // A reminder or complaint that went out is an event of the request it follows up.
        // The incomplete-answer letter is a reminder about what is missing: the original's timeline says so.
        if (sent.followUpOf && isFollowUpType(sent.type)) {
          const kind = sent.type === 'complaint' ? 'complaint-filed' : 'reminder-sent'
          try {
            change(sent.followUpOf, (original) => ({ ...original, events: [...original.events, event(kind, on, { link: sent.reference, note: sent.sent!.subject })] }))
          } catch (error) {
            if (!(error instanceof CoreError) || error.code !== 'NOT_FOUND') throw error
          }
        }
        return sent
      })
      return view(record)
    },

    addEvent({ reference, kind, on, note = null, until = null, trackingNumber = null, attachments = [] }) {
      const check = (record: RequestRecord) => {
        const sent = sentOf(record)
        checkDate(on, sent.sent.on, { english: `The date of “${kind.replace(/-/g, ' ')}”`, said: message('error.requests.date.event', { kind: message(`error.requests.event.${kind}`) }) })
        if (until && comparePlainDates(until, on) < 0) throw coreError('INVALID_INPUT', 'error.requests.untilBefore')
        return sent
      }
      // Checked before the files are kept with the request, and again on the record as it is when the event is added.
      check(deps.repository.get(reference))
      const id = newEventId()
      const stored = deps.attachments.commit(attachments, { reference, eventId: id })
      const record = change(reference, (current) => {
        const record = check(current)
        return {
          ...record,
          events: [
            ...record.events,
            { ...event(kind, on, { note: note?.trim() || null, until: kind === 'extension-claimed' ? until : null, trackingNumber, attachments: stored }), id },
          ],
        }
      })
      // A bounce, once confirmed (recorded here, by the user or from a reply they confirmed), marks
      // the address in the user's catalog layer, so that the next request goes another way.
      if (kind === 'undeliverable') markBounceInCatalog(record)
      return view(record)
    },

    correctEvent({ reference, eventId, on, note, until = null }) {
      return view(
        change(reference, (record) => {
          const target = record.events.find((e) => e.id === eventId && e.removedAt === null)
          if (!target) throw coreError('NOT_FOUND', 'error.requests.noEvent', { reference, id: eventId })
          if (target.kind === 'created') throw coreError('INVALID_STATE', 'error.requests.createdFixed')
          const floor = target.kind === 'sent' ? record.events[0]!.on : (record.sent?.on ?? record.events[0]!.on)
          checkDate(on, floor, { english: 'The date', said: message('error.requests.date.plain') })
          const corrected: RequestEvent = {
            ...target,
            on,
            note: note?.trim() || null,
            until: target.kind === 'extension-claimed' ? until : null,
            corrections: [...target.corrections, { recordedAt: deps.now().toISOString(), on: target.on, note: target.note, until: target.until }],
          }
          return {
            ...record,
            sent: target.kind === 'sent' && record.sent ? { ...record.sent, on } : record.sent,
            events: record.events.map((e) => (e.id === eventId ? corrected : e)),
          }
        }),
      )
    },

    removeEvent({ reference, eventId }) {
      return view(
        change(reference, (record) => {
          const target = record.events.find((e) => e.id === eventId && e.removedAt === null)
          if (!target) throw coreError('NOT_FOUND', 'error.requests.noEvent', { reference, id: eventId })
          if (target.kind === 'created' || target.kind === 'sent') {
            throw coreError('INVALID_STATE', 'error.requests.cannotRemove')
          }
          return { ...record, events: record.events.map((e) => (e.id === eventId ? { ...e, removedAt: deps.now().toISOString() } : e)) }
        }),
      )
    },

    discard(reference) {
      // Checked and moved as one step: a request another process marks as sent meanwhile stays.
      deps.repository.locked(() => {
        const record = deps.repository.get(reference)
        if (record.sent) {
          throw coreError('INVALID_STATE', 'error.requests.sentKept', { reference, date: record.sent.on })
        }
        deps.repository.discard(reference)
      })
    },
  }
}
