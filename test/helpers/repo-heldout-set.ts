/**
 * The checks every held-out set drawn from repositories' fixed paths shares (sets 10, 11, 12; see
 * scripts/policy-heldout-repos.ts): labels and sources agree and commit no excerpt, labels are well
 * formed, the draw used no earlier set's repository or path and took one policy per owner, it is the
 * recorded seed's draw, and the excerpts (where they are here) are the ones labelled. They read the
 * pool, labels and sources only; they never run the extractor.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { drawOrder, earlierRepositories, fileName, isHtmlPath, poolSchema } from '../../scripts/policy-heldout-repos'
import { heldoutTextDir, loadHeldout3 } from './policy-heldout3'

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

const email = /^[A-Za-z0-9][A-Za-z0-9._%+-]*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,24}$/

/** What one set's files must hold. */
export type RepoHeldoutSet = {
  /** '10', '11', … as in the file names. */
  readonly set: string
  readonly dir: string
  readonly seed: number
  readonly policies: number
  /** How many give a privacy contact. */
  readonly withContact: number
  /** How many are HTML pages (undefined: the set draws Markdown only). */
  readonly pages?: number
  /** Sets whose paths this set must not draw from again. */
  readonly earlierPoolDirs: ReadonlyArray<string>
}

/** The set's pool, labels and sources, read once. */
export function readRepoHeldoutSet(dir: string) {
  const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T
  const sourcesFile = read<{ about: string; files: Record<string, Source> }>('sources.json')
  return {
    pool: poolSchema.parse(read('pool.json')),
    labels: read<{ about: string; policies: Record<string, Label> }>('labels.json').policies,
    sourcesFile,
    sources: sourcesFile.files,
    textDir: heldoutTextDir(dir),
  }
}

/** Registers the shared checks inside the caller's `describe`. */
export function repoHeldoutSetChecks(spec: RepoHeldoutSet): void {
  const { pool, labels, sourcesFile, sources, textDir } = readRepoHeldoutSet(spec.dir)
  const folder = `policies-heldout${spec.set}`
  if (textDir === null) console.log(`[skip reason] the excerpts of set ${spec.set} are not here (the corpora folder of test/helpers/corpora.ts): only its pool, labels and sources are checked.`)

  it(`labels ${spec.policies} policies, each with its source (repository, commit, path, SHA-256), HTML pages as .html, and commits no excerpt`, () => {
    expect(Object.keys(labels)).toHaveLength(spec.policies)
    expect(Object.keys(sources).sort()).toEqual(Object.keys(labels).sort())
    for (const [file, source] of Object.entries(sources)) {
      expect(source.repository).toMatch(/^github\.com\/[\w.-]+\/[\w.-]+$/)
      expect(source.commit).toMatch(/^[0-9a-f]{40}$/)
      expect(source.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(fileName(spec.set, source.repository.slice('github.com/'.length), isHtmlPath(source.path) ? 'html' : 'md')).toBe(file)
    }
    const pages = Object.values(sources).filter((s) => isHtmlPath(s.path)).length
    expect(pages).toBe(spec.pages ?? 0)
    expect(fs.readdirSync(spec.dir).sort()).toEqual(['README.md', 'labels.json', 'pool.json', 'sources.json'])
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
    expect([withContact, spec.policies - withContact]).toEqual([spec.withContact, spec.policies - spec.withContact])
  })

  it('draws from paths and repositories no earlier set used, one policy per owner, each from its path in pool.json', () => {
    const earlier = earlierRepositories(path.resolve(spec.dir, '..'), folder)
    expect(earlier.size).toBeGreaterThan(0)
    const earlierPaths = new Set(
      spec.earlierPoolDirs.flatMap((dir) => poolSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'pool.json'), 'utf8'))).pools.map((p) => p.path)),
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

  it(`is the seed ${spec.seed} draw: in each path, the repositories before the last one taken were taken, passed over with a reason, or of an owner already drawn`, () => {
    expect(sourcesFile.about).toContain(`--seed ${spec.seed}`)
    const earlier = earlierRepositories(path.resolve(spec.dir, '..'), folder)
    // A repository can hold two of the paths: it is taken from one.
    const takenFrom = new Map(Object.values(sources).map((s) => [s.repository.slice('github.com/'.length), s.path]))
    const owners = new Set<string>()
    for (const entry of drawOrder(pool, spec.seed, earlier)) {
      const mine = entry.order.filter((r) => takenFrom.get(r) === entry.path)
      expect(mine, entry.path).toHaveLength(entry.take)
      const last = entry.order.indexOf(mine[mine.length - 1]!)
      for (const repo of entry.order.slice(0, last + 1)) {
        const owner = repo.split('/')[0]!.toLowerCase()
        if (takenFrom.get(repo) === entry.path) expect(owners.has(owner), repo).toBe(false)
        else if (takenFrom.has(repo)) expect(owners.has(owner), repo).toBe(true)
        else if (!owners.has(owner)) expect(sourcesFile.about, repo).toContain(`${repo} ${entry.path} (`)
        owners.add(owner)
      }
    }
  })

  it.skipIf(textDir === null)('loads every excerpt that was labelled, and refuses one that differs from it', () => {
    expect(loadHeldout3(spec.dir, textDir)).toHaveLength(spec.policies)
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), `heldout${spec.set}-`))
    try {
      for (const f of fs.readdirSync(textDir!)) fs.copyFileSync(path.join(textDir!, f), path.join(copy, f))
      const first = fs.readdirSync(copy).sort()[0]!
      fs.appendFileSync(path.join(copy, first), 'privacy@changed.example\n')
      expect(() => loadHeldout3(spec.dir, copy)).toThrow(/not the excerpt that was labelled/)
    } finally {
      fs.rmSync(copy, { recursive: true, force: true })
    }
  })
}
