// @module-tag corpus
// @module-tag property
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { companySchema } from '../../electron/core/catalog/schema'
import { extractPolicy, proposalToCompany, slugOf, toPlainText, type PolicyProposal } from '../../electron/core/catalog/policy-import'
import { homeDomain } from '../../electron/core/catalog/policy-import/emails'
import { policyProposalSchema } from '../../electron/core/catalog/policy-import/proposal'
import { describeProposal, guessPolicyFormat, proposalView } from '../../electron/core/catalog/policy-import/summary'
import { renderMessage } from '../../electron/core/messages/render'
import { coreResources } from '../../electron/core/messages/resources'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import { CoreError } from '../../electron/core/shared/result'
import { expectOk, repoRoot, startCore } from '../helpers/ports'

const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds')
const haveSeeds = fs.existsSync(path.join(seedsDir, '001_084d64848f478ae3.txt'))
if (!haveSeeds) console.log(`[skip reason] the seed policies are not at ${seedsDir}: the seed checks do not run.`)

function seed(name: string): PolicyProposal {
  const file = fs.readdirSync(seedsDir).find((f) => f.startsWith(name))!
  return extractPolicy({ text: fs.readFileSync(path.join(seedsDir, file), 'utf8'), format: 'markdown' })
}

/** Every quote must be exactly the plain text at its offsets (the review screen highlights them). */
function expectQuotesInPlace(p: PolicyProposal) {
  for (const q of p.quotes) expect(p.plainText.slice(q.start, q.end), `${q.field} ${q.value}`).toBe(q.quote)
  for (const e of p.privacyEmails) expect(p.plainText.slice(e.start, e.end)).toBe(e.quote)
  for (const a of p.postalAddresses) expect(p.plainText.slice(a.start, a.end)).toBe(a.quote)
  for (const w of p.warnings) if (w.start !== null && w.end !== null) expect(w.end).toBeGreaterThan(w.start)
  expect(policyProposalSchema.safeParse(p).success).toBe(true)
}

const addresses = (p: PolicyProposal) => p.privacyEmails.map((e) => e.address.toLowerCase())
const codes = (p: PolicyProposal) => p.warnings.map((w) => w.code)
const company = (p: PolicyProposal) => p.postalAddresses.filter((a) => a.role === 'company')

describe.skipIf(!haveSeeds)('the seed policies (product.md)', () => {
  it('FS.COM 2019: legal@fs.com first, the two letter addresses, the phone and the subject-line rule', () => {
    const p = seed('001')
    expectQuotesInPlace(p)
    expect(p.companyName?.name).toBe('FS.COM')
    expect(addresses(p)[0]).toBe('legal@fs.com')
    expect(p.privacyEmails[0]!.reason).toMatch(/privacy/)
    const [us, cn] = company(p)
    expect(us).toMatchObject({ country: 'US', region: 'DE', recipient: 'FS.COM INC' })
    expect(us!.text).toBe('FS.COM INC, 380 Centerpoint Blvd, New Castle, DE 19720, United States')
    expect(cn).toMatchObject({ country: 'CN', recipient: 'FiberStore Co., Limited' })
    expect(cn!.text).toContain('Longhua District, Shenzhen, 518109, China')
    expect(p.phones.map((x) => x.number)).toEqual(['+1 (888) 468 7419'])
    expect(p.subjectRule?.quote).toMatch(/^Emails and letters should clearly state that you are making a data protection query/)
    expect(p.subjectRule?.phrases).toEqual(['data protection query', 'data protection request', 'data protection complaint'])
    expect(p.archive).toMatchObject({ domain: 'fs.com', archivedOn: '2019-08-08' })
    expect(p.language).toBe('en')
  })

  it('FS.COM 2017: Sales@fs.com (the policy ties it to questions about itself) and the three offices', () => {
    const p = seed('000')
    expectQuotesInPlace(p)
    expect(addresses(p)).toEqual(['sales@fs.com'])
    expect(p.privacyEmails[0]!.quote).toMatch(/Sales@fs\.com/)
    expect(company(p).map((a) => a.country)).toEqual(['US', 'DE', 'HK'])
    expect(company(p)[0]).toMatchObject({ region: 'WA', recipient: 'Fiberstore Inc.' })
    expect(company(p)[1]!.lines).toContain('85375 Neufahrn bei Freising')
    expect(p.phones.map((x) => x.number)).toEqual(['+1 (877) 205 5306'])
    expect(p.legalNames).toEqual(['Fiberstore Inc.', 'FS.COM GmbH', 'Fiberstore Co., Limited'])
  })

  it('Foscam: aftersales@foscam.com, the Shenzhen address, phone and fax, deletion by e-mail, no users under 18', () => {
    const p = seed('004')
    expectQuotesInPlace(p)
    expect(p.companyName?.name).toBe('Foscam')
    expect(addresses(p)).toEqual(['aftersales@foscam.com'])
    expect(company(p)).toHaveLength(1)
    expect(company(p)[0]).toMatchObject({ country: 'CN', recipient: 'Shenzhen Foscam Electronic Co.,Ltd' })
    expect(company(p)[0]!.text).toBe('Room AB, 9/F, Block F5, TCL International E City, No. 1001 Zhongshan Road, Nanshan District, Shenzhen, PRC, 518055')
    expect(p.phones).toMatchObject([
      { number: '+86-755-26745668', kind: 'phone' },
      { number: '+86-755-26745168', kind: 'fax' },
    ])
    expect(p.deletionInstruction).toMatchObject({ email: 'aftersales@foscam.com' })
    expect(p.deletionInstruction?.text).toBe('You may request deletion of your account by sending an e-mail to aftersales@foscam.com.')
    expect(p.minAge?.age).toBe(18)
  })

  it('b2s: webmaster@b2s.com, the Kwun Tong address, telephone and fax, COPPA age 13', () => {
    const p = seed('003')
    expectQuotesInPlace(p)
    expect(p.companyName?.name).toBe('b2s.com')
    expect(addresses(p)).toEqual(['webmaster@b2s.com'])
    expect(company(p)).toHaveLength(1)
    expect(company(p)[0]).toMatchObject({ country: 'HK', text: '5/F, Pan Asia Centre, No. 137 Wai Yip Street, Kwun Tong, Kowloon, Hong Kong' })
    expect(p.phones).toMatchObject([
      { number: '+852 2191 7808', kind: 'phone' },
      { number: '+852 2191 7816', kind: 'fax' },
    ])
    expect(p.minAge?.age).toBe(13)
  })

  it('Faasoft: no address of any kind, and it says so instead of inventing one', () => {
    const p = seed('002')
    expectQuotesInPlace(p)
    expect(p.companyName?.name).toBe('Faasoft')
    expect(p.privacyEmails).toEqual([])
    expect(p.otherEmails).toEqual([])
    expect(p.postalAddresses).toEqual([])
    expect(p.phones).toEqual([])
    expect(codes(p)).toContain('no-email')
    expect(p.warnings.find((w) => w.code === 'no-email')!.message).toMatch(/does not guess/)
  })

  it('turns the FS.COM 2019 proposal into a record that passes the catalog schema', () => {
    const p = seed('001')
    const record = proposalToCompany(p, { id: 'fs-com-imported' })
    expect(companySchema.safeParse(record).success).toBe(true)
    expect(record).toMatchObject({ id: 'fs-com-imported', name: 'FS.COM', domains: ['fs.com'], website: 'https://www.fs.com' })
    expect(record.emails[0]).toMatchObject({ address: 'legal@fs.com', purpose: 'privacy', provenance: { kind: 'policy', sourceId: 'fs-com-imported-2019', quality: 'extracted' } })
    expect(record.postalAddresses.map((a) => [a.recipient, a.country, a.region])).toEqual([
      ['FS.COM INC', 'US', 'DE'],
      ['FiberStore Co., Limited', 'CN', null],
    ])
    expect(record.requirements.subjectLine?.phrases).toContain('data protection request')
    expect(record.sources).toEqual([
      expect.objectContaining({ id: 'fs-com-imported-2019', kind: 'policy', archivedOn: '2019-08-08', url: expect.stringContaining('web.archive.org') }),
    ])
    expect(record.establishment).toEqual(['US', 'CN'])
  })
})

describe('traps: never a regulator, a processor, an example or a sender as the company', () => {
  it('keeps the ICO (e-mail, address, helpline) out, and proposes the company’s own contact', () => {
    const p = extractPolicy({
      format: 'markdown',
      text: [
        '# Privacy notice | Northwind Outfitters',
        '',
        'If you have any questions about this privacy notice or want to exercise your rights, email privacy@northwind-outfitters.co.uk.',
        '',
        '## Complaints',
        '',
        'You have the right to lodge a complaint with the Information Commissioner’s Office (ICO):',
        '',
        'Information Commissioner’s Office  ',
        'Wycliffe House, Water Lane  ',
        'Wilmslow, Cheshire SK9 5AF  ',
        'Telephone: 0303 123 1113  ',
        'Email: casework@ico.org.uk',
      ].join('\n'),
    })
    expectQuotesInPlace(p)
    expect(addresses(p)).toEqual(['privacy@northwind-outfitters.co.uk'])
    expect(p.excludedEmails).toMatchObject([{ address: 'casework@ico.org.uk', why: 'regulator' }])
    expect(p.postalAddresses).toMatchObject([{ role: 'regulator', country: 'GB' }])
    expect(company(p)).toEqual([])
    expect(p.phones).toEqual([])
    expect(codes(p).filter((c) => c === 'regulator-excluded').length).toBeGreaterThanOrEqual(3)
  })

  it('tells a German supervisory authority’s address from the controller’s', () => {
    const p = extractPolicy({
      format: 'text',
      text: [
        'Verantwortlicher',
        '',
        'Beispielwerk GmbH',
        'Hafenstraße 12',
        '20457 Hamburg',
        'E-Mail: datenschutz@beispielwerk.de',
        '',
        'Sie haben das Recht auf Beschwerde bei einer Aufsichtsbehörde. Zuständig ist:',
        '',
        'Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit',
        'Ludwig-Erhard-Straße 22',
        '20459 Hamburg',
      ].join('\n'),
    })
    expectQuotesInPlace(p)
    expect(p.language).toBe('de')
    expect(addresses(p)).toEqual(['datenschutz@beispielwerk.de'])
    expect(p.postalAddresses.map((a) => [a.role, a.country, a.lines.join(' / ')])).toEqual([
      ['company', 'DE', 'Hafenstraße 12 / 20457 Hamburg'],
      ['regulator', 'DE', 'Ludwig-Erhard-Straße 22 / 20459 Hamburg'],
    ])
    expect(company(p)[0]!.recipient).toBe('Beispielwerk GmbH')
  })

  it('does not take a processor’s address or mailbox for the company’s', () => {
    const p = extractPolicy({
      format: 'text',
      text: [
        'We use Google Analytics, a web analysis service provided by Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA.',
        'Newsletters are sent by our processor Mailchimp; questions about their handling go to privacy@mailchimp.com.',
        'For anything about your personal data, write to Kestrel Books Ltd, 14 Mill Lane, Bristol, BS1 4DJ, or e-mail dpo@kestrelbooks.co.uk.',
      ].join('\n'),
    })
    expectQuotesInPlace(p)
    expect(addresses(p)).toEqual(['dpo@kestrelbooks.co.uk'])
    expect(p.privacyEmails[0]!.purpose).toBe('dpo')
    expect(p.excludedEmails).toMatchObject([{ address: 'privacy@mailchimp.com', why: 'third-party' }])
    expect(p.postalAddresses.map((a) => [a.role, a.country])).toEqual([
      ['third-party', 'US'],
      ['company', 'GB'],
    ])
    expect(codes(p)).toContain('third-party-excluded')
  })

  it('proposes a mailto link’s target when its words differ, and says so (HTML and Markdown)', () => {
    const html = extractPolicy({
      format: 'html',
      text: '<p>To have your data erased, <a href="mailto:erasure@lindqvist-moebel.se?subject=Erasure">contact our privacy team</a>.</p>',
    })
    expectQuotesInPlace(html)
    expect(addresses(html)).toEqual(['erasure@lindqvist-moebel.se'])
    expect(html.privacyEmails[0]!.reason).toMatch(/link text/)
    expect(html.warnings.find((w) => w.code === 'mailto-mismatch')!.message).toContain('contact our privacy team')

    // Words that are an address themselves win over a different target: the reader sees them and the
    // sentence speaks of them; the mismatch is shown, and the target is not proposed.
    const md = extractPolicy({ format: 'markdown', text: 'Questions about this policy: [privacy@shown-here.com](mailto:requests@goes-there.com).' })
    expectQuotesInPlace(md)
    expect(addresses(md)).toEqual(['privacy@shown-here.com'])
    expect(md.otherEmails).toEqual([])
    expect(md.privacyEmails[0]!.reason).toContain('requests@goes-there.com')
    expect(md.warnings.find((w) => w.code === 'mailto-mismatch')!.message).toMatch(/shows privacy@shown-here\.com but opens a message to requests@goes-there\.com/)
  })

  it('leaves no scheme, markup or punctuation in an address', () => {
    const p = extractPolicy({
      format: 'markdown',
      text: [
        'To exercise your rights, write to [privacy@acme-tools.com](mailto:mailto:privacy@acme-tools.com).',
        'To delete your e-mails, write to [dpo@acme-tools.com](mailto://dpo@acme-tools.com).',
        'Data protection for trains: [fv‐datenschutz@acme-tools.com](mailto:fv%E2%80%90datenschutz@acme-tools.com)',
        'For your rights under the GDPR, e-mail dataskydd@acme-tools.seor call us.',
        'Privacy questions: _legal@acme-tools.com_, or [privacy@acme-tools.com.](mailto:privacy@acme-tools.com)',
      ].join('\n\n'),
    })
    expectQuotesInPlace(p)
    expect(addresses(p).sort()).toEqual(['dataskydd@acme-tools.se', 'dpo@acme-tools.com', 'fv-datenschutz@acme-tools.com', 'legal@acme-tools.com', 'privacy@acme-tools.com'])
  })

  it('reads a web link written for an address (http://privacy@…/) as that address, and tells the link from its words', () => {
    const p = extractPolicy({
      format: 'markdown',
      text: 'To withdraw your consent, contact our Privacy Team at [\\[email protected\\]](http://privacy@scrivo-example.com/). A page at [our site](https://user@scrivo-example.com/help) is no address.',
    })
    expectQuotesInPlace(p)
    expect(addresses(p)).toEqual(['privacy@scrivo-example.com'])
    expect(p.warnings.some((w) => w.code === 'mailto-mismatch')).toBe(true)
  })

  it('ranks the mailbox a person (or their authorised agent) sends rights requests to above one given for corrections', () => {
    const p = extractPolicy({
      format: 'text',
      text: [
        'You may also send us an email at support@routerly-example.ai to request access to, or to correct any personal data that you have provided to us.',
        'If you no longer wish to have your personal data processed, you may request to delete your account by emailing us at privacy@routerly-example.ai.',
        'To exercise your rights, you or your authorized agent may submit a request by email at privacy@routerly-example.ai.',
      ].join('\n\n'),
    })
    expect(p.privacyEmails.map((e) => e.address)).toEqual(['privacy@routerly-example.ai', 'support@routerly-example.ai'])
  })

  it('never proposes a child-safety mailbox as the privacy contact, nor a sales mailbox that only a footer lists', () => {
    const p = extractPolicy({
      format: 'markdown',
      text: [
        '## Your rights\n\nTo exercise your privacy rights, write to [privacy@grokly-example.ai](mailto:privacy@grokly-example.ai).',
        '## Child safety issues\n\nTo report child safety issues to us, please contact us [here](mailto:childsafety@grokly-example.ai).',
        '## Contact\n\n[support@grokly-example.ai](mailto:support@grokly-example.ai)[Sales@grokly-example.ai](mailto:sales@grokly-example.ai)',
      ].join('\n\n'),
    })
    expect(p.privacyEmails.map((e) => e.address)).not.toContain('childsafety@grokly-example.ai')
    expect(p.privacyEmails.map((e) => e.address)).not.toContain('sales@grokly-example.ai')
    expect(p.privacyEmails[0]!.address).toBe('privacy@grokly-example.ai')
    expect(p.otherEmails.map((e) => e.address)).toContain('childsafety@grokly-example.ai')
  })

  it('reads a US address with a comma before the ZIP code and a Swedish one with its postcode in two groups', () => {
    const us = extractPolicy({ format: 'text', text: 'When we say “we”, we mean Speakly, Inc., 382 NE 191st St PMB 69469, Miami, FL, 33179-3899.' })
    expect(us.postalAddresses.filter((a) => a.role === 'company').map((a) => [a.country, a.text])).toEqual([['US', expect.stringContaining('382 NE 191st St')]])
    const se = extractPolicy({ format: 'text', text: 'Data controller: Norrtech AB\n\nAddress: Ståhlgatan 5, 561 44, Huskvarna\n\nE-mail: privacy@norrtech-example.se' })
    expect(se.postalAddresses.filter((a) => a.role === 'company').map((a) => [a.country, a.text])).toEqual([['SE', expect.stringContaining('Ståhlgatan 5')]])
    // Three digits and two digits are no postcode without a Swedish street or the country near.
    expect(extractPolicy({ format: 'text', text: 'We kept 120 44 Records for you.' }).postalAddresses).toEqual([])
  })

  it('ignores placeholder addresses, says so, and then says there is no address', () => {
    const p = extractPolicy({
      format: 'text',
      text: 'Write to us at email@domain.com or yourname@example.com. Your login is user@example.org. Replace privacy@yourdomain.com with your own address.',
    })
    expect(p.privacyEmails).toEqual([])
    expect(p.otherEmails).toEqual([])
    expect(p.excludedEmails.map((e) => [e.address, e.why])).toEqual([
      ['email@domain.com', 'placeholder'],
      ['yourname@example.com', 'placeholder'],
      ['user@example.org', 'placeholder'],
      ['privacy@yourdomain.com', 'placeholder'],
    ])
    expect(codes(p).filter((c) => c === 'placeholder-ignored')).toHaveLength(4)
    expect(codes(p)).toContain('no-email')
  })

  it('ignores a no-reply sender address', () => {
    const p = extractPolicy({
      format: 'text',
      text: 'Order confirmations come from noreply@fennel-foods.ie. For privacy questions contact privacy@fennel-foods.ie.',
    })
    expect(addresses(p)).toEqual(['privacy@fennel-foods.ie'])
    expect(p.excludedEmails).toMatchObject([{ address: 'noreply@fennel-foods.ie', why: 'sender-only' }])
    expect(codes(p)).toContain('sender-only-ignored')
  })

  it('decodes written-out addresses in their usual forms, with a warning, and leaves prose alone', () => {
    const forms: Array<[string, string]> = [
      ['Questions about your data: privacy [at] quillon [dot] com.', 'privacy@quillon.com'],
      ['Questions about your data: privacy(at)quillon.com', 'privacy@quillon.com'],
      ['Questions about your data: privacy at quillon dot com', 'privacy@quillon.com'],
      ['Questions about your data: Privacy {at} Quillon {dot} co {dot} uk', 'Privacy@quillon.co.uk'],
      ['Fragen zum Datenschutz: datenschutz [@] quillon [.] de', 'datenschutz@quillon.de'],
    ]
    for (const [text, address] of forms) {
      const p = extractPolicy({ format: 'text', text })
      expect(p.privacyEmails.map((e) => e.address), text).toEqual([address])
      expect(codes(p), text).toContain('obfuscated-decoded')
      expect(p.privacyEmails[0]!.reason).toMatch(/spells it out/)
    }
    const prose = extractPolicy({ format: 'text', text: 'Contact us at quillon dot com, or meet us at the office.' })
    expect(prose.privacyEmails).toEqual([])
    expect(codes(prose)).toContain('no-email')
  })

  it('reads no address from Cloudflare’s “[email protected]”, and warns', () => {
    const p = extractPolicy({
      format: 'html',
      text: '<p>For data protection requests write to <a href="/cdn-cgi/l/email-protection#4a3a383c"><span class="__cf_email__" data-cfemail="4a3a383c2b293364">[email&#160;protected]</span></a>.</p>',
    })
    expect(p.plainText).toContain('[email protected]')
    expect(p.privacyEmails).toEqual([])
    expect(codes(p)).toEqual(expect.arrayContaining(['cloudflare-protected', 'no-email']))
    const md = extractPolicy({ format: 'markdown', text: 'Email: [[email protected]](/cdn-cgi/l/email-protection#52212722)' })
    expect(md.privacyEmails).toEqual([])
    expect(codes(md)).toContain('cloudflare-protected')
  })

  it('never invents: a policy without any contact gives empty fields and a warning', () => {
    const p = extractPolicy({ format: 'text', text: 'We respect your privacy. Contact us if you have any questions about this policy.' })
    expect(p).toMatchObject({ privacyEmails: [], otherEmails: [], postalAddresses: [], phones: [], subjectRule: null, minAge: null })
    expect(codes(p)).toContain('no-email')
  })
})

describe('the company’s own privacy people before an outside firm', () => {
  it('ranks an address at the company’s own mail domain first, the name read from the policy or its postal address', () => {
    const p = extractPolicy({
      format: 'text',
      text: [
        'Contact us',
        'Write to us at:\nPinecrest Games Corporation\n3150 S. Delaware St.\nSan Mateo, CA 94403\nprivacy@pinecrestgames.com',
        'Our data protection officer in the EU can be reached at pinecrest@dpo-desk.eu.',
        'If you live in Brazil, contact our Brazilian Data Protection Officer to exercise your rights or ask questions about your personal data by emailing dpo.pinecrest@lexadvocacia.com.br.',
      ].join('\n\n'),
    })
    expect(p.companyName).toMatchObject({ name: 'Pinecrest Games Corporation', basis: 'legal-entity' })
    expect(p.privacyEmails[0]!.address).toBe('privacy@pinecrestgames.com')
    expect(p.privacyEmails.map((e) => e.address)).toEqual(expect.arrayContaining(['pinecrest@dpo-desk.eu', 'dpo.pinecrest@lexadvocacia.com.br']))
    const named = extractPolicy({
      format: 'text',
      text: 'Pinecrest Games Corporation (“we”, “us”) runs games.\n\nIf you live in Brazil, contact our Brazilian Data Protection Officer to exercise your rights or ask questions about your personal data by emailing dpo.pinecrest@lexadvocacia.com.br.\n\nQuestions about your privacy: privacy@pinecrestgames.com.',
    })
    expect(named.privacyEmails.map((e) => e.address)).toEqual(['privacy@pinecrestgames.com', 'dpo.pinecrest@lexadvocacia.com.br'])
  })

  it('keeps another organisation’s privacy office out (its, their, of the ministry, “Partner Bank, DPO”), but not the company’s own', () => {
    const text = [
      'Rideshare Ly SA (“we”) runs a car-sharing service.',
      'For any question about this policy or your personal data, write to our data protection officer at dataprotection@rideshare-ly.com.',
      'Flights are sold with Partner Air, whose privacy policy is on its website; its data protection office can be reached at dpo@partner-air.net.',
      'For the energy bonus you may exercise your rights with the data protection officer of the Ministry of Transport, at dpd@ministere-transports.fr.',
      'Par courrier : Partner Bank Finance, Délégué à la protection des données, BP 5\nPar email : dpd@partner-bank.fr',
    ].join('\n\n')
    const p = extractPolicy({ format: 'text', text })
    expect(p.privacyEmails.map((e) => e.address)).toEqual(['dataprotection@rideshare-ly.com'])
    expect(p.excludedEmails.map((e) => [e.address, e.why]).sort()).toEqual([['dpd@ministere-transports.fr', 'third-party'], ['dpd@partner-bank.fr', 'third-party'], ['dpo@partner-air.net', 'third-party']])
    // The company's own office, written in the third person, stays the company's.
    const own = extractPolicy({ format: 'text', text: 'Rideshare Ly SA (“we”) runs a car-sharing service. Rideshare Ly has appointed a DPO; its data protection officer can be reached at dpo@rideshare-ly.com.' })
    expect(own.privacyEmails.map((e) => e.address)).toEqual(['dpo@rideshare-ly.com'])
  })

  it('takes a privacy representative’s address, a regional DPO mailbox, and an address a country name ran into', () => {
    const text = [
      'Chatly Corporation (“we”) runs a messenger.',
      'Questions about your personal data: privacy@chatly.net.',
      'Our UK representative: Rep Services UK, Attn: Chatly Corporation, 16 Example Street, London, WC2B 5AH, United Kingdomchat@rep-services.eu',
      'If you are located in Brazil, please contact us via email: dpobrazil@chatly.net',
    ].join('\n\n')
    const p = extractPolicy({ format: 'text', text })
    const privacy = p.privacyEmails.map((e) => e.address)
    expect(privacy[0]).toBe('privacy@chatly.net')
    expect(privacy).toEqual(expect.arrayContaining(['chat@rep-services.eu', 'dpobrazil@chatly.net']))
    expect([...privacy, ...p.otherEmails.map((e) => e.address)].some((a) => /kingdom/i.test(a))).toBe(false)
    // A security mailbox with a department in front (it-security@) is for security reports, not privacy.
    const security = extractPolicy({ format: 'text', text: 'If you have questions about this privacy policy, write to privacy@chatly.net or to it-security@chatly.net.' })
    expect(security.privacyEmails.map((e) => e.address)).toEqual(['privacy@chatly.net'])
    expect(security.otherEmails.map((e) => e.address)).toEqual(['it-security@chatly.net'])
    // A name that merely starts like a country is left whole.
    expect(extractPolicy({ format: 'text', text: 'Privacy questions: write to Francesca at francesca@studio-rossi.it.' }).privacyEmails.map((e) => e.address)).toEqual(['francesca@studio-rossi.it'])
  })

  it('tells the company’s domain by its name, its initials (nytimes for New York Times), or not at all when two domains fit', () => {
    expect(homeDomain(['privacy@roblox.com', 'roblox@dp-officer.com'], null, 'Roblox Corporation')).toBe('roblox.com')
    expect(homeDomain(['privacy@thewirecutter.com', 'privacy@nytimes.com'], null, 'The New York Times Company')).toBe('nytimes.com')
    expect(homeDomain(['datenschutz@new-work.se', 'gdpr_xts@xing.com'], null, 'New Work SE')).toBe('new-work.se')
    expect(homeDomain(['a@acme.com', 'b@acme.de'], null, 'Acme GmbH')).toBeNull()
    expect(homeDomain(['a@acme.com', 'b@other.org'], 'other.org', 'Acme GmbH')).toBe('other.org')
    expect(homeDomain(['a@acme.com'], null, null)).toBeNull()
  })
})

describe('what the other e-mail addresses are for', () => {
  it('ranks privacy addresses, and labels sales, support and newsletter addresses', () => {
    const p = extractPolicy({
      format: 'text',
      text: [
        'Sales enquiries and quotes: sales@harbourlight.com.',
        'Technical support and password help: support@harbourlight.com.',
        'To unsubscribe from our newsletter, write to newsletter@harbourlight.com.',
        'General questions: info@harbourlight.com.',
        'To exercise your data protection rights, including deletion of your personal data, contact privacy@harbourlight.com.',
        'Our Data Protection Officer can be reached at dpo@harbourlight.com.',
      ].join('\n'),
    })
    // The address the policy sends rights requests to comes first; the DPO's next.
    expect(addresses(p)).toEqual(['privacy@harbourlight.com', 'dpo@harbourlight.com'])
    expect(p.privacyEmails.map((e) => e.purpose)).toEqual(['privacy', 'dpo'])
    expect(p.otherEmails.map((e) => [e.address, e.purpose])).toEqual([
      ['sales@harbourlight.com', 'sales'],
      ['support@harbourlight.com', 'support'],
      ['newsletter@harbourlight.com', 'newsletter'],
      ['info@harbourlight.com', 'general'],
    ])
    expect(p.privacyEmails[0]!.reason).toMatch(/^The (sentence naming it ties it to|address itself)/)
  })

  it('proposes no privacy contact when none is tied to privacy, shows the general address as not one, and says so', () => {
    const p = extractPolicy({ format: 'text', text: 'Contact us\n\nE-mail: hello@tidewater-cafe.com' })
    expect(p.privacyEmails).toEqual([])
    expect(p.otherEmails.map((e) => [e.address, e.purpose])).toEqual([['hello@tidewater-cafe.com', 'general']])
    expect(p.otherEmails[0]!.reason).toMatch(/^Not a privacy contact/)
    expect(p.warnings.find((w) => w.code === 'no-privacy-email')!.message).toMatch(/ties no e-mail address to privacy matters, so Rightful proposes none.*hello@tidewater-cafe\.com/)
  })

  it('never proposes an address its own sentence gives for jobs, security reports or mail delivery', () => {
    const p = extractPolicy({
      format: 'text',
      text: [
        'Questions about your personal data go to our data protection officer at dpo@fernwerk.de.',
        'You can revoke your consent to the talent pool at any time by writing to our HR team at jobs@fernwerk.de.',
        'If you would like to send us a security question or report a vulnerability, write to security@fernwerk.de.',
        'E-mail providers can contact postmaster@fernwerk.de about deliverability issues.',
        'To have your data removed from our records, write to our HR department or e-mail office@fernwerk.de.',
      ].join('\n\n'),
    })
    expect(addresses(p).sort()).toEqual(['dpo@fernwerk.de', 'office@fernwerk.de'])
    expect(p.otherEmails.map((e) => e.address).sort()).toEqual(['jobs@fernwerk.de', 'postmaster@fernwerk.de', 'security@fernwerk.de'])
    expect(p.otherEmails.find((e) => e.address === 'security@fernwerk.de')!.reason).toMatch(/security reports/)
  })

  it('ranks the address the policy sends rights requests to before a DPO named for questions', () => {
    const p = extractPolicy({
      format: 'text',
      text: 'For access and deletion requests, please email privacy@lumen-audio.com.\n\nTo contact our Data Protection Officer (DPO), please email dpo@lumen-audio.com.',
    })
    expect(addresses(p)).toEqual(['privacy@lumen-audio.com', 'dpo@lumen-audio.com'])
  })
})

describe('postal addresses in several countries', () => {
  const one = (text: string, format: 'text' | 'html' | 'markdown' = 'text') => {
    const p = extractPolicy({ format, text })
    expectQuotesInPlace(p)
    return company(p)
  }

  it('US, with the state as code or name', () => {
    expect(one('Write to: Acme Widgets, Inc., 500 Market Street, Suite 12, San Francisco, CA 94105, USA.')).toMatchObject([
      { country: 'US', region: 'CA', recipient: 'Acme Widgets, Inc.', lines: ['500 Market Street', 'Suite 12', 'San Francisco, CA 94105'] },
    ])
    expect(one('Mail:\nOrchard Labs LLC\n77 Elm Road\nAustin, Texas 78701')).toMatchObject([{ country: 'US', region: 'TX', recipient: 'Orchard Labs LLC' }])
  })

  it('UK postcodes, inline and on their own line', () => {
    expect(one('Write to Data Protection Officer, Kestrel Books Ltd, 14 Mill Lane, Bristol, BS1 4DJ.')).toMatchObject([{ country: 'GB', lines: ['14 Mill Lane', 'Bristol', 'BS1 4DJ'] }])
    expect(one('Kestrel Books Ltd\n14 Mill Lane\nLondon\nSW1A 1AA')).toMatchObject([{ country: 'GB', recipient: 'Kestrel Books Ltd' }])
  })

  it('Germany: postcode before the town, Straße/str.', () => {
    expect(one('Anschrift: Beispielwerk GmbH, Hauptstr. 5, 80331 München, Deutschland')).toMatchObject([
      { country: 'DE', lines: ['Hauptstr. 5', '80331 München'] },
    ])
    // A five-digit number before a capitalised word is not an address without a street or the country.
    expect(one('We processed 12345 Requests last year.')).toEqual([])
  })

  it('Hong Kong: floors, rooms and districts', () => {
    expect(one('Address: Room 1203, 12/F, Tower 2, Harbour Centre, 8 Canton Road, Tsim Sha Tsui, Kowloon, Hong Kong')).toMatchObject([
      { country: 'HK' },
    ])
    expect(one('Flat B, 3/F, 25 Queen’s Road Central, Central, Hong Kong SAR')).toMatchObject([{ country: 'HK' }])
  })

  it('China: in English with District/Province and a 6-digit postcode, and in Chinese (省/市/区/路/号)', () => {
    expect(one('Shenzhen Example Technology Co., Ltd., 5th Floor, No. 8 Keji Road, Nanshan District, Shenzhen, Guangdong Province, 518057, China')).toMatchObject([
      { country: 'CN' },
    ])
    const zh = one('<p>联系地址：广东省深圳市南山区粤海街道科技园路1号A栋501室，邮编：518057</p>', 'html')
    expect(zh).toMatchObject([{ country: 'CN', text: '广东省深圳市南山区粤海街道科技园路1号A栋501室' }])
  })

  it('a postcode with its country letters, a town before another country than France, a floor abbreviation, a postcode after the country', () => {
    expect(one('Alpenweg AG\nUntermatt 9\nCH-6300 Zug\nemail: privacy@alpenweg.ch')).toMatchObject([{ country: 'CH', recipient: 'Alpenweg AG' }])
    // Five digits and a town are French only where France or a French street is near: here Finland is named.
    expect(one('The controller is Oy Lumo Ab, having its place of business at Runeberginkatu 12 B, 00100 Helsinki, Finland ("Lumo", "we").')).toMatchObject([
      { country: 'FI' },
    ])
    expect(one('Pakkeri ApS\nVestergade 4, opgang B, 4. sal.\n1456 København K,\nDenmark')).toMatchObject([
      { country: 'DK', recipient: 'Pakkeri ApS', lines: ['Vestergade 4', 'opgang B', '4. sal.', '1456 København K'] },
    ])
    expect(one('Maplewood Media Inc.\n45 Front Street, Suite 300\nToronto, ON, Canada\nM5J 1A7\n(416) 555-0188')).toMatchObject([
      { country: 'CA', text: expect.stringContaining('M5J 1A7') },
    ])
    expect(one('Our registered office: 12, Makariou Avenue, Nicosia 1065, Cyprus.')).toMatchObject([{ country: 'CY' }])
  })

  it('an Italian street with Italy named is not a US address; a “Calle” in California still is; Panama', () => {
    expect(one('We’re an Italian software company based in Via Carlo Farini 8, Milan, MI 20154.')).toMatchObject([{ country: 'IT' }])
    expect(one('Write to Seabright Labs, Inc., 1 North Calle Cesar Chavez, Suite 102, Santa Barbara, CA 93103.')).toMatchObject([{ country: 'US', region: 'CA' }])
    expect(one('The controller is Tidewall S.A. (PH Ocean Tower, 50th Street, Floor 12, Panama City, Republic of Panama).')).toMatchObject([{ country: 'PA' }])
    // A comma between the state written out and the ZIP code; a retail park as the street.
    expect(one('Write to us at:\nPinecrest Games Corporation\n3150 S. Delaware St.\nSan Mateo, California, 94403')).toMatchObject([{ country: 'US', region: 'CA' }])
    expect(one('Hollyfield Games Ireland Limited is the data controller, a registered company located at Ballyvolane Retail Park, Co. Cork, Cork, Ireland.')).toMatchObject([{ country: 'IE' }])
  })

  it('a privacy representative’s address (GDPR Article 27) is not the company’s own; its e-mail still reaches the company', () => {
    const p = extractPolicy({
      format: 'text',
      text: 'Contact us: Lumenfold Inc., 100 Pine Street, San Francisco, CA 94111, privacy@lumenfold.com.\n\nIf you are in the EU, you may also contact our local representative.\n\nFor the EU/EEA, to exercise your data protection rights: e-mail lumenfold@eurep.eu or write to EuRep at Avenue Louise 71, 1050 Brussels, Belgium.',
    })
    expect(p.postalAddresses.map((a) => [a.country, a.role])).toEqual([
      ['US', 'company'],
      ['BE', 'third-party'],
    ])
    expect(p.privacyEmails.map((e) => e.address)).toContain('lumenfold@eurep.eu')
  })

  it('needs some sign of a street or building: a country name alone is not an address', () => {
    expect(one('Our servers are in China. We serve customers in Germany, France and Hong Kong.')).toEqual([])
  })
})

describe('phones, subject lines, deletion and age', () => {
  it('finds phone and fax numbers by their labels or international form, not dates or ids', () => {
    const p = extractPolicy({
      format: 'text',
      text: 'Tel: +44 20 7946 0958\nFax: +44 20 7946 0959\nCompany number 05992211, registered 2019-08-08.\nCall us on 0800 123 4567 (free).',
    })
    expect(p.phones.map((x) => [x.number, x.kind])).toEqual([
      ['+44 20 7946 0958', 'phone'],
      ['+44 20 7946 0959', 'fax'],
      ['0800 123 4567', 'phone'],
    ])
  })

  it('reads a subject-line demand and its wording', () => {
    const p = extractPolicy({ format: 'text', text: 'Requests must be labeled “Your California Privacy Rights” in the subject line of your e-mail.' })
    expect(p.subjectRule?.phrases).toEqual(['Your California Privacy Rights'])
    const none = extractPolicy({ format: 'text', text: 'This policy is subject to change.' })
    expect(none.subjectRule).toBeNull()
  })

  it('reads how to ask for deletion, not the company deleting on its own', () => {
    const p = extractPolicy({
      format: 'text',
      text: 'We will delete inactive accounts after two years. To delete your account, please send an e-mail to privacy@brightwave.app from the address you registered with.',
    })
    expect(p.deletionInstruction).toMatchObject({ email: 'privacy@brightwave.app' })
    expect(p.deletionInstruction?.text).toMatch(/^To delete your account/)
  })

  it('reads the minimum age in its usual wordings', () => {
    const cases: Array<[string, number | null]> = [
      ['Our services are not directed to children under the age of 16.', 16],
      ['You must be at least 13 years old to register.', 13],
      ['We do not knowingly collect data from anyone younger than 18 years.', 18],
      ['若您是未满14周岁的未成年人，请在监护人同意后使用。', 14],
      ['We have been online for 20 years.', null],
    ]
    for (const [text, age] of cases) expect(extractPolicy({ format: 'text', text }).minAge?.age ?? null, text).toBe(age)
  })
})

describe('policies in other languages and harder layouts', () => {
  it('does not promote the company’s other addresses when none is for privacy, and says so', () => {
    const p = extractPolicy({
      format: 'text',
      text: 'We may send you promotional e-mails about our products. To stop them, write to news@harbourline.example.org.\n\nYou may ask for a copy of your personal data by writing to us; we answer within a month. Bookings: desk@harbourline.org',
    })
    expect(addresses(p)).toEqual([])
    expect(p.otherEmails.map((e) => e.address)).toEqual(['news@harbourline.example.org', 'desk@harbourline.org'])
    expect(p.otherEmails.every((e) => e.reason.startsWith('Not a privacy contact'))).toBe(true)
    expect(p.warnings.map((w) => w.code)).toContain('no-privacy-email')
    expectQuotesInPlace(p)

    const only = extractPolicy({
      format: 'text',
      text: 'If you do not wish to receive further promotional e-mails from us, please e-mail us at offers@postline.org.',
    })
    expect(addresses(only)).toEqual([])
    expect(only.otherEmails.map((e) => [e.address, e.purpose])).toEqual([['offers@postline.org', 'newsletter']])
    expect(only.warnings.map((w) => w.code)).toContain('no-privacy-email')
  })

  it('recognises DPO, data protection and rights wording in Italian, Dutch, Spanish and French', () => {
    const cases: Array<[string, string]> = [
      ['Responsabile della protezione dei dati (RPD)\n\nIndirizzo email: rpd-ufficio@comune-esempio.it', 'rpd-ufficio@comune-esempio.it'],
      ['Mario Bianchi è il DPO. Per esercitare i diritti scrivere a mbianchi@studio-bianchi.it.', 'mbianchi@studio-bianchi.it'],
      ['Jan de Vries is de functionaris voor gegevensbescherming. Hij is te bereiken via jan@tulpweb.nl.', 'jan@tulpweb.nl'],
      ['Vragen over uw rechten en uw persoonsgegevens? Mail naar vragen@tulpweb.nl.', 'vragen@tulpweb.nl'],
      ['Para ejercer sus derechos, escriba a atencion@casa-lopez.es.', 'atencion@casa-lopez.es'],
      ['Delegado de protección de datos: lucia@casa-lopez.es', 'lucia@casa-lopez.es'],
      ['Pour exercer vos droits sur vos données personnelles, écrivez à bonjour@atelier-dupont.fr.', 'bonjour@atelier-dupont.fr'],
      ['Notre délégué à la protection des données répond à marc@atelier-dupont.fr.', 'marc@atelier-dupont.fr'],
    ]
    for (const [text, address] of cases) {
      const p = extractPolicy({ format: 'text', text })
      expect(addresses(p), text).toEqual([address])
      expect(p.warnings.map((w) => w.code), text).not.toContain('no-privacy-email')
    }
    const dpo = extractPolicy({ format: 'text', text: cases[0]![0] })
    expect(dpo.privacyEmails[0]!.purpose).toBe('dpo')
  })

  it('ranks a PEC (certified mail) box after the ordinary mailbox of the same office', () => {
    const p = extractPolicy({
      format: 'markdown',
      text: 'Per contattare il Responsabile della protezione dei dati:\n\n- PEC: segreteria@pec.ente-esempio.it\n- Email: rpd@ente-esempio.it\n',
    })
    expect(addresses(p)).toEqual(['rpd@ente-esempio.it', 'segreteria@pec.ente-esempio.it'])
  })

  it('reads the minimum age in Dutch and Japanese', () => {
    const cases: Array<[string, number]> = [
      ['Wij verzamelen geen gegevens over bezoekers die jonger zijn dan 16 jaar.', 16],
      ['Kinderen jonger dan 13 jaar mogen de dienst niet gebruiken.', 13],
      ['本サービスは16歳未満の方を対象としていません。', 16],
      ['本サービスは、16 歳未満の方を対象としておらず、個人情報を取得しません。', 16],
    ]
    for (const [text, age] of cases) expect(extractPolicy({ format: 'text', text }).minAge?.age ?? null, text).toBe(age)
  })

  it('does not give an address to the regulator named only in an earlier sentence', () => {
    const p = extractPolicy({
      format: 'markdown',
      text: 'Consultez le site cnil.fr pour en savoir plus sur vos droits.\n\nPour exercer ces droits, écrivez-nous par courrier à l’adresse suivante :\n\n12 rue des Lilas\n75011\nParis\nFrance\n\nVous pouvez aussi adresser une réclamation à la CNIL.',
    })
    const fr = p.postalAddresses.find((a) => a.text.includes('12 rue des Lilas'))
    expect(fr?.role).toBe('company')

    const complaint = extractPolicy({
      format: 'text',
      text: 'Puede presentar una reclamación ante la Agencia Española de Protección de Datos:\n\nWeb: www.aepd.es\nDirección: C/ Jorge Juan, 6, 28001 Madrid',
    })
    expect(complaint.postalAddresses.map((a) => a.role)).toEqual(['regulator'])
  })

  it('takes the address of a host named in the same sentence for a third party’s', () => {
    const p = extractPolicy({
      format: 'text',
      text: 'Verantwortlicher\n\nBeispiel Werkstatt GmbH\nHauptstraße 5, 10115 Berlin\n\nHosting\n\nDiese Website wird auf Servern von Cloudflare, Inc., 101 Townsend St., San Francisco, CA 94107, USA gehostet.',
    })
    const roles = Object.fromEntries(p.postalAddresses.map((a) => [a.country, a.role]))
    expect(roles).toEqual({ DE: 'company', US: 'third-party' })

    const host = extractPolicy({
      format: 'text',
      text: 'Our website is hosted by Example Hosting Ltd, 4 Quay Street, Bristol BS1 4DJ.',
    })
    expect(host.postalAddresses.map((a) => a.role)).toEqual(['third-party'])
  })

  it('reads an address with spaces after the dots of its domain, and says it did', () => {
    const p = extractPolicy({ format: 'text', text: '個人情報に関するお問い合わせ窓口\nEメール:kojin@sakura-shoji. co. jp\n' })
    expect(addresses(p)).toEqual(['kojin@sakura-shoji.co.jp'])
    expect(p.warnings.map((w) => w.code)).toContain('obfuscated-decoded')
    const prose = extractPolicy({ format: 'text', text: 'Write to privacy@acme. It is read daily. Or info@acme. In short, ask.' })
    expect(addresses(prose)).toEqual([])
  })

  it('reads Spanish, Italian and Dutch postcodes in addresses, once each', () => {
    const p = extractPolicy({
      format: 'text',
      text: 'Responsable del tratamiento\nDomicilio: C/ Mayor, 12, 46001 Valencia, España\n\nTitolare del trattamento\nIndirizzo: Via Roma 10 - 20121 Milano\nIndirizzo: Via Roma 10 - 20121 Milano (sede)\n\nTulpweb, gevestigd aan Kerkstraat 5, 3511 AB te Utrecht.\nPostadres: Kerkstraat 5, 3511 AB Utrecht',
    })
    const byCountry = p.postalAddresses.map((a) => [a.country, a.role] as const)
    expect(byCountry).toEqual([['ES', 'company'], ['IT', 'company'], ['NL', 'company']])
    expect(p.postalAddresses[2]!.text).toContain('Kerkstraat 5')
    const none = extractPolicy({ format: 'text', text: 'In 2019 we had 12345 Users and 2023 AB testing runs.' })
    expect(none.postalAddresses).toEqual([])
  })
})

describe('addresses a page split or ran words into, and a provider’s own policy', () => {
  it('reads an address split over two links as the links’ one target', () => {
    const md = [
      'Privacy Policy of Example Shop Ltd',
      '',
      'To exercise your rights of access and deletion, write to our data protection officer at [re](mailto:relais@example-shop.fr)[lais@example-shop.fr](mailto:relais@example-shop.fr).',
      '',
      'The Canadian privacy officer can be contacted at [privacy-ca@example-shop.co](mailto:privacy-ca@example-shop.com)[m](mailto:privacy-ca@example-shop.com).',
    ].join('\n')
    const p = extractPolicy({ text: md, format: 'markdown' })
    expectQuotesInPlace(p)
    const all = [...addresses(p), ...p.otherEmails.map((e) => e.address.toLowerCase())]
    expect(all).toContain('relais@example-shop.fr')
    expect(all).toContain('privacy-ca@example-shop.com')
    expect(all.some((a) => a.endsWith('.co') || a.startsWith('lais@'))).toBe(false)
    expect(codes(p)).not.toContain('mailto-mismatch')
  })

  it('reads an address written with a bare “(a)” for the @, and says it did', () => {
    const p = extractPolicy({ text: 'Questions concerning the register and your personal data should be sent by e-mail to: palaute(a)rail-example.fi', format: 'text' })
    expect(addresses(p)).toEqual(['palaute@rail-example.fi'])
    expect(codes(p)).toContain('obfuscated-decoded')
    // "(a)" inside a sentence is a list mark, not an address.
    expect(addresses(extractPolicy({ text: 'We collect (a) your name and (b) your e-mail address for our records.', format: 'text' }))).toEqual([])
  })

  it('cuts a word the page ran into a generic top-level domain (“legal@shop.comou par courrier”)', () => {
    const p = extractPolicy({ text: 'Vous pouvez exercer vos droits par voie électronique à legal@shop-example.comou par courrier à notre siège.', format: 'text' })
    expect(addresses(p)).toEqual(['legal@shop-example.com'])
    expect(p.otherEmails).toEqual([])
  })

  it('keeps a well-known provider’s addresses when the policy is that provider’s own (its links go to its site)', () => {
    const md = [
      'Privacy Notice',
      '',
      '*   [Your rights](https://www.criteo.com/privacy/your-rights/)',
      '*   [Our partners](https://www.criteo.com/privacy/our-partners/)',
      '*   [Opt out](https://www.criteo.com/privacy/disable/)',
      '',
      'If you have any question regarding this Notice, you can contact our Data Protection Officer by email at dpo@criteo.com.',
    ].join('\n')
    expect(addresses(extractPolicy({ text: md, format: 'markdown' }))).toEqual(['dpo@criteo.com'])
    // The same sentence in a shop's policy that links elsewhere: the provider's address is not the shop's.
    const shop = md.replace(/www\.criteo\.com/g, 'shop.example.org')
    const p = extractPolicy({ text: shop, format: 'markdown' })
    expect(addresses(p)).toEqual([])
    expect(p.excludedEmails.map((e) => e.address)).toContain('dpo@criteo.com')
  })
})

describe('privacy wording in French and Spanish, representatives and more regulators', () => {
  it('ties an address to privacy by its French words (withdrawing consent, the right to object) and a representative by its local part', () => {
    const p = extractPolicy({
      text: [
        'Vous pouvez à tout moment retirer le consentement accordé en envoyant un e-mail à service@shop-example.fr.',
        '',
        'Pour faire valoir vos droits, écrivez à contact@shop-example.fr.',
        '',
        'United Kingdom users may contact us at: Example UK Limited, ukrepresentative@shop-example.fr',
      ].join('\n'),
      format: 'text',
    })
    expect(addresses(p)).toEqual(expect.arrayContaining(['service@shop-example.fr', 'contact@shop-example.fr', 'ukrepresentative@shop-example.fr']))
    expect(p.otherEmails).toEqual([])
  })

  it('never proposes the address of a regulator it knows by its domain (South Africa, Greece, Czechia …)', () => {
    const p = extractPolicy({ text: 'You may complain to the Information Regulator at complaints.IR@inforegulator.org.za, or in Greece at contact@dpa.gr.\n\nQuestions about your data and this privacy policy: write to our privacy team at privacy@shop-example.org.', format: 'text' })
    expect(addresses(p)).toEqual(['privacy@shop-example.org'])
    expect(p.otherEmails).toEqual([])
    expect(p.excludedEmails.map((e) => e.address.toLowerCase())).toEqual(expect.arrayContaining(['complaints.ir@inforegulator.org.za', 'contact@dpa.gr']))
  })
})

describe('postal addresses as French and Irish policies write them', () => {
  it('reads a German street of any name with its number above the postcode, French postcodes with a space or a dash, and a country before a short postcode', () => {
    const text = [
      'The controller is:',
      '',
      'Example Travel SE',
      'Hafenbrücke 16',
      '80639 Munich',
      '',
      'Vous pouvez nous joindre : Beispiel Digital GmbH, Kaisort 10, 20095 Hamburg (Allemagne).',
      '',
      'La société Exemple, dont le siège social est situé 12, rue de la Gare, 95 747 Roissy CDG cedex.',
      '',
      'The data controller is Exemple SAS, registered office at 8 Rue Jean Moulin 75001 - Paris (France).',
      '',
      'Letters may be sent to: 19 Example Avenue, Block 2 Industrial Zone, Cyprus 2540.',
    ].join('\n')
    const p = extractPolicy({ text, format: 'text' })
    expectQuotesInPlace(p)
    const got = company(p).map((a) => [a.country, a.text])
    expect(got.find(([c, t]) => c === 'DE' && t!.includes('Hafenbrücke 16') && t!.includes('80639 Munich'))).toBeDefined()
    expect(got.find(([c, t]) => c === 'DE' && t!.includes('Kaisort 10, 20095 Hamburg'))).toBeDefined()
    expect(got.find(([c, t]) => c === 'FR' && t!.includes('12, rue de la Gare, 95 747 Roissy'))).toBeDefined()
    expect(got.find(([c, t]) => c === 'FR' && t!.includes('8 Rue Jean Moulin 75001 - Paris'))).toBeDefined()
    expect(got.find(([c, t]) => c === 'CY' && t!.includes('19 Example Avenue'))).toBeDefined()
    // A street with its number before a postcode abroad is not German: a Spanish street, or another country named after.
    const abroad = company(extractPolicy({ text: 'Our office: Calle Mayor 40, 28013 Madrid.\n\nOur other office: Mannerheimintie 12, 00100 Helsinki, Finland.', format: 'text' }))
    expect(abroad.filter((a) => a.country === 'DE')).toEqual([])
  })

  it('reads country names in French, a place word in lower case, an overseas department and an Irish county', () => {
    const text = [
      'Air Example plc. (une entreprise immatriculée à Malte et sise au 2ème étage du Sky Parks Business Centre, aéroport international de Malte, LQA 4000, Malte) agit en qualité de responsable du traitement.',
      '',
      'Adresse du siège social : Zone Aéroportuaire, 97438 SAINTE MARIE, Ile de La Réunion.',
      '',
      'Its registered office is at Example Dublin Office, Airside Business Park, Swords, Co. Dublin.',
      '',
      'Nos coordonnées : Avda. de la Diputación, Edificio Example, 15143, Arteixo (A Coruña), Espagne.',
    ].join('\n')
    const p = extractPolicy({ text, format: 'text' })
    expectQuotesInPlace(p)
    const got = company(p).map((a) => [a.country, a.text])
    expect(got.find(([c, t]) => c === 'MT' && t!.includes('Sky Parks Business Centre'))).toBeDefined()
    expect(got.find(([c, t]) => c === 'FR' && t!.includes('97438 SAINTE MARIE'))).toBeDefined()
    expect(got.find(([c, t]) => c === 'IE' && t!.includes('Airside Business Park'))).toBeDefined()
    expect(got.find(([c, t]) => c === 'ES' && t!.includes('Avda. de la Diputación'))).toBeDefined()
    // "97438" without an overseas department after it is no French postcode (it is a German one too).
    expect(company(extractPolicy({ text: 'Write to Zone Industrielle, 97438 Somewhere.', format: 'text' }))).toEqual([])
  })

  it('reads an address written one paragraph per line, and keeps its fuller writing over a bare town', () => {
    const md = [
      '## Contact person',
      '',
      '*   00101 Helsinki, Finland',
      '',
      'Data protection officer:',
      '',
      '*   Rail Group Plc',
      '',
      '*   Data Protection Officer',
      '',
      '*   PO Box 488, 00096 RG',
      '',
      '*   00101 Helsinki, Finland',
    ].join('\n')
    const found = company(extractPolicy({ text: md, format: 'markdown' }))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ country: 'FI', recipient: expect.stringContaining('Rail Group Plc') })
    expect(found[0]!.text).toContain('PO Box 488')
  })

  it('proposes one address once when the policy writes its addressee two ways', () => {
    const text = [
      'The controller is Shopco S.A. (PH Harbour Tower, 50th Street & 56th Street, Suite 32-D, Floor 32, Panama City, Republic of Panama).',
      '',
      'You can write to Shopco S.A., address PH Harbour Tower, 50th Street & 56th Street, Suite 32-D, Floor 32, Panama City, Republic of Panama.',
    ].join('\n')
    expect(company(extractPolicy({ text, format: 'text' })).map((a) => a.country)).toEqual(['PA'])
  })

  it('keeps the address of a provider the policy declares its own data controller (the provider’s own policy)', () => {
    const text = [
      'If you live in the European Union, the data controller is Twitter International Unlimited Company, with an address of:',
      '',
      'Twitter International Unlimited Company',
      'Attn: Data Protection Officer',
      'One Cumberland Place, Fenian Street',
      'Dublin 2, D02 AX07 IRELAND',
    ].join('\n')
    const own = extractPolicy({ text, format: 'text' })
    expect(company(own).map((a) => a.country)).toEqual(['IE'])
    // The same address given for a provider the company uses stays the provider's.
    const used = extractPolicy({ text: text.replace('the data controller is Twitter International Unlimited Company', 'our analytics provider is Twitter International Unlimited Company'), format: 'text' })
    expect(company(used)).toEqual([])
    expect(used.postalAddresses.map((a) => a.role)).toContain('third-party')
  })
})

describe('the company’s name, from the policy’s own words', () => {
  const name = (text: string, format: 'text' | 'markdown' | 'html' = 'text') => {
    const p = extractPolicy({ format, text })
    expectQuotesInPlace(p)
    return p.companyName?.name ?? null
  }

  it('reads “we” refers to X, X (officially, Y Inc.), the owner of this website, X dba Y; never a defined term, a question word or a department', () => {
    expect(name('Privacy Policy\n\nThis policy applies to the services offered by Hoyland AS (Hoylandsky). References to “we,” “our” and “us” refer to Hoylandsky.')).toBe('Hoylandsky')
    expect(name('About Us\n\nQuackQuill (officially, Quack Quill, Inc.) has been an independent company since 2010.')).toBe('Quack Quill, Inc.')
    expect(name('This Policy applies as between you, the User of this Website and Broad Lens Software Ltd, the owner and provider of this Website.')).toBe('Broad Lens Software Ltd')
    expect(name('This Privacy Policy describes how Slateboard, Inc. dba Pinwall, including its affiliates, collects information.')).toBe('Slateboard, Inc.')
    // “Sites” is defined right before “we”: the companies named as joint controllers are meant.
    expect(name('Who we are\n\nDonkeyhat Trading Limited and Beehat Trading LLC are joint controllers of the data collected through the Donkeyhat App and Sites (referred to in this Policy as “we” and “us”).')).toBe(
      'Donkeyhat Trading Limited',
    )
    expect(name('1. The Privacy Provision (hereinafter referred to as “Provision”) outlines how personal data is processed.')).not.toBe('Provision')
    expect(name('Who is the data controller and how to contact us?\n\n**Bright Spoons S.p.A.** is the data controller.', 'markdown')).toBe('Bright Spoons S.p.A.')
    expect(name('Questions? Email privacy@quillpaper.com.\n\nThe Quill Paper Company is referred to in this Privacy Policy as “The Quill,” “we” or “our.”\n\nHeronbox operates as an independent controller of personal information collected through the Heronbox site; write us at:\n\nHeronbox, Inc.\nc/o The Quill Paper Company')).toBe('Quill Paper Company')
    expect(name('Questions? Contact us at privacy@lanternchat.org. Attn: Privacy Lantern Messenger, LLC 650 Castro Street, Suite 120, Mountain View, CA 94041')).toBe('Lantern Messenger, LLC')
  })

  it('reads the controller clause in French, Spanish and Czech forms, and passes over question words, “Visiteur”, “the Company” and a place', () => {
    expect(name('Dans le cadre de ses services, AIR EXEMPLE, en qualité de responsable de traitement, collecte des données.')).toBe('AIR EXEMPLE')
    expect(name('Politique\n\nKapoline, ayant son siège social au 20 boulevard Ampère, 13014 Marseille, édite le site.\n\nLe site (ci-après « Visiteur ») est ouvert.')).toBe('Kapoline')
    expect(name('Données\n\nResponsable:\nMillet Hills Group SAS (ci-après dénommé Millet),\nLES GLAISINS, 21 rue du Pré, 74943 Annecy cédex')).toBe('Millet Hills Group SAS')
    expect(name('Les références au « responsable du traitement des données : Jaguar Hills Limited dont le siège social se situe à Coventry.')).toBe('Jaguar Hills Limited')
    expect(name('Ce document vous informe sur le traitement de vos données par\n\nSKODOVA AUTO a.s.\ntř. Klementa 869\n293 01 Mladá Boleslav')).toBe('SKODOVA AUTO a.s.')
    expect(name('2. Qui est responsable du traitement de vos données personnelles ?\n\nLe traitement de vos données personnelles sera effectué par Voloteo S.L., dont le siège social se trouve à Oviedo.')).toBe('Voloteo S.L.')
    expect(name('SEATO, S.A.U. (plus loin SEATO) est l’entité chargée du traitement des données.')).toBe('SEATO, S.A.U.')
    expect(name('1. QUI SOMMES-NOUS ? Nous sommes Zarita France, S.A.R.L. et Industria Textil, S.A. (INDITEX) et nous traitons vos données.')).toBe('Zarita France, S.A.R.L.')
    expect(name('A ce titre, la présente charte matérialise les engagements de la société CAFIN, société par actions simplifiée de droit français.')).toBe('CAFIN')
    expect(name('Bienvenue sur la politique de confidentialité de Trainly. Quand vous utilisez nos services, vous nous confiez vos informations.')).toBe('Trainly')
    expect(name('Data Controller: The Services are provided and controlled by Hangzhou Deep Search Co., Ltd., with its registered address in China (“we” or “us”).')).toBe('Hangzhou Deep Search Co., Ltd.')
    expect(name('Privacy Policy\n\nis the publisher and operator (referred to as the “Company”, “we”) of the website.\n\nThe Company is committed to protecting your privacy.')).toBeNull()
    // A well-known provider's name is the company's when the clause makes it the controller of the reader's own data;
    // its group's other company is then the company too, address and all.
    const filler = 'We describe how we use data when you browse, save and share ideas. '.repeat(12)
    const joint = extractPolicy({ format: 'text', text: `Privacy Policy\n\n${filler}\n\nFor the purposes of the GDPR, Pinterest Europe Ltd. and Pinterest, Inc. are joint data controllers of your personal data. Pinterest Europe Ltd. is an Irish company with its registered office at Waterloo Exchange, 3rd Floor, Waterloo Road, Dublin 4, Ireland. Pinterest, Inc. is a US company with its registered office at 651 Brannan St., San Francisco, CA 94107, USA.` })
    expect(joint.companyName?.name).toBe('Pinterest Europe Ltd.')
    expect(company(joint).map((a) => a.country).sort()).toEqual(['IE', 'US'])
    // A representative named further down gives way to the company's full name in the title.
    expect(name(`LY Example Corporation Privacy Policy\n\nThis policy explains how LY Example Corporation handles data.\n\n${'We keep your account data while your account is open. '.repeat(20)}\n\n<Thailand Representative>\nTilleke Digital Solutions Co., Ltd. (“we”, “us”) acts for us.`)).toBe('LY Example Corporation')
  })

  it('reads “X (“we”, “us”)”, a name defined beside “we”, and the controller clause', () => {
    expect(name('Welcome to Birchwood Labs, Inc. (“us”, “we”, or “our”). We operate birchwood.example.')).toBe('Birchwood Labs, Inc.')
    expect(name('Oakfield Finland Oy, Oakfield Sweden AB and Oakfield Clearing Oy (together “Oakfield” or “we”) respect your privacy.')).toBe('Oakfield')
    expect(name('Privacy policy\n\nThe Data Controller for our processing of personal data is Fjordspel IT AS.')).toBe('Fjordspel IT AS')
    expect(name('The data collected is processed by SAS PLUMA, in its capacity as data controller.')).toBe('SAS PLUMA')
    expect(name('Who is responsible for processing the data?\n\nKettlewerk Online GmbH\nIndustriestr. 25\n91710 Gunzenhausen')).toBe('Kettlewerk Online GmbH')
    expect(name('When you use your account, Rail Vertrieb GmbH, Rail Fernverkehr AG and Rail Regio AG process your data as joint controllers.')).toBe('Rail Vertrieb GmbH')
    expect(name('La DINUM est responsable des traitements de données à caractère personnel réalisés dans l’Application.')).toBe('DINUM')
  })

  it('reads the controller clause in French, a defined « name », and passes over a partner, a law and a parent company', () => {
    const name = (text: string) => extractPolicy({ text, format: 'text' }).companyName?.name ?? null
    expect(name('Comptoir des Cotonniers s’engage en faveur du respect de la vie privée.\n\nComptoir des Cotonniers agit en qualité de responsable du traitement des données personnelles.')).toBe('Comptoir des Cotonniers')
    expect(name('Confidentialité\n\nRyanair DAC est le « responsable du traitement » de toutes les données personnelles.')).toBe('Ryanair DAC')
    expect(name('Politique de confidentialité\n\nComuto SA (ci-après « BlaBlaCar ») attache une grande importance à votre vie privée.')).toBe('BlaBlaCar')
    // The opening's company wins over a partner declared controller further down, and a law's short name is none.
    expect(name(`Chez DECATHLON, vos données sont les vôtres. Le règlement (ci-après le « RGPD ») s’applique.\n\n${'Nous expliquons ici comment vos données sont utilisées. '.repeat(18)}\n\nLa création de cet identifiant est faite par un partenaire. PARTNERCO est responsable de traitement de cette table.\n\nLes données que vous nous confiez sont traitées par DECATHLON France SAS, 4 boulevard de Mons.`)).toBe('DECATHLON France SAS')
    expect(name('Twitch Interactive Inc. and its affiliates are subsidiaries of Amazon.com, Inc. (“Amazon”).\n\nFor data protection laws, Twitch Interactive, Inc., located in San Francisco, is the “data controller” of your information.')).toBe('Twitch Interactive, Inc.')
  })

  it('takes the name of the site the policy links to as the text writes it, when nothing else names the company', () => {
    const md = 'Privacy Policy\n\nLinkedIn’s mission is to connect the world’s professionals.\n\n[Settings](https://www.linkedin.com/psettings/) and [Help](https://www.linkedin.com/help/) and [Cookies](https://www.linkedin.com/legal/cookie-policy).'
    expect(extractPolicy({ text: md, format: 'markdown' }).companyName).toMatchObject({ name: 'LinkedIn', basis: 'domain' })
  })

  it('never takes page chrome, a bracketed link text or a provider for the name', () => {
    expect(name('[Zotero Documentation](https://example.org/docs)\n\nPrivacy Policy\n\nThis policy explains how Zotfield Inc. (“we”) handles your data.', 'markdown')).toBe('Zotfield Inc.')
    expect(name('Privacy Policy[Kristofer Bee](https://example.org/author/kb)2026-03-20T14:18:35+01:00\n\nThis privacy policy applies when Frejaholm Group AB (“Frejaholm”) provides a service.', 'markdown')).toBe('Frejaholm')
    expect(name('We use Google Analytics, a web analysis service provided by Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043.')).not.toBe('Google LLC')
  })

  it('keeps the name apart from an address piece, the words in front of it, a defined place and a sentence of its own', () => {
    const name = (text: string) => extractPolicy({ text, format: 'text' }).companyName?.name ?? null
    // The controller's registered office runs long: the company, not its floor.
    expect(name('Data controller\n\nIf you live in the EEA, Nimbuscale Ireland Limited, with its registered office at 1st Floor, The Harbour Trust Centre, 117-126 Quay Street Upper, Dublin 1, D01 XX43, Ireland, is the controller of your data.')).toBe('Nimbuscale Ireland Limited')
    // Lower-case words the capture took in front go; an article too.
    expect(name('This Privacy Policy describes the practices of Widgetry Works, Inc. (the “Company”, “we”, “our”) with respect to your data.')).toBe('Widgetry Works, Inc.')
    expect(name('Protection des données\n\nL’AP-FX est soucieuse de préserver la confidentialité de vos données.')).toBe('AP-FX')
    // The end of the sentence before is not part of the name.
    expect(name('Quillon Health AB has its head office at Storgatan 4, 111 57 Stockholm, Sweden. Quillon is the data controller for the processing described here.')).not.toMatch(/Sweden/)
    // A defined group of countries, a title that is a sentence, a legal form alone: no name.
    expect(name('Users of countries in the EU and Switzerland (referred to as “Designated Countries”, “we” do not mean them) should read our GDPR page.')).not.toBe('Designated Countries')
    expect(extractPolicy({ text: 'We value your privacy\n==========\n\nWe value your privacy and describe here what we do.', format: 'markdown' }).companyName?.name ?? null).not.toBe('We value your')
    expect(name('Contact\n\nInc.\n3001 Bee Caves Rd., Ste. 100 A, Rollingwood, TX 78746.')).not.toBe('Inc.')
  })
})

describe('HTML and Markdown become the text the user reviews', () => {
  it('decodes every named reference of the HTML standard (the entities package), each mapped back to its place', () => {
    const source = '<p>&Scaron;koda Auto a.s., T&rcaron;&iacute;da V&aacute;clava Klementa 869 &rarr; write to privacy&commat;skoda-example.cz&period;</p>'
    const p = extractPolicy({ format: 'html', text: source })
    expectQuotesInPlace(p)
    expect(p.plainText).toBe('Škoda Auto a.s., Třída Václava Klementa 869 → write to privacy@skoda-example.cz.')
    expect(p.privacyEmails.map((e) => e.address)).toEqual(['privacy@skoda-example.cz'])
  })

  it('closes an open link when the next one starts, as a browser does, and keeps each link’s words and target', () => {
    const p = extractPolicy({ format: 'html', text: '<p>Privacy questions: <a href="mailto:dpo@nested-example.org">our DPO<a href="https://nested-example.org/form">the form</a>.</p>' })
    expect(p.privacyEmails.map((e) => e.address)).toEqual(['dpo@nested-example.org'])
    expect(p.warnings.find((w) => w.code === 'mailto-mismatch')!.message).toContain('“our DPO”')
  })

  it('drops scripts, styles and comments, decodes entities, keeps blocks apart and maps back to the source', () => {
    const html = [
      '<html><head><title>Privacy Policy – Ravenwood &amp; Co</title><style>p{color:red}</style><script>var a = "x@y.com"</script></head>',
      '<body><!-- a comment with c@d.com --><h1>Privacy</h1><p>Ravenwood &amp; Co respects your privacy.</p>',
      '<ul><li>Email:&nbsp;<a href="mailto:privacy@ravenwood.co">privacy@ravenwood.co</a></li><li>Phone: +1&nbsp;(555)&nbsp;010-0199</li></ul></body></html>',
    ].join('')
    const plain = toPlainText(html, 'html')
    expect(plain.text).not.toMatch(/color:red|x@y\.com|c@d\.com/)
    expect(plain.text.split('\n').filter(Boolean)).toEqual([
      'Privacy Policy – Ravenwood & Co',
      'Privacy',
      'Ravenwood & Co respects your privacy.',
      'Email: privacy@ravenwood.co',
      'Phone: +1 (555) 010-0199',
    ])
    const at = plain.text.indexOf('privacy@ravenwood.co')
    expect(html.slice(plain.toSource(at), plain.toSource(at) + 20)).toBe('privacy@ravenwood.co')
    expect(plain.links).toEqual([{ href: 'mailto:privacy@ravenwood.co', start: at, end: at + 20 }])

    const p = extractPolicy({ format: 'html', text: html })
    expectQuotesInPlace(p)
    expect(p.companyName?.name).toBe('Ravenwood & Co')
    expect(addresses(p)).toEqual(['privacy@ravenwood.co'])
    expect(p.phones.map((x) => x.number)).toEqual(['+1 (555) 010-0199'])
  })

  it('renders Markdown links, emphasis, escapes, lists and tables as plain words', () => {
    const md = [
      '# Privacy Policy | **Ravenwood**',
      '',
      '* Contact: [our team](https://ravenwood.co/contact) or <privacy@ravenwood.co>',
      '1\\. **Address:** | 12 Hill Road, Leeds, LS1 4AP',
      '---|---',
      '_Last updated_ 2024',
    ].join('\n')
    const plain = toPlainText(md, 'markdown')
    expect(plain.text.split('\n')).toEqual([
      'Privacy Policy | Ravenwood',
      '',
      'Contact: our team or privacy@ravenwood.co',
      '1. Address: | 12 Hill Road, Leeds, LS1 4AP',
      'Last updated 2024',
    ])
    expect(plain.links.map((l) => l.href)).toEqual(['https://ravenwood.co/contact', 'mailto:privacy@ravenwood.co'])
    const at = plain.text.indexOf('12 Hill Road')
    expect(md.slice(plain.toSource(at), plain.toSource(at) + 12)).toBe('12 Hill Road')
  })

  it('guesses the format from the file name', () => {
    expect(['a.html', 'b.HTM', 'c.md', 'd.markdown', 'e.txt', 'f'].map(guessPolicyFormat)).toEqual(['html', 'html', 'markdown', 'markdown', 'text', 'text'])
  })

  it('never throws, and keeps every quote in place, whatever the input', () => {
    const piece = fc.constantFrom(
      '<', '>', '</a>', '<a href="mailto:privacy@fennel-foods.ie">', '<p>', '</p>', '<br>', '<script>', '</script>', '<!--', '-->',
      '[', ']', '(', ')', '](mailto:x@fennel-foods.ie)', '**', '_', '`', '\\', '# ', '- ', '|', '---|---',
      '@', '.', ',', ':', ' at ', ' dot ', ' [at] ', ' [dot] ', '&amp;', '&#', '&nbsp;', '\n', '\n\n', ' ',
      'privacy', 'fennel-foods', 'com', 'Hong Kong', 'Kowloon', 'Straße 5', '12345 Berlin', 'CA 94105', 'SW1A 1AA', '广东省深圳市南山区科技园路1号',
      'Tel:', 'Fax:', '+44 20 7946 0958', 'under the age of 16', 'subject line', 'delete your data', 'Ltd', 'GmbH', '[email protected]',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom('text', 'markdown', 'html') as fc.Arbitrary<'text' | 'markdown' | 'html'>, (pieces, format) => {
        const p = extractPolicy({ text: pieces.join(''), format })
        expect(policyProposalSchema.safeParse(p).success).toBe(true)
        for (const q of p.quotes) expect(p.plainText.slice(q.start, q.end)).toBe(q.quote)
      }),
      { numRuns: 300 },
    )
  })

  // Speed lives in `npm run bench` (bench/policy-import-large.ts); here only the outcome counts.
  // The timeouts are generous so that a slow, loaded machine still gets to the end.
  it('reads a 2 MB policy to the end and finds its one contact', () => {
    const block = 'We use cookies. Questions about your personal data: privacy@longform.org. Write to Longform Ltd, 1 Quay Street, Manchester, M3 3JE. Tel: +44 161 496 0000.\n\n'
    const text = block.repeat(Math.floor(1_990_000 / block.length))
    expect(text.length).toBeGreaterThan(1_980_000)
    const p = extractPolicy({ format: 'text', text })
    expect(policyProposalSchema.safeParse(p).success).toBe(true)
    // All of it was read: the text kept is the whole policy, up to its last sentence.
    expect(p.plainText.length).toBeGreaterThan(text.length * 0.99)
    expect(p.plainText.trimEnd().endsWith('Tel: +44 161 496 0000.')).toBe(true)
    expect(addresses(p)).toEqual(['privacy@longform.org'])
    expect(company(p).map((a) => [a.country, a.text])).toEqual([['GB', 'Longform Ltd, 1 Quay Street, Manchester, M3 3JE']])
    expect(p.phones.map((phone) => phone.number)).toEqual(['+44 161 496 0000'])
    for (const q of p.quotes) expect(p.plainText.slice(q.start, q.end)).toBe(q.quote)
  }, 300_000)

  it('gets through one line of 15,000 address-like anchors and proposes no contact', () => {
    const commas = ('Street 1, '.repeat(10) + 'Hong Kong, ').repeat(15_000)
    const p = extractPolicy({ format: 'text', text: commas })
    expect(policyProposalSchema.safeParse(p).success).toBe(true)
    expect(p.plainText.length).toBe(commas.length)
    expect(addresses(p)).toEqual([])
    expect(codes(p)).toContain('no-email')
    expect(company(p).length).toBeLessThanOrEqual(1)
    expect(p.phones).toEqual([])
    for (const q of p.quotes) expect(p.plainText.slice(q.start, q.end)).toBe(q.quote)
  }, 300_000)
})

describe('proposalToCompany', () => {
  const p = extractPolicy({
    format: 'text',
    sourceUrl: 'https://www.kestrelbooks.co.uk/privacy',
    text: [
      'Privacy Policy | Kestrel Books',
      '',
      'Kestrel Books respects your privacy. Questions about this policy: privacy@kestrelbooks.co.uk.',
      'Order questions: sales@kestrelbooks.co.uk.',
      'Write to Kestrel Books Ltd, 14 Mill Lane, Bristol, BS1 4DJ. Tel: +44 117 496 0123.',
      'Our warehouse: Unit 4, Riverside Park, Hong Kong Road.',
      'Children under the age of 13 may not use the shop.',
    ].join('\n'),
  })

  it('builds a valid record from the user’s choices, citing the policy for every fact', () => {
    const record = proposalToCompany(p, { id: 'kestrel', name: 'Kestrel Books Ltd', otherEmails: [] })
    expect(companySchema.parse(record)).toEqual(record)
    expect(record).toMatchObject({ id: 'kestrel', name: 'Kestrel Books Ltd', domains: ['kestrelbooks.co.uk'], website: 'https://www.kestrelbooks.co.uk' })
    expect(record.emails.map((e) => [e.address, e.purpose])).toEqual([['privacy@kestrelbooks.co.uk', 'privacy']])
    expect(record.postalAddresses).toMatchObject([{ recipient: 'Kestrel Books Ltd', country: 'GB', lines: ['14 Mill Lane', 'Bristol', 'BS1 4DJ'] }])
    expect(record.phones).toMatchObject([{ number: '+44 117 496 0123', kind: 'phone' }])
    expect(record.requirements.minimumAge?.age).toBe(13)
    for (const provenance of [...record.emails, ...record.postalAddresses, ...record.phones].map((x) => x.provenance)) {
      expect(provenance).toMatchObject({ kind: 'policy', sourceId: 'kestrel-policy', quality: 'extracted' })
      expect(p.plainText).toContain((provenance as { quote: string }).quote)
    }
    expect(record.sources).toEqual([expect.objectContaining({ id: 'kestrel-policy', url: 'https://www.kestrelbooks.co.uk/privacy', kind: 'policy', archivedOn: null })])
  })

  it('keeps the other addresses by default and lets the user change a purpose', () => {
    const record = proposalToCompany(p, { otherEmails: [{ address: 'sales@kestrelbooks.co.uk', purpose: 'support' }] })
    expect(record.id).toBe(slugOf(p.companyName!.name))
    expect(record.emails.map((e) => [e.address, e.purpose])).toEqual([
      ['privacy@kestrelbooks.co.uk', 'privacy'],
      ['sales@kestrelbooks.co.uk', 'support'],
    ])
  })

  it('asks for what the policy does not give: a country, a source address, a name', () => {
    // An address whose country the text leaves open (the finder then proposes none).
    const open = { ...p, postalAddresses: p.postalAddresses.map((a) => ({ ...a, country: null, recipient: null })) }
    expect(() => proposalToCompany(open, {})).toThrow(/country/)
    const fixed = proposalToCompany(open, { postalAddresses: [{ index: 0, country: 'GB' }] })
    expect(fixed.postalAddresses[0]).toMatchObject({ country: 'GB', recipient: 'Kestrel Books', region: null })
    expect(() => proposalToCompany(p, { postalAddresses: [{ index: 7 }] })).toThrow(/no proposed postal address/)

    const pasted = extractPolicy({ format: 'text', text: 'Questions about your data: privacy@kestrelbooks.co.uk' })
    expect(() => proposalToCompany(pasted, { name: 'Kestrel' })).toThrow(CoreError)
    expect(() => proposalToCompany(pasted, { name: 'Kestrel' })).toThrow(/web address/)
    expect(proposalToCompany(pasted, { name: 'Kestrel', source: { url: 'https://kestrelbooks.co.uk/privacy', archivedOn: '2024-05-01' } }).sources[0]).toMatchObject({ archivedOn: '2024-05-01', id: 'kestrel-2024' })
    expect(() => proposalToCompany({ ...pasted, companyName: null }, { source: { url: 'https://kestrelbooks.co.uk/privacy' } })).toThrow(/name/)
  })
})

describe('warnings as structured messages, in every language', () => {
  it('gives every warning a message key and parameters that each language renders, the English words beside it', () => {
    const none = extractPolicy({ format: 'text', text: 'Complaints: you may write to the ICO at casework@ico.org.uk.\n\nWrite to privacy [at] acme-widgets [dot] com.\n\nSome text [email protected] here.' })
    const keys = none.warnings.map((w) => w.detail.key)
    expect(keys).toEqual(expect.arrayContaining(['policyImport.warning.regulatorDomain', 'policyImport.warning.decoded', 'policyImport.warning.cloudflare', 'policyImport.warning.noCompanyName']))
    for (const w of none.warnings) {
      expect(w.message).toBe(renderMessage(w.detail, 'en'))
      for (const language of uiLanguages) {
        const words = renderMessage(w.detail, language)
        expect(words, `${language} ${w.detail.key}`).not.toBe(w.detail.key)
        expect(words, `${language} ${w.detail.key}`).not.toMatch(/\{\{|\}\}/)
      }
    }
    const decoded = none.warnings.find((w) => w.code === 'obfuscated-decoded')!
    expect(renderMessage(decoded.detail, 'de')).toContain('privacy@acme-widgets.com')
    expect(renderMessage(decoded.detail, 'de')).not.toBe(decoded.message)
    const only = extractPolicy({ format: 'text', text: 'Complaints go to the ICO: casework@ico.org.uk and icocasework@ico.org.uk.' }).warnings.find((w) => w.code === 'no-email')!
    expect(only.detail).toMatchObject({ key: 'policyImport.warning.noEmailOnly', params: { count: 2 } })
    expect(renderMessage(only.detail, 'en')).toContain('which are not the company’s')
  })

  it('has the same warning keys in every language', () => {
    // Plural forms differ by language (French and Spanish have _many, Chinese only _other): compare the keys without them.
    const keysOf = (tree: unknown): string[] => [...new Set(Object.keys(((tree as Record<string, Record<string, unknown>>).policyImport ?? {}).warning ?? {}).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort()
    const english = keysOf(coreResources.get('en'))
    expect(english.length).toBeGreaterThan(15)
    for (const language of uiLanguages) expect(keysOf(coreResources.get(language)), language).toEqual(english)
  })
})

describe('the catalog:extractPolicy API method and the CLI views', () => {
  it('returns the proposal through the API and refuses bad input as data', async () => {
    const { api } = startCore()
    const proposal = expectOk(await api.call('catalog:extractPolicy', { text: 'Privacy questions: privacy@larkspur.io', format: 'text', sourceUrl: 'https://larkspur.io/privacy' }))
    expect(proposal.privacyEmails.map((e) => e.address)).toEqual(['privacy@larkspur.io'])
    expect(proposal.sourceUrl).toBe('https://larkspur.io/privacy')
    const badUrl = await api.call('catalog:extractPolicy', { text: 'x', format: 'text', sourceUrl: 'not a url' })
    expect(badUrl.ok ? null : badUrl.error.code).toBe('INVALID_INPUT')
    const badFormat = await api.invoke('catalog:extractPolicy', { text: 'x', format: 'pdf' })
    expect(badFormat.ok ? null : badFormat.error.code).toBe('INVALID_INPUT')
    const extra = await api.invoke('catalog:extractPolicy', { text: 'x', format: 'text', save: true })
    expect(extra.ok ? null : extra.error.code).toBe('INVALID_INPUT')
  })

  it('flattens the proposal for --json and describes it for people', () => {
    const p = extractPolicy({ format: 'text', text: 'Data protection: privacy@larkspur.io. Fax: +49 30 1234567. Larkspur GmbH, Torstraße 1, 10119 Berlin, Germany.' })
    const view = proposalView(p)
    expect(view).toMatchObject({
      privacyEmails: ['privacy@larkspur.io'],
      postalAddresses: ['Larkspur GmbH, Torstraße 1, 10119 Berlin, Germany'],
      phones: ['+49 30 1234567'],
      faxes: ['+49 30 1234567'],
      minAge: null,
    })
    expect(view).not.toHaveProperty('plainText')
    expect(describeProposal(p)).toMatch(/Privacy e-mail: privacy@larkspur\.io/)
  })
})
