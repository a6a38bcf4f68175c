/**
 * The app:// protocol that serves the built renderer: the files of the build folder with their
 * types and the CSP, and nothing else, whatever the URL tries (dot segments, encoded separators,
 * other hosts, links out of the folder). Runs on a real folder with a secret file beside it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  appIndexUrl,
  appOriginUrl,
  appSchemePrivileges,
  contentTypeOf,
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppFile,
  serveAppProtocol,
} from '../../electron/shell/app-protocol'
import { productionCsp } from '../../electron/shell/csp'

const secret = 'SECRET: this file lies outside the build folder'
let base: string
let root: string

beforeEach(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-app-protocol-'))
  root = path.join(base, 'renderer', 'main_window')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Rightful</title>')
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log("app")')
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}')
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]))
  fs.writeFileSync(path.join(root, 'assets', 'notes.bin'), 'no type')
  fs.writeFileSync(path.join(root, '.env'), secret)
  fs.writeFileSync(path.join(base, 'renderer', 'secret.txt'), secret)
  fs.writeFileSync(path.join(base, 'secret.txt'), secret)
  fs.writeFileSync(path.join(base, 'secret.js'), secret)
})

afterEach(() => {
  fs.rmSync(base, { recursive: true, force: true })
})

const handler = () => createAppProtocolHandler({ rootDir: root, csp: productionCsp })
const get = (url: string, init?: RequestInit) => handler()(new Request(url, init))

describe('the app: scheme', () => {
  it('is standard and secure, and neither bypasses the CSP nor opens itself to other origins', () => {
    expect(appSchemePrivileges).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } })
    expect(appOriginUrl).toBe('app://rightful')
    expect(appIndexUrl).toBe('app://rightful/index.html')
  })

  it('registers once before ready, and serves after ready', async () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
    registerAppScheme(protocol)
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([appSchemePrivileges])
    serveAppProtocol(protocol, { rootDir: root, csp: productionCsp })
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    const served = protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>
    expect(await (await served(new Request(appIndexUrl))).text()).toContain('<title>Rightful</title>')
  })
})

describe('resolveAppFile', () => {
  it('maps the app origin to files of the build folder, / to index.html', () => {
    const index = path.join(root, 'index.html')
    for (const url of ['app://rightful', 'app://rightful/', 'app://rightful/index.html', 'app://RIGHTFUL/index.html', 'app://rightful/index.html?x=1#/requests']) {
      expect(resolveAppFile(url, root), url).toEqual({ kind: 'file', file: index, contentType: 'text/html; charset=utf-8' })
    }
    expect(resolveAppFile('app://rightful/assets/index-abc.js', root)).toEqual({
      kind: 'file',
      file: path.join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    })
    // An encoded letter is decoded once, inside the folder; a space is never part of a build's names.
    expect(resolveAppFile('app://rightful/assets/index-%61bc.js', root)).toMatchObject({ kind: 'file', file: path.join(root, 'assets', 'index-abc.js') })
    expect(resolveAppFile('app://rightful/assets/my%20logo.svg', root)).toMatchObject({ kind: 'refused', status: 403 })
  })

  it('gives each file type of the build its Content-Type, and refuses the others', () => {
    expect(contentTypeOf('a.css')).toBe('text/css; charset=utf-8')
    expect(contentTypeOf('a.JS')).toBe('text/javascript; charset=utf-8')
    expect(contentTypeOf('a.js.map')).toBe('application/json; charset=utf-8')
    expect(contentTypeOf('a.svg')).toBe('image/svg+xml')
    expect(contentTypeOf('a.woff2')).toBe('font/woff2')
    expect(contentTypeOf('a.png')).toBe('image/png')
    expect(contentTypeOf('a.exe')).toBeNull()
    expect(contentTypeOf('Makefile')).toBeNull()
    expect(resolveAppFile('app://rightful/assets/notes.bin', root)).toMatchObject({ kind: 'refused', status: 404 })
  })

  it.each([
    ['app://rightful/..%2fsecret.txt', 403],
    ['app://rightful/..%2Fsecret.txt', 403],
    ['app://rightful/assets/..%2f..%2f..%2fsecret.txt', 403],
    ['app://rightful/assets%2f..%2f..%2fsecret.js', 403],
    ['app://rightful/..%5csecret.txt', 403],
    ['app://rightful/..%5C..%5Csecret.txt', 403],
    ['app://rightful/%2e%2e%5csecret.txt', 403],
    ['app://rightful/index.html%00.js', 403],
    ['app://rightful/%00', 403],
    ['app://rightful/%2e%2e%2f%2e%2e%2fsecret.txt', 403],
    ['app://rightful/C:/Windows/win.ini', 403],
    ['app://rightful/C%3A%5CWindows%5Cwin.ini', 403],
    ['app://rightful/assets/%2E%2E', 200],
    ['app://rightful/..\\secret.txt', 400],
    ['app://rightful/assets\\..\\..\\secret.txt', 400],
    ['app://rightful/%E0%A4%A', 400],
    ['app://rightful/index.html\n', 400],
    ['app://rightful/a b.js', 400],
    ['app://rightful//etc/passwd', 404],
    ['app://rightful/.env', 404],
    ['app://rightful/assets/.secret.js', 404],
    ['app://evil/index.html', 404],
    ['app://rightful.evil/index.html', 404],
    ['app://rightful:8080/index.html', 404],
    ['app://user@rightful/index.html', 404],
    ['app://rightful@evil/index.html', 404],
    ['app:rightful/index.html', 404],
    ['file:///etc/passwd', 400],
    ['https://rightful/index.html', 400],
    ['not a url', 400],
    [`app://rightful/assets/${'a'.repeat(5_000)}.js`, 400],
  ] as const)('refuses %j, or keeps it inside the folder', (url, status) => {
    const lookup = resolveAppFile(url, root)
    if (status === 200) {
      // The parser resolves "%2E%2E" to ".." itself: the result is still the folder's own index.html.
      expect(lookup).toMatchObject({ kind: 'file', file: path.join(root, 'index.html') })
      return
    }
    expect(lookup).toMatchObject({ kind: 'refused', status })
  })

  it('never resolves outside the folder, whatever the dot segments', () => {
    // The URL parser resolves plain and encoded dot segments first; what is left stays inside.
    for (const url of ['app://rightful/../secret.txt', 'app://rightful/%2e%2e/secret.txt', 'app://rightful/assets/../../../../secret.js', 'app://rightful/.%2E/.%2e/secret.js']) {
      const lookup = resolveAppFile(url, root)
      if (lookup.kind === 'file') expect(path.relative(root, lookup.file).startsWith('..'), url).toBe(false)
    }
  })
})

describe('the protocol handler', () => {
  it('serves the build with its types, the CSP and nosniff', async () => {
    const page = await get('app://rightful/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(productionCsp)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toBe('<!doctype html><title>Rightful</title>')

    const script = await get('app://rightful/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log("app")')
    expect((await get('app://rightful/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect((await get('app://rightful/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml')
    const font = await get('app://rightful/assets/font.woff2')
    expect(font.headers.get('content-type')).toBe('font/woff2')
    expect(Buffer.from(await font.arrayBuffer())).toEqual(Buffer.from([0x77, 0x4f, 0x46, 0x32]))
    expect(await (await get('app://rightful/')).text()).toContain('Rightful')
  })

  it('answers HEAD without a body, and refuses other methods', async () => {
    const head = await get('app://rightful/assets/index-abc.js', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String('console.log("app")'.length))
    expect(await head.text()).toBe('')
    const post = await get('app://rightful/index.html', { method: 'POST', body: 'x' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
  })

  it('never hands out a file from outside the folder', async () => {
    const attempts = [
      'app://rightful/../secret.txt',
      'app://rightful/../../secret.txt',
      'app://rightful/%2e%2e/%2e%2e/secret.txt',
      'app://rightful/..%2f..%2fsecret.txt',
      'app://rightful/..%252f..%252fsecret.txt',
      'app://rightful/assets/..%5c..%5c..%5csecret.js',
      'app://rightful/.env',
      `app://rightful/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      'app://evil/secret.txt',
    ]
    for (const url of attempts) {
      const response = await get(url)
      expect(response.status, url).toBeGreaterThanOrEqual(400)
      expect(await response.text(), url).not.toContain('SECRET')
      expect(response.headers.get('content-type'), url).toBe('text/plain; charset=utf-8')
    }
  })

  it('does not follow a link out of the folder', async () => {
    fs.symlinkSync(path.join(base, 'secret.js'), path.join(root, 'assets', 'linked.js'))
    const response = await get('app://rightful/assets/linked.js')
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('SECRET')
    // A link that stays inside is followed.
    fs.symlinkSync(path.join(root, 'assets', 'index-abc.js'), path.join(root, 'assets', 'alias.js'))
    expect(await (await get('app://rightful/assets/alias.js')).text()).toBe('console.log("app")')
  })

  it('says 404 for a missing file, a folder, or a build that is not there', async () => {
    expect((await get('app://rightful/assets/missing.js')).status).toBe(404)
    fs.mkdirSync(path.join(root, 'assets', 'nested.js'))
    expect((await get('app://rightful/assets/nested.js')).status).toBe(404)
    const unbuilt = createAppProtocolHandler({ rootDir: path.join(base, 'nowhere'), csp: productionCsp })
    expect((await unbuilt(new Request(appIndexUrl))).status).toBe(404)
  })

  it('says 500, and logs, when a file cannot be read', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const broken = createAppProtocolHandler({
      rootDir: root,
      csp: productionCsp,
      readFile: async () => {
        throw Object.assign(new Error('I/O error'), { code: 'EIO' })
      },
    })
    const response = await broken(new Request(appIndexUrl))
    expect(response.status).toBe(500)
    expect(response.headers.get('content-security-policy')).toBe(productionCsp)
    expect(log).toHaveBeenCalled()
    log.mockRestore()
  })
})
