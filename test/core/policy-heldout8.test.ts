// @module-tag corpus
/**
 * Set 8 of the held-out policies: its labels and sources are committed, its excerpts (the services'
 * texts) are not. These checks read the labels and sources, and the excerpts where they are here;
 * they never run the extractor on set 8 (only the bench does, once per candidate).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { heldout8Dir, heldoutTextDir, loadHeldout3 } from '../helpers/policy-heldout3'

type Sources = { files: Record<string, { sha256: string; repository: string; commit: string; path: string }> }
const read = <T>(dir: string, file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T
const fixtures = path.resolve(heldout8Dir, '..')
const textDir = heldoutTextDir(heldout8Dir)
if (textDir === null) console.log('[skip reason] the excerpts of set 8 are not here (the corpora folder of test/helpers/corpora.ts): only its labels and sources are checked.')

describe('held-out set 8', () => {
  const labels = read<{ policies: Record<string, unknown> }>(heldout8Dir, 'labels.json').policies
  const sources = read<Sources>(heldout8Dir, 'sources.json').files

  it('labels 52 policies, each with its source (repository, commit, path, SHA-256), and commits no excerpt', () => {
    expect(Object.keys(labels)).toHaveLength(52)
    expect(Object.keys(sources).sort()).toEqual(Object.keys(labels).sort())
    for (const source of Object.values(sources)) {
      expect(source.repository).toMatch(/^github\.com\/OpenTermsArchive\/[\w-]+-versions$/)
      expect(source.commit).toMatch(/^[0-9a-f]{40}$/)
      expect(source.sha256).toMatch(/^[0-9a-f]{64}$/)
    }
    expect(fs.readdirSync(heldout8Dir).filter((f) => !f.endsWith('.json'))).toEqual([])
  })

  it('draws from repositories and services that no earlier set used', () => {
    const earlierRepos = new Set<string>()
    const earlierPaths = new Set<string>()
    for (const dir of fs.readdirSync(fixtures).filter((d) => /^policies-heldout[3-7]/.test(d))) {
      for (const source of Object.values(read<Sources>(path.join(fixtures, dir), 'sources.json').files)) {
        const repo = source.repository ?? /github\.com\/\S+/.exec((source as unknown as { source: string }).source)?.[0]
        if (repo) earlierRepos.add(repo)
        const service = (source.path ?? /-versions (.+?)\/[^/]+\.md @/.exec((source as unknown as { source: string }).source)?.[1] ?? '').split('/')[0]
        if (service) earlierPaths.add(service.toLowerCase())
      }
    }
    expect(earlierRepos.size).toBeGreaterThan(0)
    for (const source of Object.values(sources)) {
      expect(earlierRepos.has(source.repository), source.repository).toBe(false)
      expect(earlierPaths.has(source.path.split('/')[0]!.toLowerCase()), source.path).toBe(false)
    }
  })

  it.skipIf(textDir === null)('loads every excerpt that was labelled, and refuses one that differs from it', () => {
    expect(loadHeldout3(heldout8Dir, textDir)).toHaveLength(52)
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'heldout8-'))
    try {
      for (const f of fs.readdirSync(textDir!)) fs.copyFileSync(path.join(textDir!, f), path.join(copy, f))
      const first = fs.readdirSync(copy).sort()[0]!
      fs.appendFileSync(path.join(copy, first), 'privacy@changed.example\n')
      expect(() => loadHeldout3(heldout8Dir, copy)).toThrow(/not the excerpt that was labelled/)
    } finally {
      fs.rmSync(copy, { recursive: true, force: true })
    }
  })
})
