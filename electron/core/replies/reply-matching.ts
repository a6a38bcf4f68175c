/**
 * Matching replies to requests: what matching needs of the sent requests (read once per version
 * of a request's file, and once per batch for the list), the request a reply to a reminder
 * belongs to, and the checks a sync makes before downloading a message.
 */
import { CoreError } from '../shared/result'
import type { RequestRecord } from '../requests/model'
import { closedStatuses } from '../requests/status'
import { matchReply, referencesIn, type MatchInput, type MatchSource } from './match'
import type { ReplyRecord, ReplyView } from './model'
import { sameMessageId, type ParsedReply } from './parse'
import type { ReplyService, ReplyServiceDeps } from './service'

/** The matching part of the reply service (see createReplyMatching). */
export type ReplyMatching = ReturnType<typeof createReplyMatching>

export function createReplyMatching(deps: Pick<ReplyServiceDeps, 'requests' | 'catalog'>) {
  /** What matching needs of a sent request, read once per version of its file. */
  const facts = new Map<string, { updatedAt: string; record: RequestRecord }>()
  const recordOf = (reference: string, updatedAt?: string): RequestRecord | null => {
    const known = facts.get(reference)
    if (known && updatedAt !== undefined && known.updatedAt === updatedAt) return known.record
    try {
      const record = deps.requests.get(reference).record
      facts.set(reference, { updatedAt: record.updatedAt, record })
      return record
    } catch (error) {
      if (error instanceof CoreError && error.code === 'NOT_FOUND') return null
      throw error
    }
  }

  const companyContacts = (companyId: string): { domains: string[]; addresses: string[] } => {
    try {
      const company = deps.catalog.get(companyId)
      return { domains: company.domains.map((d) => d.toLowerCase()), addresses: company.emails.map((e) => e.address.toLowerCase()) }
    } catch {
      return { domains: [], addresses: [] }
    }
  }

  /** Inside a batch (a sync asks once per message) the list of requests is read once, and again after each change. */
  let batch: { source: MatchSource | null } | null = null
  const matchSource = (): MatchSource => {
    if (!batch) return freshMatchSource()
    batch.source ??= freshMatchSource()
    return batch.source
  }
  const freshMatchSource = (): MatchSource => {
    const items = deps.requests.list().filter((item) => item.sentOn !== null)
    const byReference = new Map(items.map((item) => [item.reference, item]))
    return {
      sent: () =>
        items.map((item) => ({ reference: item.reference, sentOn: item.sentOn!, open: !closedStatuses.includes(item.status.kind) })),
      byMessageId(messageId) {
        const check = (reference: string) => {
          const item = byReference.get(reference)
          if (!item || item.channel !== 'email') return false
          const sentId = recordOf(reference, item.updatedAt)?.sent?.email?.messageId
          return Boolean(sentId && sameMessageId(sentId, messageId))
        }
        // Rightful's Message-IDs carry the reference (<RF-2026-0001.3f2a…@example.org>): one file to read.
        const named = referencesIn(messageId).find(check)
        if (named) return named
        for (const item of items) if (item.channel === 'email' && check(item.reference)) return item.reference
        return null
      },
      contactsOf(reference) {
        const item = byReference.get(reference)
        if (!item) return { domains: [], addresses: [] }
        const contacts = companyContacts(item.companyId)
        // The catalog is in memory; the address the request went to needs its file, so it is read
        // only when the catalog knows nothing (a company since deleted, an authority).
        if (contacts.domains.length > 0 || contacts.addresses.length > 0) return contacts
        const to = recordOf(reference, item.updatedAt)?.sent?.to?.toLowerCase()
        return { domains: [], addresses: to ? [to] : [] }
      },
    }
  }

  const matchInputOf = (parsed: ParsedReply): MatchInput => ({
    inReplyTo: parsed.inReplyTo,
    references: parsed.references,
    subject: parsed.subject,
    text: parsed.text,
    from: parsed.from.address,
    returned: parsed.returned,
    failedRecipients: parsed.bounce?.failedRecipients ?? [],
  })

  /** A reminder is answered for the request it reminds of: the reply goes to that one. */
  const owningReference = (reference: string): string => {
    const record = recordOf(reference)
    if ((record?.type === 'reminder' || record?.type === 'incomplete-answer') && record.followUpOf && recordOf(record.followUpOf)?.sent) return record.followUpOf
    return reference
  }

  const companyNameOf = (reference: string | null): string | null => (reference ? (recordOf(reference)?.company.name ?? null) : null)
  const viewOf = (record: ReplyRecord): ReplyView => ({ ...record, companyName: companyNameOf(record.match.reference) })

  /** After a change of a request: the next match reads the list of requests again. */
  const forgetSource = () => {
    if (batch) batch.source = null
  }

  const methods: Pick<ReplyService, 'isCandidate' | 'bodySearchTerms' | 'batch' | 'oldestOpenSentOn'> = {
    isCandidate(headers) {
      const input: MatchInput = { ...headers, text: '' }
      if (/^(mailer-daemon|mail-daemon|postmaster)@/i.test(headers.from)) return true
      return matchReply(input, matchSource()).reference !== null
    },

    bodySearchTerms() {
      const prefixes = new Set(matchSource().sent().map((r) => r.reference.replace(/^(RF-\d{4}-).*$/, '$1')))
      return [...prefixes].sort()
    },

    async batch(run) {
      if (batch) return run()
      batch = { source: null }
      try {
        return await run()
      } finally {
        batch = null
      }
    },

    oldestOpenSentOn() {
      const open = deps.requests
        .list()
        .filter((item) => item.sentOn !== null && !closedStatuses.includes(item.status.kind))
        .map((item) => item.sentOn!)
        .sort()
      return open[0] ?? null
    },
  }

  return { recordOf, matchSource, matchInputOf, owningReference, viewOf, forgetSource, methods }
}
