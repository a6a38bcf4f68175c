/**
 * The typed API contract: for every channel, the zod schema its one argument object must pass,
 * and the type of the data it resolves to. Main, preload, renderer, CLI and harness all derive
 * their types from here. Only pure modules are imported, so the renderer may import types.
 */
import { z } from 'zod'
import { companyEditSchema, companyIdSchema, contactInputSchema, type CompanyMatch, type CompanySummary, type CompanyView } from '../catalog/schema'
import { emailAddressSchema, realDateSchema } from '../shared/schemas'
import type { PackInfo } from '../catalog/packs'
import type { CatalogImportResult, CompanyHit } from '../catalog/catalog-operations'
import type { PolicyProposal } from '../catalog/policy-import/proposal'
import type { FetchedPolicy } from '../catalog/policy-fetch'
import { companyChoicesSchema } from '../catalog/policy-import/choices'

/** A policy longer than extractPolicy reads (maxPolicyLength), refused at the door. */
const policyTooLong = 'A policy can have at most 2,000,000 characters: keep the part about privacy and contacts.'
import type { PlainDate } from '../shared/calendar'
import type { Deadline } from '../deadlines/model'
import type { Notice } from '../shared/notices'
import { profileSchema, type Profile } from '../profile/profile'
import {
  channels,
  languageSchema,
  laws,
  referenceSchema,
  requestTypes,
} from '../requests/model'
import type { RequestListItem, RequestView, StagedFile } from '../requests/view'
import { followUpTypes } from '../shared/kinds'
import type { BounceAdvice, ExtensionAdvice, IdentityAdvice } from '../requests/followup-view'
import { redactBoxesSchema, redactFormats, type EvidenceImage, type RedactedCopy } from '../evidence/model'
import { userEventKinds } from '../requests/events'
import { answerTickInputSchema, type AnswerCheckView } from '../requests/answer-check'
import { settingsPatchSchema, type Settings } from '../settings/settings'
import type { TemplateInfo } from '../templates/info'
import { imapSaveSchema, smtpSaveSchema } from '../settings/server-schemas'
import type { OutboxItem, SendResult, SmtpView } from '../mail/mail-types'
import { webmailProviders, type WebmailProvider } from '../settings/webmail'
import { sectors, type AuthoritySummary } from '../authorities/schema'
import type { AuthorityProposalsView } from '../authorities/complaint-proposals'
import type { ReplyImportResult, ReplyView } from '../replies/model'
import { replyKinds } from '../replies/rules'
import { hasControlCharacter, imapSettingsSchema } from '../replies/imap-settings'
import type { ImapView, SyncResult } from './handlers/replies'
import type { BackupChosen, BackupCreated, BackupPreview, RestoreResult } from '../backup/view'
import { givenPassphraseSchema, newPassphraseSchema } from '../backup/passphrase'
import { operationIdPattern } from '../shared/operation'
import type { DiscoverResult } from '../discover/discover'
import { batchCompaniesSchema, batchIdSchema, maxBatchCompanies, maxRatePerMinute, type BatchSummary, type BatchView } from '../bulk/model'
import type { MarkPostedResult, RemindResult } from '../bulk/request-actions'
import type { PackGroup } from '../bulk/packs'

export type { RequestListItem, RequestView }
export type { BounceAdvice, EvidenceImage, ExtensionAdvice, IdentityAdvice, RedactedCopy }
import type { ApiChannel } from './channels'
import type { Result } from '../shared/result'

const realDate = realDateSchema
const backupToken = z.string().regex(/^bk-[0-9a-f]{18}$/, 'Not a chosen backup.')
const empty = z.strictObject({})
/**
 * A long operation's id, chosen by the caller: with it the operation reports progress and can be
 * stopped (operations:cancel) before it answers.
 */
const operationId = z.string().regex(operationIdPattern, 'Not an operation id (op-…).')
const byReference = z.strictObject({ reference: referenceSchema })
/** An IMAP server used once, without saving it (the CLI's --imap); its password comes beside it. */
const imapAccountOnce = z.strictObject({
  host: imapSettingsSchema.shape.host,
  port: imapSettingsSchema.shape.port,
  security: imapSettingsSchema.shape.security,
  user: z.string().trim().min(1).max(254).refine((u) => !hasControlCharacter(u), 'The user name must be a single line.'),
  mailbox: imapSettingsSchema.shape.mailbox,
  trustedCertificate: imapSettingsSchema.shape.trustedCertificate.optional(),
})
/** Requests picked on the dashboard. */
const selectedReferences = z.array(referenceSchema).min(1, 'Choose at least one request.').max(10_000)

export type AppStatus = {
  readonly version: string
  readonly dataDir: string
  /** Today's date on this computer, for days-left arithmetic in the UI. */
  readonly today: PlainDate
  readonly notices: ReadonlyArray<Notice>
  /** The system's preferred languages, best first (empty: the host does not know; the window asks the browser). */
  readonly systemLanguages: ReadonlyArray<string>
}

export type { CatalogImportResult, CompanyHit } from '../catalog/catalog-operations'

export type { AuthorityProposalsView } from '../authorities/complaint-proposals'

const regionCode = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'Use an ISO 3166-2 region code, e.g. DE-BY.')
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166-1 country code, e.g. DE.')

/** `output` is a type-level marker only; at run time it is undefined. */
type Method<I extends z.ZodType, O> = { readonly input: I; readonly output: O }
const method =
  <O>() =>
  <I extends z.ZodType>(input: I): Method<I, O> => ({ input, output: undefined as unknown as O })

export const contract = {
  'app:status': method<AppStatus>()(empty),
  'app:dismissNotice': method<{ dismissed: boolean }>()(z.strictObject({ id: z.string().min(1).max(100) })),
  /** Opens the data folder in the system's file manager. */
  'app:openDataFolder': method<{ path: string }>()(empty),

  'catalog:search': method<ReadonlyArray<CompanyHit>>()(
    z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(5000).default(50) }),
  ),
  /** `id` may also be one of the company's domains, e.g. "fs.com". */
  'catalog:get': method<CompanyView>()(z.strictObject({ id: z.string().min(1).max(200) })),
  /**
   * The companies by name (or those of `ids`, in their order; ids not in the catalog are left out),
   * from `offset`, at most `limit`: only the records of that page are read.
   */
  'catalog:list': method<ReadonlyArray<CompanySummary>>()(
    z.strictObject({
      offset: z.number().int().min(0).max(10_000_000).optional(),
      limit: z.number().int().min(1).max(5000).optional(),
      ids: z.array(z.string().min(1).max(200)).max(5000).optional(),
    }),
  ),
  'catalog:addContact': method<CompanyView>()(contactInputSchema),
  /** Adds a company (no id) or changes one; changes to built-in records are kept as the user's. */
  'catalog:save': method<CompanyView>()(companyEditSchema),
  'catalog:remove': method<{ id: string; restorable: boolean }>()(z.strictObject({ id: z.string().min(1).max(200) })),
  'catalog:restore': method<CompanyView>()(z.strictObject({ id: z.string().min(1).max(200) })),
  /** Drops the user's changes to a built-in or imported record. */
  'catalog:reset': method<CompanyView>()(z.strictObject({ id: z.string().min(1).max(200) })),
  'catalog:deleted': method<ReadonlyArray<{ id: string; name: string; deletedOn: string }>>()(empty),
  /** Asks the user for a file or folder (the host's picker), then imports what is valid in it. */
  'catalog:import': method<CatalogImportResult>()(
    z.strictObject({
      format: z.enum(['datarequests', 'rightful']),
      kind: z.enum(['file', 'folder']),
      dryRun: z.boolean().default(false),
      operation: operationId.optional(),
    }),
  ),
  /** Saves the user's catalog (or every record, with `all`) as a JSON file the user chooses. */
  'catalog:export': method<{ path: string | null; companies: number }>()(z.strictObject({ all: z.boolean().default(false) })),
  /**
   * Fetches a privacy policy from the web address the person gives (http or https, TLS verified,
   * no cookies, at most 5 redirects, 5 MB, 20 s): its text, format, final address and fetch date,
   * to be read with catalog:extractPolicy. The only network use besides mail; saves nothing.
   */
  'catalog:fetchPolicy': method<FetchedPolicy>()(
    z.strictObject({
      url: z.string().min(1).max(2048, 'A web address can have at most 2,048 characters.'),
      operation: operationId.optional(),
    }),
  ),
  /** Reads a pasted or opened privacy policy and proposes a record, each field with its quote; saves nothing. */
  'catalog:extractPolicy': method<PolicyProposal>()(
    z.strictObject({
      text: z.string().max(2_000_000, policyTooLong),
      format: z.enum(['text', 'markdown', 'html']),
      sourceUrl: z.url().optional(),
      operation: operationId.optional(),
    }),
  ),
  /**
   * Saves what the user kept of a policy's proposal as a company of their own. The policy is read
   * again here (the proposal is never taken from the caller), so every fact cites its real words.
   */
  'catalog:savePolicy': method<CompanyView>()(
    z.strictObject({
      text: z.string().max(2_000_000, policyTooLong),
      format: z.enum(['text', 'markdown', 'html']),
      sourceUrl: z.url().optional(),
      choices: companyChoicesSchema,
      /** Fold what the policy says into this company of the catalog instead of adding one. */
      into: companyIdSchema.optional(),
      /** Add it as a company of its own even though one with its domain or address exists. */
      asNew: z.boolean().optional(),
      operation: operationId.optional(),
    }),
  ),
  /** The companies of the catalog that have one of these domains or e-mail addresses. */
  'catalog:matches': method<ReadonlyArray<CompanyMatch>>()(
    z.strictObject({
      domains: z.array(z.string().max(253)).max(100).default([]),
      emails: z.array(z.string().max(254)).max(100).default([]),
      excludeId: z.string().max(200).optional(),
    }),
  ),
  /** The open data sets the built-in catalog comes from, with their licences (About). */
  'catalog:sources': method<ReadonlyArray<PackInfo>>()(empty),

  /** Every built-in supervisory authority. */
  'authorities:list': method<ReadonlyArray<AuthoritySummary>>()(empty),
  /** Who a complaint goes to: for a request (its law and places), or for facts given directly. */
  'authorities:propose': method<AuthorityProposalsView>()(
    z.union([
      z.strictObject({ reference: referenceSchema, userRegion: regionCode.optional() }),
      z.strictObject({
        law: z.enum(laws),
        userCountry: countryCode.nullable().optional(),
        userRegion: regionCode.nullable().optional(),
        companyCountry: countryCode.nullable().optional(),
        companyRegion: regionCode.nullable().optional(),
        sector: z.enum(sectors).default('private'),
      }),
    ]),
  ),

  'profile:get': method<Profile | null>()(empty),
  'profile:save': method<Profile>()(profileSchema),

  'requests:list': method<ReadonlyArray<RequestListItem>>()(empty),
  'requests:get': method<RequestView>()(byReference),
  'requests:create': method<RequestView>()(
    z.strictObject({
      companyId: z.string().min(1).max(200),
      type: z.enum(requestTypes),
      law: z.enum(laws),
      lang: languageSchema,
      /** Use these details instead of the stored profile (the CLI's --profile). */
      profile: profileSchema.optional(),
      /** Account or customer numbers that identify the user to this company, one per line. */
      identifiers: z.string().max(2000).nullable().optional(),
      /** A custom request's own words. */
      text: z.string().max(20_000).nullable().optional(),
      /** How it will go out (the text fits it: a letter never says it was sent electronically). */
      channel: z.enum(channels).optional(),
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
      type: z.enum(followUpTypes),
      /** An extension contest: whether the company's notice gave reasons (the user's answer). */
      reasonsGiven: z.boolean().nullable().optional(),
      /** A built-in supervisory authority (authorities:list); fills name, e-mail and address. */
      authorityId: z.string().min(1).max(100).optional(),
      /**
       * The language to write in. A complaint to a built-in authority is written in the
       * authority's own language by default; otherwise, and for reminders, in the request's.
       */
      lang: languageSchema.optional(),
      authority: z
        .strictObject({
          name: z.string().trim().min(1, 'Name the authority.').max(300),
          email: emailAddressSchema.nullable().default(null),
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
  /** The completeness check of an access request's answer: the law's items, the ticks, Rightful's suggestions. */
  'requests:checkAnswer': method<AnswerCheckView>()(byReference),
  /** Ticks items of that check (arrived, missing, not applicable; null clears); a suggestion counts only when confirmed here. */
  'requests:tickAnswer': method<AnswerCheckView>()(
    z.strictObject({ reference: referenceSchema, ticks: z.array(answerTickInputSchema).min(1).max(50) }),
  ),

  /** What the law lets the company ask for to check the user's identity, beside what it asked and the catalog's demands. */
  'requests:identityAdvice': method<IdentityAdvice>()(byReference),
  /** Whether the company's latest extension claim holds: in time, with reasons, within the law's longest. */
  'requests:checkExtension': method<ExtensionAdvice>()(z.strictObject({ reference: referenceSchema, reasonsGiven: z.boolean().nullable().optional() })),
  /** After a confirmed bounce: the address that failed, whether the catalog marks it, the company's other channels. */
  'requests:bounceAdvice': method<BounceAdvice>()(byReference),
  /** Marks the address a confirmed bounce came back from as bounced, with the date, in the user's catalog. */
  'requests:markBounced': method<BounceAdvice>()(byReference),
  /** Opens a picked image (PNG or JPEG; a token from attachments:pick) for the redaction tool. */
  'evidence:open': method<EvidenceImage>()(z.strictObject({ token: z.string().min(1).max(100) })),
  /**
   * Writes a redacted, watermarked copy of a picked image for a request: black boxes (fractions
   * of the image, 0..1) and "Copy for <company>, <date>, <reference>" in the letter's language (or
   * `lang`), flattened into one PNG or one-page PDF; staged (its token goes to requests:addEvent
   * or mail:send), and saved where the user chooses with `save`.
   */
  'evidence:redact': method<RedactedCopy>()(
    z.strictObject({
      reference: referenceSchema,
      token: z.string().min(1).max(100),
      boxes: redactBoxesSchema,
      format: z.enum(redactFormats).default('png'),
      lang: languageSchema.optional(),
      save: z.boolean().default(false),
    }),
  ),
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
    z.strictObject({ lang: languageSchema, name: z.string().trim().min(1).max(80), text: z.string().min(1).max(100_000) }),
  ),
  'templates:deleteUser': method<{ id: string }>()(z.strictObject({ id: z.string().min(1).max(200) })),

  'settings:get': method<Settings>()(empty),
  'settings:update': method<Settings>()(settingsPatchSchema),

  'letters:savePdf': method<{ path: string | null }>()(byReference),
  /** The system's print dialog in the app; elsewhere the PDF is saved and `path` says where. */
  'letters:print': method<{ outcome: 'printed' | 'cancelled' | 'saved'; path: string | null }>()(byReference),
  /**
   * Opens the user's mail program with a mailto: link; a text too long for one on this system is
   * handed over as an .eml draft instead (saved, then shown in the file manager).
   */
  'mail:openInMailProgram': method<{ handoff: 'mailto' | 'eml'; url: string | null; path: string | null }>()(byReference),
  /**
   * Opens the compose page of a webmail service (Gmail, Outlook.com, Yahoo Mail) in the system's
   * browser, with the recipient, subject and text filled in. The link is built here from the
   * request. A text too long for the service's link is put on the clipboard instead
   * (`bodyCopied`), for the user to paste.
   */
  'mail:openWebmail': method<{ provider: WebmailProvider; url: string; bodyCopied: boolean }>()(
    z.strictObject({ reference: referenceSchema, provider: z.enum(webmailProviders) }),
  ),
  /** A draft .eml (X-Unsent: 1); for a request Rightful sent, the exact message that went out. */
  'mail:saveEml': method<{ path: string | null }>()(byReference),
  'mail:getSmtp': method<SmtpView>()(empty),
  /** `password`: a string sets it, null forgets it, left out keeps it. `smtp: null` removes the server. */
  'mail:saveSmtp': method<SmtpView>()(smtpSaveSchema),
  /** Connects and logs in with the saved settings; the server's reason as the error when it fails. */
  'mail:testSmtp': method<{ server: string; user: string | null }>()(empty),
  /**
   * Sends the request through the user's SMTP server. Resolves only when the server accepted it;
   * otherwise the error says why (SMTP_REJECTED, SMTP_AUTH_FAILED, SEND_UNCERTAIN …) and the
   * outbox keeps the message. After an uncertain attempt, `confirmResend: true` is required.
   */
  'mail:send': method<SendResult>()(
    z.strictObject({
      reference: referenceSchema,
      attachLetter: z.boolean().default(false),
      /** Tokens from attachments:pick. */
      attachments: z.array(z.string().min(1).max(100)).max(20).default([]),
      confirmResend: z.boolean().default(false),
    }),
  ),
  /** Sends the kept message again, byte for byte, with the same Message-ID. */
  'mail:retry': method<SendResult>()(z.strictObject({ reference: referenceSchema, confirmResend: z.boolean().default(false) })),
  /** One request's outbox entry, or every entry not yet recorded as sent. */
  'mail:outbox': method<ReadonlyArray<OutboxItem>>()(z.strictObject({ reference: referenceSchema.optional() })),
  /** Tries the copy to the IMAP Sent folder again. */
  'mail:copyToSent': method<OutboxItem>()(byReference),

  /**
   * Imports replies (.eml): `files` dropped on the window (base64), else the host's file picker
   * asks. Each is matched to a request and classified; `reference`: imported on that request's
   * page (proposed, to be confirmed, when nothing in the message names a request).
   */
  'replies:import': method<ReplyImportResult>()(
    z.strictObject({
      reference: referenceSchema.optional(),
      files: z
        .array(z.strictObject({ name: z.string().trim().min(1).max(255), base64: z.string().max(35_000_000, 'Rightful imports e-mails up to 25 MB.') }))
        .min(1)
        .max(50)
        .optional(),
      /** Take the suggested request and kind as confirmed (the CLI's --confirm). */
      confirm: z.boolean().default(false),
    }),
  ),
  /** Imported replies: of one request (also those proposed for it), or those still to be sorted (`pending`). */
  'replies:list': method<ReadonlyArray<ReplyView>>()(z.strictObject({ reference: referenceSchema.optional(), pending: z.boolean().default(false) })),
  /**
   * The user's word on a reply: the request it answers (for one not on a timeline yet) and/or what
   * it is; the event for that kind is added (and an earlier different choice's event removed).
   */
  'replies:confirm': method<{ reply: ReplyView; request: RequestView }>()(
    z.strictObject({
      replyId: z.string().regex(/^rp-[0-9a-f]{12}$/, 'Not a reply id.'),
      reference: referenceSchema.optional(),
      kind: z.enum(replyKinds).optional(),
      /** 'extension-claimed': the date the company named. */
      until: realDate.nullable().optional(),
    }),
  ),
  /** A reply that answers none of the requests: kept, but no longer listed as to be sorted. */
  'replies:dismiss': method<ReplyView>()(z.strictObject({ replyId: z.string().regex(/^rp-[0-9a-f]{12}$/, 'Not a reply id.') })),
  'replies:imapSettings': method<ImapView>()(empty),
  /** `password`: a string sets it, null forgets it, left out keeps it. `settings: null` turns the sync off. */
  'replies:saveImap': method<ImapView>()(imapSaveSchema),
  /**
   * Looks for replies in the IMAP inbox since the oldest open request was sent, downloading only
   * messages that could belong to a request, and imports those that do. `account` and `password`:
   * this server once, without saving it (the CLI's --imap).
   */
  'replies:sync': method<SyncResult>()(
    z.strictObject({
      account: imapAccountOnce.optional(),
      password: z.string().min(1).max(1000).optional(),
      operation: operationId.optional(),
    }),
  ),

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

  /**
   * Backs up everything of the user's (requests, replies, files, profile, settings without
   * passwords, catalog changes and imports, own templates) into one file the user chooses;
   * encrypted when a passphrase is given.
   */
  'backup:create': method<BackupCreated>()(
    z.strictObject({
      passphrase: newPassphraseSchema.nullable().optional(),
      operation: operationId.optional(),
    }),
  ),
  /** Asks the user for a backup file (the host's picker) and reads its header: encrypted or not. */
  'backup:choose': method<BackupChosen>()(empty),
  /** Reads and verifies the whole chosen backup, and says what it holds; changes nothing. */
  'backup:inspect': method<BackupPreview>()(z.strictObject({ token: backupToken, passphrase: givenPassphraseSchema.nullable().optional() })),
  /**
   * Restores the chosen backup atomically. A data folder that holds data is replaced only with
   * `replace` (the replaced data is kept in a before-restore-… folder); otherwise DATA_FOLDER_NOT_EMPTY.
   */
  'backup:restore': method<RestoreResult>()(
    z.strictObject({
      token: backupToken,
      passphrase: givenPassphraseSchema.nullable().optional(),
      replace: z.boolean().default(false),
      operation: operationId.optional(),
    }),
  ),

  /**
   * Stops a long operation started with this `operation` id (a policy read, a catalog import, a
   * backup, a restore, an IMAP sync): it ends with CANCELLED at its next checkpoint, with nothing
   * saved. `cancelled` is false when no such operation runs (it had already ended).
   */
  'operations:cancel': method<{ cancelled: boolean }>()(z.strictObject({ operation: operationId })),

  /**
   * Asks the user for a mailbox (an mbox or .eml file, or a folder of .eml files; `imap`: the
   * folder of the IMAP account saved for replies, fetched read-only), reads only the
   * From and Date headers of its messages, and lists the companies of the catalog that wrote,
   * with how many messages and the first and last day; unknown senders are only counted. Null
   * when the user cancelled the picker. `account` and `password` (with `imap`): this server once,
   * without saving it (the CLI's --imap). `folders` (with `imap`): 'all' reads every folder of
   * received mail (not sent mail, drafts, junk or trash; a server's \All folder alone where it has one).
   */
  'discover:scan': method<DiscoverResult | null>()(
    z.strictObject({
      kind: z.enum(['file', 'folder', 'imap']),
      account: imapAccountOnce.optional(),
      password: z.string().min(1).max(1000).optional(),
      folders: z.enum(['mailbox', 'all']).optional(),
      operation: operationId.optional(),
    }),
  ),

  /**
   * The named groups of companies a batch can go to (US data brokers, credit agencies …), with how
   * many each holds (in `country`: established there or serving it, when given).
   */
  'bulk:packs': method<ReadonlyArray<{ name: string; title: string; description: string; group: PackGroup; companies: number }>>()(
    z.strictObject({ country: countryCode.optional() }),
  ),
  /** The companies of one pack (in `country`, when given), in the catalog's order: for the pickers. */
  'bulk:packCompanies': method<ReadonlyArray<{ id: string; name: string }>>()(z.strictObject({ pack: z.string().min(1).max(100), country: countryCode.optional() })),
  /**
   * Writes a batch: one request of `type` per company (`companies`, or every company of `pack`),
   * each with the company's law (or `law`), language (or `lang`), contact and subject rule.
   * Companies without e-mail get a letter, web-form-only ones a checklist entry; nothing is sent.
   */
  'bulk:create': method<BatchView>()(
    z
      .strictObject({
        companies: batchCompaniesSchema.optional(),
        pack: z.string().min(1).max(100).optional(),
        /** With `pack`: only its companies established in or serving this country. */
        country: countryCode.optional(),
        type: z.enum(requestTypes),
        law: z.enum(laws).optional(),
        lang: languageSchema.optional(),
        /** E-mails per minute at most. */
        rate: z.number().int().min(1).max(maxRatePerMinute).optional(),
        profile: profileSchema.optional(),
        operation: operationId.optional(),
      })
      .refine((input) => (input.companies === undefined) !== (input.pack === undefined), 'Give either companies or a pack.')
      .refine((input) => input.country === undefined || input.pack !== undefined, { message: 'A country narrows a pack: give it with a pack.', path: ['country'] }),
  ),
  'bulk:list': method<ReadonlyArray<BatchSummary>>()(empty),
  /** A batch with each item as it stands now (from its request and outbox entry). */
  'bulk:get': method<BatchView>()(z.strictObject({ batch: batchIdSchema })),
  /** Leaves a company out of the batch (or takes it back in) while it has not been contacted. */
  'bulk:exclude': method<BatchView>()(z.strictObject({ batch: batchIdSchema, company: z.string().min(1).max(200), excluded: z.boolean() })),
  /**
   * Sends the batch's waiting e-mails one by one through the outbox, at most `rate` a minute;
   * resumes a paused or interrupted batch without sending anything twice. An e-mail whose last
   * attempt may have reached the server is sent again only when listed in `confirmResend`.
   */
  'bulk:send': method<BatchView>()(
    z.strictObject({
      batch: batchIdSchema,
      confirmResend: z.array(referenceSchema).max(maxBatchCompanies).default([]),
      retryFailed: z.boolean().default(false),
      rate: z.number().int().min(1).max(maxRatePerMinute).optional(),
      operation: operationId.optional(),
    }),
  ),
  /** Stops a running send after the e-mail in flight; bulk:send resumes. */
  'bulk:pause': method<BatchView>()(z.strictObject({ batch: batchIdSchema })),
  /** Sends nothing more of the batch; its written requests stay as drafts. */
  'bulk:cancel': method<BatchView>()(z.strictObject({ batch: batchIdSchema })),
  /** The batch's letters (companies without e-mail) as one PDF, one letter per company, saved through the host. */
  'bulk:letters': method<{ path: string | null; count: number }>()(z.strictObject({ batch: batchIdSchema })),
  /** Records the printed letters as posted on `on`. */
  'bulk:markLettersSent': method<BatchView>()(z.strictObject({ batch: batchIdSchema, on: realDate })),
  /** Ticks off a web form with the day it was filled in and an optional evidence file (a token from attachments:pick). */
  'bulk:webformDone': method<BatchView>()(
    z.strictObject({ batch: batchIdSchema, company: z.string().min(1).max(200), on: realDate, evidence: z.string().min(1).max(100).nullable().optional() }),
  ),

  /** Dashboard: writes a reminder (a draft) for each overdue request of these; the others are listed with the reason. */
  'bulk:remind': method<RemindResult>()(z.strictObject({ references: selectedReferences, operation: operationId.optional() })),
  /** Dashboard: these requests as one CSV file, saved through the host. */
  'bulk:exportCsv': method<{ path: string | null; rows: number }>()(z.strictObject({ references: selectedReferences })),
  /** Dashboard: records these letters (drafts that go by post) as posted on `on`; the others are listed with the reason. */
  'bulk:markPosted': method<MarkPostedResult>()(z.strictObject({ references: selectedReferences, on: realDate })),
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
