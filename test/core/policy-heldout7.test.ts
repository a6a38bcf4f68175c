// @module-tag corpus
/**
 * Set 7 of the held-out policies: its labels and sources are committed, its excerpts (the services'
 * texts) are not. These checks read the labels and sources, and the excerpts where they are here;
 * they do not run the extractor (the bench does; set 7a is a tuning set since set 8 was built).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { heldout3Dir, heldout4Dir, heldout5Dir, heldout6Dir, heldout7aDir, heldout7bDir, heldout7Root, heldoutTextDir, loadHeldout3 } from '../helpers/policy-heldout3'

const read = (dir: string, file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { files?: Record<string, { sha256: string; repository: string; commit: string; path: string }>; policies?: Record<string, unknown> }
const root = heldout7Root()
if (root === null) console.log('[skip reason] the excerpts of set 7 are not here (RIGHTFUL_HELDOUT7_DIR, the corpora folder of test/helpers/corpora.ts, or .scratch/heldout7): only its labels and sources are checked.')

describe('held-out set 7', () => {
  it('labels 42 policies in 7a and 18 in 7b, each with its source (repository, commit, path, SHA-256), none in both', () => {
    const a = read(heldout7aDir, 'labels.json').policies!
    const b = read(heldout7bDir, 'labels.json').policies!
    expect(Object.keys(a)).toHaveLength(42)
    expect(Object.keys(b)).toHaveLength(18)
    for (const [dir, labels] of [[heldout7aDir, a], [heldout7bDir, b]] as const) {
      const files = read(dir, 'sources.json').files!
      expect(Object.keys(files).sort()).toEqual(Object.keys(labels).sort())
      for (const source of Object.values(files)) {
        expect(source.repository).toMatch(/^github\.com\/OpenTermsArchive\/[\w-]+-versions$/)
        expect(source.repository).not.toBe('github.com/OpenTermsArchive/contrib-versions')
        expect(source.commit).toMatch(/^[0-9a-f]{40}$/)
        expect(source.sha256).toMatch(/^[0-9a-f]{64}$/)
      }
    }
    const services = (labels: Record<string, unknown>) => Object.keys(labels).map((f) => f.replace(/^heldout7[ab]-/, ''))
    expect(services(a).filter((s) => services(b).includes(s))).toEqual([])
  })

  it.skipIf(root === null)('loads every excerpt that was labelled, and refuses one that differs from it', () => {
    expect(loadHeldout3(heldout7bDir, path.join(root!, 'policies-heldout7b'))).toHaveLength(18)
    expect(loadHeldout3(heldout7aDir, path.join(root!, 'policies-heldout7a'))).toHaveLength(42)
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'heldout7b-'))
    try {
      for (const f of fs.readdirSync(path.join(root!, 'policies-heldout7b'))) fs.copyFileSync(path.join(root!, 'policies-heldout7b', f), path.join(copy, f))
      const first = fs.readdirSync(copy).sort()[0]!
      fs.appendFileSync(path.join(copy, first), 'privacy@changed.example\n')
      expect(() => loadHeldout3(heldout7bDir, copy)).toThrow(/not the excerpt that was labelled/)
    } finally {
      fs.rmSync(copy, { recursive: true, force: true })
    }
  })
})

describe('held-out sets 3 to 6', () => {
  it('label every excerpt of its sources.json and commit none of the excerpts themselves', () => {
    for (const dir of [heldout3Dir, heldout4Dir, heldout5Dir, heldout6Dir]) {
      const labels = Object.keys(read(dir, 'labels.json').policies!)
      const sources = read(dir, 'sources.json').files!
      expect(Object.keys(sources).sort(), dir).toEqual([...labels].sort())
      for (const source of Object.values(sources)) expect(source.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(fs.readdirSync(dir).filter((f) => !f.endsWith('.json')), dir).toEqual([])
    }
  })

  it.skipIf(heldoutTextDir(heldout6Dir) === null)('load where their excerpts are here, each checked against its SHA-256', () => {
    expect(loadHeldout3(heldout6Dir)).toHaveLength(20)
  })
})
