/**
 * The words that tell what an address is for, and whose it is. Each cue carries a weight and a
 * short description used to explain a ranking to the user ("the sentence ties it to deletion").
 */

export type Cue = { readonly pattern: RegExp; readonly weight: number; readonly about: string }

/**
 * How the user exercises their rights: "If you wish to exercise your rights, contact …", "Anfragen
 * dazu bitte an …", "Ces droits s'exercent auprès de …", "これらの請求…ご連絡ください".
 */
export const exerciseOfRightsCue =
  /\bexercis\w* (?:(?:any|all|one|each|some) of )?(?:your|these|those|the above|such|the|this|his or her|their)\b[^.]{0,40}\brights?\b|\brights? (?:can|may|could) be exercised\b|\bto exercise (?:them|these|this|it)\b|\bAnfragen dazu\b|\bgeltend machen\b|\bwenden Sie sich (?:hierzu|dazu|dafür)\b|\bRechte\b[^.]{0,60}\bwenden\b|\b(?:ces|vos) droits s['’]exercent\b|\bexercer (?:ces|vos|ses) droits\b|\bejercer (?:estos|sus|tus|dichos) derechos\b|\besercitare (?:i|questi|tali|tutti i) (?:suoi |propri )?diritti\b|(?<![\p{L}])õiguste (?:kasutamise|teostamise)\w*|exercit(?:area|a|ați) drepturil\w*|これらの請求|下記.{0,30}(?:ご連絡|お問い?合わ?せ)/iu
/**
 * Requests about one's own data sent to an address, beyond the rights' own wording: "For access and
 * deletion requests, please email …", "You may access those rights … by sending us an email to …",
 * "To request deletion of personal information collected, please email …".
 */
export const dataRequestCue =
  /\b(?:access|deletion|erasure|data subject|privacy|data rights?|rectification|portability) (?:and (?:deletion|correction|access) )?requests?\b|\bto request (?:access|deletion|erasure|a copy|an archive|that we (?:delete|erase|correct|stop|remove))\b|\brequest (?:the|your) (?:personal )?(?:data|information) (?:we|that we)\b|\baccess (?:those|these|your) rights\b|\bmake use of (?:any of )?(?:your|these|those) rights\b|\bif you (?:want|would like|wish) us to delete\b|\bwish to delete your\b|\bin order to delete\b|\bverzoek tot (?:inzage|correctie|verwijdering)|\bAuskunftsersuchen|\bAntr(?:a|ä)ge? auf (?:Auskunft|Löschung)|\bdemandes? d['’](?:accès|effacement)|\bsolicitud(?:es)? de (?:acceso|supresión)/i

/**
 * Words that give an address another purpose than privacy: jobs and HR, security reports, the
 * press, events, on-premise or enterprise offers, mail delivery, reports of content. An address
 * whose own sentence says one of these is not proposed as the privacy contact.
 */
export const foreignPurposeCues: ReadonlyArray<{ readonly about: string; readonly pattern: RegExp }> = [
  { about: 'jobs and applications', pattern: /\b(?:personnel|HR|human resources|recruit\w*|talent pool|job applications?|applicants?|careers?|vacanc\w+)\b|\bBewerbung\w*/i },
  { about: 'security reports', pattern: /\bvulnerabilit\w+|\bsecurity (?:questions?|issues?|reports?|researchers?|incidents?)\b|\bresponsible disclosure\b|\bbug bount\w+/i },
  { about: 'the press', pattern: /\bpress (?:inquir\w+|enquir\w+|office|contacts?|relations)\b|\bjournalists?\b|\bmedia (?:inquir\w+|enquir\w+|relations)\b/i },
  { about: 'offers and sales', pattern: /\bon-?prem(?:ise|ises)?\b|\benterprise (?:offers?|plans?|licen[cs]\w*|sales)\b|\brequest a (?:quote|demo)\b|\bsales team\b/i },
  { about: 'mail delivery', pattern: /\be-?mail providers\b|\bdeliverability\b|\bdelivery (?:concerns?|issues?)\b|\bemail traffic\b/i },
  { about: 'reports of content', pattern: /\buser-generated content\b|\bshouldn['’]t be here\b|\breport (?:abuse|content|a post)\b|\bcopyright (?:infringement|complaints?)\b|\bDMCA\b/i },
  { about: 'requests from the authorities', pattern: /\blaw enforcement (?:authorities|agencies|officials|requests?)\b|\bsubpoenas?\b|\bcourt orders?\b/i },
  { about: 'events', pattern: /\bat (?:the|our) events?\b|\bpublication of your image\b|\bphotos? (?:taken )?at\b/i },
]

/** What the part before the @ says about a purpose other than privacy ("careers", "security", "press"). */
export function foreignLocalPart(local: string): string | null {
  const l = local.toLowerCase()
  if (/^(?:careers?|jobs?|hr|recruit\w*|talent|bewerbung\w*|karriere|personal)(?:$|[._-])/.test(l)) return 'jobs and applications'
  if (/(?:^|[._-])(?:security|secure|abuse|cert|psirt|vulnerabilit\w*)(?:$|[._-])/.test(l)) return 'security reports'
  if (/^(?:press|presse|media|pr)(?:$|[._-])/.test(l)) return 'the press'
  if (/^(?:postmaster|hostmaster|mailer)(?:$|[._-])/.test(l)) return 'mail delivery'
  if (/^(?:events?|veranstaltung\w*)(?:$|[._-])/.test(l)) return 'events'
  if (/^(?:child-?safety|safety|trust-?(?:and-?)?safety|moderation|copyright|dmca)(?:$|[._-])/.test(l)) return 'safety and content reports'
  return null
}

/** Words that tie a contact to privacy matters. */
export const privacyCues: ReadonlyArray<Cue> = [
  { pattern: /\bdata protection officer\b|\bdata privacy officer\b|\bprivacy officer\b|\bgrievance officer\b|\bDPO\b|datenschutzbeauftragte|\bpersonal data officer\b|responsabile (?:della |per la )?protezione dei dati|\bRPD\b|functionaris (?:voor (?:de )?)?gegevensbescherming|delegad[oa] de protección de datos|délégué(?:e)? à la protection des données|个人信息保护负责人|個人資料私隱主任|개인정보\s?보호\s?(?:책임자|담당자)/i, weight: 3, about: 'the Data Protection Officer' },
  // A privacy representative (GDPR Article 27 and the like) is a way to reach the company's privacy people.
  { pattern: /\b(?:EU|EEA|UK|Swiss|Switzerland|European|GDPR|data protection|privacy|Brazil|Thailand|Turkey|Korea|Japan|Singapore|India|China)\b[^.\n]{0,40}\brepresentatives?\b|\brepresentatives?\b[^.\n]{0,60}\b(?:Article|Art\.)\s*27\b|\bVertreter(?:in)? in der (?:EU|Union)\b/i, weight: 2, about: 'the company’s privacy representative' },
  { pattern: /\bdata protection\b|\bdatenschutz|\bprotection des données|\bprotección de datos|protezione dei dati|\bgegevensbescherming|\bdata privacy\b|个人信息保护|個人資料|개인정보\s?보호/i, weight: 2, about: 'data protection' },
  { pattern: /\b(?:delet(?:e|ion|ed)|eras(?:e|ed|ure)|right to be forgotten|remov(?:e|al|ed) (?:of )?(?:your|my|the|such|this|that) (?:data|information|personal|account)|(?:data|information) removed|löschung|löschen|gelöscht|suppression|supprimer|supprimée?s?|effacement|effacer|supresión|suprimir|eliminar)\b|\b(?:close|cancel|terminate) (?:your|the|his|her|their|a) (?:child['’]s )?(?:account|registration|profile)\b|删除|注销|삭제|탈퇴/i, weight: 2, about: 'deleting your data' },
  { pattern: /\b(?:your|legal|data subject|privacy|these|those|the above|the following|any of the (?:above|foregoing)) rights\b|\byou (?:also )?have (?:the|a) right to\b|\bexercise (?:your|these|any|the|this) (?:rights?|right)\b|\bright (?:of|to) access\b|\bBetroffenenrechte\b|\bRechte der betroffenen\b|esercitare (?:i |questi |tali )?(?:propri |suoi |tuoi )?diritti|diritti dell[’']interessato|\b(?:uw|je|jouw) rechten\b|ejercer (?:sus|estos|tus|los|dichos) derechos|ejercicio de (?:sus|estos|tus|los) derechos|exercer (?:vos|ces|tes|les|ses|leurs|l['’]un (?:de|des) (?:vos|ces)) droits|exercice de (?:vos|ces|tes|vos) droits|faire valoir (?:vos|ces|ses) droits|\bdroits? d['’](?:accès|opposition|effacement|information)|\bdroits? (?:de|à la) (?:rectification|suppression|portabilité|limitation)|derechos? de (?:acceso|rectificación|supresión|oposición)|行使.{0,6}权利/i, weight: 2, about: 'your data protection rights' },
  { pattern: dataRequestCue, weight: 2, about: 'requests about your data' },
  { pattern: /\b(?:access|correct|rectif|update or correct)\w* (?:to |and correct\w* )?(?:of )?(?:your|my) (?:personal )?(?:data|information)\b|\bdata (?:access|correction) requests?\b|\bregistry extract\b|accéder à (?:vos|ses|leurs) données|rectifier (?:vos|ses|leurs) données|\bAuskunft\b|열람|정정/i, weight: 2, about: 'access to your data' },
  { pattern: /\b(?:this|our|the) (?:privacy |data protection )?(?:policy|statement|notice)\b|\bdiese[rn]? Datenschutz\w*\b|(?:la |cette |notre )(?:présente )?(?:politique|charte|déclaration) (?:de confidentialité|de protection des données|relative)|(?<![\p{L}])(?:cette|la présente) (?:politique|charte|déclaration)(?![\p{L}])|(?<![\p{L}])(?:esta|nuestra|la presente) (?:política|declaración|aviso)(?![\p{L}])|(?<![\p{L}])(?:questa|la presente) (?:informativa|politica)(?![\p{L}])|\bdiese[rn]? (?:Erklärung|Richtlinie)\b|本(?:隐私)?(?:政策|声明)|(?:本|当|この)(?:プライバシー)?ポリシー|개인정보\s?처리\s?방침/iu, weight: 1.5, about: 'questions about the policy' },
  { pattern: /\bprivacy\b|\bprivacidad\b|\bconfidentialité\b|\bprivacyverklaring\b|\bDatenschutzerklärung\b|隐私|隱私|私隱|プライバシー/i, weight: 1.5, about: 'privacy' },
  { pattern: /\bpersonal(?:ly identifiable)? (?:data|information)\b|\bpersonenbezogene\w*\b|\bpersoonsgegevens\b|données personnelles|données à caractère personnel|dati personali|datos personales|个人信息|个人资料|個人情報|개인정보/i, weight: 1.5, about: 'personal data' },
  { pattern: /\bwithdraw (?:your |any )?consent\b|\bwiderruf|retirer (?:votre |le |son |leur )?consentement|retrait (?:de votre|du) consentement|revocar (?:su |el )?consentimiento|撤回.{0,4}同意/i, weight: 1.5, about: 'withdrawing consent' },
  { pattern: /\bGDPR\b|\bDSGVO\b|\bCCPA\b|\bCPRA\b|\bPIPEDA\b|\bPDPO\b|\bPIPL\b|\bLGPD\b|\bData Protection Act\b|\bPrivacy Ordinance\b|California Privacy Rights|Shine the Light|个人信息保护法/i, weight: 2, about: 'data protection law' },
  { pattern: /\bcontroller\b|\bresponsible for (?:the )?(?:collection|processing)\b|\bVerantwortliche[rn]?\b|\bverantwortliche Stelle\b|titolare del trattamento|responsable del tratamiento|responsable (?:du|des) traitements?|verwerkingsverantwoordelijke/i, weight: 2, about: 'the controller of your data' },
  { pattern: /\bdata (?:practices|processing)\b|\b(?:information|privacy) practices\b|\bprocessing of your\b|\bopt[ -]out of (?:the )?(?:sale|sharing)\b|\bdo not sell\b/i, weight: 1.5, about: 'how your data is processed' },
  // Estonian and Romanian: rights and the data subject, personal data, data protection, the controller.
  { pattern: /(?<![\p{L}])(?:õigus(?:te|i|ed)?\b[^.\n]{0,30}(?:kasutami|teostami)\w*|andmesubjekt\w*|drepturil(?:e|or)\b|dreptul (?:de|la)\b|persoan(?:a|ei) vizat\w*)/iu, weight: 2, about: 'your data protection rights' },
  { pattern: /(?<![\p{L}])(?:isikuandme\w*|date(?:le|lor)? cu caracter ?personal)/iu, weight: 1.5, about: 'personal data' },
  { pattern: /(?<![\p{L}])(?:andmekaitse\w*|protecți[ae] datelor)/iu, weight: 2, about: 'data protection' },
  { pattern: /(?<![\p{L}])(?:vastutav(?:a|ad)? töötleja\w*|operator(?:ul)? de date)/iu, weight: 2, about: 'the controller of your data' },
  { pattern: /\bcookies?\b/i, weight: 0.5, about: 'cookies' },
  { pattern: /\b(?:questions?|concerns?|complaints?|queries|query|comments|preguntas?|dudas?|consultas?|Fragen|domande|vragen)\b|疑问|疑惑|意见|申诉|投诉|お問い?合わ?せ|문의/i, weight: 0.5, about: 'questions' },
]

/** Words that say the contact is for something else. */
export const purposeCues: ReadonlyArray<{ purpose: 'newsletter' | 'sales' | 'support' | 'general'; pattern: RegExp }> = [
  { purpose: 'newsletter', pattern: /\bunsubscribe\b|\bnewsletters?\b|\bpromotional\b|\bdirect marketing\b|\bmarketing (?:e-?mails?|communications|messages)\b|\bmailing list\b|\bfundraising\b|退订/i },
  { purpose: 'sales', pattern: /\bsales\b|\bquotes?\b|\bwholesale\b|\bplace an order\b|\bpurchas\w+\b|\bbuy\b|\bpricing\b|\bbusiness (?:inquir|enquir)\w+/i },
  { purpose: 'support', pattern: /\bsupport\b|\bcustomer (?:service|care|support)\b|\btechnical\b|\bhelp\b|\bpassword\b|\busername\b|\bRMA\b|\brefunds?\b|\bafter-?sales\b|\bhotline\b|客服/i },
  { purpose: 'general', pattern: /\bcontact us\b|\bquestions?\b|\bsuggestions?\b|\bfeedback\b|\benquir\w+|\binquir\w+/i },
]

/** What the part before the @ says. */
export function localPartPurpose(local: string): 'privacy' | 'dpo' | 'legal' | 'newsletter' | 'sales' | 'support' | 'general' | 'sender' | 'other' | null {
  const l = local.toLowerCase()
  if (/^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|bounces?)\b/.test(l)) return 'sender'
  if (/(?:^|[._-])(?:dpo|dsb|dpd)(?:$|[._-])|^dpo[a-z]{2,12}$|datenschutzbeauftragte|dataprotectionofficer|privacyofficer/.test(l)) return 'dpo'
  if (/privacy|privacidad|privacite|datenschutz|dataprotection|data-protection|data\.protection|gdpr|dsgvo|rgpd|ccpa|personvern|dataskydd|yinsi|representative|datarep|donneespersonnelles|donnees-personnelles/.test(l)) return 'privacy'
  if (/^(?:legal|compliance|law|recht|juridique|legal-notices?)\b/.test(l)) return 'legal'
  if (/newsletter|unsubscribe|^news$|marketing|mailing|subscribe|promo/.test(l)) return 'newsletter'
  if (/^(?:sales|vertrieb|order|orders|shop|store|business|bd|wholesale|quote|quotes)\b/.test(l)) return 'sales'
  if (/support|help|service|customercare|custserv|care|aftersales|kundenservice|tech/.test(l)) return 'support'
  if (/^(?:info|contact|kontakt|hello|hi|mail|office|webmaster|admin|enquiries|inquiries|general|team|feedback)$/.test(l)) return 'general'
  return null
}

/** Names and words of data protection regulators. */
export const regulatorCue =
  /information commissioner|\bICO\b|supervisory authorit(?:y|ies)|data protection (?:authorit(?:y|ies)|commission(?:er)?|board|agency)|\bDPA\b|datenschutzbehörde|aufsichtsbehörde|landesbeauftragte|datenschutzzentrum|landeszentrum für datenschutz|bundesbeauftragte|\bBfDI\b|\bCNIL\b|commission nationale de l'informatique|privacy commissioner|\bPCPD\b|federal trade commission|\bFTC\b|attorney general|garante per la protezione|autorità di controllo|autoridad de control|autorité de contrôle|toezichthouder|agencia española de protección|autoriteit persoonsgegevens|datatilsynet|\bEDPB\b|\bEDPS\b|lodge (?:a|your) complaint|(?:right to )?complain (?:directly )?to|beschwerde bei|网信|监管部门|市场监管/i

/** E-mail domains of regulators: an address there is never the company's. */
export const regulatorDomains =
  /(?:^|\.)(?:ico\.org\.uk|cnil\.fr|edpb\.europa\.eu|edps\.europa\.eu|bfdi\.bund\.de|datenschutz-berlin\.de|datenschutz\.hamburg\.de|datenschutz\.rlp\.de|datenschutz-mv\.de|datenschutz\.saarland\.de|datenschutz\.sachsen\.de|datenschutz\.hessen\.de|datenschutz\.bremen\.de|datenschutz\.thueringen\.de|datenschutz\.sachsen-anhalt\.de|datenschutz-bayern\.de|datenschutzzentrum\.de|lfd\.niedersachsen\.de|lda\.brandenburg\.de|lda\.bayern\.de|ldi\.nrw\.de|baden-wuerttemberg\.datenschutz\.de|dataprotection\.ie|pcpd\.org\.hk|cac\.gov\.cn|ftc\.gov|oag\.ca\.gov|cppa\.ca\.gov|priv\.gc\.ca|oaic\.gov\.au|gpdp\.it|garanteprivacy\.it|aepd\.es|autoriteitpersoonsgegevens\.nl|datatilsynet\.(?:no|dk)|imy\.se|uodo\.gov\.pl|dsb\.gv\.at|edoeb\.admin\.ch|autoriteprotectiondonnees\.be|apd-gba\.be|cnpd\.(?:lu|pt)|kisa\.or\.kr|ppc\.go\.jp|privacy\.org\.nz|inforegulator\.org\.za|anpd\.gov\.br|dpa\.gr|uoou\.cz|tietosuoja\.fi|naih\.hu|dataprotection\.ro|aki\.ee|dvi\.gov\.lv|ada\.lt|idpc\.org\.mt|dataprotection\.gov\.cy|azop\.hr|ip-rs\.si|dataprotection\.gov\.sk|cpdp\.bg|datenschutzstelle\.li|personuvernd\.is|pdpc\.gov\.sg|datenschutz\.bund\.de)$/i

/** Postal addresses of well-known regulators (a fingerprint is enough to tell). */
export const regulatorAddress = /Wycliffe House|SK9 5AF|3 Place de Fontenoy|Graurheindorfer Str|21 Fitzwilliam Square|Promenade Street Office|Rue de la Presse 35|1919 Queen's Road/i

/** Companies whose addresses policies list as processors or plug-in providers. */
export const thirdPartyName =
  /\b(?:Google|Alphabet|YouTube|DoubleClick|Facebook|Meta Platforms|Instagram|WhatsApp|Microsoft|LinkedIn|Amazon Web Services|Amazon|PayPal|Stripe|Mailchimp|MailChimp|Rocket Science Group|Twitter|X Corp|Cloudflare|Hotjar|HubSpot|Salesforce|Zendesk|Intercom|Shopify|Apple|Adobe|Criteo|Yandex|AddThis|Matomo|Automattic|WordPress|Vimeo|Pinterest|TikTok|ByteDance|Sendgrid|SendGrid|Twilio|Klaviyo|Oracle|Akamai|Fastly|Mixpanel|Segment|Braintree|Adyen|Klarna|Trustpilot|Vee24|Bunny|Hetzner|Strato|IONOS|1&1|Netlify|Vercel|GitHub|OVH|OVHcloud|DigitalOcean|Contabo|netcup|Linode|Heroku|Scaleway|Squarespace|Wix)\b/

export const thirdPartyDomains =
  /(?:^|\.)(?:google\.com|googlemail\.com|youtube\.com|facebook\.com|fb\.com|meta\.com|microsoft\.com|linkedin\.com|amazon\.com|aws\.amazon\.com|paypal\.com|stripe\.com|mailchimp\.com|twitter\.com|x\.com|cloudflare\.com|hotjar\.com|hubspot\.com|salesforce\.com|zendesk\.com|intercom\.io|shopify\.com|apple\.com|adobe\.com|criteo\.com|yandex\.ru|yandex\.com|github\.com|sendgrid\.net|twilio\.com|klaviyo\.com)$/i

/** Words saying a contact belongs to a provider the company uses. */
export const thirdPartyCue =
  /third[- ]part(?:y|ies)|service provider|\bprocessors?\b|provided by|operated by|hosted by|\bpayment (?:provider|processor|platform|service)s?\b|\bDienstanbieter|\bAnbieter\b|\bist ein (?:Angebot|Dienst|Produkt) de[rs]\b|\bZahlungs(?:plattform|dienstleister|anbieter)\b|Mutterunternehmen|Auftragsverarbeiter|\bvendor\b|第三方/i

/** A privacy representative in the EU, EEA, UK or Switzerland (GDPR Article 27), as policies name one. */
export const representativeCue =
  /\b(?:EU|EEA|UK|Swiss|Switzerland|European|local|GDPR|data protection|privacy|Brazil|Thailand|Turkey|Korea|Japan|Singapore|India|China)\b[^.\n]{0,40}\brepresentatives?\b|\brepresentatives?\b[^.\n]{0,60}\b(?:Article|Art\.)\s*27\b|\bVertreter(?:in)? in der (?:EU|Union)\b/i

/** Words saying a place is where the website or its data is hosted, or who processes it. */
export const hostingCue =
  /\bhost(?:ed|ing|s)?\b|\bweb ?host\w*|\bservers? (?:of|operated by|provided by)\b|gehostet|\bHoster\b|\bServern?\b|\bHosting\b|hébergé|hébergeur|hébergement|alojad[oa]s?\b|alojamiento|ospitat[oa]\b|\bhosting\b|\bprocessors?\b|Auftragsverarbeit\w*|sous-traitant|encargad[oa] del tratamiento|responsabile (?:esterno )?del trattamento|verwerker\b/i

/** Words saying the contact is the company's own. */
export const companyCue =
  /\b(?:contact us|write to us|write us|email us|e-mail us|reach us|call us|contacting us|tell us|let us know|send us (?:a |an )?(?:message|e-?mail|letter|request)|(?:must|should|can|may) be (?:e-?mailed|sent|addressed|directed) to|our (?:offices?|headquarters|registered office|data protection officer|dpo|privacy (?:team|officer|office)|customer)|this (?:privacy )?(?:notice|policy|statement)|kontaktieren Sie uns|Verantwortliche[rn]?|controller)\b|联系我们|與我們聯絡/i

export function scoreCues(text: string, cues: ReadonlyArray<Cue>): { score: number; strongest: Cue | null } {
  let score = 0
  let strongest: Cue | null = null
  for (const cue of cues) {
    if (cue.pattern.test(text)) {
      score += cue.weight
      if (!strongest || cue.weight > strongest.weight) strongest = cue
    }
  }
  return { score, strongest }
}

/** The offset just after the last match of `pattern` in `text`, or -1. */
export function lastMatchEnd(text: string, pattern: RegExp): number {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
  let end = -1
  for (let m = global.exec(text); m; m = global.exec(text)) {
    end = m.index + m[0].length
    if (m[0].length === 0) global.lastIndex += 1
  }
  return end
}

/** "the data controller is Twitter International …", "le responsable du traitement est Amazon …": the policy's own controller. */
const controllerJustBefore = /(?:\bcontroller|responsable (?:du|de) traitement|Verantwortliche[rn]?)\b[^.\n]{0,40}?(?:\bis|\best|\bist|:)\s*(?:the\s+|la société\s+)?$/i

/** Whether `text` declares the provider named `name` the data controller ("the data controller is Twitter …"). */
export function declaredController(text: string, name: string): boolean {
  const global = new RegExp(thirdPartyName.source, 'g')
  for (let m = global.exec(text); m; m = global.exec(text)) {
    if (m[0] === name && controllerJustBefore.test(text.slice(Math.max(0, m.index - 80), m.index))) return true
  }
  return false
}

/**
 * Where the last well-known provider's name in `text` from `from` on ends, or -1; a name the text declares the
 * data controller ("the data controller is Twitter International Unlimited Company") is the
 * company's own (the policy is that provider's), not a provider it uses.
 */
function providerNotController(text: string, from: number): number {
  const global = new RegExp(thirdPartyName.source, 'g')
  let end = -1
  // Once declared the controller, the same name (the addressee line below) stays the company's.
  const declared = new Set<string>()
  for (let m = global.exec(text); m; m = global.exec(text)) {
    if (declared.has(m[0]) || controllerJustBefore.test(text.slice(Math.max(0, m.index - 80), m.index))) {
      declared.add(m[0])
      continue
    }
    if (m.index >= from) end = m.index + m[0].length
  }
  return end
}

/**
 * Whose contact the window before an item points to: the cue nearest to the item wins, so "tell
 * us first … you may also complain to the ICO: <address>" gives the regulator, and "… complain to
 * the ICO. Contact us: <address>" gives the company.
 */
export function ownerFromContext(window: string, companyName: RegExp | null, sentenceStart = 0, regulatorFrom = 0, representativeApart = false): 'company' | 'regulator' | 'third-party' {
  // A regulator counts only from `regulatorFrom` on (for a postal address: its lead-in sentence).
  const regulatorEnd = lastMatchEnd(window.slice(regulatorFrom), regulatorCue)
  const regulator = regulatorEnd === -1 ? -1 : regulatorFrom + regulatorEnd
  // A provider is named in the same sentence as the contact ("… provided by Google LLC, 1600 …");
  // a regulator may head a block of lines ("Information Commissioner's Office / Wycliffe House / …").
  const own = window.slice(sentenceStart)
  const cueThird = lastMatchEnd(own, thirdPartyCue)
  const third = Math.max(cueThird === -1 ? -1 : sentenceStart + cueThird, providerNotController(window, sentenceStart))
  let company = lastMatchEnd(window, companyCue)
  if (companyName) company = Math.max(company, lastMatchEnd(window, companyName))
  // A representative in the EU or UK (GDPR Article 27) is another company acting for this one: its
  // postal address is not the company's own, whether named in the sentence or in the lead-in before
  // it (`representativeApart`; its e-mail address is still a way to reach the company's privacy people).
  if (representativeApart) {
    const representative = lastMatchEnd(window, representativeCue)
    if (representative > company && representative > regulator) return 'third-party'
  }
  if (regulator > company && regulator >= third) return 'regulator'
  if (third > company && third > regulator) return 'third-party'
  return 'company'
}
