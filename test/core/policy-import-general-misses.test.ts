/**
 * Known misses of policy import on the tuning sets 3 to 10 (issue 17), each fixed by its general
 * cause and checked here on made-up policies: the case that must now be read, and the one that must not.
 */
import { describe, expect, it } from 'vitest'
import { extractPolicy, type PolicyProposal } from '../../electron/core/catalog/policy-import'
import { segment } from '../../electron/core/catalog/policy-import/segments'

const read = (text: string, format: 'text' | 'markdown' | 'html' = 'text'): PolicyProposal => extractPolicy({ text, format })
const privacy = (p: PolicyProposal) => p.privacyEmails.map((e) => e.address)
const other = (p: PolicyProposal) => p.otherEmails.map((e) => e.address)
const all = (p: PolicyProposal) => [...privacy(p), ...other(p), ...p.excludedEmails.map((e) => e.address)]

describe('an address with its @ written as “(?)” or a full-width “＠”', () => {
  it('is read where the sign stands tight between the two halves, and the sentence is not cut at its “?”', () => {
    const p = read('Privacy Policy\n\nQuestions about this policy: please write to quill-desk(?)mailbox.com and we will answer.')
    expect(privacy(p)).toEqual(['quill-desk@mailbox.com'])
    expect(p.privacyEmails[0]!.quote).toContain('and we will answer')
    expect(p.warnings.map((w) => w.code)).toContain('obfuscated-decoded')
    expect(privacy(read('プライバシーポリシー\n\n本ポリシーに関するお問い合わせは quill（＠）mailbox.jp または desk＠quillon.jp までご連絡ください。'))).toEqual(['quill@mailbox.jp', 'desk@quillon.jp'])
  })

  it('is not read from a question mark in prose, with a space beside it or no domain after it', () => {
    expect(all(read('Privacy Policy\n\nIs this the right place (?) quillon.com has the answer. Did it work(?) Yes.'))).toEqual([])
    expect(all(read('Privacy Policy\n\nWe changed the rules (?)quillon.com will say more.'))).toEqual([])
    const s = segment('Did it work (?) Yes. It did.')
    expect(s.sentences.length).toBe(2)
  })
})

describe('an address with a space after its @', () => {
  it('is read as the address people read (“info@ quillon.com”), in the text and in a link to it', () => {
    const p = read('Política de privacidad\n\nPuedes ejercer tus derechos de acceso y supresión enviando un correo electrónico a [info@ quillon.com](mailto:info@ quillon.com).', 'markdown')
    expect(privacy(p)).toEqual(['info@quillon.com'])
    expect(privacy(read('Privacy Policy\n\nTo exercise your rights, write to privacy@ quillon.es.'))).toEqual(['privacy@quillon.es'])
  })

  it('is not read where a word and a space stand before the @, or where no mail domain follows', () => {
    expect(all(read('Privacy Policy\n\nTo exercise your rights, ping @ quillon.com or tell the Team@ Quillon Ltd.'))).toEqual([])
    expect(all(read('Privacy Policy\n\nFor questions about your data, call at@ 9.30am each day.'))).toEqual([])
  })
})

describe('the addresses of a list of providers, each under a label naming it', () => {
  const policy = (blocks: string) =>
    `# Privacy Policy\n\nTo delete your data, please write to quillgames.studio@gmail.com.\n\n## Partners\n\n${blocks}\n\n# Contact\n\nIf there are any questions regarding this privacy policy you may contact us:\n\nquillgames.studio@gmail.com`

  it('are the providers’, not the company’s, where at least two blocks are so labelled', () => {
    const p = read(policy('Trackly Analytics:\n- email: privacy@tracklyanalytics.com\n- privacy policy: https://tracklyanalytics.com/privacy\n\nAdnova:\n- Adnova only provides an SDK. You can still contact them to request deletion.\n- email: dpo@adnova.io'), 'markdown')
    expect(privacy(p)).toEqual(['quillgames.studio@gmail.com'])
    expect(p.excludedEmails.map((e) => e.address).sort()).toEqual(['dpo@adnova.io', 'privacy@tracklyanalytics.com'])
  })

  it('stay the company’s where one block alone is labelled by the name its address spells', () => {
    const p = read('# Privacy Policy\n\nQuillon:\n- email: privacy@quillon.com\n- for deletion and access requests', 'markdown')
    expect(privacy(p)).toEqual(['privacy@quillon.com'])
    // A label that names a topic, not an organisation, says nothing of whose the address is.
    const topic = read(policy('Privacy contact:\n- email: privacy@quillgames.com\n\nAdnova:\n- email: dpo@adnova.io'), 'markdown')
    expect(privacy(topic)).toContain('privacy@quillgames.com')
  })
})

describe('“this policy” and questions, in French, Spanish, German and Japanese', () => {
  it('ties an address to privacy where its sentence or the line before it asks about the policy', () => {
    expect(privacy(read('Politique de Confidentialité\n\n7. Contact\n\nPour toute question concernant cette politique, veuillez nous contacter à quill.dev@gmail.com.'))).toEqual(['quill.dev@gmail.com'])
    expect(privacy(read('Política de Privacidad\n\n## 9. Contacto\n\nSi tienes preguntas sobre esta Política de Privacidad, puedes contactarnos en:\n\n**Correo electrónico:** fquill@quillworks.com', 'markdown'))).toEqual(['fquill@quillworks.com'])
    expect(privacy(read('Datenschutz\n\nBei Fragen zu dieser Erklärung schreiben Sie an kontakt@quillon.de.'))).toEqual(['kontakt@quillon.de'])
  })

  it('leaves an address for questions about something else a general one', () => {
    const fr = read('Politique de Confidentialité\n\n7. Contact\n\nPour toute question concernant nos produits, veuillez nous contacter à quill.dev@gmail.com.')
    expect(privacy(fr)).toEqual([])
    expect(other(fr)).toEqual(['quill.dev@gmail.com'])
    const es = read('Política de Privacidad\n\nTratamos tus datos con cuidado.\n\nPedidos\n\nSi tienes preguntas sobre los pedidos, escríbenos a ventas@quillworks.com.')
    expect(privacy(es)).toEqual([])
    expect(other(es)).toEqual(['ventas@quillworks.com'])
  })
})

describe('YAML front matter after a leading comment', () => {
  it('gives the title, and its keys are not read as the company’s name', () => {
    const p = read('<!-- copied from the site -->\n---\nlayout: page\ntitle: Privacy Policy\n---\n\n# Privacy Policy\n\nWe collect nothing. Questions about this policy: hello@quillon.com', 'markdown')
    expect(p.companyName?.name ?? null).not.toBe('title')
    expect(p.plainText).not.toContain('layout')
  })

  it('stays text where the dashes do not open the file', () => {
    const p = read('# Privacy Policy\n\nSome words first.\n\n---\nlayout: page\n---\n\nMore.', 'markdown')
    expect(p.plainText).toContain('layout: page')
  })
})

describe('a small app’s name from the title and the headings under it', () => {
  const name = (text: string, format: 'text' | 'markdown' = 'markdown') => read(text, format).companyName?.name ?? null

  it('reads “Datenschutzerklärung für die X App”, “Privacy Policy for X: subtitle”, “X Privacy Policy” and a heading under a bare title', () => {
    expect(name('# Datenschutzerklärung für die QuillRide App\n\nDiese Datenschutzerklärung klärt dich über die Verarbeitung deiner Daten auf.')).toBe('QuillRide')
    expect(name('# Privacy Policy for Lumo: Habit Tracker\n\nLumo: Habit Tracker ("the app") keeps your data on your phone.')).toBe('Lumo')
    expect(name('# Quillnote Privacy Policy\n\nWe collect nothing.')).toBe('Quillnote')
    expect(name('---\ntitle: Política de Privacidad\n---\n\n# Política de Privacidad de Quillo\n\nCómo tratamos tus datos cuando usas Quillo.')).toBe('Quillo')
    expect(name('# Politique de confidentialité — Calcul Quill\n\nNous utilisons Firebase Analytics, soumis à la politique de confidentialité de Google.')).toBe('Calcul Quill')
    expect(name('# Informationen zum Datenschutz bei Quillverein\n\nDer Schutz Ihrer Daten liegt Quillverein am Herzen.')).toBe('Quillverein')
  })

  it('takes no page word, date or provider for the name, and keeps a name that ends in “App”', () => {
    expect(name('# Datenschutzerklärung\n\nWir erheben keine Daten.')).toBeNull()
    expect(name('# Unsere Datenschutzbestimmungen\n\nWir erheben keine Daten.')).toBeNull()
    expect(name('# Privacy Policy\n\n## Your Privacy Rights – Effective January 11, 2023\n\nWe collect little.')).toBeNull()
    expect(name('# Privacy Policy\n\nWe use analytics, subject to the privacy policy of Google.')).toBeNull()
    expect(name('# Quill App Privacy Notice\n\nQuill App is run by its makers.')).toBe('Quill App')
  })

  it('keeps a number that opens a name, and drops a section number', () => {
    expect(name('Privacy Policy\n\nTwelve Quills, LLC d/b/a 12 Quill Media ("12 Quill Media", "us", "we", or "our") operates the site.', 'text')).toBe('12 Quill Media')
  })
})

describe('the name of a person or small body that runs the service, from the policy’s own words', () => {
  const name = (text: string, format: 'text' | 'markdown' = 'text') => read(text, format).companyName?.name ?? null

  it('reads the controller on its own line over its address, a “Titular:” or “Developer:” label, and the German clause', () => {
    expect(name('Datenschutzerklärung\n\n1. Verantwortlicher\n\nMaren Quillberg\n\nQuillstr. 44\n80939 München')).toBe('Maren Quillberg')
    expect(name('Aviso legal\n\nTitular y Responsable del tratamiento de los Datos\n\nQuillware SLU / CIF ESB00000000\nPaseo de la Castellana 194,\n28046 Madrid')).toBe('Quillware SLU')
    expect(name('Política de privacidad\n\nTitular: MARTA QUILL ROSADO\nNIF: 00000000L\nDomicilio: Calle Torreiro, 13, 15001, A Coruña.')).toBe('MARTA QUILL ROSADO')
    expect(name('Privacy Policy\n\nLast Updated: DEC 2025\nDeveloper: Pia Quillon\nEmail: pia@quillon.dev')).toBe('Pia Quillon')
    expect(name('Datenschutz\n\nVerantwortlich für die Verarbeitung Ihrer Daten ist der Quillverein Trägerverein e.V., Münchner Str. 48, 60329 Frankfurt.')).toBe('Quillverein Trägerverein e.V.')
    expect(name('Privacy Policy\n\nQuill Shapes Ltd (registered number 07000000), whose registered office is at 13 Quill Crescent, London, knows that you care.')).toBe('Quill Shapes Ltd')
  })

  it('reads a common app policy’s opening: “X built the Y app as a free app”, “Thank you for using X”, “At x.cc, we”, “los términos en que X usa”', () => {
    expect(name('Privacy Policy\n\nPia Quillon built the Quill Notes app as a Free app. This SERVICE is provided by Pia Quillon at no cost.')).toBe('Pia Quillon')
    expect(name('Privacy Policy\n\nThank you for using QuillJolt, a karaoke application (“the App”).')).toBe('QuillJolt')
    expect(name('At quill.cc, we value your privacy and protect your personal information.')).toBe('quill.cc')
    expect(name('La presente Política de Privacidad establece los términos en que Quill Envíos usa y protege la información.')).toBe('Quill Envíos')
  })

  it('takes no section heading, no numbered list and no role for the name', () => {
    expect(name('Privacy Policy\n\nAcademquill is the controller for the personal information we process.\n\n1. Scope\n\n2. Personal Information We Collect')).toBe('Academquill')
    expect(name('Datenschutz\n\nVerantwortlich im Sinne der DSGVO ist:\n[Kontaktdaten: Name, Adresse, E-Mail-Adresse]\n\nArt. 4 DSGVO')).toBeNull()
    expect(name('Privacy Policy\n\nThank you for using our services, we value you.')).toBeNull()
  })
})

describe('Estonian and Romanian street addresses, and another organisation’s as its own controller', () => {
  const company = (p: PolicyProposal) => p.postalAddresses.filter((a) => a.role === 'company').map((a) => `${a.country} ${a.text}`)

  it('reads an Estonian street (“Pärnu mnt 141”) without the word “aadress” before it, and a Romanian one (“Str. Războieni nr. 7”)', () => {
    const ee = read('Isikuandmete töötlemise põhimõtted\n\nKäesolevad põhimõtted kirjeldavad, kuidas Quillgrupp OÜ, registrikood 14600000, aadress Pärnu mnt 141, Tallinn 10145, isikuandmeid töötleb.')
    expect(company(ee)).toEqual(['EE Pärnu mnt 141'])
    const ro = read('Politica de confidențialitate\n\nQuill Proiect SRL, având sediul în Bacău, Str. Războieni nr. 7, sc. D-E, parter, vă informează cu privire la datele cu caracter personal.')
    expect(company(ro)).toEqual(['RO Str. Războieni nr. 7'])
  })

  it('reads no Estonian or Romanian address from prose or a German street', () => {
    expect(read('Privacy Policy\n\nOur Tallinn team spent 141 days on it, and the mnt 141 build is out.').postalAddresses.filter((a) => a.country === 'EE')).toEqual([])
    expect(read('Datenschutz\n\nVerantwortlich ist die Quill GmbH, Münchner Str. 48, 60329 Frankfurt am Main.').postalAddresses.map((a) => a.country)).toEqual(['DE'])
  })

  it('takes an address given for another, independent controller as a third party’s, and keeps the company’s own', () => {
    const p = read('Privacy Policy\n\nQUILL SAS, 78 avenue des Champs-Élysées, 75008 Paris, France, runs this site.\n\nFor subscription payments, the independent data controller for billing is Number Quill OÜ (reg. 16600000, Vesi tn 50-201, 10152 Tallinn, Estonia). Please refer to their privacy policy.')
    expect(p.postalAddresses.filter((a) => a.role === 'company').map((a) => a.country)).toEqual(['FR'])
    expect(p.postalAddresses.filter((a) => a.role === 'third-party').map((a) => a.country)).toContain('EE')
  })
})

describe('a mailbox named for another purpose beside the policy’s privacy route', () => {
  it('leaves a footer sales@ a sales address, however the page above it speaks of privacy', () => {
    const p = read('# Privacy Policy\n\nIf you have any questions about our Privacy Policy or our data practices, please contact us at support@quillon.ai.\n\n## Changes to this Privacy Policy\n\nWe may change it.\n\nContact\n\n[support@quillon.ai](mailto:support@quillon.ai)[Sales@quillon.ai](mailto:sales@quillon.ai)', 'markdown')
    expect(privacy(p)).toEqual(['support@quillon.ai'])
    expect(other(p)).toEqual(['sales@quillon.ai'])
  })

  it('leaves support@ given for account help, and an address for the authorities, out where the policy has a privacy address', () => {
    const p = read('Privacy Policy\n\nYou may revoke your consent at any time by contacting us at privacy@quillon.com.\n\nRight to rectification. You have the right to ask us to rectify your data. If you’d like to edit your account information, please contact our support team at support@quillon.com.\n\nLaw enforcement authorities may contact us using the following information: Quillon S.A., email inquiries@quillon.com.')
    expect(privacy(p)).toEqual(['privacy@quillon.com'])
    expect(other(p).sort()).toEqual(['inquiries@quillon.com', 'support@quillon.com'])
  })

  it('keeps sales@, support@ and info@ as privacy contacts where their own sentence or the controller’s block ties them to privacy', () => {
    expect(privacy(read('Privacy Policy\n\nTo exercise your rights of access or deletion, write to sales@quillon.com.'))).toEqual(['sales@quillon.com'])
    const controller = read('Privacy Policy\n\nThe controller within the meaning of the GDPR is:\n\nQuill GmbH Feurigstrasse 59 10827 Berlin Germany E-Mail: info@quillon.de\n\nOur data protection officer: dataprotection@quillon.de')
    expect(privacy(controller).sort()).toEqual(['dataprotection@quillon.de', 'info@quillon.de'])
    // With no privacy address of its own, support@ given in a privacy section stays the privacy contact.
    expect(privacy(read('Privacy Policy\n\nYour rights\n\nIf you’d like to edit your account information, please contact our support team at support@quillon.com.'))).toEqual(['support@quillon.com'])
  })
})

describe('a Spanish postcode with its town in brackets', () => {
  it('reads “Paseo de la Quilla 194, 28046 (Madrid) España” as a Spanish address', () => {
    const p = read('Aviso legal\n\nTitular y Responsable del tratamiento de los Datos\n\nQuillware SLU / CIF ESB00000000\nPaseo de la Quilla 194,\n28046 (Madrid) España.\n\nCorreo electrónico de contacto:\ninfo@quillware.com')
    expect(p.postalAddresses.filter((a) => a.role === 'company').map((a) => a.country)).toEqual(['ES'])
    expect(p.postalAddresses[0]!.text).toContain('Paseo de la Quilla 194')
  })

  it('reads no address from a number and a bracketed word in prose', () => {
    expect(read('Privacy Policy\n\nWe counted 28046 (Madrid) visitors last year.').postalAddresses).toEqual([])
  })
})

describe('who makes an app, from a few more common openings', () => {
  const name = (text: string, format: 'text' | 'markdown' = 'text') => read(text, format).companyName?.name ?? null

  it('reads “X is an individual team”, “X regards the protection”, a template’s “Application refers to X” and a title with “et Licences”', () => {
    expect(name('Privacy Policy\n\n14Quills is an individual team specialized in the creating of mobile games.')).toBe('14Quills')
    expect(name('Privacy notice\n\nQuill University regards the protection of personal data as essential.')).toBe('Quill University')
    expect(name('Privacy Policy\n\nThis Privacy Policy describes Our policies.\n\n- **Application** refers to Quillap, the software program provided by the Company.', 'markdown')).toBe('Quillap')
    expect(name('# Règles de confidentialité pour l’application QUILL CONNECT et Licences\n\nLa présente politique s’applique à QUILL CONNECT.', 'markdown')).toBe('QUILL CONNECT')
  })

  it('takes no name from a sentence of the same shape about something else', () => {
    expect(name('Privacy Policy\n\nOur support is an individual matter for each user.')).toBeNull()
    expect(name('Privacy Policy\n\n- **Account** means a unique account created for You.', 'markdown')).toBeNull()
  })
})

describe('the publisher’s name on the line above the title', () => {
  const name = (text: string) => read(text).companyName?.name ?? null

  it('reads a name with its legal form, or one the text repeats, right above “Privacy Policy”', () => {
    expect(name('Quillpress Newspapers Ltd\n\nPrivacy & Cookies Policy\n\nLast updated: 29 September 2025\n\nThis policy explains how we use your data.')).toBe('Quillpress Newspapers Ltd')
    expect(name('Quill Bros. Media\n\nConsumer Privacy Policy\n\nOur policy explains what we process. Quill Bros. Media and its brands care.')).toBe('Quill Bros. Media')
  })

  it('takes no page chrome, a single word or a generic line above the title', () => {
    expect(name('Skip to content\n\nPrivacy Policy\n\nWe collect little.')).toBeNull()
    expect(name('Home\n\nPrivacy Policy\n\nWe collect little. Home is where we are.')).toBeNull()
    expect(name('Legal Information\n\nPrivacy Policy\n\nWe collect little.')).toBeNull()
    expect(name('Quill Bros. Media\n\nPrivacy Policy\n\nWe collect little.')).toBeNull()
  })
})
