/**
 * Requests: created from a template for a catalog company (or as a reminder or complaint that
 * follows one up), edited while a draft, marked as sent (which freezes what was sent), then
 * followed on a timeline of events the user records. Status and deadline are derived.
 */
import type { PlainDate } from '../shared/calendar'
import type { Deadline } from '../deadlines/model'
import type { Profile } from '../profile/profile'
import type { CompanyFollowUpType } from '../shared/kinds'
import type { ExtensionAdvice, IdentityAdvice } from './followup-view'
import type { BounceAdvice } from './bounce'
import type { UserEventKind } from './events'
import type { Channel, Language, Law, RecipientAddress, RequestRecord, RequestType, SentEmail } from './model'
import type { RequestListItem, RequestView } from './view'
import type { z } from 'zod'
import type { AnswerCheckView, answerTickInputSchema } from './answer-check'
import { createRequestKit, type RequestServiceDeps } from './request-kit'
import { createRequestListing } from './request-listing'
import { requestDrafting } from './request-drafting'
import { requestAnswers } from './request-answers'
import { requestSending } from './request-sending'
import { requestTimeline } from './request-timeline'

export type { RequestServiceDeps } from './request-kit'

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

/**
 * The request service: a thin composition of its parts, each with one job (creating and drafting,
 * sending, the timeline, answer checks, listing), on the shared steps of request-kit.ts.
 */
export function createRequestService(deps: RequestServiceDeps): RequestService {
  const kit = createRequestKit(deps)
  const listing = createRequestListing(deps, kit)
  return {
    ...listing.methods,
    ...requestDrafting(deps, kit, listing),
    ...requestAnswers(deps, kit, listing),
    ...requestSending(deps, kit, listing),
    ...requestTimeline(deps, kit, listing),
  }
}
