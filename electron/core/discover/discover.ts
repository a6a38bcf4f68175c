/**
 * Discovery: which companies of the catalog have written to the user, read from a mailbox on this
 * computer (an mbox file, one .eml file, or a folder of .eml files). Only the From and Date
 * headers are read (header-scan.ts), the files are streamed in chunks (memory stays bounded, a
 * 1 GB mbox included), and only senders whose domain the catalog knows are reported
 * (sender-match.ts): an unknown sender is counted, never named, never turned into a company.
 */
import fs from 'node:fs'
import path from 'node:path'
import { CoreError } from '../shared/result'
import type { Operation } from '../shared/operation'
import { createHeaderScanner, dayOf, senderDomain, type MessageHeaders } from './header-scan'
import { createSenderMatcher, type SenderMatcher } from './sender-match'
import type { ImapAccount } from '../replies/imap-sync'
import { scanImapSenders, type ImapScope } from './imap-senders'
import { coreError, reasonOf } from '../messages/errors'
import { message, type Message } from '../shared/message'

/** A company found in the mailbox, with how many messages came from it and when. */
export type DiscoveredCompany = {
  /** The catalog id. */
  readonly company: string
  readonly name: string
  /** The catalog's domain the senders matched (spotify.com for mail.spotify.com). */
  readonly domain: string
  /** The sender domains seen for it (at most 10), e.g. mail.spotify.com. */
  readonly senderDomains: ReadonlyArray<string>
  readonly messages: number
  /** The days (YYYY-MM-DD) of the first and last message with a readable date; null when none had one. */
  readonly first: string | null
  readonly last: string | null
}

export type DiscoverResult = {
  readonly source: string
  readonly kind: 'mbox' | 'eml' | 'folder' | 'imap'
  readonly bytes: number
  /** Messages read in all. */
  readonly messages: number
  /** From a company of the catalog. */
  readonly matched: number
  /** From a freemail address (people): skipped. */
  readonly freemail: number
  /** From a domain the catalog does not know: counted only. */
  readonly unknown: number
  /** Without a readable From address. */
  readonly unreadable: number
  /** .eml files of a folder that could not be read (permissions, vanished). */
  readonly skippedFiles: number
  /** IMAP: the folders read, in order (one: the account's mailbox, unless all folders were asked for). */
  readonly folders: ReadonlyArray<string>
  /** IMAP, all folders: folders beyond the cap of one scan, not read. */
  readonly foldersLeftOut: number
  /** Most messages first. */
  readonly companies: ReadonlyArray<DiscoveredCompany>
}

/** A folder is searched this deep for .eml files. */
const maxFolderDepth = 6
/** A folder with more .eml files than this is refused (pick a smaller one). */
const maxFolderFiles = 500_000
/** Of an .eml file only the header block is read, and at most this much of it. */
const maxEmlHeaderBytes = 1024 * 1024
const chunkBytes = 256 * 1024

type Tally = { company: string; name: string; domain: string; senderDomains: Set<string>; messages: number; first: string | null; last: string | null }

function createTally(matcher: SenderMatcher) {
  const companies = new Map<string, Tally>()
  const counts = { messages: 0, matched: 0, freemail: 0, unknown: 0, unreadable: 0 }
  return {
    counts,
    add(headers: MessageHeaders) {
      counts.messages += 1
      const domain = headers.from ? senderDomain(headers.from) : null
      if (!domain) {
        counts.unreadable += 1
        return
      }
      const found = matcher.match(domain)
      if (found === null) {
        counts.unknown += 1
        return
      }
      if (found === 'freemail') {
        counts.freemail += 1
        return
      }
      counts.matched += 1
      let tally = companies.get(found.id)
      if (!tally) {
        tally = { company: found.id, name: found.name, domain: found.domain, senderDomains: new Set(), messages: 0, first: null, last: null }
        companies.set(found.id, tally)
      }
      tally.messages += 1
      if (tally.senderDomains.size < 10) tally.senderDomains.add(domain)
      const day = dayOf(headers.date) ?? dayOf(headers.envelopeDate)
      if (day) {
        if (tally.first === null || day < tally.first) tally.first = day
        if (tally.last === null || day > tally.last) tally.last = day
      }
    },
    companies(): DiscoveredCompany[] {
      return [...companies.values()]
        .map((t) => ({ company: t.company, name: t.name, domain: t.domain, senderDomains: [...t.senderDomains].sort(), messages: t.messages, first: t.first, last: t.last }))
        .sort((a, b) => b.messages - a.messages || a.name.localeCompare(b.name) || a.company.localeCompare(b.company))
    },
  }
}

/** Every .eml file under `root` (sorted, depth and count bounded). */
function emlFiles(root: string): string[] {
  const found: string[] = []
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true })
    } catch (error) {
      if (depth === 0) throw coreError('NOT_FOUND', 'error.file.folderCannotRead', { folder: dir, reason: reasonOf(error) })
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (depth < maxFolderDepth) walk(full, depth + 1)
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.eml')) {
        found.push(full)
        if (found.length > maxFolderFiles) {
          throw coreError('INPUT_TOO_LARGE', 'error.discover.tooManyFiles', { max: maxFolderFiles.toLocaleString('en') })
        }
      }
    }
  }
  walk(root, 0)
  return found
}

/** Reads a file chunk by chunk, handing each to `take`; stops early when `take` says so. */
async function streamFile(file: string, take: (chunk: Buffer) => boolean, limit = Number.POSITIVE_INFINITY): Promise<number> {
  const stream = fs.createReadStream(file, { highWaterMark: chunkBytes, ...(Number.isFinite(limit) ? { end: limit - 1 } : {}) })
  let bytes = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length
      if (!take(chunk)) break
    }
  } finally {
    stream.destroy()
  }
  return bytes
}

/** What a scan found, as a message: "Found 3 companies in 1,204 messages". */
function foundMessage(companies: number, messages: number): Message {
  return message('progress.found', { count: companies, messages: message('progress.messages', { count: messages }) })
}

function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(0)} MB`
  return `${Math.ceil(bytes / 1024)} KB`
}

/**
 * Scans `source` (an mbox file, an .eml file, or a folder of .eml files) for senders the catalog
 * knows. Reports progress on `operation` and stops with CANCELLED when it is cancelled; it
 * writes nothing, so a stop leaves nothing behind.
 */
export async function discoverSenders(options: {
  source: string
  companies: Iterable<{ readonly id: string; readonly name: string; readonly domains: ReadonlyArray<string> }>
  operation: Operation
}): Promise<DiscoverResult> {
  const source = path.resolve(options.source)
  let stat: fs.Stats
  try {
    stat = fs.statSync(source)
  } catch (error) {
    throw coreError('NOT_FOUND', 'error.discover.noMailbox', { source, reason: reasonOf(error) })
  }
  const { operation } = options
  const tally = createTally(createSenderMatcher(options.companies))
  let bytes = 0
  let skippedFiles = 0
  let kind: DiscoverResult['kind']

  if (stat.isDirectory()) {
    kind = 'folder'
    await operation.checkpoint({ stage: 'listing', done: 0, total: null, message: 'Looking for .eml files', detail: message('progress.listingEml'), cancellable: true })
    const files = emlFiles(source)
    for (let i = 0; i < files.length; i += 1) {
      await operation.checkpoint({ stage: 'reading', done: i, total: files.length, message: `Reading message ${(i + 1).toLocaleString('en')} of ${files.length.toLocaleString('en')}`, detail: message('progress.readingMessage', { done: i + 1, total: files.length }), cancellable: true })
      const scanner = createHeaderScanner('eml', (headers) => tally.add(headers))
      try {
        bytes += await streamFile(files[i]!, (chunk) => (scanner.push(chunk), !scanner.done), maxEmlHeaderBytes)
        scanner.end()
      } catch {
        skippedFiles += 1
      }
    }
  } else if (stat.isFile()) {
    const eml = source.toLowerCase().endsWith('.eml')
    kind = eml ? 'eml' : 'mbox'
    const scanner = createHeaderScanner(kind, (headers) => tally.add(headers))
    const total = stat.size
    const stream = fs.createReadStream(source, { highWaterMark: chunkBytes, ...(eml ? { end: maxEmlHeaderBytes - 1 } : {}) })
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length
        scanner.push(chunk)
        if (scanner.done) break
        await operation.checkpoint({ stage: 'reading', done: bytes, total, message: `Reading ${describeBytes(bytes)} of ${describeBytes(total)}`, detail: message('progress.readingBytes', { done: describeBytes(bytes), total: describeBytes(total) }), cancellable: true })
      }
    } catch (error) {
      if (error instanceof CoreError) throw error
      throw coreError('STORAGE_FAILED', 'error.discover.unreadable', { source, reason: String((error as Error).message) })
    } finally {
      stream.destroy()
    }
    scanner.end()
  } else {
    throw coreError('INVALID_INPUT', 'error.file.neither', { file: source })
  }

  const companies = tally.companies()
  operation.report({ stage: 'done', done: 1, total: 1, message: `Found ${companies.length} compan${companies.length === 1 ? 'y' : 'ies'} in ${tally.counts.messages.toLocaleString('en')} messages`, detail: foundMessage(companies.length, tally.counts.messages), cancellable: false })
  return { source, kind, bytes, ...tally.counts, skippedFiles, folders: [], foldersLeftOut: 0, companies }
}

/**
 * The same in the mailbox of the IMAP account saved for replies (`scope` 'all': every folder of
 * received mail, see foldersToScan): only the From and Date lines of each message (and its
 * arrival date) are fetched, in one streamed FETCH per folder, read-only; it writes nothing, so a
 * stop leaves nothing behind.
 */
export async function discoverInImap(options: {
  account: ImapAccount
  scope?: ImapScope
  companies: Iterable<{ readonly id: string; readonly name: string; readonly domains: ReadonlyArray<string> }>
  operation: Operation
}): Promise<DiscoverResult> {
  const tally = createTally(createSenderMatcher(options.companies))
  const scan = await scanImapSenders(options.account, (headers) => tally.add(headers), options.operation, options.scope ?? 'mailbox')
  const companies = tally.companies()
  options.operation.report({ stage: 'done', done: 1, total: 1, message: `Found ${companies.length} compan${companies.length === 1 ? 'y' : 'ies'} in ${tally.counts.messages.toLocaleString('en')} messages`, detail: foundMessage(companies.length, tally.counts.messages), cancellable: false })
  const { user, host, mailbox } = options.account
  const where = options.scope === 'all' ? `${scan.folders.length} folder${scan.folders.length === 1 ? '' : 's'}` : mailbox
  return { source: `${user} on ${host}, ${where}`, kind: 'imap', bytes: 0, ...tally.counts, skippedFiles: 0, folders: scan.folders, foldersLeftOut: scan.leftOut, companies }
}
