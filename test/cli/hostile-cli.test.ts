/**
 * The CLI with companies named like what every JavaScript object has: `rightful catalog add --name
 * Constructor` once made every later command fail. Each name is added, shown, changed, written to,
 * exported, imported elsewhere and deleted, each command a fresh start of the core; and damage found
 * in a store is told on stderr, once, and listed by `rightful notices` until dismissed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { repoRoot, tempDir } from '../helpers/ports'
import { simpleEml } from '../helpers/replies'

async function run(argv: string[], dataDir: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir }, cwd: dataDir }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr }
}

async function json(argv: string[], dataDir: string) {
  const result = await run([...argv, '--json'], dataDir)
  expect(result.stderr, `${argv.join(' ')}: ${result.stderr}`).toBe('')
  expect(result.code, argv.join(' ')).toBe(0)
  return JSON.parse(result.stdout)
}

const names = ['Constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf']
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '')

describe('rightful with companies named constructor, __proto__, toString …', () => {
  it('adds, lists, shows, changes, writes to, exports, imports and deletes each one', async () => {
    const data = tempDir()
    const profile = path.join(data, 'profile.in.json')
    fs.writeFileSync(profile, JSON.stringify({ name: 'Alex Example', email: 'alex@example.org', address: 'Musterstraße 12\n10115 Berlin', country: 'DE' }))
    const ids = new Map<string, string>()
    for (const name of names) {
      const added = await json(['catalog', 'add', '--name', name, '--email', `privacy@${slug(name)}.example`, '--address', '1 Main Street; 10115 Berlin', '--country', 'DE'], data)
      expect(added).toMatchObject({ name, privacyEmail: `privacy@${slug(name)}.example` })
      ids.set(name, added.id)
    }
    expect(ids.get('Constructor')).toBe('constructor')

    const listed = await json(['catalog', 'list'], data)
    for (const [name, id] of ids) expect(listed.find((c: { id: string }) => c.id === id)).toMatchObject({ name })
    expect((await json(['catalog', 'search', 'Constructor'], data))[0]).toMatchObject({ id: 'constructor' })

    for (const [name, id] of ids) {
      expect(await json(['catalog', 'show', id], data)).toMatchObject({ id, name, origin: 'user' })
      const edited = await json(['catalog', 'edit', id, '--email', `dpo@${slug(name)}.example`, '--purpose', 'dpo'], data)
      expect(edited.emails.map((e: { address: string }) => e.address)).toEqual([`privacy@${slug(name)}.example`, `dpo@${slug(name)}.example`])
      const draft = await json(['draft', '--company', id, '--type', 'access', '--law', 'gdpr', '--profile', profile], data)
      // The address the user added last for privacy requests is the one requests go to.
      expect(draft.to).toBe(`dpo@${slug(name)}.example`)
      expect(draft.body).toContain(name)
      expect(draft.body).not.toContain('function')
    }
    const requests = await json(['requests', 'list'], data)
    expect(requests).toHaveLength(names.length)

    // A reply to a request to "Constructor" (not sent: it waits, unmatched, and is kept).
    const eml = path.join(data, 'reply.eml')
    fs.writeFileSync(eml, simpleEml({ from: 'privacy@constructor.example', subject: 'Your request', body: 'We got it.' }))
    expect(await json(['replies', 'import', eml], data)).toMatchObject({ duplicate: false, matched: null })
    expect(await json(['replies', 'list', '--pending'], data)).toHaveLength(1)

    const out = path.join(tempDir('rightful-export-'), 'catalog.json')
    expect(await json(['catalog', 'export', '--out', out], data)).toEqual({ path: out, companies: names.length })
    const other = tempDir()
    expect(await json(['catalog', 'import', out, '--format', 'rightful'], other)).toEqual({ imported: names.length, rejected: [] })
    const ours = async (dir: string) => (await json(['catalog', 'list'], dir)).filter((c: { id: string }) => [...ids.values()].includes(c.id))
    expect(await ours(other)).toEqual(await ours(data))
    expect(await ours(other)).toHaveLength(names.length)
    for (const [name, id] of ids) expect(await json(['catalog', 'show', id], other)).toMatchObject({ name, emails: [{}, {}] })

    for (const id of ids.values()) expect(await json(['catalog', 'delete', id], data)).toEqual({ id, restorable: false })
    for (const id of ids.values()) expect((await run(['catalog', 'show', id], data)).code).toBe(1)
    // The requests to them keep what they were written with.
    expect((await json(['requests', 'list'], data)).map((r: { companyName: string }) => r.companyName).sort()).toEqual([...names].sort())
  }, 120_000)
})

describe('rightful with imported records named constructor and prototype', () => {
  it('imports, deletes and restores them', async () => {
    const data = tempDir()
    const folder = tempDir('rightful-records-')
    for (const slug of ['constructor', 'prototype']) {
      fs.writeFileSync(
        path.join(folder, `${slug}.json`),
        JSON.stringify({
          slug,
          'relevant-countries': ['all'],
          name: slug,
          address: '1 High Street\nLondon\nSW1A 1AA\nUnited Kingdom',
          email: `privacy@${slug}.example`,
          web: `https://www.${slug}.example`,
          sources: [`https://www.${slug}.example/privacy`],
          quality: 'verified',
        }),
      )
    }
    expect(await json(['catalog', 'import', folder, '--format', 'datarequests'], data)).toEqual({ imported: 2, rejected: [] })
    for (const id of ['constructor', 'prototype']) {
      expect(await json(['catalog', 'show', id], data)).toMatchObject({ id, origin: 'imported' })
      expect(await json(['catalog', 'delete', id], data)).toEqual({ id, restorable: true })
    }
    expect(await json(['catalog', 'restore', 'constructor'], data)).toMatchObject({ id: 'constructor', origin: 'imported' })
    const ids = (await json(['catalog', 'list'], data)).map((c: { id: string }) => c.id)
    expect(ids).toContain('constructor')
    expect(ids).not.toContain('prototype')
    expect((await run(['catalog', 'restore', 'hasownproperty'], data)).code).toBe(1)
  })
})

describe('rightful tells what it set aside', () => {
  it('prints a notice on stderr once, lists it until dismissed, and keeps every readable company', async () => {
    const data = tempDir()
    await json(['catalog', 'add', '--name', 'Keep Me', '--email', 'privacy@keep.example'], data)
    await json(['catalog', 'add', '--name', 'Broken Field', '--email', 'privacy@broken.example'], data)
    const file = path.join(data, 'catalog-edits.json')
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'))
    stored.companies['broken-field'].emails[0].purpose = 'from a newer Rightful'
    fs.writeFileSync(file, JSON.stringify(stored))

    const first = await run(['catalog', 'list', '--json'], data)
    expect(first.code).toBe(0)
    const ids = JSON.parse(first.stdout).map((c: { id: string }) => c.id)
    expect(ids).toContain('keep-me')
    expect(ids).not.toContain('broken-field')
    expect(first.stderr).toMatch(/^rightful: notice: 1 of your catalog changes could not be read \(companies: broken-field: emails\.0\.purpose/)
    expect(first.stderr).toContain('set aside in')
    const aside = /set aside in (\S+?); nothing was deleted/.exec(first.stderr)![1]!
    expect(JSON.parse(fs.readFileSync(aside, 'utf8')).entries[0]).toMatchObject({ key: 'companies: broken-field', data: { name: 'Broken Field' } })

    // Printed once; listed until dismissed.
    expect((await run(['catalog', 'list', '--json'], data)).stderr).toBe('')
    const listed = await json(['notices'], data)
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ code: 'RECORDS_SET_ASIDE', movedTo: aside })
    expect((await run(['notices', 'dismiss', 'notice-nope'], data)).code).toBe(1)
    expect(await json(['notices', 'dismiss', listed[0].id], data)).toEqual({ dismissed: [listed[0].id] })
    expect(await json(['notices'], data)).toEqual([])
    expect((await run(['notices', 'dismiss'], data)).code).toBe(2)
  })
})
