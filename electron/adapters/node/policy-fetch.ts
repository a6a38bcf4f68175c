/**
 * The PolicyFetcher port on Node's own http and https: TLS verified by Node's default (the
 * system's and Node's certificate authorities, plus `ca` when a test gives one), no cookies sent or
 * kept, no proxy, at most `maxRedirects` redirects to http or https (never from https down to
 * http), a size cap counted on the decompressed bytes, one deadline for the whole fetch, and the
 * caller's AbortSignal. Started only by the person ("Learn from a web address").
 */
import http from 'node:http'
import https from 'node:https'
import zlib from 'node:zlib'
import type { FetchFailure, FetchedPage, PolicyFetcher } from '../../core/api/ports'
import { message, type Message, type MessageParam } from '../../core/shared/message'
import { renderMessage } from '../../core/messages/render'

type Outcome = { readonly ok: true; readonly page: FetchedPage } | { readonly ok: false; readonly failure: FetchFailure }

/** A failure's words: the message of the core's resources, and its English. */
const words = (key: string, params?: Readonly<Record<string, MessageParam>>): { readonly message: string; readonly detail: Message } => {
  const detail = message(key, params)
  return { message: renderMessage(detail, 'en'), detail }
}
const failed = (said: { readonly message: string; readonly detail: Message }): Outcome => ({ ok: false, failure: { kind: 'failed', ...said } })
const refused = (said: { readonly message: string; readonly detail: Message }): Outcome => ({ ok: false, failure: { kind: 'refused', ...said } })

/** Node's error codes in a person's words. */
function describeError(error: NodeJS.ErrnoException, url: string): { readonly message: string; readonly detail: Message } {
  const host = new URL(url).host
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return words('error.fetch.notFound', { host })
    case 'ECONNREFUSED':
      return words('error.fetch.connectionRefused', { host })
    case 'ECONNRESET':
      return words('error.fetch.connectionReset', { host })
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return words('error.fetch.certificate', { host, code: error.code })
    default:
      return words('error.fetch.other', { address: url, reason: String(error.code ?? error.message) })
  }
}

export function nodePolicyFetcher(options: { readonly ca?: string | Buffer; readonly userAgent?: string } = {}): PolicyFetcher {
  const userAgent = options.userAgent ?? 'Rightful (privacy policy import; started by the user)'
  return {
    fetchPage(url, limits) {
      const deadline = Date.now() + limits.timeoutMs
      const chain: string[] = []

      const one = (address: string): Promise<Outcome> =>
        new Promise<Outcome>((resolve) => {
          let settled = false
          const finish = (outcome: Outcome) => {
            if (settled) return
            settled = true
            clearTimeout(timer)
            limits.signal.removeEventListener('abort', onAbort)
            resolve(outcome)
          }
          const target = new URL(address)
          const secure = target.protocol === 'https:'
          const request = (secure ? https : http).request(
            target,
            {
              method: 'GET',
              agent: false,
              headers: { 'user-agent': userAgent, accept: 'text/html, text/plain;q=0.9, text/markdown;q=0.9, */*;q=0.1', 'accept-encoding': 'gzip, deflate, br' },
              ...(secure ? { rejectUnauthorized: true, ...(options.ca !== undefined ? { ca: options.ca } : {}) } : {}),
            },
            (response) => {
              const status = response.statusCode ?? 0
              const location = response.headers.location
              if (status >= 300 && status < 400 && location) {
                response.resume()
                let next: URL
                try {
                  next = new URL(location, address)
                } catch {
                  finish(failed(words('error.fetch.badRedirect', { address, location: location.slice(0, 500) })))
                  return
                }
                next.hash = ''
                if (next.protocol !== 'http:' && next.protocol !== 'https:') {
                  finish(refused(words('error.fetch.redirectScheme', { address, scheme: next.protocol.replace(/:$/, '') })))
                  return
                }
                if (secure && next.protocol === 'http:') {
                  finish(refused(words('error.fetch.redirectDowngrade', { address, next: next.toString() })))
                  return
                }
                if (chain.length > limits.maxRedirects) {
                  finish(refused(words('error.fetch.redirectLoop', { address: chain[0] ?? address, max: limits.maxRedirects })))
                  return
                }
                finish({ ok: true, page: { finalUrl: next.toString(), chain: [], status, contentType: null, bytes: new Uint8Array() } })
                return
              }
              const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase()
              const body =
                encoding === 'gzip' || encoding === 'x-gzip'
                  ? response.pipe(zlib.createGunzip())
                  : encoding === 'deflate'
                    ? response.pipe(zlib.createInflate())
                    : encoding === 'br'
                      ? response.pipe(zlib.createBrotliDecompress())
                      : response
              const chunks: Buffer[] = []
              let size = 0
              body.on('data', (chunk: Buffer) => {
                size += chunk.length
                if (size > limits.maxBytes) {
                  request.destroy()
                  finish({ ok: false, failure: { kind: 'too-large', ...words('error.fetch.pageTooLarge', { address, mb: Math.round(limits.maxBytes / 1024 / 1024) }) } })
                  return
                }
                chunks.push(chunk)
              })
              body.on('error', (error: NodeJS.ErrnoException) => finish(failed(words('error.fetch.readFailed', { address, reason: String(error.code ?? error.message) }))))
              body.on('end', () => {
                const contentType = typeof response.headers['content-type'] === 'string' ? response.headers['content-type'] : null
                finish({ ok: true, page: { finalUrl: address, chain: [], status, contentType, bytes: new Uint8Array(Buffer.concat(chunks)) } })
              })
            },
          )
          const onAbort = () => {
            request.destroy()
            finish(failed(words('error.fetch.stopped')))
          }
          const timer = setTimeout(() => {
            request.destroy()
            finish(failed(words('error.fetch.timeout', { host: new URL(chain[0] ?? address).host, seconds: Math.round(limits.timeoutMs / 1000) })))
          }, Math.max(0, deadline - Date.now()))
          if (limits.signal.aborted) onAbort()
          else limits.signal.addEventListener('abort', onAbort, { once: true })
          request.on('error', (error: NodeJS.ErrnoException) => finish(failed(describeError(error, address))))
          request.end()
        })

      const follow = async (address: string): Promise<Outcome> => {
        chain.push(address)
        const outcome = await one(address)
        if (!outcome.ok) return outcome
        const { page } = outcome
        // A redirect is answered with the next address and no bytes.
        if (page.status >= 300 && page.status < 400 && page.finalUrl !== address) return follow(page.finalUrl)
        return { ok: true, page: { ...page, chain: [...chain] } }
      }
      return follow(url)
    },
  }
}
