import { describe, expect, it } from 'vitest'
import { appUrlOf, isAppUrl, isSafeExternalUrl, isWebmailComposeUrl, webmailProviderOf, type AppOrigin } from '../../electron/shell/trusted-url'

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com',
    'https://www.example.com/privacy?x=1#top',
    'HTTPS://EXAMPLE.COM/',
    'mailto:privacy@example.com',
    'mailto:privacy@example.com?subject=Access%20request&body=Hello%0D%0A',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'http://example.com',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'https://',
    'https:example.com',
    'https:/example.com',
    'https:\\\\example.com',
    'https:///example.com',
    'not a url',
    '',
    ' https://example.com',
    'https://exa\nmple.com',
    'https://example.com\t',
    '//example.com',
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})

describe('the webmail allowlist', () => {
  it.each([
    ['https://mail.google.com/mail/?view=cm&fs=1&to=legal@fs.com&su=Access&body=Hi%0A', 'gmail'],
    ['https://outlook.live.com/mail/0/deeplink/compose?to=legal@fs.com&subject=Access&body=Hi', 'outlook'],
    ['https://compose.mail.yahoo.com/?to=legal@fs.com&subject=Access&body=Hi', 'yahoo'],
  ])('allows the compose page %s', (url, provider) => {
    expect(webmailProviderOf(url)).toBe(provider)
    expect(isWebmailComposeUrl(url)).toBe(true)
  })

  it.each([
    'https://mail.google.com/mail/',
    'https://mail.google.com/mail/u/0/?view=cm&to=a@b.example',
    'https://mail.google.com/?view=cm&to=a@b.example',
    'https://mail.google.com.evil.example/mail/?view=cm&to=a@b.example',
    'https://evil.example/mail.google.com/mail/?view=cm',
    'https://user:pw@mail.google.com/mail/?view=cm',
    'https://mail.google.com:8443/mail/?view=cm',
    'http://mail.google.com/mail/?view=cm&to=a@b.example',
    'https://mail.google.com/mail/?view=cm#fragment',
    'https://outlook.live.com/owa/?path=/mail/action/compose',
    'https://outlook.office.com/mail/0/deeplink/compose?to=a@b.example',
    'https://login.yahoo.com/?to=a@b.example',
    'https://compose.mail.yahoo.com/other?to=a@b.example',
    'https://www.google.com/',
    'https:mail.google.com/mail/?view=cm',
    'mailto:a@b.example',
    'javascript:alert(1)',
    ' https://mail.google.com/mail/?view=cm',
    'https://mail.google.com/mail/?view=cm&body=a\nb',
  ])('refuses %j', (url) => {
    expect(isWebmailComposeUrl(url)).toBe(false)
  })
})

describe('isAppUrl with the dev server', () => {
  const dev: AppOrigin = { kind: 'url', url: 'http://localhost:5173' }

  it('accepts any page of exactly that origin', () => {
    expect(isAppUrl('http://localhost:5173', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true)
    expect(isAppUrl('http://localhost:5173/src/main.tsx?t=1#/requests', dev)).toBe(true)
  })

  it.each([
    'http://localhost:5174/',
    'https://localhost:5173/',
    'ws://localhost:5173/',
    'http://127.0.0.1:5173/',
    'http://localhost.evil.example:5173/',
    'http://localhost:5173@evil.example/',
    'http://user:pw@localhost:5173/',
    'https://evil.example/',
    'file:///index.html',
    'about:blank',
    'javascript:alert(1)',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, dev)).toBe(false)
  })

  it('never treats a non-http origin as the dev server', () => {
    expect(isAppUrl('file:///x', { kind: 'url', url: 'file:///x' })).toBe(false)
    expect(isAppUrl('http://localhost:1/', { kind: 'url', url: 'not a url' })).toBe(false)
  })
})

describe('isAppUrl with the built renderer on app://rightful', () => {
  const built: AppOrigin = { kind: 'app' }

  it('accepts any page of exactly that origin, with any query or fragment', () => {
    expect(appUrlOf(built)).toBe('app://rightful/index.html')
    expect(isAppUrl('app://rightful/index.html', built)).toBe(true)
    expect(isAppUrl('app://rightful/', built)).toBe(true)
    expect(isAppUrl('app://rightful/index.html#/requests/RF-2026-0001', built)).toBe(true)
    expect(isAppUrl('app://rightful/index.html?x=1', built)).toBe(true)
    expect(isAppUrl('APP://RIGHTFUL/index.html', built)).toBe(true)
  })

  it.each([
    'app://evil/index.html',
    'app://rightful.evil.example/index.html',
    'app://rightful:8080/index.html',
    'app://user@rightful/index.html',
    'app://rightful@evil/index.html',
    'app:rightful/index.html',
    'app:///index.html',
    'apps://rightful/index.html',
    'file:///opt/Rightful/resources/app.asar/.vite/renderer/main_window/index.html',
    'file:///etc/passwd',
    'https://rightful/index.html',
    'http://localhost:5173/',
    'about:blank',
    'javascript:alert(1)',
    ' app://rightful/index.html',
    'app://rightful/index.html\n',
  ])('refuses %j', (url) => {
    expect(isAppUrl(url, built)).toBe(false)
  })

  it('is not the dev server, and the dev server is not it', () => {
    expect(isAppUrl('app://rightful/index.html', { kind: 'url', url: 'http://localhost:5173' })).toBe(false)
    expect(isAppUrl('app://rightful/index.html', { kind: 'url', url: 'app://rightful' })).toBe(false)
  })
})
