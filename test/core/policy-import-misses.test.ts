/**
 * Known misses of policy import on the tuning sets (issue 17), each fixed by its general cause and
 * checked here on made-up policies: both the case that must now be read and the one that must not.
 */
import { describe, expect, it } from 'vitest'
import { extractPolicy, type PolicyProposal } from '../../electron/core/catalog/policy-import'

const read = (text: string, format: 'text' | 'markdown' | 'html' = 'text'): PolicyProposal => extractPolicy({ text, format })
const privacy = (p: PolicyProposal) => p.privacyEmails.map((e) => e.address)

describe('an address at a well-known provider’s domain', () => {
  it('is the company’s own when the policy is the provider’s, or when its mailbox carries the product’s name', () => {
    const own = read('GitHub Privacy Statement\n\nThis statement explains how GitHub handles your data.\n\nTo exercise your rights, please contact our Data Protection Officer at dpo[at]github[dot]com.')
    expect(privacy(own)).toEqual(['dpo@github.com'])
    const kids = read('TubeKids Privacy Notice\n\nThis notice explains how TubeKids handles data.\n\nContact us\n\nParents may contact us with any questions or concerns about their child’s data at:\n\ntubekids-privacy@google.com')
    expect(privacy(kids)).toEqual(['tubekids-privacy@google.com'])
  })

  it('stays the provider’s when neither the company’s name nor the mailbox ties it to the company', () => {
    const other = read('Lanternly Privacy Policy\n\nThis policy explains how Lanternly handles data.\n\nFor questions about your privacy, write to privacy@lanternly.com. For questions about Google Analytics and your data, write to privacy@google.com.')
    expect(privacy(other)).toEqual(['privacy@lanternly.com'])
  })
})

describe('a general mailbox beside a privacy address', () => {
  it('reads the purpose written right after an address as that address’s own, whatever its neighbour’s says', () => {
    const p = read('Contact\n\n| Email | support@quillmail.com – for general inquiries <br> dpo@quillmail.com – for privacy inquiries |', 'markdown')
    expect(privacy(p)).toEqual(['dpo@quillmail.com'])
    expect(p.otherEmails.map((e) => e.address)).toEqual(['support@quillmail.com'])
    // A label that speaks of privacy keeps the address a privacy contact.
    expect(privacy(read('Contact\n\nhelp@quillmail.com – for questions about your personal data and privacy'))).toEqual(['help@quillmail.com'])
  })

  it('puts a dedicated privacy address before support@ or team@, even where the policy also sends requests to the latter', () => {
    const both = read('Privacy Policy\n\nIf you have any questions about the security or retention of your personal data, you can contact us at privacy@paperdove.com.\n\nDeletion: in order to delete the personal information you submitted, notify us at support@paperdove.com.')
    expect(privacy(both)).toEqual(['privacy@paperdove.com', 'support@paperdove.com'])
    // With no dedicated address, the mailbox the requests go to comes first.
    const alone = read('Privacy Policy\n\nIf you have any questions about this policy, write to hello@paperdove.com.\n\nDeletion: in order to delete the personal information you submitted, notify us at support@paperdove.com.')
    expect(privacy(alone)[0]).toBe('support@paperdove.com')
  })

  it('counts the company’s name with a word after it as its own mail domain (123greetings-inc.com beside 123greetings.com)', async () => {
    const { homeDomain } = await import('../../electron/core/catalog/policy-import/emails')
    expect(homeDomain(['support@quillcards.com', 'privacy@quillcards-inc.com'], null, 'Quillcards.com, Inc.')).toBeNull()
    expect(homeDomain(['support@quillcards.com', 'privacy@lawfirm.com'], null, 'Quillcards.com, Inc.')).toBe('quillcards.com')
  })
})

describe('a provider’s privacy address under its own heading', () => {
  const services = (heading: string) =>
    `Privacy Policy\n\nYou can revoke your consent by writing to dataprotection@wayfarely.com.\n\nProviders we use\n----------------\n\n### ${heading}\n\nIf you have any questions regarding this opt-out, please send an e-mail to privacy@trackwell.com and they will answer you.`

  it('is the provider’s when the heading is the name its domain spells', () => {
    for (const heading of ['Trackwell', 'Tw (Trackwell)', 'Trackwell Technology']) {
      const p = read(services(heading), 'markdown')
      expect(privacy(p), heading).toEqual(['dataprotection@wayfarely.com'])
      expect(p.excludedEmails.map((e) => e.address), heading).toContain('privacy@trackwell.com')
    }
  })

  it('stays the company’s under a heading that names a topic, or another name', () => {
    expect(privacy(read(services('Trackwell privacy contact'), 'markdown'))).toContain('privacy@trackwell.com')
    expect(privacy(read(services('Analytics'), 'markdown'))).toContain('privacy@trackwell.com')
  })
})

describe('addresses written out for people', () => {
  const decoded = (text: string) => read(text).privacyEmails.map((e) => e.address)

  it('reads “[at]”, “(at)”, “ at ” and “ dot ” forms where a contact word or a label leads to them', () => {
    expect(decoded('To exercise your rights, please email privacy[at]quillon[dot]com.')).toEqual(['privacy@quillon.com'])
    expect(decoded('For questions about your personal data, write to privacy (at) quillon (dot) com.')).toEqual(['privacy@quillon.com'])
    expect(decoded('For questions about your personal data, please email privacy at quillon.com.')).toEqual(['privacy@quillon.com'])
    expect(decoded('To exercise your rights, contact our Data Protection Officer: dpo at quillon dot com')).toEqual(['dpo@quillon.com'])
  })

  it('leaves ordinary prose alone: “at” before a web address, a team “at” a company', () => {
    expect(decoded('Our privacy team at quillon dot com reviewed this policy and your personal data rights.')).toEqual([])
    expect(decoded('Your personal data is described in more detail at quillon.com.')).toEqual([])
    expect(decoded('Privacy matters to the engineers at quillon.com, who built the app.')).toEqual([])
    expect(decoded('If you have questions about your personal data, contact us at quillon.com/privacy.')).toEqual([])
  })
})

describe('addresses written out for people, in company names and web hosts', () => {
  it('reads no address from “at Company.Com (UK) Limited” or “at www.host.com”', () => {
    const p = read('For the purposes of UK GDPR (Article 27), you may contact our UK representative at Quillon.Com (UK) Limited, Tower Bridge House, London.\n\nYou may also contact our representative using the webform at www.reprelay.com.')
    expect(p.privacyEmails.map((e) => e.address)).toEqual([])
  })
})

describe('the company’s name from the policy’s own words', () => {
  const name = (text: string, format: 'text' | 'markdown' = 'text') => read(text, format).companyName?.name ?? null

  it('reads a template’s definition, a generic term defined for the name, a lead word before a short name, a label and a seat', () => {
    expect(name('Definitions\n\n“Company” (referred to herein as either the "Company", "We", "Us" or "Our") means Quillon AI, Inc., a Delaware corporation.')).toBe('Quillon AI, Inc.')
    expect(name('Privacy Policy\n\nQuillon Iron AB, hereafter referred to as "the Company", is committed to protecting your privacy.')).toBe('Quillon Iron AB')
    expect(name('Politique\n\nA des fins d’information, QUILLON SOLUTIONS, ci-après dénommée « l’Organisme », a défini la présente politique.')).toBe('QUILLON SOLUTIONS')
    expect(name('Política de Privacidad\n\nQuillon Motor, S.L., (en adelante, “Quillon” o la “Sociedad”) es el responsable del tratamiento.')).toBe('Quillon')
    expect(name('Põhimõtted\n\nKäesolevad põhimõtted kirjeldavad, kuidas Quillon Classifieds OÜ, registrikood 14608656, aadress Pärnu mnt 141, Tallinn 10145, (edaspidi „Quillon Classifieds“), töötleb isikuandmeid.')).toBe('Quillon Classifieds')
    expect(name('Privacy Policy\n\n**Applies to:** Quillon AB  \n**Website:** www.quillon.ai', 'markdown')).toBe('Quillon AB')
    expect(name('POLITICA DE CONFIDENȚIALITATE\n\nQuillon Proiect SRL, având sediul în Bacău, Str. Războieni nr. 7, vă informează.')).toBe('Quillon Proiect SRL')
    expect(name('Privacy Questions and Answers\n\nThis notice describes how quillpm, Inc., or quillpm for short, collects and uses data about you.')).toBe('quillpm, Inc.')
    expect(name('用户隐私协议\n\n以下协议详细介绍了北京鹅毛笔科技有限公司（以下简称“我们”）会如何收集、使用您的个人信息。')).toBe('北京鹅毛笔科技有限公司')
    expect(name('9.1 鹅毛笔由北京鹅毛笔科技有限公司及/或关联方提供，如果你有疑问请联系我们。')).toBe('北京鹅毛笔科技有限公司')
  })

  it('reads a name that begins with a word that is a pronoun in another language (“Nous Research”), but never the pronoun alone', () => {
    expect(name('Introduction\n\nNous Research respects the privacy of its users.')).toBe('Nous Research')
    expect(name('Politique\n\nNous (ci-après « nous ») respectons votre vie privée.')).not.toBe('nous')
  })

  it('reads the controller’s name opening the line after the clause, with its address on the same line', () => {
    expect(name('2. Name and Contact Information of the Controller\n\nThe controller within the meaning of the GDPR is:\n\n**Quillane GmbH** Feurigstrasse 59 10827 Berlin Germany E-Mail: info@quillane.com', 'markdown')).toBe('Quillane GmbH')
    expect(name('The controller within the meaning of the GDPR is:\n\nFeurigstrasse 59 10827 Berlin Germany')).toBeNull()
  })

  it('takes no name from a label or a definition without a company in it', () => {
    expect(name('Privacy Policy\n\nCompany: see below\n\nController: the website operator')).toBeNull()
    expect(name('Privacy Policy\n\nThis page describes how cookies are used and how our partners collect data.')).toBeNull()
  })
})

describe('the company’s name is never a domain seen only in links', () => {
  it('gives no name when the only trace of one is the site its links go to, and the domain where the text writes it as the service’s name', () => {
    const links = '[Overview](https://www.quillpost.ch/a) [Services](https://www.quillpost.ch/b) [Branches](https://www.quillpost.ch/c)'
    const chrome = read(`Data protection and disclaimer\n\n${links}\n\nWe regard the protection of your personal data as important.`, 'markdown')
    expect(chrome.companyName).toBeNull()
    const written = read(`Privacy\n\n${links}\n\nquillpost.ch uses cookies. We keep quillpost.ch free of trackers.`, 'markdown')
    expect(written.companyName).toMatchObject({ name: 'quillpost.ch', basis: 'domain' })
  })
})

describe('Estonian and Romanian rights wording', () => {
  it('ties the contacts of a rights sentence in Estonian and in Romanian to privacy', () => {
    const et = read('**13. Kontaktandmed**\n\nTäiendavate küsimuste korral või punktis 7 toodud õiguste kasutamiseks võib Andmesubjekt pöörduda Quillon Groupi poole järgmistel kontaktidel:  \nPostiaadress: Pärnu mnt 141, Tallinn  \nE-post:  \nQuillon.ee: [klienditugi@quillon.ee](mailto:klienditugi@quillon.ee)', 'markdown')
    expect(privacy(et)).toEqual(['klienditugi@quillon.ee'])
    const ro = read('Quillon Proiect SRL, e-mail: contact@quillon.ro, în calitate de operator de date cu caracter personal, vă informează cu privire la drepturile pe care le aveți.\n\nPentru a ne transmite o solicitare, vă rugăm sa ne trimiteți un email lacontact@quillon.ro.')
    expect(privacy(ro)).toEqual(['contact@quillon.ro'])
    expect(ro.otherEmails).toEqual([])
  })

  it('keeps an ordinary Estonian or Romanian contact sentence without those words a general address', () => {
    expect(privacy(read('Kontakt\n\nTellimuste küsimustes kirjutage: klienditugi@quillon.ee'))).toEqual([])
    expect(privacy(read('Pentru comenzi, vă rugăm sa ne trimiteți un email la comenzi@quillon.ro.'))).toEqual([])
  })

  it('cuts a preposition run into an address only when the policy gives the address without it too', () => {
    expect(privacy(read('Pentru exercitarea drepturilor, scrieți un email lacontact@quillon.ro.'))).toEqual(['lacontact@quillon.ro'])
    expect(privacy(read('Privacy questions: laura@quillon.com. For your rights, write to privacy@quillon.com.'))).toContain('laura@quillon.com')
  })
})

describe('a company contact right after a regulator’s paragraph', () => {
  const regulator = 'Si vous estimez que vos droits n’ont pas été respectés, vous pouvez adresser une réclamation auprès de la CNIL en écrivant à l’adresse suivante : CNIL - Service des Plaintes - 3, place de Fontenoy - 75334 Paris Cedex 07'

  it('is the company’s when a heading opens its own section', () => {
    const p = read(`${regulator}\n\n10. CONTACT\n\nPour exercer vos droits, nous vous invitons à vous adresser au Délégué à la protection des données par e-mail à l’adresse suivante : legal@quillon.fr.`)
    expect(privacy(p)).toEqual(['legal@quillon.fr'])
  })

  it('stays the regulator’s in the regulator’s own paragraph or lines, and the words before an unrelated heading say nothing of an address after it', () => {
    const p = read('You may lodge a complaint with the supervisory authority, the Quillonian Data Protection Commission:\n\ncomplaints@dpc-quillonia.org')
    expect(privacy(p)).toEqual([])
    const account = read('Individuals with complaints regarding our handling of personal data should first contact us at privacy@quillon.com.\n\nAccount Information\n\nYou may deactivate your account at any time by contacting support@quillon.com.')
    expect(privacy(account)).toEqual(['privacy@quillon.com'])
    expect(account.otherEmails.map((e) => e.address)).toEqual(['support@quillon.com'])
  })
})

describe('a company address whose lines name a well-known provider', () => {
  it('is the company’s when an attention line names the company without its legal form', () => {
    const text = 'Privacy Questions\n\nThis notice describes how quillpm, Inc. collects and uses data about you.\n\nWrite to us at:\n\nGitHub Data Protection Officer  \nAttention: quillpm Data Protection  \n88 Colin P. Kelly Jr. St.  \nSan Francisco, CA 94107  \nUnited States'
    const p = read(text, 'markdown')
    expect(p.postalAddresses.filter((a) => a.role === 'company').map((a) => a.country)).toEqual(['US'])
    // Without the attention line, the provider's name in the addressee keeps it the provider's.
    const theirs = read(text.replace('Attention: quillpm Data Protection  \n', ''), 'markdown')
    expect(theirs.postalAddresses.filter((a) => a.role === 'company')).toEqual([])
  })
})

describe('the limits of the heading and mailbox rules', () => {
  it('keeps a person’s own address under a heading that is that person’s name', () => {
    expect(privacy(read('# quillbase privacy policy\n\n## Contact details\n\nCal Quillson\n\ncal@calquillson.com\n\n## The personal information we collect', 'markdown'))).toEqual(['cal@calquillson.com'])
  })

  it('lets another organisation’s DPO not push a service’s own request address down', () => {
    const p = read('Exercice de vos droits\n\nPour exercer vos droits, écrivez à contact@demarche.quillon.gouv.fr.\n\nVous pouvez aussi contacter le délégué à la protection des données des services du Premier ministre : dpd@pm.gouv.fr.')
    expect(privacy(p)[0]).toBe('contact@demarche.quillon.gouv.fr')
  })
})

describe('the company’s name: subjects, “(that’s us)” and titles in other languages', () => {
  const name = (text: string, format: 'text' | 'markdown' = 'text') => read(text, format).companyName?.name ?? null

  it('reads “X (that’s us)”, “describes how X uses”, “X processes data”, and a French title “… D’X”', () => {
    expect(name('Websites, Communications & Cookies Privacy Notice\n\nWe care about your privacy. When Quillzilla (that’s us) collects information about you, this notice applies.')).toBe('Quillzilla')
    expect(name('Privacy policy\n\nThis privacy policy describes how Quillpress.org uses and protects any information that you give us.')).toBe('Quillpress.org')
    expect(name('Privacy Policy\n\nWhen you use the website, nothing is collected. Project Quillberg processes data from its access logs for statistics.')).toBe('Project Quillberg')
    expect(name('**POLITIQUE DE CONFIDENTIALITÉ D’QUILLICS**\n\nLa protection de votre vie privée est importante pour QUILLICS, qui s’engage à traiter vos données.', 'markdown')).toBe('QUILLICS')
  })

  it('takes no question word, no table of contents and no page word for the name', () => {
    expect(name('Privacy Policy\n\n[Why Google collects data](https://policies.google.com/privacy#whycollect)\n\nWe collect data to build better services.', 'markdown')).not.toBe('Why Google')
    expect(name('Websites & Communications Privacy Notice\n\nThese websites and communications are described here. Websites and communications change.')).toBeNull()
  })
})

describe('the privacy office of the company’s own representative', () => {
  const policy = (intro: string) =>
    `Quilldb Privacy Notice\n\nThis notice explains how Quilldb.com, Inc. handles your data.\n\n${intro}\n\nIf you have any concern about privacy at Quilldb, please reach out to our customer service. Further, the data protection officer for Amazon Europe Core SARL can be contacted at eu-privacy@amazon.co.uk.`

  it('is a way to reach the company when the policy names that organisation as its representative', () => {
    expect(privacy(read(policy('Our EU representative is Amazon Europe Core S.a.r.l., located 38 avenue John F. Kennedy, L-1855 Luxembourg.')))).toEqual(['eu-privacy@amazon.co.uk'])
  })

  it('stays another organisation’s when the policy names it as a provider', () => {
    expect(privacy(read(policy('We host our website with Amazon Web Services, a provider we use.')))).toEqual([])
  })
})

describe('US addresses with the state written out', () => {
  const us = (text: string) => read(text).postalAddresses.filter((a) => a.role === 'company' && a.country === 'US').map((a) => a.text)

  it('reads the state written out with the country before the ZIP code, and without a comma after the town', () => {
    expect(us('You may contact Quill Privacy by mail at P.O. Box 1027, Warren, Michigan USA 48090-1027.')[0]).toContain('48090-1027')
    expect(us('Or mail us at: Quillmade 39510 Paseo Padre Pkwy Fremont California US 94538')[0]).toContain('94538')
  })

  it('reads no address from a state’s name and a number in prose', () => {
    expect(us('Our team in California grew to 94538 members in Michigan over the years.')).toEqual([])
  })
})

describe('the end of a postal address in a sentence that goes on', () => {
  it('ends the address with its postcode and town when a conjunction continues the sentence', () => {
    const texts = read('You may also contact Quill Privacy by mail at Attn: Quill Privacy, P.O. Box 1027, Warren, MI 48090-1027 or by email at privacy@quill.com.').postalAddresses.map((a) => a.text)
    expect(texts).toEqual(['Quill Privacy, P.O. Box 1027, Warren, MI 48090-1027'])
    const fr = read('Vous pouvez écrire à l’adresse postale Quillon, 3 Square Max Hymans, 75015 Paris ou électronique : dpo@quillon.fr.').postalAddresses.map((a) => a.text)
    expect(fr[0]).toMatch(/75015 Paris$/)
  })

  it('keeps a town whose name the sentence continues with capitals', () => {
    const texts = read('Write to Quillon SAS, 12 rue Vignon, 75009 Paris Cedex 07, France.').postalAddresses.map((a) => a.text)
    expect(texts[0]).toContain('Cedex 07')
  })
})

describe('the company’s representative, whom regulators may contact', () => {
  it('is a way to reach the company, not a regulator', () => {
    const p = read('For individuals based in the European Union:\n\nWe have appointed an EU based representative to serve as a direct contact for data protection authorities and individuals on our behalf, who can be contacted at quillon@reprelay.ie.')
    expect(privacy(p)).toEqual(['quillon@reprelay.ie'])
  })

  it('stays the regulator’s in a sentence about a complaint', () => {
    const p = read('You may contact our EU representative, or lodge a complaint with the supervisory authority at complaints@dpa-quillonia.org.')
    expect(privacy(p)).toEqual([])
  })
})

describe('the words that lead into a provider’s name', () => {
  it('are left out of its address and addressee, and the address stays the provider’s', () => {
    const p = read('Privacy Policy of Larkspur Ltd\n\nLarkspur Ltd ("we") is the controller of your personal data. Write to privacy@larkspur.io.\n\nOur website is hosted by Quellnet Online GmbH, Industriestr. 25, 91710 Gunzenhausen, Germany.\n\nWrite to us: Larkspur Ltd, 10 Downing Lane, London SW1A 2AA, United Kingdom.')
    const host = p.postalAddresses.find((a) => a.text.includes('Industriestr'))
    expect(host?.recipient).toBe('Quellnet Online GmbH')
    expect(host?.text.startsWith('Quellnet Online GmbH')).toBe(true)
    expect(host?.role).toBe('third-party')
    expect(p.postalAddresses.filter((a) => a.role === 'company').map((a) => a.recipient)).toEqual(['Larkspur Ltd'])
  })

  it('leave a name that merely starts alike untouched', () => {
    const p = read('Privacy Policy\n\nWrite to us: Run By Night Ltd, 10 Downing Lane, London SW1A 2AA, United Kingdom.')
    expect(p.postalAddresses[0]?.recipient).toBe('Run By Night Ltd')
  })
})
