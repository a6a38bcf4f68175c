// @module-tag corpus
/**
 * The held-out draw's fixed rules (scripts/policy-heldout-cut.ts): which services count as already
 * used (known from the committed sources and labels, since the excerpts are not committed), and
 * which excerpts count as near copies of an earlier one (the same policy under another service's name).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { containedIn, cutExcerpt, earlierServices, nearCopyShare, serviceKey, shingles } from '../../scripts/policy-heldout-cut'

describe('held-out draw', () => {
  it('knows the services of earlier sets from their sources.json and labels.json, not only from excerpt files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heldout-fixtures-'))
    try {
      fs.mkdirSync(path.join(dir, 'policies-heldout9'))
      fs.writeFileSync(
        path.join(dir, 'policies-heldout9', 'sources.json'),
        JSON.stringify({ files: { 'heldout9-le-chat.md': { repository: 'github.com/x/y-versions', path: 'Mistral AI/Privacy Policy.md', sha256: 'a'.repeat(64) } } }),
      )
      fs.writeFileSync(path.join(dir, 'policies-heldout9', 'labels.json'), JSON.stringify({ about: '', policies: { 'heldout9-constructor.md': {} } }))
      fs.mkdirSync(path.join(dir, 'other'))
      fs.writeFileSync(path.join(dir, 'other', 'sources.json'), JSON.stringify({ files: { 'ignored-service.md': {} } }))
      const used = earlierServices(dir)
      expect(used.has(serviceKey('Le Chat'))).toBe(true)
      expect(used.has(serviceKey('Mistral AI'))).toBe(true)
      expect(used.has(serviceKey('Constructor'))).toBe(true)
      expect(used.has(serviceKey('Ignored Service'))).toBe(false)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the committed sets name every service drawn so far, so a new draw cannot take one again', () => {
    const used = earlierServices()
    for (const service of ['Le Chat', 'Tinder', 'ChatGPT', 'Blacklane', '123Greetings']) expect(used.has(serviceKey(service)), service).toBe(true)
  })

  it('tells a near copy (the same policy text) from another policy that shares stock phrases', () => {
    const policy = 'We at Example Labs collect your name and e-mail to run the service. To exercise your rights write to privacy@example.test. We keep data for two years and delete it after that. Our processors are listed on the web site.'
    const copy = `Le Chat\n\n${policy}\n\nUpdated in May.`
    const other = 'We at Other Corp respect your privacy. To exercise your rights write to dpo@other.test at any time. We never sell data and keep logs for thirty days only, then they are erased.'
    expect(containedIn(shingles(copy), shingles(policy))).toBeGreaterThanOrEqual(nearCopyShare)
    expect(containedIn(shingles(other), shingles(policy))).toBeLessThan(nearCopyShare)
    expect(containedIn(shingles(''), shingles(policy))).toBe(0)
  })

  it('cuts by the fixed rule: the opening, then the contact blocks with their heading, gaps marked', () => {
    const text = ['# Policy', 'Opening words. '.repeat(100), '## Cookies', 'Nothing to see. '.repeat(30), '## Contact', 'Write to privacy@example.test.'].join('\n\n')
    const out = cutExcerpt(text)
    expect(out).toContain('privacy@example.test')
    expect(out).toContain('## Contact')
    expect(out).toContain('[…]')
    expect(out).not.toContain('Nothing to see.')
  })
})
