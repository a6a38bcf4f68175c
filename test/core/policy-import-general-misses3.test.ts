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

const postal = (p: PolicyProposal) => p.postalAddresses.filter((a) => a.role === 'company').map((a) => `${a.country} ${a.text}`)

describe('Korean privacy wording', () => {
  it('ties the page’s only address to privacy where its sentence speaks of personal information requests', () => {
    const p = read('<h1>개인정보처리방침</h1>\n<h2>8. 문의</h2>\n<p>개인정보 이용 문의 · 열람/정정/삭제 요청<br>이메일 <a href="mailto:quill.desk@gmail.com">quill.desk@gmail.com</a></p>', 'html')
    expect(privacy(p)).toEqual(['quill.desk@gmail.com'])
  })

  it('leaves an address whose sentence says nothing of privacy out of the privacy contacts', () => {
    const p = read('<h1>서비스 안내</h1>\n<p>제품 구매 안내 이메일 <a href="mailto:quill.shop@gmail.com">quill.shop@gmail.com</a></p>', 'html')
    expect(privacy(p)).toEqual([])
    expect(other(p)).toEqual(['quill.shop@gmail.com'])
  })
})

describe('postal addresses of more countries', () => {
  it('reads a Colombian, a Korean and an Indian address by their own marks', () => {
    expect(postal(read('<p><strong>Dirección:</strong> Carrera 12 #34-56, Barrio Quilla, Medellín, Antioquia, Colombia<br><strong>Teléfono:</strong> +57 300 000 0000</p>', 'html'))).toEqual(['CO Carrera 12 #34-56, Barrio Quilla, Medellín, Antioquia, Colombia'])
    expect(postal(read('<p>개인정보 이용 문의<br>깃펜인테리어 (대표 김깃펜) · 대전 중구 깃펜로 12번길 3 1층<br>전화 010-0000-0000</p>', 'html'))).toEqual(['KR 깃펜인테리어 (대표 김깃펜), 대전 중구 깃펜로 12번길 3 1층'])
    expect(postal(read('Quill School\nAzad Nagar, Makthal\nDist. Quillpet, Telangana – 509208\nEmail: quill.school@gmail.com'))[0]).toMatch(/^IN .*Quillpet, Telangana – 509208$/)
  })

  it('reads no address from a law cited by number, a state named in prose or a road word without a number', () => {
    expect(postal(read('<p>Ley 1581 de 2012 — Protección de Datos Personales, Colombia</p>', 'html'))).toEqual([])
    expect(postal(read('Our Telangana office opened in 2023 and serves 509 schools.'))).toEqual([])
    expect(postal(read('<p>대전 중구 깃펜로 산책 안내</p>', 'html'))).toEqual([])
  })
})

describe('an address run together with an e-mail address or a phone number', () => {
  it('ends at the town, and keeps its street part written “s/n” in lower case', () => {
    const p = read('<p>Contacto</p>\n<a href="#">C/ Via Quilla, s/n Parcela 3, 28080 Madrid</a> <a href="mailto:info@quilla.es">info@quilla.es</a> <a href="tel:+34910000000">Llama al 91 000 00 00</a>', 'html')
    const [address] = postal(p)
    expect(address).toBe('ES C/ Via Quilla, s/n Parcela 3, 28080 Madrid')
  })

  it('keeps the words after the town that belong to it (a country)', () => {
    expect(postal(read('Quilla S.L., Calle Mayor 5, 28013 Madrid, España'))).toEqual(['ES Quilla S.L., Calle Mayor 5, 28013 Madrid, España'])
  })
})

describe('two addresses in one town', () => {
  const policy = (second: string) =>
    `# Privacy Policy\n\nThe controller is:\n\nQuill University<br/>\nCampus<br/>\n66123 Saarbrücken<br/>\nTel.: +49 681 000-0<br/>\n\nContact details of the data protection officer\n\n${second}`

  it('stay two where only the postcode is shared and the street words differ', () => {
    const p = read(policy('Lindenweg 15<br/>\n66123 Saarbrücken<br/>\nTel.: +49 681 000-1'), 'markdown')
    expect(p.postalAddresses.map((a) => a.lines.join(', '))).toEqual(['Campus, 66123 Saarbrücken', 'Lindenweg 15, 66123 Saarbrücken'])
  })

  it('stay one where the same street is written twice, whatever follows the town', () => {
    const p = read('Quill, ayant son siège social au 20 Boulevard Lune – 13014 MARSEILLE\n\nQuill – Service Client – 20 Boulevard Lune – 13014 Marseille – France')
    expect(p.postalAddresses).toHaveLength(1)
    // Another town of the same postcode's writing is another place.
    const two = read('Quill, ayant son siège social au 20 Boulevard Lune – 13014 MARSEILLE\n\nQuill – Service Client – 20 Boulevard Lune – 13014 Marignane – France')
    expect(two.postalAddresses).toHaveLength(2)
  })

  it('stay one where the same street is written twice', () => {
    const p = read('Quill GmbH, Lindenweg 15, 66123 Saarbrücken.\n\nLetters to: Lindenweg 15, 66123 Saarbrücken.')
    expect(p.postalAddresses).toHaveLength(1)
  })
})

describe('HTML inside Markdown', () => {
  it('reads the lines after a comment that never closes, and a <br> at the end of a line is that line’s break', () => {
    const p = read('# Datenschutz\n\n<!-- <p>old hosting text\nmore old text</p>\n\n<p>\n\t\t\tQuill Pali<br>\n\t\t\tLindenstraße 240<br>\n\t\t\t6290 Mayrhofen<br>\n\t\t\tZillertal, Tirol<br>\n\t\t\tÖsterreich\n</p>', 'markdown')
    expect(postal(p)).toEqual(['AT Quill Pali, Lindenstraße 240, 6290 Mayrhofen, Zillertal, Tirol, Österreich'])
    expect(p.plainText ?? '').not.toContain('old hosting text')
  })

  it('hides everything inside a comment that closes, blank lines and all', () => {
    const p = read('# Datenschutz\n\n<!--\nQuill Pali<br>\nLindenstraße 240<br>\n\n6290 Mayrhofen<br>\nÖsterreich\n-->\n\nNo address here.', 'markdown')
    expect(p.postalAddresses).toEqual([])
  })
})

describe('a regulator’s address under a name sharing a word with the company’s', () => {
  it('is the regulator’s where its first line names a regulator', () => {
    const p = read('Quill University Privacy Notice\n\nThe controller is Quill University.\n\nThe regulatory authority responsible for Quill University is:\n\nUnabhängiges Datenschutzzentrum Quill<br/>\nFritz-Quill-Straße 12<br/>\n66111 Saarbrücken', 'markdown')
    expect(p.postalAddresses.map((a) => a.role)).toEqual(['regulator'])
  })
})

describe('the company’s name from the policy’s title and opening', () => {
  const name = (p: PolicyProposal) => p.companyName?.name ?? null

  it('is read from a title that splits its languages with “ / ” or its parts with a full-width bar', () => {
    expect(name(read('# Quillmark Privacy Policy / Quillmark 隐私政策\n\nQuillmark is a bookmark organiser. Quillmark keeps everything on your device.', 'markdown'))).toBe('Quillmark')
    expect(name(read('<title>プライバシーポリシー｜Quillon</title>\n<h1>プライバシーポリシー</h1>\n<p>Quillon（以下「本サービス」）は、個人情報の取り扱いについて定めます。</p>', 'html'))).toBe('Quillon')
  })

  it('is the subject of the opening sentence where the text keeps naming it', () => {
    const p = read('# Privacy\n\nLast updated: 2026-08-11\n\nQuill Swell performs all processing on your Mac. Quill Swell has no telemetry.\n\n## Updates\n\nQuill Swell checks for updates once a day.', 'markdown')
    expect(name(p)).toBe('Quill Swell')
  })

  it('is not the opening’s first words where the text never names them again, or where they are a pronoun or article', () => {
    expect(name(read('# Privacy\n\nQuill Swell performs all processing on your Mac and sends nothing anywhere at all.', 'markdown'))).toBeNull()
    expect(name(read('# Privacy\n\nThis app does not collect any data at all, and this app never will. This app is offline.', 'markdown'))).toBeNull()
  })

  it('is the controller’s name on the line under the controller clause, over a second name line, an address or an e-mail address', () => {
    expect(name(read('### Verantwortlich im Sinne der DSGVO ist:\n\nQuill Feder\nquill [at] feder [dot] eu\n', 'markdown'))).toBe('Quill Feder')
    expect(name(read('## Kontaktdaten\n\nBei Fragen finden Sie hier die Kontaktdaten der verantwortlichen Person:\nQuill Feder\nLindenweg 5\n58708 Menden\n', 'markdown'))).toBe('Quill Feder')
    expect(name(read('<h2>2. Verantwortlicher</h2>\n<p> Simon Quill<br> Quill Planung &amp; Konstruktion<br> Lindenstraße 18<br> 70794 Filderstadt </p>', 'html'))).toBe('Simon Quill')
  })

  it('is not a heading or a sentence that follows the controller clause without an address or an e-mail address', () => {
    expect(name(read('### Verantwortlich im Sinne der DSGVO ist:\n\nUnsere Webseite\nwird ohne Cookies betrieben und speichert nichts.\n', 'markdown'))).toBeNull()
  })

  it('is not a provider’s whose site the links go to where the provider first comes up below the opening', () => {
    const filler = 'Auf dieser Seite werden keine Cookies gesetzt und keine personenbezogenen Daten gespeichert. '.repeat(14)
    const hosted = read(`# Datenschutzerklärung\n\n${filler}\n\n## Hosting\n\nDiese Seite liegt bei GitHub und wird dort ausgeliefert. Mehr in der [Erklärung](https://docs.github.com/site-policy) und [hier](https://github.com/site/privacy) und [dort](https://github.com/security).`, 'markdown')
    expect(hosted.companyName?.name ?? null).not.toBe('GitHub')
    const own = read('# Privacy\n\nThis statement explains how GitHub handles your data. See [settings](https://github.com/settings) and [docs](https://docs.github.com/privacy) and [more](https://github.com/security).', 'markdown')
    expect(own.companyName?.name).toBe('GitHub')
  })
})
