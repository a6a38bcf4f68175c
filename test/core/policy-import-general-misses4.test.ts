/**
 * Known misses of policy import on the tuning set 12 (issue 17): a general mailbox the policy itself
 * ties to privacy, each fixed by its general cause and checked here on made-up policies: the case that
 * must now be read, and the one that must not.
 */
import { describe, expect, it } from 'vitest'
import { extractPolicy, type PolicyProposal } from '../../electron/core/catalog/policy-import'

const read = (text: string, format: 'text' | 'markdown' | 'html' = 'text'): PolicyProposal => extractPolicy({ text, format })
const privacy = (p: PolicyProposal) => p.privacyEmails.map((e) => e.address)
const other = (p: PolicyProposal) => p.otherEmails.map((e) => e.address)

describe('a French privacy tie written with an accent', () => {
  const page = (line: string) => `<title>Politique - Lunelle</title>\n<h1>Lunelle</h1>\n<p>Bienvenue sur notre site de jeux.</p>\n<h2>Contact</h2>\n<p>${line} <a href="mailto:contact@lunelle.fr">contact@lunelle.fr</a>.</p>`

  it('ties the address to privacy: “confidentialité” is read before a space or a colon', () => {
    expect(privacy(read(page('Pour toute question sur la confidentialité :'), 'html'))).toEqual(['contact@lunelle.fr'])
  })

  it('leaves a question about something else general', () => {
    const p = read(page('Pour toute question sur les tournois :'), 'html')
    expect(privacy(p)).toEqual([])
    expect(other(p)).toEqual(['contact@lunelle.fr'])
  })
})

describe('the controller’s contact on a bare Spanish or Portuguese label', () => {
  it('ties “Contacto: …” under the controller clause to it', () => {
    const p = read('<h1>Política de privacidad</h1>\n<h2>Quién responde</h2>\n<p>La responsable del tratamiento es Pandora Tela. Contacto: <a href="mailto:hola@pandoratela.es">hola@pandoratela.es</a>.</p>', 'html')
    expect(privacy(p)).toEqual(['hola@pandoratela.es'])
  })

  it('does not tie “Contacto: …” after a sentence about something else', () => {
    const p = read('<h1>Tienda</h1>\n<h2>Envíos</h2>\n<p>Enviamos los pedidos en dos días. Contacto: <a href="mailto:hola@pandoratela.es">hola@pandoratela.es</a>.</p>', 'html')
    expect(privacy(p)).toEqual([])
    expect(other(p)).toEqual(['hola@pandoratela.es'])
  })
})

describe('obtaining the information held on you by e-mail', () => {
  const page = (sentence: string) => `About Orbiton\n\nThe terms “Orbiton” or “us” or “we” refer to the owners of this website.\n\n${sentence} by emailing us at contact@orbiton.in from the address you registered with.\n\nOrbiton Pvt. Ltd.`

  it('is a request about your own data sent to that address', () => {
    const p = read(page('You can obtain the information we currently hold on you'))
    expect(privacy(p)).toEqual(['contact@orbiton.in'])
  })

  it('is not when the information is about the services', () => {
    const p = read(page('You can obtain a price list of our tours'))
    expect(privacy(p)).toEqual([])
  })
})

describe('a mailbox written twice, once with its domain misspelt', () => {
  const page = (second: string) => `Privacy notice\n\nTo manage your privacy and your personal data, write to care@velmora.com or ${second}.`

  it('proposes the spelt one only', () => {
    const p = read(page('care@velmoa.com'))
    expect(privacy(p)).toEqual(['care@velmora.com'])
    expect(other(p)).toEqual(['care@velmoa.com'])
  })

  it('keeps two different mailboxes of one sentence', () => {
    const p = read(page('care@velmora.de'))
    expect(privacy(p).sort()).toEqual(['care@velmora.com', 'care@velmora.de'])
  })
})

describe('a privacy policy’s own closing contact section', () => {
  const policy = (title: string, extra = '') =>
    `# ${title} — Tidepool Timer\n\nTidepool Timer is made by Kestrel Apps. The app keeps everything on your device.\n\n## On-device data\n\nTimers and settings stay on your phone.${extra}\n\n## Notifications\n\nThe app asks for permission to ring alarms and timers. Alarms are scheduled on the phone itself and ring even when the app is closed, so a morning alarm still sounds after a restart of the phone or an update of the system, and a timer set for the oven still rings when you switch to another app.\n\n## Contact\n\nQuestions? Email **tidehelp@kestrel-apps.com**.\n`

  it('is the privacy contact where it gives the policy’s only address', () => {
    const p = read(policy('Privacy Policy'), 'markdown')
    expect(privacy(p)).toEqual(['tidehelp@kestrel-apps.com'])
  })

  it('is not in terms of use', () => {
    const p = read(policy('Terms of Use'), 'markdown')
    expect(privacy(p)).toEqual([])
    expect(other(p)).toEqual(['tidehelp@kestrel-apps.com'])
  })

  it('is not where the policy gives another address too', () => {
    const p = read(policy('Privacy Policy', ' Billing goes through billing@kestrel-apps.com.'), 'markdown')
    expect(privacy(p)).toEqual([])
  })

  it('is not under a heading of another topic', () => {
    const p = read(policy('Privacy Policy').replace('## Contact', '## Bug reports'), 'markdown')
    expect(privacy(p)).toEqual([])
  })
})

describe('an invitation in the closing contact section that names its own topic', () => {
  it('stays what it says', () => {
    const p = read('# Privacy Policy\n\nWe keep your data on your device.\n\n## Notes\n\nThe app asks for permission to ring alarms and timers. Alarms are scheduled on the phone itself and ring even when the app is closed, so a morning alarm still sounds after a restart of the phone or an update of the system.\n\n## Contact\n\nQuestions about the shop? Email **help@kestrel-apps.com**.\n', 'markdown')
    expect(privacy(p)).toEqual([])
  })
})

describe('an address alone under a heading that invites the reader to write', () => {
  const page = (heading: string) =>
    `<title>Politique de confidentialité – Chants du Soir</title>\n<h1>Chants du Soir</h1>\n<p>Politique de confidentialité</p>\n<p>Jean Mbala a développé l’application Chants du Soir, gratuite et hors ligne.</p>\n<h2>3. Hors ligne</h2>\n<p>Les chants sont enregistrés dans l’application elle-même et s’affichent sans réseau, même dans un village loin de toute antenne, pendant un voyage en car ou une longue veillée.</p>\n<h2>${heading}</h2>\n<p>📧 <strong>jean.mbala@chantsdusoir.cd</strong></p>`

  it('is the privacy policy’s contact', () => {
    expect(privacy(read(page('10. Nous contacter'), 'html'))).toEqual(['jean.mbala@chantsdusoir.cd'])
  })

  it('is not under a heading that only labels the block', () => {
    expect(privacy(read(page('10. Contact'), 'html'))).toEqual([])
  })
})

describe('an address in the page footer under the policy’s last section', () => {
  const page = (footer: string) =>
    `<title>mira</title>\n<h1>Datenschutzerklärung</h1>\n<p>Diese Website wird von mira betrieben.</p>\n<h2>Änderungen dieser Datenschutz-Richtlinie</h2>\n<p>Wir passen diese Datenschutzerklärung an, wenn sich unser Dienst ändert.</p>\n<p>${footer} E-Mail: <a href="mailto:mira.works@gmail.com">mira.works@gmail.com</a></p>`

  it('is not tied to privacy by the section above a copyright line', () => {
    const p = read(page('developed & designed by mira, all rights reserved &copy; 2024'), 'html')
    expect(privacy(p)).toEqual([])
    expect(other(p)).toEqual(['mira.works@gmail.com'])
  })

  it('is still tied by that section without one', () => {
    expect(privacy(read(page('Bei Fragen zum Datenschutz:'), 'html'))).toEqual(['mira.works@gmail.com'])
  })
})

describe('personal information in Spanish, French and Portuguese', () => {
  const page = (heading: string) => `<h1>Tienda Pandora</h1>\n<h3>${heading}</h3>\n<p>Puede cambiar sus preferencias en cualquier momento desde su ficha o escribiéndonos a <a href="mailto:hola@pandoratela.es">hola@pandoratela.es</a></p>`

  it('ties an address under “Control de su información personal”', () => {
    expect(privacy(read(page('Control de su información personal'), 'html'))).toEqual(['hola@pandoratela.es'])
  })

  it('does not under a heading about orders', () => {
    expect(privacy(read(page('Control de sus pedidos'), 'html'))).toEqual([])
  })
})

describe('an address typed with a space before its last dot', () => {
  it('is read whole where the domain ends in a known top-level domain', () => {
    const p = read('Privacy Policy\n\nIf you have questions about this Privacy Policy, please contact us:\n\nEmail address:  Privacy@kestrel88 .com\n')
    expect(privacy(p)).toEqual(['Privacy@kestrel88.com'])
  })

  it('is not read from a sentence that ends after a word with an @', () => {
    const p = read('Privacy Policy\n\nWe answer every mail@home . It is our rule. Questions about this policy: privacy@kestrel88.com\n')
    expect(privacy(p)).toEqual(['privacy@kestrel88.com'])
    expect(p.excludedEmails).toEqual([])
  })
})
