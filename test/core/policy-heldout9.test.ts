// @module-tag corpus
/**
 * Set 9 of the held-out policies: its labels and sources are committed, its excerpts (the services'
 * texts) are not. These checks read the labels and sources, and the excerpts where they are here;
 * they never run the extractor on set 9 (only the bench does, once per candidate).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { heldout9Dir, heldoutTextDir, loadHeldout3 } from '../helpers/policy-heldout3'

type Sources = { files: Record<string, { sha256: string; repository: string; commit: string; path: string }> }
const read = <T>(dir: string, file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T
const fixtures = path.resolve(heldout9Dir, '..')
const textDir = heldoutTextDir(heldout9Dir)
if (textDir === null) console.log('[skip reason] the excerpts of set 9 are not here (the corpora folder of test/helpers/corpora.ts): only its labels and sources are checked.')

/** Repositories and services (first path segment, lower case) of sets 3 to 8. */
function earlierSets(): { repos: Set<string>; services: Set<string> } {
  const repos = new Set<string>()
  const services = new Set<string>()
  for (const dir of fs.readdirSync(fixtures).filter((d) => /^policies-heldout[3-8]/.test(d))) {
    for (const source of Object.values(read<Sources>(path.join(fixtures, dir), 'sources.json').files)) {
      const legacy = (source as unknown as { source?: string }).source
      const repo = source.repository ?? (legacy === undefined ? undefined : /github\.com\/\S+/.exec(legacy)?.[0])
      if (repo) repos.add(repo)
      const service = (source.path ?? (legacy === undefined ? '' : (/-versions (.+?)\/[^/]+\.md @/.exec(legacy)?.[1] ?? ''))).split('/')[0]
      if (service) services.add(service.toLowerCase())
    }
  }
  return { repos, services }
}

describe('held-out set 9', () => {
  const labels = read<{ policies: Record<string, unknown> }>(heldout9Dir, 'labels.json').policies
  const sources = read<Sources>(heldout9Dir, 'sources.json').files

  it('labels 42 policies, each with its source (repository, commit, path, SHA-256), and commits no excerpt', () => {
    expect(Object.keys(labels)).toHaveLength(42)
    expect(Object.keys(sources).sort()).toEqual(Object.keys(labels).sort())
    for (const source of Object.values(sources)) {
      expect(source.repository).toMatch(/^github\.com\/OpenTermsArchive\/[\w-]+-versions$/)
      expect(source.commit).toMatch(/^[0-9a-f]{40}$/)
      expect(source.sha256).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(fs.readdirSync(heldout9Dir).filter((f) => !f.endsWith('.json'))).toEqual([])
  })

  it('draws services no earlier set holds; 16 from repositories no earlier set used, the rest from contrib-versions', () => {
    const earlier = earlierSets()
    expect(earlier.repos.size).toBeGreaterThan(0)
    const fresh = Object.values(sources).filter((s) => !earlier.repos.has(s.repository))
    expect(fresh).toHaveLength(16)
    for (const source of Object.values(sources)) {
      if (earlier.repos.has(source.repository)) expect(source.repository).toBe('github.com/OpenTermsArchive/contrib-versions')
      expect(earlier.services.has(source.path.split('/')[0]!.toLowerCase()), source.path).toBe(false)
    }
  })

  it.skipIf(textDir === null)('loads every excerpt that was labelled, and refuses one that differs from it', () => {
    expect(loadHeldout3(heldout9Dir, textDir)).toHaveLength(42)
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'heldout9-'))
    try {
      for (const f of fs.readdirSync(textDir!)) fs.copyFileSync(path.join(textDir!, f), path.join(copy, f))
      const first = fs.readdirSync(copy).sort()[0]!
      fs.appendFileSync(path.join(copy, first), 'privacy@changed.example\n')
      expect(() => loadHeldout3(heldout9Dir, copy)).toThrow(/not the excerpt that was labelled/)
    } finally {
      fs.rmSync(copy, { recursive: true, force: true })
    }
  })
})
