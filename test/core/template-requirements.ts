/**
 * What each kind of request must contain under each law: the provisions it rests on and the
 * elements the law gives the user a right to (law-reference.md and the statutes it cites). The
 * template content test checks every built-in template against this table.
 */
import type { Law, RequestType } from '../../electron/core/requests/model'

type Table = Partial<Record<RequestType, Partial<Record<Law, ReadonlyArray<RegExp>>>>>

const gdprAccess = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((point) => new RegExp(`Art\\. 15\\(1\\)\\(${point}\\)`))

/** English templates: the citations as English legal writing gives them. */
export const englishRequirements: Table = {
  access: {
    gdpr: [...gdprAccess, /Art\. 15\(3\)/, /Art\. 12\(3\)/],
    'uk-gdpr': [...gdprAccess, /Art\. 15\(3\)/, /Art\. 12\(3\)/, /UK GDPR/],
    ccpa: [
      /1798\.110/,
      /categories of personal information/i,
      /categories of sources/i,
      /business or commercial purpose/i,
      /categories of third parties/i,
      /specific pieces of personal information/i,
      /45 (calendar )?days/i,
    ],
    vcdpa: [/59\.1-577/, /confirm whether/i, /portable/i, /45 days/i],
    'cpa-co': [/6-1-1306/, /confirm whether/i, /portable/i, /45 days/i],
    ctdpa: [/42-518/, /confirm whether/i, /portable/i, /45 days/i],
    tdpsa: [/541\.051\(b\)\(1\)/, /541\.051\(b\)\(4\)/, /541\.052\(b\)/, /confirm whether/i, /portable/i, /45 days/i],
    lgpd: [/Art\. 18/, /Art\. 19/, /Art\. 9/, /15 days/i],
    pipeda: [/Principle 4\.9/, /(s\.|section) ?8/i, /30 days/i, /third part(y|ies)|organizations/i],
    'ch-fadp': [/Art\. 25/, /30 days/i, /(retention|stored|kept)/i, /(origin|source)/i, /recipients/i, /automated/i],
    'hk-pdpo': [/section 18|s\. ?18/i, /40 days/i, /copy/i],
    'cn-pipl': [/Article 45/, /Article 4[48]/, /cop(y|ies)/i],
    'jp-appi': [/Article 33/, /electronic|electromagnetic/i],
    'au-privacy': [/APP 12/, /30 days/i],
  },
  erasure: {
    gdpr: [/Art\. 17\(1\)/, /Art\. 17\(3\)/, /Art\. 19/, /Art\. 12\(3\)/],
    'uk-gdpr': [/Art\. 17\(1\)/, /Art\. 17\(3\)/, /Art\. 19/, /UK GDPR/],
    ccpa: [/1798\.105/, /service providers?|contractors?/i, /45 (calendar )?days/i],
    vcdpa: [/59\.1-577\(A\)\(3\)/, /45 days/i],
    'cpa-co': [/6-1-1306\(1\)\(d\)/, /45 days/i],
    ctdpa: [/42-518\(a\)\(3\)/, /45 days/i],
    tdpsa: [/541\.051\(b\)\(3\)/, /45 days/i],
    lgpd: [/Art\. 18/, /Art\. 16/],
    'ch-fadp': [/Art\. 32/],
    'cn-pipl': [/Article 47/],
    'jp-appi': [/Article 35/],
  },
  rectification: {
    gdpr: [/Art\. 16/, /Art\. 19/],
    'uk-gdpr': [/Art\. 16/, /UK GDPR/],
    ccpa: [/1798\.106/],
    vcdpa: [/59\.1-577\(A\)\(2\)/],
    'cpa-co': [/6-1-1306\(1\)\(c\)/],
    ctdpa: [/42-518\(a\)\(2\)/],
    tdpsa: [/541\.051\(b\)\(2\)/],
    lgpd: [/Art\. 18/],
    pipeda: [/4\.9\.5/],
    'ch-fadp': [/Art\. 32/],
    'hk-pdpo': [/section 22|s\. ?22/i],
    'cn-pipl': [/Article 46/],
    'jp-appi': [/Article 34/],
    'au-privacy': [/APP 13/],
  },
  restriction: {
    gdpr: [/Art\. 18\(1\)/, /Art\. 19/],
    'uk-gdpr': [/Art\. 18\(1\)/, /UK GDPR/],
  },
  portability: {
    gdpr: [/Art\. 20/],
    'uk-gdpr': [/Art\. 20/, /UK GDPR/],
    ccpa: [/1798\.1(00|30)/, /portable/i],
    vcdpa: [/59\.1-577\(A\)\(4\)/],
    'cpa-co': [/6-1-1306\(1\)\(e\)/],
    ctdpa: [/42-518\(a\)\(4\)/],
    tdpsa: [/541\.051\(b\)\(4\)/],
    lgpd: [/Art\. 18/],
    'ch-fadp': [/Art\. 28/],
    'cn-pipl': [/Article 45/],
  },
  objection: {
    gdpr: [/Art\. 21\(1\)/, /Art\. 21\(2\)/],
    'uk-gdpr': [/Art\. 21\(1\)/, /Art\. 21\(2\)/, /UK GDPR/],
    lgpd: [/Art\. 18/],
    'ch-fadp': [/Art\. 30/],
  },
  'withdraw-consent': {
    gdpr: [/Art\. 7\(3\)/],
    'uk-gdpr': [/Art\. 7\(3\)/, /UK GDPR/],
    lgpd: [/Art\. 8/],
    pipeda: [/4\.3\.8/],
    'cn-pipl': [/Article 15/],
  },
  'opt-out': {
    ccpa: [/1798\.120/, /sell|shar/i, /15 business days/i],
    vcdpa: [/59\.1-577\(A\)\(5\)/],
    'cpa-co': [/6-1-1306\(1\)\(a\)/],
    ctdpa: [/42-518\(a\)\(5\)/],
    tdpsa: [/541\.051\(b\)\(5\)\(A\)/, /541\.051\(b\)\(5\)\(B\)/, /541\.051\(b\)\(5\)\(C\)/],
  },
  limit: {
    ccpa: [/1798\.121/, /sensitive personal information/i],
  },
  reminder: {
    gdpr: [/Art\. 12\(3\)/],
    'uk-gdpr': [/UK GDPR/],
    ccpa: [/1798\.130|7021/],
    vcdpa: [/59\.1-577/],
    'cpa-co': [/6-1-1306/],
    ctdpa: [/42-518/],
    tdpsa: [/541\.052/, /541\.053/, /60 days/],
    lgpd: [/Art\. 19/],
    pipeda: [/8\(3\)|section 8/i],
    'ch-fadp': [/Art\. 18/],
    'hk-pdpo': [/section 19|s\. ?19/i],
    'cn-pipl': [/Article (45|50)/],
    'jp-appi': [/Article (33|39)/],
    'au-privacy': [/APP 12/],
  },
  complaint: {
    gdpr: [/Art(icle|\.) 77/],
    'uk-gdpr': [/Art(icle|\.) 77|section 165/i],
    ccpa: [/Privacy Protection Agency|Attorney General/],
    vcdpa: [/Attorney General/],
    'cpa-co': [/Attorney General/],
    ctdpa: [/Attorney General/],
    tdpsa: [/Attorney General of Texas/, /541\.151/, /541\.152/],
    lgpd: [/ANPD|National Data Protection Authority/],
    pipeda: [/Privacy Commissioner/],
    'ch-fadp': [/FDPIC|Federal Data Protection and Information Commissioner/],
    'hk-pdpo': [/section 37|s\. ?37/i],
    'cn-pipl': [/Article 65/],
    'jp-appi': [/Personal Information Protection Commission/],
    'au-privacy': [/section 36|s\. ?36|Information Commissioner/i],
  },
}

/** Other languages: the provisions as numbers with the law's name in that language. */
export const translatedRequirements: Record<string, Table> = {
  de: {
    access: { gdpr: [/DSGVO/, /Art\. 15/, /Art\. 12/], 'ch-fadp': [/DSG/, /Art\. 25/] },
    erasure: { gdpr: [/DSGVO/, /Art\. 17/], 'ch-fadp': [/DSG/, /Art\. 32/] },
    reminder: { gdpr: [/Art\. 12/], 'ch-fadp': [/Art\. 18/] },
    complaint: { gdpr: [/Art\. 77/], 'ch-fadp': [/EDÖB/] },
  },
  fr: {
    access: { gdpr: [/RGPD/, /article 15/i, /article 12/i], 'ch-fadp': [/LPD/, /article 25/i], pipeda: [/LPRPDE/, /4\.9/] },
    erasure: { gdpr: [/RGPD/, /article 17/i], 'ch-fadp': [/LPD/, /article 32/i] },
    reminder: { gdpr: [/article 12/i], 'ch-fadp': [/article 18/i], pipeda: [/article 8|paragraphe 8/i] },
    complaint: { gdpr: [/article 77/i], 'ch-fadp': [/PFPDT/], pipeda: [/commissaire à la protection de la vie privée/i] },
  },
  es: {
    access: { gdpr: [/RGPD/, /artículo 15/i, /artículo 12/i], ccpa: [/CCPA/, /1798\.110/] },
    erasure: { gdpr: [/RGPD/, /artículo 17/i], ccpa: [/CCPA/, /1798\.105/] },
    reminder: { gdpr: [/artículo 12/i], ccpa: [/1798\.130|7021/] },
    complaint: { gdpr: [/artículo 77/i], ccpa: [/Agencia de Protección de la Privacidad|Privacy Protection Agency|Fiscal General/] },
  },
  'zh-Hans': {
    access: { 'cn-pipl': [/个人信息保护法/, /第四十五条/], 'hk-pdpo': [/个人资料（私隐）条例/, /第18条/, /40/], gdpr: [/通用数据保护条例/, /第15条/] },
    erasure: { 'cn-pipl': [/个人信息保护法/, /第四十七条/], gdpr: [/通用数据保护条例/, /第17条/] },
    rectification: { 'cn-pipl': [/个人信息保护法/, /第四十六条/] },
    portability: { 'cn-pipl': [/个人信息保护法/, /第四十五条第三款/] },
    'withdraw-consent': { 'cn-pipl': [/个人信息保护法/, /第十五条/] },
    reminder: { 'cn-pipl': [/个人信息保护法/], 'hk-pdpo': [/第19条/], gdpr: [/第12条/] },
    complaint: { 'cn-pipl': [/第六十五条/], 'hk-pdpo': [/第37条/], gdpr: [/第77条/] },
  },
  // Hong Kong: the Ordinance's own terms (個人資料, 資料使用者, 查閱資料要求) and its sections.
  'zh-Hant': {
    access: { 'hk-pdpo': [/個人資料（私隱）條例/, /查閱資料要求/, /資料使用者/, /第18/, /40日/, /OPS003/, /第20\(3\)\(e\)條/] },
    rectification: { 'hk-pdpo': [/個人資料（私隱）條例/, /改正資料要求/, /資料使用者/, /第22/, /第23/, /40日/] },
    reminder: { 'hk-pdpo': [/第19/, /查閱資料要求/] },
    complaint: { 'hk-pdpo': [/第37條/, /個人資料私隱專員|\{\{authority\.name\}\}|The Authority/] },
  },
  pt: {
    access: { lgpd: [/LGPD/, /art\. 18/, /art\. 19/, /art\. 9º/, /15 \(quinze\) dias/] },
    rectification: { lgpd: [/LGPD/, /art\. 18, III/, /§ 6º/] },
    erasure: { lgpd: [/LGPD/, /art\. 18/, /art\. 16/] },
    portability: { lgpd: [/LGPD/, /art\. 18, V/] },
    objection: { lgpd: [/LGPD/, /art\. 18, § 2º/] },
    'withdraw-consent': { lgpd: [/LGPD/, /art\. 8º, § 5º/] },
    reminder: { lgpd: [/art\. 19/, /Agência Nacional de Proteção de Dados/] },
    complaint: { lgpd: [/art\. 18, § 1º/, /art\. 55-J/] },
  },
  ja: {
    access: { 'jp-appi': [/個人情報の保護に関する法律/, /第33条/, /電磁的記録/, /第39条/] },
    rectification: { 'jp-appi': [/個人情報の保護に関する法律/, /第34条/] },
    erasure: { 'jp-appi': [/個人情報の保護に関する法律/, /第35条/] },
    reminder: { 'jp-appi': [/第33条|第39条/] },
    complaint: { 'jp-appi': [/個人情報保護委員会/, /第132条/] },
  },
}

/** The plain label every subject line needs, in the template's language. */
export const subjectLabels: Record<string, RegExp> = {
  en: /data protection|privacy|personal (data|information)/i,
  de: /Datenschutz/,
  fr: /protection des données|données personnelles|renseignements personnels|vie privée/i,
  es: /protección de datos|datos personales|privacidad/i,
  'zh-Hans': /个人信息|个人资料|数据保护/,
  'zh-Hant': /個人資料|查閱資料要求/,
  pt: /proteção de dados|dados pessoais|titular/i,
  ja: /個人情報|個人データ/,
}

/** The legal basis every subject line names, per law (any language). */
export const subjectBasis: Record<Law, RegExp> = {
  gdpr: /GDPR|DSGVO|RGPD|通用数据保护条例/,
  'uk-gdpr': /UK GDPR/,
  ccpa: /CCPA/,
  vcdpa: /VCDPA|Va\. Code/,
  'cpa-co': /CPA|C\.R\.S\./,
  ctdpa: /CTDPA|C\.G\.S\./,
  tdpsa: /TDPSA|Tex\. Bus\. & Com\. Code/,
  lgpd: /LGPD/,
  pipeda: /PIPEDA|LPRPDE/,
  'qc-privacy': /P-39\.1|Quebec|Québec/,
  'ch-fadp': /FADP|DSG|LPD/,
  'hk-pdpo': /PDPO|私隐|私隱/,
  'cn-pipl': /PIPL|个人信息保护法/,
  'jp-appi': /APPI|個人情報保護法/,
  'au-privacy': /APP|Privacy Act/,
}
