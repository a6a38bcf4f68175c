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
import type { RequestListItem, RequestView, StagedFile } from '../requests/view'
import { userEventKinds } from '../requests/events'
import { settingsPatchSchema, type Settings } from '../settings/settings'
import type { TemplateInfo } from '../templates/info'

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
      /** Account or customer numbers that identify the user to this company, one per line. */
      identifiers: z.string().max(2000).nullable().optional(),
      /** A custom request's own words. */
      text: z.string().max(20_000).nullable().optional(),
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
    z.strictObject({
      reference: referenceSchema,
      on: realDate,
      /** The moment it went out, when known: an e-mail's day of receipt is the company's day. */
      at: z.iso.datetime({ offset: true }).nullable().optional(),
      channel: z.enum(channels),
      trackingNumber: z.string().trim().max(100).nullable().optional(),
    }),
  ),
  'requests:discard': method<{ reference: string }>()(byReference),
  'requests:createFollowUp': method<RequestView>()(
    z.strictObject({
      reference: referenceSchema,
      type: z.enum(['reminder', 'complaint']),
      authority: z
        .strictObject({
          name: z.string().trim().min(1, 'Name the authority.').max(300),
          email: z.email().nullable().default(null),
          postal: z
            .strictObject({ recipient: z.string().trim().min(1).max(300), lines: z.array(z.string().trim().min(1).max(200)).min(1).max(8), country: z.string().regex(/^[A-Z]{2}$/) })
            .nullable()
            .default(null),
        })
        .optional(),
    }),
  ),
  'requests:addEvent': method<RequestView>()(
    z.strictObject({
      reference: referenceSchema,
      kind: z.enum(userEventKinds),
      on: realDate,
      note: z.string().max(20_000).nullable().optional(),
      /** 'extension-claimed': the date the company named. */
      until: realDate.nullable().optional(),
      trackingNumber: z.string().trim().max(100).nullable().optional(),
      /** Tokens from attachments:pick. */
      attachments: z.array(z.string().min(1).max(100)).max(20).optional(),
    }),
  ),
  'requests:correctEvent': method<RequestView>()(
    z.strictObject({
      reference: referenceSchema,
      eventId: z.string().min(1).max(100),
      on: realDate,
      note: z.string().max(20_000).nullable(),
      until: realDate.nullable().optional(),
    }),
  ),
  'requests:removeEvent': method<RequestView>()(z.strictObject({ reference: referenceSchema, eventId: z.string().min(1).max(100) })),

  'attachments:pick': method<ReadonlyArray<StagedFile>>()(empty),
  'attachments:reveal': method<{ path: string }>()(z.strictObject({ reference: referenceSchema, attachmentId: z.string().min(1).max(100) })),

  /** Which request types, laws and languages have a template. */
  'templates:available': method<ReadonlyArray<{ type: string; lang: string; laws: ReadonlyArray<string>; title: string }>>()(empty),
  'templates:list': method<ReadonlyArray<TemplateInfo>>()(empty),
  'templates:get': method<{ info: TemplateInfo; text: string }>()(z.strictObject({ id: z.string().min(1).max(200) })),
  /** Fills an unsaved template for a company under a law: the editor's live preview. */
  'templates:preview': method<{ subject: string; body: string }>()(
    z.strictObject({ text: z.string().max(100_000), companyId: z.string().min(1).max(200), law: z.enum(laws) }),
  ),
  'templates:saveUser': method<TemplateInfo>()(
    z.strictObject({ lang: z.enum(languages), name: z.string().trim().min(1).max(80), text: z.string().min(1).max(100_000) }),
  ),
  'templates:deleteUser': method<{ id: string }>()(z.strictObject({ id: z.string().min(1).max(200) })),

  'settings:get': method<Settings>()(empty),
  'settings:update': method<Settings>()(settingsPatchSchema),

  'letters:savePdf': method<{ path: string | null }>()(byReference),
  /** The system's print dialog in the app; elsewhere the PDF is saved and `path` says where. */
  'letters:print': method<{ outcome: 'printed' | 'cancelled' | 'saved'; path: string | null }>()(byReference),
  'mail:openInMailProgram': method<{ url: string }>()(byReference),
  'mail:saveEml': method<{ path: string | null }>()(byReference),

  'deadlines:compute': method<Deadline>()(
    z.strictObject({
      law: z.enum(laws),
      /** ISO country code, optionally with a region: "DE" or "DE-BY". */
      country: z.string().min(2).max(6),
      received: realDate,
      type: z.enum(requestTypes).default('access'),
      identityRequested: realDate.optional(),
      identityProvided: realDate.optional(),
      clarificationAsked: realDate.optional(),
      clarificationAnswered: realDate.optional(),
    }),
  ),
  /** Every deadline as an .ics calendar, saved through the host. */
  'deadlines:exportIcs': method<{ path: string | null; events: number }>()(empty),
  /** Deadline notifications due now that have not been shown yet. */
  'notifications:pending': method<ReadonlyArray<{ id: string; reference: string; title: string; body: string }>>()(empty),
  'notifications:markShown': method<{ marked: number }>()(z.strictObject({ ids: z.array(z.string().min(1).max(200)).max(10_000) })),
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
