// @module-tag corpus
/**
 * Set 10 of the held-out policies: drawn from public repositories that publish a policy at a fixed
 * path (scripts/policy-heldout-repos.ts), its pool, labels and sources committed, its excerpts not.
 * These checks read the pool, labels and sources, and the excerpts where they are here; they never
 * run the extractor on set 10 (only the bench does, once, on the final candidate).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { drawOrder, earlierRepositories, fileName, poolSchema, privacyWord, unfilledBlank } from '../../scripts/policy-heldout-repos'
import { heldout10Dir, heldoutTextDir, loadHeldout3 } from '../helpers/policy-heldout3'

type Source = { sha256: string; repository: string; commit: string; path: string; version: string; chars: number }
type Label = {
  privacyEmails: string[]
  acceptFirst?: string[]
  otherEmails: string[]
  ignoreEmails?: string[]
  excluded?: string[]
  addresses: Array<{ country: string; match: string }>
  company: string[]
  note: string
}
const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(heldout10Dir, file), 'utf8')) as T
const textDir = heldoutTextDir(heldout10Dir)
if (textDir === null) console.log('[skip reason] the excerpts of set 10 are not here (the corpora folder of test/helpers/corpora.ts): only its pool, labels and sources are checked.')

const email = /^[A-Za-z0-9][A-Za-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,24}$/

describe('held-out set 10', () => {
  const pool = poolSchema.parse(read('pool.json'))
  const labels = read<{ about: string; policies: Record<string, Label> }>('labels.json').policies
  const sourcesFile = read<{ about: string; files: Record<string, Source> }>('sources.json')
  const sources = sourcesFile.files

  it('labels 48 policies, each with its source (repository, commit, path, SHA-256), and commits no excerpt', () => {
    expect(Object.keys(labels)).toHaveLength(48)
    expect(Object.keys(sources).sort()).toEqual(Object.keys(labels).sort())
    for (const [file, source] of Object.entries(sources)) {
      expect(source.repository).toMatch(/^github\.com\/[\w.-]+\/[\w.-]+$/)
      expect(source.commit).toMatch(/^[0-9a-f]{40}$/)
      expect(source.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(fileName('10', source.repository.slice('github.com/'.length))).toBe(file)
    }
    expect(fs.readdirSync(heldout10Dir).sort()).toEqual(['README.md', 'labels.json', 'pool.json', 'sources.json'])
  })

  it('labels are well formed: clean addresses, acceptFirst among the privacy contacts, a company, a note', () => {
    for (const [file, label] of Object.entries(labels)) {
      for (const address of [...label.privacyEmails, ...label.otherEmails]) expect(address, file).toMatch(email)
      for (const first of label.acceptFirst ?? []) expect(label.privacyEmails, file).toContain(first)
      for (const address of label.privacyEmails) expect(label.otherEmails, file).not.toContain(address)
      for (const a of label.addresses) expect(a.country, file).toMatch(/^[A-Z]{2}$/)
      expect(label.company.length, file).toBeGreaterThan(0)
      expect(label.note.length, file).toBeGreaterThan(20)
    }
    const withContact = Object.values(labels).filter((l) => l.privacyEmails.length > 0).length
    expect([withContact, 48 - withContact]).toEqual([28, 20])
  })

  it('draws from repositories no earlier set used, one policy per owner, each from its path in pool.json', () => {
    const earlier = earlierRepositories(path.resolve(heldout10Dir, '..'), 'policies-heldout10')
    expect(earlier.size).toBeGreaterThan(0)
    const owners = new Set<string>()
    for (const source of Object.values(sources)) {
      const repo = source.repository.slice('github.com/'.length)
      expect(earlier.has(repo.toLowerCase()), repo).toBe(false)
      const owner = repo.split('/')[0]!.toLowerCase()
      expect(owners.has(owner), owner).toBe(false)
      owners.add(owner)
      const listed = pool.pools.find((p) => p.path === source.path)
      expect(listed?.repositories, repo).toContain(repo)
    }
  })

  it('is the seed 20261210 draw: in each path, the repositories before the last one taken were taken, passed over with a reason, or of an owner already drawn', () => {
    expect(sourcesFile.about).toContain('--seed 20261210')
    const earlier = earlierRepositories(path.resolve(heldout10Dir, '..'), 'policies-heldout10')
    const taken = new Set(Object.values(sources).map((s) => s.repository.slice('github.com/'.length)))
    const owners = new Set<string>()
    for (const entry of drawOrder(pool, 20261210, earlier)) {
      const mine = entry.order.filter((r) => taken.has(r))
      expect(mine, entry.path).toHaveLength(entry.take)
      const last = entry.order.indexOf(mine[mine.length - 1]!)
      for (const repo of entry.order.slice(0, last + 1)) {
        const owner = repo.split('/')[0]!.toLowerCase()
        if (taken.has(repo)) expect(owners.has(owner), repo).toBe(false)
        else if (!owners.has(owner)) expect(sourcesFile.about, repo).toContain(`${repo} ${entry.path} (`)
        owners.add(owner)
      }
    }
  })

  it('passes over what is not one service\'s policy, by rules that read no contact', () => {
    expect(privacyWord.test('Datenschutzerklärung')).toBe(true)
    expect(privacyWord.test('プライバシーポリシー')).toBe(true)
    expect(privacyWord.test('Politique de confidentialité')).toBe(true)
    expect(privacyWord.test('Terms of Service')).toBe(false)
    // As the draw ran: case-sensitive, English blanks only (a French or Spanish blank is labelled, not passed over).
    expect(unfilledBlank.test('Contact us at [your email address].')).toBe(true)
    expect(unfilledBlank.test('Made by [company name].')).toBe(true)
    expect(unfilledBlank.test('Write to YOUR_EMAIL')).toBe(true)
    expect(unfilledBlank.test('Write to {{email}}')).toBe(true)
    expect(unfilledBlank.test('E-Mail: {{ site.email }}')).toBe(false)
    expect(unfilledBlank.test('Write to privacy@example.test [external link]')).toBe(false)
  })

  it('orders each path the same way for the same seed, and leaves out repositories of earlier sets', () => {
    const small = poolSchema.parse({ about: '', pools: [{ path: 'privacy.md', take: 2, listed: 'all 4', repositories: ['a/one', 'b/two', 'c/three', 'd/four'] }] })
    const once = drawOrder(small, 7, new Set())
    expect(drawOrder(small, 7, new Set())).toEqual(once)
    expect([...once[0]!.order].sort()).toEqual(['a/one', 'b/two', 'c/three', 'd/four'])
    expect(drawOrder(small, 7, new Set(['b/two']))[0]!.order).not.toContain('b/two')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heldout10-earlier-'))
    try {
      fs.mkdirSync(path.join(dir, 'policies-heldout4'))
      fs.writeFileSync(path.join(dir, 'policies-heldout4', 'sources.json'), JSON.stringify({ files: { 'x.md': { source: 'github.com/Some/Repo docs/privacy.md @abc' }, 'y.md': { repository: 'github.com/Other/Site' } } }))
      expect([...earlierRepositories(dir)].sort()).toEqual(['other/site', 'some/repo'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it.skipIf(textDir === null)('loads every excerpt that was labelled, and refuses one that differs from it', () => {
    expect(loadHeldout3(heldout10Dir, textDir)).toHaveLength(48)
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'heldout10-'))
    try {
      for (const f of fs.readdirSync(textDir!)) fs.copyFileSync(path.join(textDir!, f), path.join(copy, f))
      const first = fs.readdirSync(copy).sort()[0]!
      fs.appendFileSync(path.join(copy, first), 'privacy@changed.example\n')
      expect(() => loadHeldout3(heldout10Dir, copy)).toThrow(/not the excerpt that was labelled/)
    } finally {
      fs.rmSync(copy, { recursive: true, force: true })
    }
  })
})
