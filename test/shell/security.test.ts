import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { productionCsp } from '../../electron/shell/csp'
import { hardenAllWebContents, hardenSession, hardenWebContents, type HardenableContents, type HardenableSession } from '../../electron/shell/security'
import type { AppOrigin } from '../../electron/shell/trusted-url'
import { FakeSession, FakeWebContents } from './fake-electron'

const dev: AppOrigin = { kind: 'url', url: 'http://localhost:5173' }
const built: AppOrigin = { kind: 'app' }

const asSession = (s: FakeSession) => s as unknown as HardenableSession
const asContents = (c: FakeWebContents) => c as unknown as HardenableContents

describe('hardenSession', () => {
  it('sets the strict CSP header on every response in production', () => {
    const session = new FakeSession()
    hardenSession(asSession(session), built, false)
    const headers = session.respond('app://rightful/index.html', { 'Content-Type': ['text/html'] })
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [productionCsp] })
    const csp = headers?.['Content-Security-Policy']?.[0] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
  })

  it('replaces a policy sent by the server, whatever its spelling', () => {
    const session = new FakeSession()
    hardenSession(asSession(session), dev, true)
    const headers = session.respond('http://localhost:5173/', { 'content-security-policy': ["script-src * 'unsafe-eval'"] })
    expect(Object.keys(headers ?? {})).toEqual(['Content-Security-Policy'])
    const csp = headers?.['Content-Security-Policy']?.[0] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain('ws://localhost:*')
    expect(csp).not.toContain('unsafe-eval')
  })

  it('uses the dev policy only when the page really comes from a dev server', () => {
    const session = new FakeSession()
    hardenSession(asSession(session), built, true)
    expect(session.respond('app://rightful/index.html')?.['Content-Security-Policy']).toEqual([productionCsp])
  })

  it('denies every permission request and check', () => {
    const session = new FakeSession()
    hardenSession(asSession(session), built, false)
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn()
      session.permissionRequestHandler?.({}, permission, callback, {})
      expect(callback).toHaveBeenCalledWith(false)
      expect(session.permissionCheckHandler?.({}, permission, 'http://localhost:5173', {})).toBe(false)
    }
  })
})

describe('hardenWebContents', () => {
  let contents: FakeWebContents
  let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>

  beforeEach(() => {
    contents = new FakeWebContents()
    openExternal = vi.fn(async (_url: string) => {})
    hardenWebContents(asContents(contents), dev, openExternal)
  })

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: prevents leaving the app, allows the app', (eventName) => {
    expect(contents.attempt(eventName, 'https://evil.example/')).toBe(true)
    expect(contents.attempt(eventName, 'http://localhost:8080/')).toBe(true)
    expect(contents.attempt(eventName, 'file:///etc/passwd')).toBe(true)
    expect(contents.attempt(eventName, 'javascript:alert(1)')).toBe(true)
    expect(contents.attempt(eventName, 'http://localhost:5173/')).toBe(false)
    expect(contents.attempt(eventName, 'http://localhost:5173/#/requests')).toBe(false)
  })

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: keeps a built app on app://rightful, never file://', (eventName) => {
    const wc = new FakeWebContents()
    hardenWebContents(asContents(wc), built, openExternal)
    expect(wc.attempt(eventName, 'app://rightful/index.html#/x')).toBe(false)
    expect(wc.attempt(eventName, 'app://rightful/')).toBe(false)
    expect(wc.attempt(eventName, 'app://evil/index.html')).toBe(true)
    expect(wc.attempt(eventName, 'app://rightful:1/index.html')).toBe(true)
    expect(wc.attempt(eventName, 'file:///opt/Rightful/resources/app.asar/.vite/renderer/main_window/index.html')).toBe(true)
    expect(wc.attempt(eventName, 'file:///etc/passwd')).toBe(true)
    expect(wc.attempt(eventName, 'http://localhost:5173/')).toBe(true)
    expect(wc.attempt(eventName, 'https://evil.example/')).toBe(true)
  })

  it('denies every new window and hands only https: and mailto: to the system', async () => {
    const open = contents.windowOpenHandler
    expect(open).toBeTypeOf('function')
    const urls = [
      'https://example.com/privacy',
      'mailto:privacy@example.com?subject=Hi',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://example.com/',
      'https://user:pw@example.com/',
      'data:text/html,hi',
      'about:blank',
    ]
    for (const url of urls) expect(open?.({ url })).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(openExternal).toHaveBeenCalledTimes(2), { timeout: 60_000 })
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.com/privacy', 'mailto:privacy@example.com?subject=Hi'])
  })

  it('logs, and does not throw, when the system cannot open a link', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    openExternal.mockRejectedValueOnce(new Error('no browser'))
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(log).toHaveBeenCalled(), { timeout: 60_000 })
    log.mockRestore()
  })

  it('refuses to attach a <webview>', () => {
    expect(contents.attempt('will-attach-webview', 'https://evil.example/')).toBe(true)
  })
})

describe('hardenAllWebContents', () => {
  it('hardens every webContents the app creates', () => {
    const app = new EventEmitter()
    const openExternal = vi.fn()
    hardenAllWebContents(app as never, dev, openExternal)
    const contents = new FakeWebContents()
    app.emit('web-contents-created', {}, contents)
    expect(contents.attempt('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })
})
