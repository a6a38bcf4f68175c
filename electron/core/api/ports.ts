/**
 * The host's ports as createApi receives them: every port of shared/ports.ts, and the compute port,
 * whose work (reading a policy) belongs to a domain and so is typed here, above the domains.
 */
import type { PolicyReader } from '../catalog/catalog-operations'
import type { BuiltinAuthoritySource, BuiltinCatalogSource, Clock, DocumentStores, ExternalOpener, FilePicker, FileSink, FontSource, PolicyFetcher, Printer, SecretStore, TemplateSource } from '../shared/ports'
import type { NoticeBoard } from '../shared/notices'
import type { OperationHold, ProgressSink } from '../shared/operation'

export type * from '../shared/ports'

/**
 * Runs pure, long work off the core's own thread, so that the core answers other calls meanwhile
 * and a cancel stops the work at once. The core hands over the input and awaits `between` at
 * each step as it would itself (progress, holds, CANCELLED). Absent: the core does the work on
 * its own thread, step by step.
 */
export type ComputePort = {
  /** Reads a policy as extractPolicy does, within `budgetMs`; rejects with the same CoreErrors, or CANCELLED. */
  readonly readPolicy: PolicyReader
}

export type Ports = {
  readonly appVersion: string
  /** The system's preferred languages, best first (BCP 47 tags; empty: unknown): the window's default UI language. */
  readonly systemLanguages?: ReadonlyArray<string>
  /** The data folder: requests/ lives here. */
  readonly dataDir: string
  readonly clock: Clock
  readonly stores: DocumentStores
  readonly templates: TemplateSource
  readonly fonts: FontSource
  readonly catalog: BuiltinCatalogSource
  /** assets/authorities: read when first needed, so a host without it still starts. */
  readonly authorities: BuiltinAuthoritySource
  readonly files: FileSink
  readonly picker: FilePicker
  readonly printer: Printer
  readonly external: ExternalOpener
  /** Where the SMTP password is kept. */
  readonly secrets: SecretStore
  /** Shared with the host's adapters, which report files they had to move aside. */
  readonly notices: NoticeBoard
  /** Hears how far long operations are (the app pushes it to the window; absent: nobody listens). */
  readonly progress?: ProgressSink
  /** Holds long operations at their checkpoints (the browser harness, for tests); absent in the apps. */
  readonly hold?: OperationHold
  /** Where pure, long work runs off the core's thread (the core process); absent: on it. */
  readonly compute?: ComputePort
  /** Fetches a policy's web address when the person asks (absent: Rightful has no network here). */
  readonly web?: PolicyFetcher
}
