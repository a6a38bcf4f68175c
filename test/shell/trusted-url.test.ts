import path from 'node:path'
import { pathToFileURL } from 'node:url'
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

describe('isAppUrl with the built renderer', () => {
  const file = path.resolve('/opt/Rightful/resources/app.asar/.vite/renderer/main_window/index.html')
  const built: AppOrigin = { kind: 'file', file }
  const href = pathToFileURL(file).href

  it('accepts exactly that file, with any query or fragment', () => {
    expect(isAppUrl(href, built)).toBe(true)
    expect(isAppUrl(`${href}#/requests/RF-2026-0001`, built)).toBe(true)
    expect(isAppUrl(`${href}?x=1`, built)).toBe(true)
    expect(appUrlOf(built)).toBe(href)
  })

  it('refuses other files, other hosts and other schemes', () => {
    expect(isAppUrl(pathToFileURL(path.join(path.dirname(file), 'other.html')).href, built)).toBe(false)
    expect(isAppUrl(pathToFileURL(path.join(path.dirname(file), 'assets', 'index.html')).href, built)).toBe(false)
    expect(isAppUrl(href.replace('file:///', 'file://evil.example/'), built)).toBe(false)
    expect(isAppUrl(href.replace('index.html', 'index.html%2F..%2Fother.html'), built)).toBe(false)
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false)
    expect(isAppUrl('https://evil.example/index.html', built)).toBe(false)
    expect(isAppUrl('http://localhost:5173/', built)).toBe(false)
  })

  it('sees through dot segments the way the browser does', () => {
    const dotted = href.replace('/main_window/index.html', '/main_window/../main_window/index.html')
    expect(isAppUrl(dotted, built)).toBe(true)
  })
})
