// @module-tag corpus
/**
 * Set 11 of the held-out policies: drawn from public repositories that publish a policy at nine fixed
 * paths no earlier set used, HTML pages among them (scripts/policy-heldout-repos.ts), its pool, labels and
 * sources committed, its excerpts not. These checks read the pool, labels and sources, and the excerpts
 * where they are here; they never run the extractor on set 11 (only the bench does, once, on the final
 * candidate). The draw's HTML layout and template rules are checked on texts of their own.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { drawnLater, setNumber } from '../../scripts/policy-heldout-cut'
import { earlierRepositories, htmlBlocks, htmlHeading, isTemplate } from '../../scripts/policy-heldout-repos'
import { heldout10Dir, heldout11Dir } from '../helpers/policy-heldout3'
import { readRepoHeldoutSet, repoHeldoutSetChecks } from '../helpers/repo-heldout-set'

const { sources } = readRepoHeldoutSet(heldout11Dir)

describe('held-out set 11', () => {
  repoHeldoutSetChecks({
    set: '11',
    dir: heldout11Dir,
    seed: 20261211,
    policies: 50,
    withContact: 37,
    pages: 32,
    earlierPoolDirs: [heldout10Dir],
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
})
