/**
 * What the API returns when a sent request needs chasing: the law's rule on identity checks beside
 * the company's demand, the check of an extension claim, the advice after a bounce. Pure types.
 */
import type { PlainDate } from '../shared/calendar'
import type { ExtensionCheck } from './extension-check'
import type { IdentityRule } from './identity-rules'
import type { Law, RequestType } from '../shared/kinds'

/** What the law lets a company ask for to check who makes a request, beside what it asked. */
export type IdentityAdvice = {
  readonly reference: string
  readonly law: Law
  readonly type: RequestType
  /** The latest demand for identity on the timeline; null when none is recorded. */
  readonly demand: { readonly on: string; readonly note: string | null } | null
  /** The user has given identity information since the demand. */
  readonly provided: boolean
  readonly rule: IdentityRule
  /** What the catalog says the company asks for: its quote on identity documents, its required elements. */
  readonly company: { readonly idDocument: string | null; readonly requiredElements: ReadonlyArray<{ readonly description: string; readonly optional: boolean }> }
  /** Whether a pushback letter can be written now, and in the request's language. */
  readonly pushback: { readonly possible: boolean; readonly hasTemplate: boolean }
}

/** The check of an extension claim, and whether the letter contesting it exists in the request's language. */
export type ExtensionAdvice = ExtensionCheck & { readonly hasTemplate: boolean }

export type OtherChannel =
  | { readonly kind: 'email'; readonly address: string; readonly purpose: string }
  | { readonly kind: 'webform'; readonly url: string }
  | { readonly kind: 'post'; readonly recipient: string; readonly lines: ReadonlyArray<string>; readonly country: string }
  | { readonly kind: 'fax'; readonly number: string }

export type BounceAdvice = {
  readonly reference: string
  readonly company: { readonly id: string; readonly name: string; readonly inCatalog: boolean }
  /** The date of the confirmed bounce of the latest sending; null when none is recorded. */
  readonly bouncedOn: PlainDate | null
  /** The address the request went to; null when it went by post. */
  readonly address: string | null
  /** The user's catalog marks the address as bounced. */
  readonly marked: boolean
  /** The date the catalog gives the bounce, when marked. */
  readonly markedOn: PlainDate | null
  /** The company's other current channels, e-mail first; empty when none is known. */
  readonly alternatives: ReadonlyArray<OtherChannel>
}

