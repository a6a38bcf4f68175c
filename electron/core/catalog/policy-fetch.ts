/**
 * "Learn from a web address": fetches a privacy policy the person points to, through the
 * PolicyFetcher port (the only network use besides mail, started by the person), and hands back
 * its text, the format it is in and where and when it was fetched, to be read by extractPolicy and
 * recorded as the source. Nothing is saved here.
 */
import { CoreError } from '../shared/result'
import type { PolicyFetcher } from '../shared/ports'
import type { PolicyFormat } from './policy-import/proposal'
import { coreError } from '../messages/errors'
import { message } from '../shared/message'

/** The largest page fetched, in bytes: a policy page with its markup is far smaller. */
export const maxPolicyPageBytes = 5 * 1024 * 1024
/** How long a fetch may take in all, redirects included. */
export const policyFetchTimeoutMs = 20_000
/** Redirects followed at most. */
export const maxPolicyRedirects = 5

/** What was fetched: the text to read, its format, and the source to record. */
export type FetchedPolicy = {
  /** The address the person gave. */
  readonly requestedUrl: string
  /** The address the text came from (after redirects): recorded as the policy's source. */
  readonly url: string
  /** The redirects followed, in order (empty when none). */
  readonly redirects: ReadonlyArray<string>
  /** When it was fetched (ISO 8601), and the day, as recorded with the source. */
  readonly fetchedAt: string
  readonly fetchedOn: string
  readonly format: PolicyFormat
  readonly contentType: string | null
  readonly bytes: number
  readonly text: string
}

/**
 * Checks that an address may be fetched: http or https, no user name or password in it, a host.
 * Returns the normalised address or throws FETCH_REFUSED.
 */
export function checkPolicyUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw coreError('FETCH_REFUSED', 'error.fetch.notAddress', { address: raw.slice(0, 500) })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw coreError('FETCH_REFUSED', 'error.fetch.scheme', { scheme: url.protocol.replace(/:$/, '') })
  }
  if (url.username || url.password) throw coreError('FETCH_REFUSED', 'error.fetch.credentials')
  if (!url.hostname) throw coreError('FETCH_REFUSED', 'error.fetch.noHost')
  url.hash = ''
  return url.toString()
}

/** The format a page is in, from its Content-Type, else from its first characters. */
export function formatOfPage(contentType: string | null, text: string): PolicyFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html'
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown'
  if (type === 'text/plain') return 'text'
  return /^\s*</.test(text.slice(0, 512)) ? 'html' : 'text'
}

/** The bytes as text, in the charset the Content-Type (or an HTML meta tag) names; UTF-8 otherwise. */
export function decodePage(bytes: Uint8Array, contentType: string | null): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]{1,40})/i.exec(contentType ?? '')?.[1]
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
  const fromMeta = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w.:-]{1,40})/i.exec(head)?.[1]
  for (const label of [fromHeader, fromMeta, 'utf-8']) {
    if (!label) continue
    try {
      return new TextDecoder(label).decode(bytes)
    } catch {
      // An unknown charset: try the next.
    }
  }
  return new TextDecoder('utf-8').decode(bytes)
}

/** Fetches the policy at `rawUrl`; throws FETCH_REFUSED, FETCH_FAILED, INPUT_TOO_LARGE or CANCELLED (by `signal`). */
export async function fetchPolicy(web: PolicyFetcher | undefined, rawUrl: string, options: { readonly now: () => Date; readonly signal: AbortSignal }): Promise<FetchedPolicy> {
  const requestedUrl = checkPolicyUrl(rawUrl)
  if (!web) throw coreError('FETCH_FAILED', 'error.fetch.unavailable')
  const result = await web.fetchPage(requestedUrl, { maxBytes: maxPolicyPageBytes, timeoutMs: policyFetchTimeoutMs, maxRedirects: maxPolicyRedirects, signal: options.signal })
  if (!result.ok) {
    const { failure } = result
    switch (failure.kind) {
      case 'refused':
        throw new CoreError('FETCH_REFUSED', failure.message, undefined, failure.detail ?? message('error.fetch.refused', { reason: failure.message }))
      case 'too-large':
        throw new CoreError('INPUT_TOO_LARGE', failure.message, undefined, failure.detail ?? message('error.fetch.tooLarge', { reason: failure.message }))
      case 'failed':
        throw new CoreError('FETCH_FAILED', failure.message, undefined, failure.detail ?? message('error.fetch.failed', { reason: failure.message }))
    }
  }
  const { page } = result
  if (page.status < 200 || page.status > 299) throw coreError('FETCH_FAILED', 'error.fetch.status', { address: page.finalUrl, status: page.status })
  const text = decodePage(page.bytes, page.contentType)
  if (text.length > 2_000_000) throw coreError('INPUT_TOO_LARGE', 'error.fetch.tooManyCharacters', { address: page.finalUrl })
  if (text.trim() === '') throw coreError('FETCH_FAILED', 'error.fetch.empty', { address: page.finalUrl })
  const fetched = options.now()
  return {
    requestedUrl,
    url: page.finalUrl,
    redirects: page.chain.slice(1),
    fetchedAt: fetched.toISOString(),
    fetchedOn: fetched.toISOString().slice(0, 10),
    format: formatOfPage(page.contentType, text),
    contentType: page.contentType,
    bytes: page.bytes.length,
    text,
  }
}
