// @module-tag corpus
/**
 * Set 12 of the held-out policies: drawn from public repositories that publish a policy at eight fixed
 * paths no earlier set used, six of them HTML pages (scripts/policy-heldout-repos.ts), its pool, labels and
 * sources committed, its excerpts not. These checks read the pool, labels and sources, and the excerpts
 * where they are here; they never run the extractor on set 12 (only the bench does, once, on the final
 * candidate). The template rule added for set 12 is checked on texts of its own.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { drawnLater } from '../../scripts/policy-heldout-cut'
import { earlierRepositories, isTemplate } from '../../scripts/policy-heldout-repos'
import { heldout10Dir, heldout11Dir, heldout12Dir } from '../helpers/policy-heldout3'
import { readRepoHeldoutSet, repoHeldoutSetChecks } from '../helpers/repo-heldout-set'

const { sources } = readRepoHeldoutSet(heldout12Dir)

describe('held-out set 12', () => {
  repoHeldoutSetChecks({
    set: '12',
    dir: heldout12Dir,
    seed: 20261212,
    policies: 48,
    withContact: 32,
    pages: 36,
    earlierPoolDirs: [heldout10Dir, heldout11Dir],
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
})
