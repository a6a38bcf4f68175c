/**
 * The app's security policy in one place (Electron's security checklist, items 5, 7, 13-15):
 * a CSP header on every response, no permissions, no navigation away from the app, no new windows
 * (https: and mailto: links go to the operating system instead), and no <webview>.
 */
import type { Event as ElectronEvent, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron'
import { contentSecurityPolicy } from './csp'
import { isAppUrl, isSafeExternalUrl, type AppOrigin } from './trusted-url'

/** The parts of a session that `hardenSession` configures. */
export type HardenableSession = {
  readonly webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>
} & Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>

/** The parts of a webContents that `hardenWebContents` configures. */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/** Hands a URL to the operating system; may reject (it is then logged). */
export type OpenExternal = (url: string) => void | Promise<void>

function withoutCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  // Header names come from the response: fromEntries makes each an own key ("__proto__" too), never a prototype.
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'))
}

/**
 * Sends the app's CSP with every response of the session (the relaxed dev policy only when the
 * page really comes from a dev server) and denies every permission request and check.
 */
export function hardenSession(session: HardenableSession, appOrigin: AppOrigin, isDev: boolean): void {
  const policy = contentSecurityPolicy(isDev && appOrigin.kind === 'url')
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...withoutCsp(details.responseHeaders), 'Content-Security-Policy': [policy] } })
  })
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

function openOutside(url: string, openExternal: OpenExternal): void {
  if (!isSafeExternalUrl(url)) return
  Promise.resolve()
    .then(() => openExternal(url))
    .catch((error: unknown) => console.error('[rightful] could not open a link outside the app:', error))
}

/**
 * Keeps a webContents on the app: navigation and redirects elsewhere are cancelled, window.open
 * is always denied (an https: or mailto: target is handed to `openExternal`), and <webview> tags
 * are refused.
 */
export function hardenWebContents(contents: HardenableContents, appOrigin: AppOrigin, openExternal: OpenExternal): void {
  const stayOnApp = (event: ElectronEvent<{ url: string }>, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl
    if (typeof url !== 'string' || !isAppUrl(url, appOrigin)) event.preventDefault()
  }
  contents.on('will-navigate', (event, url) => stayOnApp(event, url))
  contents.on('will-redirect', (event, url) => stayOnApp(event, url))
  contents.on('will-frame-navigate', (event) => stayOnApp(event))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    openOutside(details.url, openExternal)
    return { action: 'deny' }
  })
}

/** The part of Electron's `app` used to reach every webContents as it is created. */
export type WebContentsSource = {
  on(event: 'web-contents-created', listener: (event: ElectronEvent, contents: WebContents) => void): unknown
}

/** Applies `hardenWebContents` to every webContents the app ever creates (windows, devtools, ...). */
export function hardenAllWebContents(app: WebContentsSource, appOrigin: AppOrigin, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin, openExternal))
}
