// @module-tag corpus
/**
 * Set 12 of the held-out policies: drawn from public repositories that publish a policy at eight fixed
 * paths no earlier set used, six of them HTML pages (scripts/policy-heldout-repos.ts), its pool, labels and
 * sources committed, its excerpts not. These checks read the pool, labels and sources, and the excerpts
 * where they are here; they never run the extractor on set 12 (only the bench does, once, on the final
 * candidate). The template rule added for set 12 is checked on texts of its own.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { drawnLater } from '../../scripts/policy-heldout-cut'
import { drawOrder, earlierRepositories, fileName, isHtmlPath, isTemplate, poolSchema } from '../../scripts/policy-heldout-repos'
import { heldout10Dir, heldout11Dir, heldout12Dir, heldoutTextDir, loadHeldout3 } from '../helpers/policy-heldout3'

type Source = { sha256: string; repository: string; commit: string; path: string; version: string; chars: number }
type Label = {
  privacyEmails: string[]
  acceptFirst?: string[]
  otherEmails: string[]
  ignoreEmails?: string[]
  excluded?: string[]
  addresses: Array<{ country: string; match: string }>
  ignoreAddresses?: string[]
  company: string[]
  note: string
}
const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(heldout12Dir, file), 'utf8')) as T
const textDir = heldoutTextDir(heldout12Dir)
if (textDir === null) console.log('[skip reason] the excerpts of set 12 are not here (the corpora folder of test/helpers/corpora.ts): only its pool, labels and sources are checked.')

const email = /^[A-Za-z0-9][A-Za-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,24}$/

describe('held-out set 12', () => {
  const pool = poolSchema.parse(read('pool.json'))
  const labels = read<{ about: string; policies: Record<string, Label> }>('labels.json').policies
  const sourcesFile = read<{ about: string; files: Record<string, Source> }>('sources.json')
  const sources = sourcesFile.files

  it('labels 48 policies, each with its source (repository, commit, path, SHA-256), HTML pages as .html, and commits no excerpt', () => {
    expect(Object.keys(labels)).toHaveLength(48)
    expect(Object.keys(sources).sort()).toEqual(Object.keys(labels).sort())
    for (const [file, source] of Object.entries(sources)) {
      expect(source.repository).toMatch(/^github\.com\/[\w.-]+\/[\w.-]+$/)
      expect(source.commit).toMatch(/^[0-9a-f]{40}$/)
      expect(source.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(fileName('12', source.repository.slice('github.com/'.length), isHtmlPath(source.path) ? 'html' : 'md')).toBe(file)
    }
    const pages = Object.values(sources).filter((s) => isHtmlPath(s.path)).length
    expect([pages, 48 - pages]).toEqual([36, 12])
    expect(fs.readdirSync(heldout12Dir).sort()).toEqual(['README.md', 'labels.json', 'pool.json', 'sources.json'])
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
    expect([withContact, 48 - withContact]).toEqual([32, 16])
  })

  it('draws from paths and repositories no earlier set used, one policy per owner, each from its path in pool.json', () => {
    const earlier = earlierRepositories(path.resolve(heldout12Dir, '..'), 'policies-heldout12')
    expect(earlier.size).toBeGreaterThan(0)
    const earlierPaths = new Set(
      [heldout10Dir, heldout11Dir].flatMap((dir) => poolSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'pool.json'), 'utf8'))).pools.map((p) => p.path)),
    )
    for (const entry of pool.pools) expect(earlierPaths.has(entry.path), entry.path).toBe(false)
    const owners = new Set<string>()
    for (const source of Object.values(sources)) {
      const repo = source.repository.slice('github.com/'.length)
      expect(earlier.has(repo.toLowerCase()), repo).toBe(false)
      const owner = repo.split('/')[0]!.toLowerCase()
      expect(owners.has(owner), owner).toBe(false)
      owners.add(owner)
      expect(pool.pools.find((p) => p.path === source.path)?.repositories, repo).toContain(repo)
    }
  })

  it('is the seed 20261212 draw: in each path, the repositories before the last one taken were taken, passed over with a reason, or of an owner already drawn', () => {
    expect(sourcesFile.about).toContain('--seed 20261212')
    const earlier = earlierRepositories(path.resolve(heldout12Dir, '..'), 'policies-heldout12')
    // A repository can hold two of the paths (0ambition-inc/goalweight-privacy-policy: privacy_policy.md and .html): taken from one.
    const takenFrom = new Map(Object.values(sources).map((s) => [s.repository.slice('github.com/'.length), s.path]))
    const taken = new Set(takenFrom.keys())
    const owners = new Set<string>()
    for (const entry of drawOrder(pool, 20261212, earlier)) {
      const mine = entry.order.filter((r) => takenFrom.get(r) === entry.path)
      expect(mine, entry.path).toHaveLength(entry.take)
      const last = entry.order.indexOf(mine[mine.length - 1]!)
      for (const repo of entry.order.slice(0, last + 1)) {
        const owner = repo.split('/')[0]!.toLowerCase()
        if (takenFrom.get(repo) === entry.path) expect(owners.has(owner), repo).toBe(false)
        else if (taken.has(repo)) expect(owners.has(owner), repo).toBe(true)
        else if (!owners.has(owner)) expect(sourcesFile.about, repo).toContain(`${repo} ${entry.path} (`)
        owners.add(owner)
      }
    }
  })

  it('leaves set 12 out of the earlier draws, so sets 10 and 11 are drawn the same with set 12 beside them', () => {
    expect(drawnLater('policies-heldout12', 'policies-heldout11')).toBe(true)
    expect(drawnLater('policies-heldout12', 'policies-heldout10')).toBe(true)
    expect(drawnLater('policies-heldout11', 'policies-heldout12')).toBe(false)
    const set12 = Object.values(sources).map((s) => s.repository.slice('github.com/'.length).toLowerCase())
    for (const before of ['policies-heldout10', 'policies-heldout11']) {
      const used = earlierRepositories(path.resolve(heldout12Dir, '..'), before)
      for (const repo of set12) expect(used.has(repo), `${before} ${repo}`).toBe(false)
    }
  })

  it('passes over templates by rules that read no contact: from set 12 on also a blank in capitals or another language, or an optional part left in brackets', () => {
    expect(isTemplate('If you have any questions, please contact us at [Your Contact Information].', '12')).toBe(true)
    expect(isTemplate('Verantwortliche Stelle: [bitte ergänzen]<br> E-Mail: [bitte ergänzen]', '12')).toBe(true)
    expect(isTemplate('Contact : [à compléter]', '12')).toBe(true)
    expect(isTemplate('E-mail: [preencher]', '12')).toBe(true)
    expect(isTemplate('* **[Optional: Specific Data, e.g., XP points]**', '12')).toBe(true)
    expect(isTemplate('by using the `[e.g., !resetdata]` command', '12')).toBe(true)
    // Sets 10 and 11 were drawn without it: the same texts are not templates there.
    for (const set of ['10', '11']) {
      expect(isTemplate('please contact us at [Your Contact Information].', set)).toBe(false)
      expect(isTemplate('Verantwortliche Stelle: [bitte ergänzen]', set)).toBe(false)
      expect(isTemplate('* **[Optional: Specific Data]**', set)).toBe(false)
    }
    // Filled-in policies with brackets elsewhere are not templates.
    expect(isTemplate('Rechtsgrundlage [Art. 6 Abs. 1 lit. f DSGVO]', '12')).toBe(false)
    expect(isTemplate('Zu den verarbeiteten Daten zählen: [Ihr Name]', '12')).toBe(false)
    expect(isTemplate('Name: [Name of Officer], Email: dpo@geo.test', '12')).toBe(false)
    expect(isTemplate('Write to privacy@yourbank.test [optional]', '12')).toBe(false)
  })

  it.skipIf(textDir === null)('loads every excerpt that was labelled, and refuses one that differs from it', () => {
    expect(loadHeldout3(heldout12Dir, textDir)).toHaveLength(48)
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'heldout12-'))
    try {
      for (const f of fs.readdirSync(textDir!)) fs.copyFileSync(path.join(textDir!, f), path.join(copy, f))
      const first = fs.readdirSync(copy).sort()[0]!
      fs.appendFileSync(path.join(copy, first), 'privacy@changed.example\n')
      expect(() => loadHeldout3(heldout12Dir, copy)).toThrow(/not the excerpt that was labelled/)
    } finally {
      fs.rmSync(copy, { recursive: true, force: true })
    }
  })
})
