/**
 * Replies: an .eml (a file the user chose or dropped, or a message from IMAP) is checked and
 * parsed, matched to a request, classified, and kept. A reply matched by its headers or by the
 * reference becomes a 'reply-received' event on the request's timeline, with the .eml and its
 * files stored (SHA-256 each). A reply matched only by the sender's domain, or not at all, waits
 * in <data>/replies/inbox/ until the user says which request it answers. What the reply is
 * (acknowledgement, refusal …) is a suggestion: only the user's confirmation adds the event that
 * moves the deadline. The same message imported twice is recognised (Message-ID, else SHA-256).
 */
import type { Catalog } from '../catalog/catalog'
import type { PlainDate } from '../shared/calendar'
import type { NoticeBoard } from '../shared/notices'
import type { AttachmentStage } from '../requests/attachments'
import type { RequestService } from '../requests/service'
import type { RequestView } from '../requests/view'
import { folderLock } from '../storage/folder-lock'
import type { MatchInput } from './match'
import type { ReplyImportOutcome, ReplyKind, ReplyView } from './model'
import { openReplyStore } from './store'
import { createReplyMatching } from './reply-matching'
import { createReplyKeeping } from './reply-keeping'
import { replyImport } from './reply-import'
import { replyAssignment } from './reply-assignment'

export type ReplyService = {
  /**
   * Imports one message. `hint`: the request page it was imported on. `onlyIfMatched`: keep it
   * only when some request fits (IMAP). `confirm`: take the suggestion as confirmed (CLI --confirm).
   * Resolves to null only when `onlyIfMatched` and nothing fits.
   */
  importBytes(
    bytes: Uint8Array,
    options: { source: string; origin: 'file' | 'imap'; hint?: string | null; onlyIfMatched?: boolean; confirm?: boolean },
  ): Promise<ReplyImportOutcome | null>
  /** Reads a file from disk (checking its size first) and imports it. */
  importFile(file: string, options: { hint?: string | null; confirm?: boolean }): Promise<ReplyImportOutcome>
  /**
   * Confirms a reply: which request it answers (when it is not on one yet) and/or what it is. The
   * kind's event is added; a different earlier choice is undone (its event removed, kept as removed).
   */
  confirm(input: { replyId: string; reference?: string; kind?: ReplyKind; until?: PlainDate | null }): Promise<{ reply: ReplyView; request: RequestView }>
  /** Marks a reply that answers no request; the message stays kept. */
  dismiss(replyId: string): ReplyView
  list(filter: { reference?: string; pending?: boolean }): ReadonlyArray<ReplyView>
  /** Whether a message with these headers could belong to a request (IMAP: before downloading it). */
  isCandidate(headers: Pick<MatchInput, 'inReplyTo' | 'references' | 'subject' | 'from'>): boolean
  /**
   * What to look for in the bodies of messages whose headers tie them to nothing: the reference
   * prefixes of the sent requests ("RF-2026-"). A ticket system's reply often keeps the reference
   * only in the quoted text; the server searches for it, so nothing else is downloaded.
   */
  bodySearchTerms(): ReadonlyArray<string>
  /** Whether a message with this Message-ID was imported before. */
  knows(messageId: string | null): boolean
  /** The sending date of the oldest request still waiting for an answer, or null. */
  oldestOpenSentOn(): PlainDate | null
  /** Runs many imports and checks (a sync) reading the list of requests only when it changed. */
  batch<T>(run: () => Promise<T>): Promise<T>
}

/** What the reply service is opened on. */
export type ReplyServiceDeps = {
  dataDir: string
  requests: RequestService
  catalog: Catalog
  attachments: AttachmentStage
  notices: NoticeBoard
  now: () => Date
}

/**
 * The reply service: a thin composition of its parts, each with one job: matching
 * (reply-matching.ts), keeping on a timeline or in the inbox (reply-keeping.ts), importing
 * (reply-import.ts) and the user's assignment (reply-assignment.ts). The IMAP sync is imap-service.ts.
 */
export function createReplyService(deps: ReplyServiceDeps): ReplyService {
  const store = openReplyStore({ dataDir: deps.dataDir, notices: deps.notices, now: deps.now })
  /**
   * The data folder's lock. Importing, confirming, dismissing and completing a stopped import
   * each run as one step under it (after the message was parsed, which takes time): two
   * processes importing the same message keep it once, and none completes another's import
   * that is still running.
   */
  const lock = folderLock(deps.dataDir)
  const matching = createReplyMatching(deps)
  const keeping = createReplyKeeping(deps, { store, lock, matching })
  const assignment = replyAssignment(deps, { store, lock, matching, keeping })
  return {
    ...replyImport(deps, { store, lock, matching, keeping }, assignment.confirm),
    ...assignment,
    ...matching.methods,
  }
}
