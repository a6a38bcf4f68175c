/**
 * URL allowlists for the main process, always decided with a real URL parser (`new URL`), never
 * with string tests such as `includes('localhost')`. Three questions: may this URL be handed to the
 * operating system (a browser, the mail program), is it one of the webmail compose pages the core
 * opens, and is this URL the app itself?
 */
import { webmailComposeBase, webmailProviders, type WebmailProvider } from '../core/settings/webmail'
import { appHost, appIndexUrl, appScheme } from './app-protocol'

/**
 * Where the app's own page comes from: the Vite dev server during development
 * (`http://localhost:5173/`), or the built renderer served on `app://rightful/`.
 */
export type AppOrigin = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'app' }

function parse(url: string): URL | null {
  if (typeof url !== 'string') return null
  // `new URL` silently drops tabs and line breaks and trims spaces; a URL that needs that is not
  // one we hand on.
  if ([...url].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f)) return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True only for `https:` URLs with a host and without credentials, and for `mailto:` URLs: the
 * only kinds the app ever gives to the operating system. Anything unparsable is false.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (parsed.protocol === 'mailto:') return true
  if (parsed.protocol !== 'https:') return false
  // The parser repairs "https:host" and "https:\\host"; what we hand on must need no repair.
  if (!/^https:\/\/[^/\\]/i.test(url)) return false
  return parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
}

/**
 * The webmail service whose compose page this URL is, or null: `https:` with exactly one of the
 * hosts and paths in mail/webmail.ts (no other host, subdomain, port, credentials or path), a query
 * and no fragment. The only https: URLs the core may hand to the browser (mail:openWebmail).
 */
export function webmailProviderOf(url: string): WebmailProvider | null {
  const parsed = parse(url)
  if (!parsed || parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '' || parsed.hash !== '') return null
  if (!/^https:\/\/[^/\\]/i.test(url)) return null
  for (const provider of webmailProviders) {
    const { origin, path: composePath } = webmailComposeBase[provider]
    if (parsed.origin === origin && parsed.pathname === composePath && parsed.search.length > 1) return provider
  }
  return null
}

/** True for a webmail compose page the app may open (see webmailProviderOf). */
export function isWebmailComposeUrl(url: string): boolean {
  return webmailProviderOf(url) !== null
}

/**
 * True when `url` is the app's own page: for a dev server, any URL of exactly that origin (scheme,
 * host and port); for the built renderer, any URL of exactly `app://rightful` (no port, no
 * credentials). Everything else, `file:` URLs included, is not the app.
 */
export function isAppUrl(url: string, appOrigin: AppOrigin): boolean {
  const parsed = parse(url)
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false

  if (appOrigin.kind === 'url') {
    const app = parse(appOrigin.url)
    if (!app || (app.protocol !== 'http:' && app.protocol !== 'https:')) return false
    return parsed.protocol === app.protocol && parsed.origin === app.origin
  }

  // `app:` is not a scheme Node's parser knows, so its origin reads "null": compare the parts.
  return parsed.protocol === `${appScheme}:` && parsed.host.toLowerCase() === appHost
}

/** The URL a window loads for the app's page, as `isAppUrl` understands it. */
export function appUrlOf(appOrigin: AppOrigin): string {
  return appOrigin.kind === 'url' ? appOrigin.url : appIndexUrl
}
