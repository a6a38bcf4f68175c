/** The store's slices and their combined state. */
import type { StateCreator } from 'zustand'
import type { ApiInput, AppStatus, BounceAdvice, CompanyHit, EvidenceImage, ExtensionAdvice, IdentityAdvice, RedactedCopy, RequestListItem, RequestView } from '@core/api/contract'
import type { PlainDate } from '@core/shared/calendar'
import type { WebmailProvider } from '@core/settings/webmail'
import type { CompanyEdit, CompanyMatch, CompanyView } from '@core/catalog/schema'
import type { Profile } from '@core/profile/profile'
import type { UserEventKind } from '@core/requests/events'
import type { Settings, SettingsPatch } from '@core/settings/settings'
import type { StagedFile } from '@core/requests/view'
import type { AnswerCheckView, AnswerState } from '@core/requests/answer-check'
import type { FollowUpType } from '@core/shared/kinds'
import type { Route } from './routes'
import type { Result } from '@core/shared/result'
import type { CatalogImportResult } from '@core/api/contract'
import type { PackInfo } from '@core/catalog/packs'
import type { FormOutcome } from '../ui/field-errors'
import type { RepliesSlice } from './replies-slice'
import type { MailSlice } from './mail-slice'
import type { BackupSlice } from './backup-slice'
import type { OperationsSlice } from './operations-slice'
import type { PolicyImportSlice } from './policy-import-slice'
import type { BulkSlice } from './bulk-slice'
import type { TemplatesSlice } from './templates-slice'
import type { AuthoritiesSlice } from './authorities-slice'

export type Toast = { readonly id: number; readonly kind: 'success' | 'error'; readonly text: string }

export type AppSlice = {
  status: AppStatus | null
  /**
   * Today on this computer, as the core counts it. It moves on while the window is open (at local
   * midnight, and when the window comes back into view), and what derives from it is fetched anew.
   */
  today: PlainDate | null
  route: Route
  history: Route[]
  toasts: Toast[]
  loadStatus(): Promise<void>
  /** Asks the core for today; when the day has changed, the requests' status and days left are fetched anew. */
  tickToday(): Promise<void>
  /** Fetches the notices again (after a call that may have set something aside); nothing else changes. */
  refreshNotices(): Promise<void>
  /**
   * Fetches again what is on screen (when the window comes back into focus): another process on
   * the same data folder, the `rightful` command, may have changed it. Only what differs is set.
   */
  refreshChanged(): Promise<void>
  dismissNotice(id: string): Promise<void>
  navigate(route: Route): void
  back(): void
  toast(kind: Toast['kind'], text: string): void
  dropToast(id: number): void
}

export type CatalogSlice = {
  query: string
  hits: ReadonlyArray<CompanyHit>
  /** Loaded companies by id (a Map: ids come from names people type). */
  companies: ReadonlyMap<string, CompanyView>
  search(query: string): Promise<void>
  loadCompany(id: string): Promise<CompanyView | null>
  addContact(input: { companyId: string; email?: string; postal?: { recipient: string; lines: string[]; country: string } }): Promise<boolean>
  /**
   * Saves an added or changed company; resolves to it, or to the field errors (by the paths the
   * form shows, `fieldPaths`) and a toast for anything else.
   */
  saveCompany(input: CompanyEdit, fieldPaths?: ReadonlyArray<string>): Promise<{ company: CompanyView } | (FormOutcome & { ok: false; company: null })>
  /** The companies of the catalog with one of these domains or addresses (empty after an error toast). */
  findCompanyMatches(candidate: { domains: ReadonlyArray<string>; emails: ReadonlyArray<string>; excludeId?: string }): Promise<ReadonlyArray<CompanyMatch>>
  removeCompany(id: string): Promise<boolean>
  restoreCompany(id: string): Promise<boolean>
  resetCompany(id: string): Promise<boolean>
  /** Asks for a file or folder and imports what is valid in it (an operation with Cancel); the core's answer as it is. */
  importCompanies(format: 'datarequests' | 'rightful', kind: 'file' | 'folder'): Promise<Result<CatalogImportResult>>
  /** The companies the user deleted, to restore (empty after an error). */
  deletedCompanies(): Promise<ReadonlyArray<{ readonly id: string; readonly name: string; readonly deletedOn: string }>>
  /** Saves the user's companies as a file (the host asks where); null after an error toast. */
  exportCompanies(): Promise<{ readonly path: string | null; readonly companies: number } | null>
  /** The open data sets the built-in catalog comes from, or why they could not be read (in words). */
  catalogSources(): Promise<ReadonlyArray<PackInfo> | { readonly error: string }>
}

export type ProfileSlice = {
  profile: Profile | null
  profileLoaded: boolean
  loadProfile(): Promise<void>
  /** Saves the user's details; field errors come back for the form to place (`quiet`: no success toast). */
  saveProfile(profile: Profile, options?: { quiet?: boolean }): Promise<FormOutcome>
}

export type NewEvent = {
  kind: UserEventKind
  on: string
  note: string | null
  until: string | null
  trackingNumber: string | null
  attachments: ReadonlyArray<string>
}

export type Authority = {
  name: string
  email: string | null
  postal: { recipient: string; lines: string[]; country: string } | null
}

export type RequestsSlice = {
  requests: ReadonlyArray<RequestListItem> | null
  /** Loaded requests by reference. */
  views: ReadonlyMap<string, RequestView>
  /**
   * Fetches the list. `reuse`: a page that only wants the list shown joins a fetch already under
   * way instead of starting another (at start, the window and the dashboard both ask); after a
   * change, callers leave it out, so the list fetched is the one after the change.
   */
  loadRequests(options?: { reuse?: boolean }): Promise<void>
  loadRequest(reference: string): Promise<void>
  createRequest(input: { companyId: string; type: string; law: string; lang: string; identifiers?: string | null; text?: string | null; channel?: 'email' | 'post' }): Promise<string | null>
  /**
   * A complaint goes to `authority` as typed, or to the built-in authority `authorityId`; in `lang`
   * when given, else in the authority's language (the request's for one typed in).
   */
  createFollowUp(reference: string, type: FollowUpType, authority?: Authority, authorityId?: string, lang?: string): Promise<string | null>
  /** The completeness checks of access answers loaded, by the request's reference. */
  answerChecks: ReadonlyMap<string, AnswerCheckView>
  loadAnswerCheck(reference: string): Promise<void>
  /** Ticks items of a check; `confirmsSuggestion` takes Rightful's suggestion as the user's own. */
  tickAnswer(reference: string, ticks: ReadonlyArray<{ id: string; state: AnswerState | null; confirmsSuggestion?: boolean }>): Promise<boolean>
  saveDraft(reference: string, subject: string, body: string): Promise<boolean>
  markSent(reference: string, input: { on: string; at: string | null; channel: 'email' | 'post'; trackingNumber: string | null }): Promise<boolean>
  addEvent(reference: string, event: NewEvent): Promise<boolean>
  correctEvent(reference: string, eventId: string, input: { on: string; note: string | null; until: string | null }): Promise<boolean>
  removeEvent(reference: string, eventId: string): Promise<boolean>
  pickAttachments(): Promise<ReadonlyArray<StagedFile>>
  revealAttachment(reference: string, attachmentId: string): Promise<void>
  discard(reference: string): Promise<void>
  savePdf(reference: string): Promise<void>
  printLetter(reference: string): Promise<void>
  openInMailProgram(reference: string): Promise<void>
  /** Opens the webmail service's compose page in the browser (the core builds the link). */
  openWebmail(reference: string, provider: WebmailProvider): Promise<void>
  saveEml(reference: string): Promise<void>
  exportCalendar(): Promise<void>
}

export type SettingsSlice = {
  settings: Settings | null
  templates: ReadonlyArray<{ type: string; lang: string; laws: ReadonlyArray<string>; title: string }>
  loadSettings(): Promise<void>
  updateSettings(patch: SettingsPatch): Promise<boolean>
  loadTemplates(): Promise<void>
}

/** Chasing the gaps of a sent request: identity demands, extension claims, bounces, redacted copies. */
export type FollowUpsSlice = {
  identityAdvice: ReadonlyMap<string, IdentityAdvice>
  extensionChecks: ReadonlyMap<string, ExtensionAdvice>
  bounceAdvice: ReadonlyMap<string, BounceAdvice>
  loadIdentityAdvice(reference: string): Promise<void>
  /** `reasonsGiven`: the user's answer whether the company's notice gave reasons (null: not said). */
  checkExtension(reference: string, reasonsGiven: boolean | null): Promise<void>
  loadBounceAdvice(reference: string): Promise<void>
  markBounced(reference: string): Promise<void>
  /** Writes the pushback or the contest as a draft; its reference, or null after a toast. */
  writeFollowUp(reference: string, type: 'identity-pushback' | 'extension-contest', reasonsGiven?: boolean | null): Promise<string | null>
  openEvidence(token: string): Promise<EvidenceImage | null>
  redactEvidence(input: ApiInput<'evidence:redact'>): Promise<RedactedCopy | null>
}

export type State = AppSlice & CatalogSlice & ProfileSlice & RequestsSlice & SettingsSlice & MailSlice & RepliesSlice & BackupSlice & OperationsSlice & PolicyImportSlice & BulkSlice & TemplatesSlice & AuthoritiesSlice & FollowUpsSlice

export type Slice<T> = StateCreator<State, [], [], T>
