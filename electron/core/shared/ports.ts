import type { Message } from './message'
import type { BadEntry } from './own-keys'

/**
 * What the core needs from its host. The desktop app, the CLI and the browser harness each hand in
 * their own implementations; tests hand in temp-dir ones. Nothing here may import `electron`.
 */

/** The current time; injected so that deadlines and timelines are testable. */
export type Clock = {
  now(): Date
}

/**
 * One JSON document per concern (profile, settings, catalog edits), as electron-store and conf
 * keep them. `read` returns the whole parsed document ({} when there is none yet).
 */
export type DocumentStore = {
  readonly path: string
  read(): Record<string, unknown>
  /** Replaces the whole document (under the data folder's lock). */
  write(document: Record<string, unknown>): void
  /**
   * A read-modify-write that loses nothing another process changed: under the data folder's lock
   * (storage/folder-lock.ts) the document is read afresh, `change` returns the new one (null: no
   * change) and what the caller gets, and the new one is written atomically.
   */
  update<T>(change: (document: Record<string, unknown>) => { readonly document: Record<string, unknown> | null; readonly result: T }): T
  /** Runs `step` (synchronous) holding the data folder's lock: several stores changed as one step. */
  locked<T>(step: () => T): T
  /**
   * Moves the file aside (never deletes it) when its content is unusable, and starts empty.
   * Returns where the file went, or null when the file is no longer the one this store last read
   * (another process moved it aside or wrote it anew meanwhile): then nothing was moved.
   */
  moveAside(): string | null
  /**
   * Keeps entries that could not be used (one bad record of a list) beside the store with their
   * reasons, never deleting them, and returns where they went; the caller then writes the store
   * without them.
   */
  setAside(what: string, entries: ReadonlyArray<BadEntry>): string
}

export type DocumentStoreName = 'profile' | 'settings' | 'catalog-edits' | 'notifications' | 'mail'

export type DocumentStores = {
  open(name: DocumentStoreName): DocumentStore
}

/** A template file as found under templates/<lang>/<name>.md. */
export type TemplateFile = { readonly path: string; readonly lang: string; readonly name: string; readonly text: string }

export type TemplateSource = {
  /**
   * The template files; with `lang`, a host may give only that language's (the core keeps those of
   * the language it asked for), so that an English letter does not read every language's files.
   */
  list(lang?: string): ReadonlyArray<TemplateFile>
  /** Each language's strings.yaml; with `lang`, a host may give only that language's. */
  strings(lang?: string): ReadonlyArray<{ readonly path: string; readonly lang: string; readonly text: string }>
  /**
   * The built-in templates compiled ahead of time (templates/compiled.json, written by the build:
   * core/templates/compiled.ts), as JSON gave it and not yet checked; null when there is none or
   * it cannot be read. Only a shortcut: each entry is used only for a file whose text it was
   * compiled from, the rest is parsed from its YAML as without it.
   */
  compiled?(): unknown
}

/**
 * The typefaces letters are set in: Noto Sans ('regular', 'bold') for Latin, Greek and Cyrillic,
 * Noto Sans SC ('cjk-regular', 'cjk-bold') for Chinese, which also covers most Latin text, and
 * Noto Sans JP ('ja-regular', 'ja-bold') for Japanese, whose kanji take their Japanese forms.
 */
export type FontFaceName = 'regular' | 'bold' | 'cjk-regular' | 'cjk-bold' | 'ja-regular' | 'ja-bold'

export type FontSource = {
  /**
   * The TrueType font file of a face, read once and kept. Throws when the file is not there; the
   * CJK faces are only asked for when a letter needs them.
   */
  load(face: FontFaceName): Uint8Array
  /**
   * The words of a language's templates laid out ahead of time in Noto Sans (assets/fonts/runs/
   * <lang>.json, written by the build: core/letters/run-table.ts), as JSON gave it and not yet
   * checked; null when there is none or it cannot be read. Only a shortcut: a run is used only for
   * the font file it was laid out in, and anything else is laid out as without it.
   */
  runs?(lang: string): unknown
}

/**
 * The built-in catalog: the seed companies as parsed JSON documents, one per company (validated by
 * the core), and the packs generated from open data sets (assets/catalog/packs/*.json.gz, read
 * by the core); a host without packs has the seed companies only.
 */
export type BuiltinCatalogSource = {
  load(): ReadonlyArray<{ readonly file: string; readonly data: unknown }>
  packs?(): ReadonlyArray<{ readonly file: string; readonly bytes: Uint8Array }>
  /**
   * The compact form (assets/catalog/builtin.compact), when there is one: used when made from these
   * seed files and packs. Bytes, or a reader of its parts (compact.ts CompactReader) so that the
   * whole file is never held at once.
   */
  compact?(): Uint8Array | { readonly size: number; read(offset: number, length: number): Uint8Array } | null
  /** compact.ts `digestOf` the seed files and packs, reading the packs in chunks (not held whole). */
  inputDigest?(): string
}

/** The built-in supervisory authorities: parsed JSON files of records (validated by the core). */
export type BuiltinAuthoritySource = {
  load(): ReadonlyArray<{ readonly file: string; readonly data: unknown }>
}

export type SaveKind = 'pdf' | 'eml' | 'ics' | 'json' | 'backup' | 'csv' | 'png'

/**
 * Where the user's outputs go: a save dialog in the app, a given path in the CLI, a folder in the
 * harness. Resolves to the written path, or null when the user cancelled.
 */
export type FileSink = {
  save(request: { suggestedName: string; kind: SaveKind; bytes: Uint8Array }): Promise<string | null>
  /**
   * Asks where a file the core writes itself should go (a backup, streamed, too large to hand
   * over as bytes); writes nothing. Resolves to the chosen path, or null when the user cancelled.
   */
  choosePath(request: { suggestedName: string; kind: SaveKind }): Promise<string | null>
}

/**
 * Prints a PDF through the system's print dialog (the app). Hosts without printing save the file
 * instead and say where. Resolves to what happened.
 */
export type Printer = {
  print(document: { title: string; suggestedName: string; bytes: Uint8Array }): Promise<{ outcome: 'printed' | 'cancelled' } | { outcome: 'saved'; path: string | null }>
}

/** Lets the user choose files to keep with a request (an open dialog in the app). */
export type FilePicker = {
  /**
   * Absolute paths of the chosen files; empty when the user cancelled. `attachments`: any file to
   * keep with a request; `replies`: e-mails received from a company (.eml first).
   */
  pickFiles(purpose: 'attachments' | 'replies'): Promise<ReadonlyArray<string>>
  /** A file or a folder of records to import into the catalog; null when the user cancelled. */
  pickImport(kind: 'file' | 'folder'): Promise<string | null>
  /** A backup file to restore; null when the user cancelled. */
  pickBackup(): Promise<string | null>
  /** A mailbox to look through for companies: an mbox or .eml file, or a folder of .eml files; null when cancelled. */
  pickMailbox(kind: 'file' | 'folder'): Promise<string | null>
}

/** Hands a URL to the operating system (the user's mail program for mailto:). */
export type ExternalOpener = {
  open(url: string): Promise<void>
  /**
   * Opens a webmail service's compose page (mail/webmail.ts) in the system's browser. The host
   * opens only those exact https hosts and paths, and refuses anything else (throws).
   */
  openWebmail(url: string): Promise<void>
  /** Puts text on the system clipboard (a text too long for a compose link); throws where there is none. */
  copyText(text: string): Promise<void>
  /** Shows a file in the system's file manager (never opens it: it may come from anyone). */
  reveal(path: string): Promise<void>
  /** Opens a folder (only a folder) in the system's file manager: the data folder. */
  openFolder(path: string): Promise<void>
  /** The longest URL the system hands over intact (Windows cuts mailto: URLs near 2,000). */
  readonly maxUrlLength: number
}

/**
 * How a secret is protected where it is kept:
 * - 'system': encrypted with a key the operating system keeps for this user (macOS Keychain,
 *   Windows DPAPI, a Linux keyring through the Secret Service);
 * - 'fixed-key': encrypted with a key built into Electron itself, the same in every copy (Linux
 *   without a keyring: Chromium's "v10" key, derived from the word "peanuts"). That hides the
 *   text from a glance, nothing more: anyone who can read the file can decrypt it;
 * - 'unavailable': the system cannot encrypt right now (a locked keyring), so nothing is kept;
 * - 'memory': never written anywhere; kept until the program ends (the CLI, the harness).
 */
export type SecretProtection = 'system' | 'fixed-key' | 'unavailable' | 'memory'

/**
 * Secrets such as the SMTP password: never stored in plain text. The app encrypts them with
 * Electron's safeStorage; the CLI keeps them for one run only (environment or prompt).
 */
export type SecretStore = {
  /** The secret, or null when none is known. */
  get(name: string): Promise<string | null>
  /** Keeps a secret; throws when this host cannot keep it safely. */
  set(name: string, value: string): Promise<void>
  delete(name: string): Promise<void>
  /** How a secret kept now would be protected (see SecretProtection). Never rejects. */
  protection(): Promise<SecretProtection>
  /** Whether a secret that was set outlives this process (false: the CLI asks every time). */
  readonly persistent: boolean
}


/** What a web server answered for a policy's address (after redirects), as bytes. */
export type FetchedPage = {
  /** The address the bytes came from, after redirects. */
  readonly finalUrl: string
  /** Every address asked, in order: the one given, then each redirect's target. */
  readonly chain: ReadonlyArray<string>
  readonly status: number
  /** The Content-Type header as sent, or null. */
  readonly contentType: string | null
  readonly bytes: Uint8Array
}

/**
 * Why a fetch did not give a page: the adapter's own words for the core to pass on, and the same
 * words as a message of the core's resources (`detail`) where the adapter has one.
 */
export type FetchFailure =
  | { readonly kind: 'refused'; readonly message: string; readonly detail?: Message }
  | { readonly kind: 'too-large'; readonly message: string; readonly detail?: Message }
  | { readonly kind: 'failed'; readonly message: string; readonly detail?: Message }

/**
 * Fetches a privacy policy from the web: the only network use besides mail, and only when the
 * person asks for it. The adapter verifies TLS, sends no cookies, follows at most `maxRedirects`
 * redirects (to http or https only), stops after `timeoutMs` or `maxBytes`, and honours `signal`.
 */
export type PolicyFetcher = {
  fetchPage(url: string, limits: { readonly maxBytes: number; readonly timeoutMs: number; readonly maxRedirects: number; readonly signal: AbortSignal }): Promise<{ readonly ok: true; readonly page: FetchedPage } | { readonly ok: false; readonly failure: FetchFailure }>
}
