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
import { drawOrder, earlierRepositories, poolSchema, privacyWord, unfilledBlank } from '../../scripts/policy-heldout-repos'
import { heldout10Dir } from '../helpers/policy-heldout3'
import { repoHeldoutSetChecks } from '../helpers/repo-heldout-set'

describe('held-out set 10', () => {
  repoHeldoutSetChecks({
    set: '10',
    dir: heldout10Dir,
    seed: 20261210,
    policies: 48,
    withContact: 28,
    earlierPoolDirs: [],
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
})
