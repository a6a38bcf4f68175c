// @module-tag corpus
/**
 * Set 11 of the held-out policies: drawn from public repositories that publish a policy at nine fixed
 * paths no earlier set used, HTML pages among them (scripts/policy-heldout-repos.ts), its pool, labels and
 * sources committed, its excerpts not. These checks read the pool, labels and sources, and the excerpts
 * where they are here; they never run the extractor on set 11 (only the bench does, once, on the final
 * candidate). The draw's HTML layout and template rules are checked on texts of their own.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { drawnLater, setNumber } from '../../scripts/policy-heldout-cut'
import { drawOrder, earlierRepositories, fileName, htmlBlocks, htmlHeading, isHtmlPath, isTemplate, poolSchema } from '../../scripts/policy-heldout-repos'
import { heldout10Dir, heldout11Dir, heldoutTextDir, loadHeldout3 } from '../helpers/policy-heldout3'

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
const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(heldout11Dir, file), 'utf8')) as T
const textDir = heldoutTextDir(heldout11Dir)
if (textDir === null) console.log('[skip reason] the excerpts of set 11 are not here (the corpora folder of test/helpers/corpora.ts): only its pool, labels and sources are checked.')

const email = /^[A-Za-z0-9][A-Za-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,24}$/

describe('held-out set 11', () => {
  const pool = poolSchema.parse(read('pool.json'))
  const labels = read<{ about: string; policies: Record<string, Label> }>('labels.json').policies
  const sourcesFile = read<{ about: string; files: Record<string, Source> }>('sources.json')
  const sources = sourcesFile.files

  it('labels 50 policies, each with its source (repository, commit, path, SHA-256), HTML pages as .html, and commits no excerpt', () => {
    expect(Object.keys(labels)).toHaveLength(50)
    expect(Object.keys(sources).sort()).toEqual(Object.keys(labels).sort())
    for (const [file, source] of Object.entries(sources)) {
      expect(source.repository).toMatch(/^github\.com\/[\w.-]+\/[\w.-]+$/)
      expect(source.commit).toMatch(/^[0-9a-f]{40}$/)
      expect(source.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(fileName('11', source.repository.slice('github.com/'.length), isHtmlPath(source.path) ? 'html' : 'md')).toBe(file)
    }
    const pages = Object.values(sources).filter((s) => isHtmlPath(s.path)).length
    expect([pages, 50 - pages]).toEqual([32, 18])
    expect(fs.readdirSync(heldout11Dir).sort()).toEqual(['README.md', 'labels.json', 'pool.json', 'sources.json'])
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
    expect([withContact, 50 - withContact]).toEqual([37, 13])
  })

  it('draws from paths and repositories no earlier set used, one policy per owner, each from its path in pool.json', () => {
    const earlier = earlierRepositories(path.resolve(heldout11Dir, '..'), 'policies-heldout11')
    expect(earlier.size).toBeGreaterThan(0)
    const setTen = poolSchema.parse(JSON.parse(fs.readFileSync(path.join(heldout10Dir, 'pool.json'), 'utf8')))
    const tenPaths = new Set(setTen.pools.map((p) => p.path))
    for (const entry of pool.pools) expect(tenPaths.has(entry.path), entry.path).toBe(false)
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

  it('is the seed 20261211 draw: in each path, the repositories before the last one taken were taken, passed over with a reason, or of an owner already drawn', () => {
    expect(sourcesFile.about).toContain('--seed 20261211')
    const earlier = earlierRepositories(path.resolve(heldout11Dir, '..'), 'policies-heldout11')
    const taken = new Set(Object.values(sources).map((s) => s.repository.slice('github.com/'.length)))
    const owners = new Set<string>()
    for (const entry of drawOrder(pool, 20261211, earlier)) {
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

  it('leaves later sets out of an earlier draw, so set 10 is drawn the same with set 11 beside it', () => {
    expect([setNumber('policies-heldout11'), setNumber('policies-heldout7a'), setNumber('policies')]).toEqual([11, 7, null])
    expect(drawnLater('policies-heldout11', 'policies-heldout10')).toBe(true)
    expect(drawnLater('policies-heldout9', 'policies-heldout10')).toBe(false)
    expect(drawnLater('policies', 'policies-heldout10')).toBe(false)
    expect(drawnLater('policies-heldout11', undefined)).toBe(false)
    const beforeTen = earlierRepositories(path.resolve(heldout11Dir, '..'), 'policies-heldout10')
    for (const source of Object.values(sources)) expect(beforeTen.has(source.repository.slice('github.com/'.length).toLowerCase())).toBe(false)
  })

  it('lays an HTML page out in blocks: title kept, head, scripts and styles left out, only href kept, headings told apart', () => {
    const page = [
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Privacy &mdash; Example</title><style>p { color: red }</style></head>',
      '<body class="site"><nav><a href="/" class="logo">Home</a></nav><main><h1 id="top">Privacy Policy</h1><p style="x">We &amp; you.</p>',
      '<h2>Contact</h2><p>Write to <a href="mailto:privacy@example.test" target="_blank">privacy@example.test</a><br>Example Ltd<br/>1 Road</p>',
      '<script>const s = "</div>"</script><div><div></div></div></main></body></html>',
    ].join('\n')
    const blocks = htmlBlocks(page).trimEnd().split('\n\n')
    expect(blocks).toEqual([
      '<title>Privacy &mdash; Example</title>',
      '<nav><a href="/">Home</a></nav>',
      '<h1>Privacy Policy</h1>',
      '<p>We &amp; you.</p>',
      '<h2>Contact</h2>',
      '<p>Write to <a href="mailto:privacy@example.test">privacy@example.test</a><br>Example Ltd<br />1 Road</p>',
    ])
    expect(blocks.filter((b) => htmlHeading.test(b))).toEqual(['<h1>Privacy Policy</h1>', '<h2>Contact</h2>'])
    expect(htmlBlocks('<p data-x="a > b" href=\'mailto:a@b.test\'>x</p>')).toBe('<p href=\'mailto:a@b.test\'>x</p>\n')
  })

  it('passes over templates by rules that read no contact: from set 11 on also a controller blank in German, French or Spanish, or a placeholder domain', () => {
    expect(isTemplate('E-Mail: [E-Mail-Adresse der verantwortlichen Stelle]', '11')).toBe(true)
    expect(isTemplate('Contact : [adresse e-mail du responsable du traitement]', '11')).toBe(true)
    expect(isTemplate('Write to privacy@yourlink.com', '11')).toBe(true)
    expect(isTemplate('Mail us: info@yourdomain.com', '11')).toBe(true)
    // Set 10's draw ran without them: the same texts are not templates there.
    expect(isTemplate('E-Mail: [E-Mail-Adresse der verantwortlichen Stelle]', '10')).toBe(false)
    expect(isTemplate('Write to privacy@yourlink.com', '10')).toBe(false)
    // Filled-in policies with a blank elsewhere, and real addresses, are not templates.
    expect(isTemplate('Zu den verarbeiteten Daten zählen: [Ihr Name]', '11')).toBe(false)
    expect(isTemplate('Name: [Name of Officer], Email: dpo@geo.test', '11')).toBe(false)
    expect(isTemplate('Write to privacy@yourbank.test', '11')).toBe(false)
    expect(isTemplate('Contact us at [your email address].', '11')).toBe(true)
  })

  it.skipIf(textDir === null)('loads every excerpt that was labelled, and refuses one that differs from it', () => {
    expect(loadHeldout3(heldout11Dir, textDir)).toHaveLength(50)
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'heldout11-'))
    try {
      for (const f of fs.readdirSync(textDir!)) fs.copyFileSync(path.join(textDir!, f), path.join(copy, f))
      const first = fs.readdirSync(copy).sort()[0]!
      fs.appendFileSync(path.join(copy, first), 'privacy@changed.example\n')
      expect(() => loadHeldout3(heldout11Dir, copy)).toThrow(/not the excerpt that was labelled/)
    } finally {
      fs.rmSync(copy, { recursive: true, force: true })
    }
  })
})
