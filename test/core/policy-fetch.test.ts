// @module-tag server
// @module-tag process
/**
 * "Learn from a web address" against real local servers: an HTTP server and an HTTPS server with a
 * certificate made for the test. The fetch follows at most five redirects, never from https down
 * to http, sends no cookies, stops at the size cap and the deadline, verifies TLS, decodes the
 * charset and compression, and the API records the final address and the fetch date as the source.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodePolicyFetcher } from '../../electron/adapters/node/policy-fetch'
import { checkPolicyUrl, fetchPolicy } from '../../electron/core/catalog/policy-fetch'
import { expectOk, startCore, tempDir } from '../helpers/ports'

const policyHtml = `<!doctype html><html><head><title>Privacy Policy – Lindenholz GmbH</title></head><body>
<h1>Privacy Policy</h1><p>Lindenholz GmbH (“we”, “us”) runs this shop.</p>
<h2>Your rights</h2><p>To exercise your rights, write to <a href="mailto:datenschutz@lindenholz.example.org">datenschutz@lindenholz.example.org</a>.</p>
<p>Lindenholz GmbH<br>Hauptstraße 5<br>10115 Berlin<br>Germany</p></body></html>`

const cookiesSeen: Array<string | undefined> = []
let httpBase = ''
let httpsBase = ''
let ca = ''
const servers: Array<http.Server | https.Server> = []

function routes(base: () => string): http.RequestListener {
  return (request, response) => {
    cookiesSeen.push(request.headers.cookie)
    const url = request.url ?? '/'
    const hop = /^\/hop\/(\d+)$/.exec(url)
    if (hop) {
      const n = Number(hop[1])
      response.writeHead(302, { location: n === 0 ? '/policy.html' : `/hop/${n - 1}`, 'set-cookie': `hop=${n}` })
      return response.end()
    }
    switch (url) {
      case '/policy.html':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'session=secret; HttpOnly' })
        return response.end(policyHtml)
      case '/gzip':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' })
        return response.end(zlib.gzipSync(policyHtml))
      case '/latin1':
        response.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' })
        return response.end(Buffer.from('Datenschutz: Fragen an privacy@müller-example.de? Schreiben Sie an info@mueller-example.de, Straße 1.', 'latin1'))
      case '/big':
        response.writeHead(200, { 'content-type': 'text/html' })
        for (let i = 0; i < 12; i += 1) response.write(Buffer.alloc(512 * 1024, 0x61))
        return response.end()
      case '/silent':
        return // never answers
      case '/missing':
        response.writeHead(404, { 'content-type': 'text/html' })
        return response.end('<p>Not found</p>')
      case '/to-http':
        response.writeHead(301, { location: `${httpBase}/policy.html` })
        return response.end()
      case '/to-file':
        response.writeHead(302, { location: 'file:///etc/passwd' })
        return response.end()
      default:
        response.writeHead(302, { location: `${base()}/policy.html` })
        return response.end()
    }
  }
}

beforeAll(async () => {
  const dir = tempDir('rightful-fetch-')
  const key = path.join(dir, 'key.pem')
  const cert = path.join(dir, 'cert.pem')
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' })
  ca = fs.readFileSync(cert, 'utf8')
  const plain = http.createServer(routes(() => httpBase))
  const secure = https.createServer({ key: fs.readFileSync(key), cert: ca }, routes(() => httpsBase))
  for (const server of [plain, secure]) {
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  }
  httpBase = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`
  httpsBase = `https://127.0.0.1:${(secure.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
})

const limits = (over: Partial<{ maxBytes: number; timeoutMs: number; maxRedirects: number }> = {}) => ({
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 20_000,
  maxRedirects: 5,
  signal: new AbortController().signal,
  ...over,
})
const now = () => new Date('2026-12-07T08:00:00Z')

describe('the fetch adapter (Node http and https)', () => {
  it('fetches over https with the certificate verified, follows five redirects, sends no cookies', async () => {
    const web = nodePolicyFetcher({ ca })
    cookiesSeen.length = 0
    const result = await web.fetchPage(`${httpsBase}/hop/4`, limits())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.page.status).toBe(200)
    expect(result.page.finalUrl).toBe(`${httpsBase}/policy.html`)
    expect(result.page.chain).toHaveLength(6)
    expect(new TextDecoder().decode(result.page.bytes)).toBe(policyHtml)
    // Every hop set a cookie; none was sent back.
    expect(cookiesSeen).toEqual(Array(6).fill(undefined))
  })

  it('refuses a sixth redirect, a redirect to another scheme, and one from https down to http', async () => {
    const web = nodePolicyFetcher({ ca })
    const tooMany = await web.fetchPage(`${httpsBase}/hop/5`, limits())
    expect(tooMany).toMatchObject({ ok: false, failure: { kind: 'refused', message: expect.stringContaining('more than 5 times') } })
    expect(await web.fetchPage(`${httpBase}/to-file`, limits())).toMatchObject({ ok: false, failure: { kind: 'refused', message: expect.stringContaining('only http and https') } })
    expect(await web.fetchPage(`${httpsBase}/to-http`, limits())).toMatchObject({ ok: false, failure: { kind: 'refused', message: expect.stringContaining('insecure') } })
  })

  it('does not read a page whose certificate it cannot verify', async () => {
    const result = await nodePolicyFetcher().fetchPage(`${httpsBase}/policy.html`, limits())
    expect(result).toMatchObject({ ok: false, failure: { kind: 'failed', message: expect.stringContaining('could not be verified') } })
  })

  it('stops at the size cap, at the deadline and when the caller stops it', async () => {
    const web = nodePolicyFetcher()
    expect(await web.fetchPage(`${httpBase}/big`, limits())).toMatchObject({ ok: false, failure: { kind: 'too-large' } })
    expect(await web.fetchPage(`${httpBase}/silent`, limits({ timeoutMs: 500 }))).toMatchObject({ ok: false, failure: { kind: 'failed', message: expect.stringContaining('did not answer') } })
    const controller = new AbortController()
    const pending = web.fetchPage(`${httpBase}/silent`, { ...limits(), signal: controller.signal })
    controller.abort()
    expect(await pending).toMatchObject({ ok: false, failure: { kind: 'failed', message: 'The fetch was stopped.' } })
  })
})

describe('fetchPolicy (core)', () => {
  it('gives the text, its format, the final address and the fetch date; decodes gzip and the charset', async () => {
    const web = nodePolicyFetcher()
    const signal = new AbortController().signal
    const fetched = await fetchPolicy(web, `${httpBase}/gzip`, { now, signal })
    expect(fetched).toMatchObject({ url: `${httpBase}/gzip`, format: 'html', fetchedOn: '2026-12-07', fetchedAt: '2026-12-07T08:00:00.000Z', text: policyHtml, redirects: [] })
    const latin = await fetchPolicy(web, `${httpBase}/latin1`, { now, signal })
    expect(latin.format).toBe('text')
    expect(latin.text).toContain('Straße')
    await expect(fetchPolicy(web, `${httpBase}/missing`, { now, signal })).rejects.toMatchObject({ code: 'FETCH_FAILED', message: expect.stringContaining('404') })
    await expect(fetchPolicy(web, `${httpBase}/big`, { now, signal })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' })
    await expect(fetchPolicy(undefined, `${httpBase}/policy.html`, { now, signal })).rejects.toMatchObject({ code: 'FETCH_FAILED' })
  })

  it('refuses what is not an http or https address, and addresses with a password', () => {
    for (const bad of ['file:///etc/passwd', 'ftp://example.org/policy', 'javascript:alert(1)', 'data:text/html,<p>x</p>', 'privacy policy', 'https://user:secret@example.org/privacy']) {
      expect(() => checkPolicyUrl(bad), bad).toThrow(expect.objectContaining({ code: 'FETCH_REFUSED' }))
    }
    expect(checkPolicyUrl(' https://example.org/privacy#contact ')).toBe('https://example.org/privacy')
  })
})

describe('catalog:fetchPolicy, then reading and saving with the address and the date as the source', () => {
  it('records where and when the policy was fetched', async () => {
    const core = startCore({ web: nodePolicyFetcher({ ca }) })
    const fetched = expectOk(await core.api.call('catalog:fetchPolicy', { url: `${httpsBase}/start` }))
    expect(fetched).toMatchObject({ requestedUrl: `${httpsBase}/start`, url: `${httpsBase}/policy.html`, redirects: [`${httpsBase}/policy.html`], format: 'html', fetchedOn: '2026-01-31' })
    const proposal = expectOk(await core.api.call('catalog:extractPolicy', { text: fetched.text, format: fetched.format, sourceUrl: fetched.url }))
    expect(proposal.sourceUrl).toBe(`${httpsBase}/policy.html`)
    expect(proposal.privacyEmails.map((e) => e.address)).toEqual(['datenschutz@lindenholz.example.org'])
    expect(proposal.companyName?.name).toBe('Lindenholz GmbH')
    const company = expectOk(
      await core.api.call('catalog:savePolicy', {
        text: fetched.text,
        format: fetched.format,
        sourceUrl: fetched.url,
        choices: { id: 'lindenholz', source: { url: fetched.url, retrievedOn: fetched.fetchedOn } },
      }),
    )
    expect(company.sources[0]).toMatchObject({ url: `${httpsBase}/policy.html`, retrievedOn: '2026-01-31', kind: 'policy' })

    const refused = await core.api.call('catalog:fetchPolicy', { url: 'file:///etc/passwd' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'FETCH_REFUSED' } })
  })
})
