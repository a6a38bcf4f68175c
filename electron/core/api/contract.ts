/**
 * The typed API contract: for every channel, the zod schema its one argument object must pass,
 * and the type of the data it resolves to. Main, preload, renderer, CLI and harness all derive
 * their types from here. Only pure modules are imported, so the renderer may import types.
 */
import { z } from 'zod'
import {
  contactInputSchema,
  plainDateSchema,
  type CompanySummary,
  type CompanyView,
} from '../catalog/schema'
import { isPlainDate, type PlainDate } from '../deadlines/calendar'
import type { Deadline } from '../deadlines/model'
import type { Notice } from '../notices'
import { profileSchema, type Profile } from '../profile/profile'
import {
  channels,
  languages,
  laws,
  referenceSchema,
  requestTypes,
} from '../requests/model'
import type { RequestListItem, RequestView } from '../requests/view'

export type { RequestListItem, RequestView }
import type { ApiChannel } from './channels'
import type { Result } from './result'

const realDate = plainDateSchema.refine(isPlainDate, 'This date does not exist in the calendar.')
const empty = z.strictObject({})
const byReference = z.strictObject({ reference: referenceSchema })

export type AppStatus = {
  readonly version: string
  readonly dataDir: string
  /** Today's date on this computer, for days-left arithmetic in the UI. */
  readonly today: PlainDate
  readonly notices: ReadonlyArray<Notice>
}

/** A search hit: enough for the list; the company page fetches the whole record. */
export type CompanyHit = {
  readonly id: string
  readonly name: string
  readonly domains: ReadonlyArray<string>
  readonly privacyEmail: string | null
  readonly country: string | null
}

/** `output` is a type-level marker only; at run time it is undefined. */
type Method<I extends z.ZodType, O> = { readonly input: I; readonly output: O }
const method =
  <O>() =>
  <I extends z.ZodType>(input: I): Method<I, O> => ({ input, output: undefined as unknown as O })

export const contract = {
  'app:status': method<AppStatus>()(empty),
  'app:dismissNotice': method<{ dismissed: boolean }>()(z.strictObject({ id: z.string().min(1).max(100) })),

  'catalog:search': method<ReadonlyArray<CompanyHit>>()(
    z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(500).default(50) }),
  ),
  /** `id` may also be one of the company's domains, e.g. "fs.com". */
  'catalog:get': method<CompanyView>()(z.strictObject({ id: z.string().min(1).max(200) })),
  'catalog:list': method<ReadonlyArray<CompanySummary>>()(empty),
  'catalog:addContact': method<CompanyView>()(contactInputSchema),

  'profile:get': method<Profile | null>()(empty),
  'profile:save': method<Profile>()(profileSchema),

  'requests:list': method<ReadonlyArray<RequestListItem>>()(empty),
  'requests:get': method<RequestView>()(byReference),
  'requests:create': method<RequestView>()(
    z.strictObject({
      companyId: z.string().min(1).max(200),
      type: z.enum(requestTypes),
      law: z.enum(laws),
      lang: z.enum(languages),
      /** Use these details instead of the stored profile (the CLI's --profile). */
      profile: profileSchema.optional(),
    }),
  ),
  'requests:updateDraft': method<RequestView>()(
    z.strictObject({
      reference: referenceSchema,
      subject: z
        .string()
        .trim()
        .min(1, 'The subject line cannot be empty.')
        .max(250, 'Keep the subject line under 250 characters.')
        .refine((s) => !/[\r\n]/.test(s), 'The subject line must be a single line.'),
      body: z.string().trim().min(1, 'The text cannot be empty.').max(100_000),
    }),
  ),
  'requests:markSent': method<RequestView>()(
    z.strictObject({ reference: referenceSchema, on: realDate, channel: z.enum(channels) }),
  ),
  'requests:discard': method<{ reference: string }>()(byReference),

  'letters:savePdf': method<{ path: string | null }>()(byReference),
  'mail:openInMailProgram': method<{ url: string }>()(byReference),
  'mail:saveEml': method<{ path: string | null }>()(byReference),

  'deadlines:compute': method<Deadline>()(
    z.strictObject({
      law: z.enum(laws),
      /** ISO country code, optionally with a region: "DE" or "DE-BY". */
      country: z.string().min(2).max(6),
      received: realDate,
    }),
  ),
} as const satisfies Record<ApiChannel, Method<z.ZodType, unknown>>

export type Contract = typeof contract
/** What a caller passes (defaults may be left out). */
export type ApiInput<C extends ApiChannel> = z.input<Contract[C]['input']>
/** What a handler receives, after parsing. */
export type ParsedInput<C extends ApiChannel> = z.output<Contract[C]['input']>
export type ApiOutput<C extends ApiChannel> = Contract[C]['output']

/** window.api: `window.api.catalog.search({query})` for the channel 'catalog:search'. */
export type WindowApi = {
  readonly [D in ApiChannel extends `${infer Domain}:${string}` ? Domain : never]: {
    readonly [C in ApiChannel as C extends `${D}:${infer Verb}` ? Verb : never]: (
      input: ApiInput<C>,
    ) => Promise<Result<ApiOutput<C>>>
  }
}
