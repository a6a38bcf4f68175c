// @module-tag process
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot, tempDir } from '../helpers/ports'

// What each command of the built CLI (npm run build:cli) loads: the bundle's files that Node
// required, read back for the module comments the bundler leaves ("// node_modules/pdfkit/…").
const bin = path.join(repoRoot, 'bin', 'rightful.js')
const build = path.join(repoRoot, 'build', 'cli')

function loadedBy(argv: string[]): { status: number | null; stdout: string; loaded: string } {
  const dir = tempDir()
  const report = path.join(dir, 'loaded.json')
  const hook = path.join(dir, 'hook.cjs')
  fs.writeFileSync(hook, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(Object.keys(require.cache))))\n`)
  const result = spawnSync(process.execPath, ['--require', hook, bin, ...argv], {
    env: { ...process.env, RIGHTFUL_DATA_DIR: path.join(dir, 'data'), XDG_CACHE_HOME: path.join(dir, 'cache') },
    encoding: 'utf8',
    cwd: dir,
  })
  const files = (JSON.parse(fs.readFileSync(report, 'utf8')) as string[]).filter((file) => file.startsWith(build + path.sep))
  expect(files).toContain(path.join(build, 'cli.js'))
  return { status: result.status, stdout: result.stdout, loaded: files.map((file) => fs.readFileSync(file, 'utf8')).join('\n') }
}

const libraries = ['pdfkit', 'fontkit', 'nodemailer', 'mailparser', 'imapflow', 'html-to-text', 'ics']
const has = (loaded: string, library: string) => loaded.includes(`node_modules/${library}/`)

describe('the CLI loads what a command needs, when it needs it', () => {
  it('answers --version without the core or any of its libraries', () => {
    const run = loadedBy(['--version'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
    expect(run.loaded).not.toContain('// electron/core/api/create-api.ts')
    for (const library of [...libraries, 'date-holidays']) expect(has(run.loaded, library), library).toBe(false)
  })

  it('computes a deadline with the deadline engine and its holiday tables alone: not the rest of the core, conf, date-holidays, PDF, mail or calendar libraries', () => {
    const run = loadedBy(['deadline', '--law', 'gdpr', '--country', 'DE-BY', '--received', '2026-01-31', '--json'])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).due).toBe('2026-03-02')
    expect(run.loaded).toContain('// electron/core/api/narrow-api.ts')
    expect(run.loaded).not.toContain('// electron/core/requests/repository.ts')
    expect(run.loaded).toContain('// electron/core/deadlines/engine.ts')
    expect(run.loaded).not.toContain('// electron/core/api/create-api.ts')
    expect(run.loaded).not.toContain('// electron/core/catalog/catalog.ts')
    expect(run.loaded).not.toContain('// electron/core/catalog/policy-import/identity.ts')
    for (const library of [...libraries, 'conf', 'ajv', 'date-holidays', 'yaml', 'mustache']) expect(has(run.loaded, library), library).toBe(false)
  })

  it('lists the requests with the request store and the deadline engine alone: not the catalog, templates, conf, PDF or mail', () => {
    const run = loadedBy(['requests', 'list', '--json'])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual([])
    expect(run.loaded).toContain('// electron/core/requests/repository.ts')
    expect(run.loaded).not.toContain('// electron/core/api/create-api.ts')
    expect(run.loaded).not.toContain('// electron/core/catalog/catalog.ts')
    expect(run.loaded).not.toContain('// electron/core/templates/templates.ts')
    for (const library of [...libraries, 'conf', 'ajv', 'date-holidays', 'yaml', 'mustache']) expect(has(run.loaded, library), library).toBe(false)
  })

  it('counts a year outside the holiday tables with date-holidays, which the built CLI requires from node_modules', () => {
    const run = loadedBy(['deadline', '--law', 'gdpr', '--country', 'DE-BY', '--received', '2050-12-06', '--json'])
    expect(run.status).toBe(0)
    // Friday 6 January 2051 is Epiphany, a public holiday in Bavaria: the last day moves past the weekend to Monday.
    expect(JSON.parse(run.stdout)).toMatchObject({ due: '2051-01-09' })
  })

  it('loads pdfkit and fontkit for a letter, and the letter is written: through the letter API, without mail, IMAP, replies, bulk, discover, backup, evidence or authorities', () => {
    const dir = tempDir()
    const out = path.join(dir, 'letter.pdf')
    const profile = path.join(dir, 'profile.json')
    fs.writeFileSync(profile, JSON.stringify({ name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin\nGermany' }))
    const run = loadedBy(['letter', '--company', 'fs-com', '--type', 'access', '--profile', profile, '--out', out])
    expect(run.status).toBe(0)
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')
    expect(has(run.loaded, 'pdfkit')).toBe(true)
    expect(has(run.loaded, 'fontkit')).toBe(true)
    expect(has(run.loaded, 'mailparser')).toBe(false)
    expect(run.loaded).toContain('// electron/core/api/letter-api.ts')
    expect(run.loaded).toContain('// electron/core/requests/repository.ts')
    expect(run.loaded).toContain('// electron/core/letters/render.ts')
    expect(run.loaded).not.toContain('// electron/core/api/create-api.ts')
    for (const part of ['mail/service', 'replies/service', 'replies/imap-service', 'bulk/service', 'discover/service', 'backup/service', 'evidence/service', 'authorities/authorities']) {
      expect(run.loaded, part).not.toContain(`// electron/core/${part}.ts`)
    }
    for (const library of ['nodemailer', 'mailparser', 'imapflow', 'html-to-text', 'ics']) expect(has(run.loaded, library), library).toBe(false)
  })

  it('writes a letter on letter ports: the stores read without conf, ajv or the rest of node-ports, and no PDF library started that a letter never runs', () => {
    const dir = tempDir()
    const profile = path.join(dir, 'profile.json')
    fs.writeFileSync(profile, JSON.stringify({ name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin\nGermany' }))
    const run = loadedBy(['letter', '--company', 'fs-com', '--type', 'access', '--profile', profile, '--out', path.join(dir, 'letter.pdf'), '--json'])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ reference: 'RF-2026-0001' })
    expect(run.loaded).toContain('// electron/adapters/node/letter-ports.ts')
    expect(run.loaded).toContain('// electron/adapters/node/narrow-ports.ts')
    for (const part of ['node-ports', 'conf-stores', 'policy-fetch']) expect(run.loaded, part).not.toContain(`// electron/adapters/node/${part}.ts`)
    for (const library of ['conf', 'ajv', 'ajv-formats', 'atomically', 'dot-prop', 'semver', 'nodemailer']) expect(has(run.loaded, library), library).toBe(false)
    // The libraries of the PDF code that a letter never runs are in the bundle behind their stand-ins (vite.lazy-modules.ts).
    for (const standIn of ['brotli/decompress.js', 'linebreak']) expect(run.loaded, standIn).toContain(`rightful-lazy:${standIn}`)
  })
})
