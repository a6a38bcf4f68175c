/**
 * Known misses of policy import on the tuning sets 10 and 11 (issue 17), each fixed by its general
 * cause and checked here on made-up policies: the case that must now be read, and the one that must not.
 */
import { describe, expect, it } from 'vitest'
import { extractPolicy, type PolicyProposal } from '../../electron/core/catalog/policy-import'

const read = (text: string, format: 'text' | 'markdown' | 'html' = 'text'): PolicyProposal => extractPolicy({ text, format })
const privacy = (p: PolicyProposal) => p.privacyEmails.map((e) => e.address)
const other = (p: PolicyProposal) => p.otherEmails.map((e) => e.address)

describe('a general mailbox under a contact heading', () => {
  const page = (contact: string) =>
    `<title>Privacy Policy - Quillon</title>\n<h2>Privacy Policy</h2>\n<p>Website Terms of Use</p>\n<p>These terms were written with a privacy policy template and govern your use of the site.</p>\n${contact}`

  it('is not a privacy contact where only the words before its heading speak of privacy', () => {
    const p = read(page('<h3>Contact Information</h3>\n<p>Address: 12 Lane Road, Someville, CA 90210</p>\n<p>Email: info@quillon.io</p>'), 'html')
    expect(privacy(p)).toEqual([])
    expect(other(p)).toEqual(['info@quillon.io'])
    expect(p.warnings.map((w) => w.code)).toContain('no-privacy-email')
  })

  it('stays the privacy contact where its own section ties it to privacy', () => {
    const p = read(page('<h3>Contact Information</h3>\n<p>For questions about your personal data or to exercise your rights:</p>\n<p>Email: info@quillon.io</p>'), 'html')
    expect(privacy(p)).toEqual(['info@quillon.io'])
    // A name line above the address is no heading: the controller's block above it still speaks for it.
    const block = read('<h1>Datenschutzerklärung</h1>\n<p>Verantwortlicher</p>\n<p><strong>Quill und Feder GbR</strong></p>\n<p>Hauptstraße 4, 70825 Korntal</p>\n<p>E-Mail: <a href="mailto:kontakt@quillfeder.de">kontakt@quillfeder.de</a></p>', 'html')
    expect(privacy(block)).toEqual(['kontakt@quillfeder.de'])
  })

  it('is the company’s other address beside a privacy contact its own section names', () => {
    const p = read('<h1>Datenschutzerklärung</h1>\n<h2>1. Verantwortliche Stelle</h2>\n<p>Quill GmbH<br>Lindenweg 3<br>10115 Berlin</p>\n<p><strong>Kontakt für Datenschutzanfragen:</strong><br>E-Mail: <a href="mailto:info@quill-shop.de">info@quill-shop.de</a></p>\n<h2>2. Ihre Rechte</h2>\n<p>Sie haben das Recht auf Löschung Ihrer personenbezogenen Daten nach der DSGVO.</p>\n<h4>Kontakt</h4>\n<a href="mailto:contact@quill-shop.de">contact@quill-shop.de</a>', 'html')
    expect(privacy(p)).toEqual(['info@quill-shop.de'])
    expect(other(p)).toEqual(['contact@quill-shop.de'])
  })
})
