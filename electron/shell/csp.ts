/**
 * The app's Content-Security-Policy. Production allows only the app's own scripts, styles, fonts
 * and images (plus data: images); nothing may be framed, posted or fetched from elsewhere. The dev
 * variant adds exactly what the Vite dev server needs: inline styles (injected by Vite's CSS
 * hot reload) and its HTTP/WebSocket connection. Neither ever allows 'unsafe-eval'.
 *
 * 'self' is whatever origin serves the page: app://rightful in the app (a standard, secure scheme,
 * see app-protocol.ts), the dev server in development, 127.0.0.1 in the browser harness. The
 * production policy names no scheme or host of its own, so `file:` and every other origin stay out.
 */

/** The policy for the packaged app. */
export const productionCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

/** The policy while the renderer comes from the Vite dev server on localhost. */
export const developmentCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws://localhost:* http://localhost:*",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

/** The policy to send: the dev variant only while running against the dev server. */
export function contentSecurityPolicy(isDev: boolean): string {
  return isDev ? developmentCsp : productionCsp
}
