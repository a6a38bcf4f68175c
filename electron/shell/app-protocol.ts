/**
 * The built renderer is served from its own origin, `app://rightful/`, instead of `file://`
 * (Electron's security checklist, item 18): the page gets a normal, standard and secure origin,
 * `file://` keeps no extra privileges (the GrantFileProtocolExtraPrivileges fuse is off), and the
 * protocol answers only with files under the renderer's build folder. Anything else (another
 * host, `..`, an encoded separator, a hidden file, an unknown file type) is refused with a status
 * and a reason, and no file outside the folder is ever read.
 */
import type { CustomScheme, Protocol } from 'electron'
import fs from 'node:fs/promises'
import path from 'node:path'

/** The scheme of the app's own pages. */
export const appScheme = 'app'
/** The one host of that scheme that the app serves. */
export const appHost = 'rightful'
/** The app's origin, as the page sees it in `location.origin`. */
export const appOriginUrl = `${appScheme}://${appHost}`
/** The page the main window loads. */
export const appIndexUrl = `${appOriginUrl}/index.html`

/**
 * The scheme's privileges, registered before the app is ready: a standard URL (relative links and
 * an origin of its own), a secure context, fetch and V8's code cache for its own scripts. Not
 * `bypassCSP` (the page's CSP holds) and not `corsEnabled` (no other origin may read from it).
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
}

/** The file types the renderer's build contains, and the Content-Type each is served with. */
const contentTypes: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.woff', 'font/woff'],
  ['.woff2', 'font/woff2'],
  ['.ttf', 'font/ttf'],
  ['.otf', 'font/otf'],
  ['.txt', 'text/plain; charset=utf-8'],
])

/** The Content-Type a file is served with, or null for a type the app never serves. */
export function contentTypeOf(file: string): string | null {
  return contentTypes.get(path.extname(file).toLowerCase()) ?? null
}

/** What a request for an app URL comes to: a file of the build folder, or a refusal. */
export type AppFileLookup =
  | { readonly kind: 'file'; readonly file: string; readonly contentType: string }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404; readonly reason: string }

/** True when `file` lies strictly inside the folder `root` (both absolute). */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

const refuse = (status: 400 | 403 | 404, reason: string): AppFileLookup => ({ kind: 'refused', status, reason })

/** The longest URL looked at: far beyond any file of the build, and a bound on the work per request. */
export const maxAppUrlLength = 4_096

/** Characters that never belong in a URL the app serves (controls, spaces, backslashes). */
function hasForbiddenCharacter(text: string): boolean {
  for (const c of text) {
    const code = c.charCodeAt(0)
    if (code <= 0x20 || code === 0x7f || c === '\\') return true
  }
  return false
}

/**
 * Maps an `app://rightful/...` URL to a file under `rootDir`, decided on the URL alone (nothing is
 * read). The path is split into segments before anything is decoded; a segment that decodes to
 * `.`, `..`, a separator, a NUL or a colon, or that starts with a dot, is refused, and the joined
 * path must still lie inside `rootDir`. `/` is index.html; query and fragment are ignored.
 */
export function resolveAppFile(url: string, rootDir: string): AppFileLookup {
  if (typeof url !== 'string' || url.length > maxAppUrlLength) return refuse(400, 'The address is too long for a file of the app.')
  if (hasForbiddenCharacter(url)) return refuse(400, 'The address has characters an app address never has.')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return refuse(400, 'The address cannot be read.')
  }
  if (parsed.protocol !== `${appScheme}:`) return refuse(400, `Only ${appScheme}: addresses are served here.`)
  if (parsed.host.toLowerCase() !== appHost || parsed.username !== '' || parsed.password !== '') {
    return refuse(404, `Only ${appOriginUrl}/ is served.`)
  }

  const rawPath = parsed.pathname === '' || parsed.pathname === '/' ? '/index.html' : parsed.pathname
  if (!rawPath.startsWith('/')) return refuse(400, 'The address has no path.')
  const segments: string[] = []
  for (const raw of rawPath.slice(1).split('/')) {
    // Encoded separators and NULs are refused before decoding, so that "..%2F" never becomes "../".
    if (/%(2f|5c|00)/i.test(raw)) return refuse(403, 'The path has an encoded separator.')
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return refuse(400, 'The path is not valid percent-encoding.')
    }
    if (segment === '') return refuse(404, 'The path has an empty part.')
    if (segment === '.' || segment === '..') return refuse(403, 'The path leaves the app folder.')
    if (/[/\\:\0]/.test(segment) || hasForbiddenCharacter(segment)) return refuse(403, 'The path has a character a file of the app never has.')
    if (segment.startsWith('.')) return refuse(404, 'Hidden files are not served.')
    segments.push(segment)
  }

  const root = path.resolve(rootDir)
  const file = path.resolve(root, ...segments)
  if (!isInside(root, file)) return refuse(403, 'The path leaves the app folder.')

  const contentType = contentTypeOf(file)
  if (!contentType) return refuse(404, 'The app serves no file of this type.')
  return { kind: 'file', file, contentType }
}

/** Reads a whole file; `fs.readFile` by default (it reads inside app.asar too). */
export type ReadAppFile = (file: string) => Promise<Uint8Array>

export type AppProtocolOptions = {
  /** The renderer's build folder: index.html and assets/. */
  readonly rootDir: string
  /** The Content-Security-Policy every response carries. */
  readonly csp: string
  readonly readFile?: ReadAppFile
}

function textResponse(status: number, reason: string, csp: string, extra: Record<string, string> = {}): Response {
  return new Response(reason, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', ...extra },
  })
}

const isMissing = (error: unknown) => ['ENOENT', 'EISDIR', 'ENOTDIR'].includes(String((error as NodeJS.ErrnoException | null)?.code))

/**
 * The protocol handler: GET (and HEAD) of a file under `rootDir`, with its Content-Type, the CSP
 * and `nosniff`. A refused URL, a missing file or a folder gets a plain-text status, never a file.
 * Beyond the URL check, the file's real path (links resolved) must lie inside the folder's.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const { rootDir, csp } = options
  const readFile: ReadAppFile = options.readFile ?? ((file) => fs.readFile(file))
  let realRoot: Promise<string> | null = null
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Only GET and HEAD are served.', csp, { Allow: 'GET, HEAD' })
    const lookup = resolveAppFile(request.url, rootDir)
    if (lookup.kind === 'refused') return textResponse(lookup.status, lookup.reason, csp)
    let body: Uint8Array
    try {
      realRoot ??= fs.realpath(rootDir).catch((error: unknown) => {
        // Not kept: a folder that appears later is found on the next request.
        realRoot = null
        throw error
      })
      const [root, file] = await Promise.all([realRoot, fs.realpath(lookup.file)])
      if (!isInside(root, file)) return textResponse(403, 'The path leaves the app folder.', csp)
      body = await readFile(file)
    } catch (error) {
      if (isMissing(error)) return textResponse(404, 'No such file in the app.', csp)
      console.error('[rightful] the app protocol could not read', lookup.file, error)
      return textResponse(500, 'The file could not be read.', csp)
    }
    const headers = {
      'Content-Type': lookup.contentType,
      'Content-Length': String(body.byteLength),
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    }
    // A view over the same bytes, typed as the Fetch API wants it (an ArrayBuffer, not a SharedArrayBuffer).
    const bytes = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength)
    return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers })
  }
}

/**
 * Registers `app:` as a privileged scheme. Electron accepts this once, and only before the app
 * is ready, so the main process calls it at load time.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges])
}

/** Serves the renderer's build folder on `app://rightful/` (after the app is ready). */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void {
  protocol.handle(appScheme, createAppProtocolHandler(options))
}
