/**
 * What an answer to an access request must contain, law by law: the copy of the data and each
 * piece of information the law says comes with it, with the provision that requires it. Pure data
 * (no imports beyond the vocabulary), shared with the renderer, which names each item through its
 * concept in the user's language; letters name it in the letter's language (strings.yaml,
 * `answerItems`) followed by the citation below.
 *
 * Sources, per law (only items the provision itself requires; see the notes for what is left out):
 * - GDPR and UK GDPR Art. 15(1)(a)-(h), 15(2) and 15(3);
 * - CCPA/CPRA Cal. Civ. Code §1798.110(a)(1)-(5) (the period is §1798.130(a)(2)(B): the 12 months
 *   before the request, unless the consumer asks for more);
 * - VCDPA Va. Code §59.1-577(A)(1) and (A)(4); CPA C.R.S. §6-1-1306(1)(b) and (1)(e); CTDPA
 *   Conn. Gen. Stat. §42-518(a)(1) and (a)(4); TDPSA Tex. Bus. & Com. Code §541.051(b)(1) and (b)(4);
 * - LGPD Art. 18 I, II and VII, Art. 19 II (the complete declaration: origin, criteria, purpose) and
 *   Art. 9 II-IV and VII;
 * - PIPEDA Schedule 1 Principle 4.9, 4.9.1 and 4.9.3, with s.8;
 * - Quebec's private-sector Act s.27;
 * - FADP Art. 25(2)(a)-(g);
 * - PDPO s.18(1)(a) and (b), complied with under s.19(1);
 * - PIPL Art. 45(1) (consult and copy);
 * - APPI Art. 32(2) (purpose of use), Art. 33(1) (disclosure) and Art. 33(5) (records of provision
 *   to third parties);
 * - Privacy Act 1988 (Cth) APP 12.1.
 */
import type { Language, Law } from './kinds'

/** The kinds of thing an answer can lack; one word list per concept in each language. */
export const answerConcepts = [
  'confirmation',
  'copy',
  'purposes',
  'uses',
  'categories',
  'recipients',
  'transfers',
  'retention',
  'rights',
  'complaint',
  'source',
  'automated',
  'controller',
  'criteria',
] as const
export type AnswerConcept = (typeof answerConcepts)[number]

/** One thing the law says must come with the answer. `id` is stable within its law. */
export type AnswerItem = {
  readonly id: string
  readonly concept: AnswerConcept
  /** The provision, as written in each language the law is used in (English always). */
  readonly cite: { readonly en: string } & Partial<Record<Language, string>>
}

type Gdpr = { readonly art: 15; readonly para: 1 | 2 | 3; readonly point?: string }

/** How the GDPR's own languages cite Art. 15: "Art. 15 Abs. 1 lit. a DSGVO", "article 15, paragraphe 1, point a), du RGPD". */
function gdprCite(p: Gdpr, uk: boolean): AnswerItem['cite'] {
  const en = `Art. ${p.art}(${p.para})${p.point ? `(${p.point})` : ''} ${uk ? 'UK GDPR' : 'GDPR'}`
  if (uk) return { en }
  return {
    en,
    de: `Art. ${p.art} Abs. ${p.para}${p.point ? ` lit. ${p.point}` : ''} DSGVO`,
    fr: `article ${p.art}, paragraphe ${p.para}${p.point ? `, point ${p.point})` : ''}, du RGPD`,
    es: `artículo ${p.art}, apartado ${p.para}${p.point ? `, letra ${p.point})` : ''}, del RGPD`,
    'zh-Hans': `GDPR 第${p.art}条第${p.para}款${p.point ? `第(${p.point})项` : ''}`,
  }
}

function gdprItems(uk: boolean): ReadonlyArray<AnswerItem> {
  const item = (id: string, concept: AnswerConcept, p: Gdpr): AnswerItem => ({ id, concept, cite: gdprCite(p, uk) })
  return [
    item('copy', 'copy', { art: 15, para: 3 }),
    item('purposes', 'purposes', { art: 15, para: 1, point: 'a' }),
    item('categories', 'categories', { art: 15, para: 1, point: 'b' }),
    item('recipients', 'recipients', { art: 15, para: 1, point: 'c' }),
    item('retention', 'retention', { art: 15, para: 1, point: 'd' }),
    item('rights', 'rights', { art: 15, para: 1, point: 'e' }),
    item('complaint', 'complaint', { art: 15, para: 1, point: 'f' }),
    item('source', 'source', { art: 15, para: 1, point: 'g' }),
    item('automated', 'automated', { art: 15, para: 1, point: 'h' }),
    item('transfers', 'transfers', { art: 15, para: 2 }),
  ]
}

function fadpItem(id: string, concept: AnswerConcept, letter: string): AnswerItem {
  return { id, concept, cite: { en: `Art. 25(2)(${letter}) FADP`, de: `Art. 25 Abs. 2 Bst. ${letter} DSG`, fr: `art. 25, al. 2, let. ${letter}, LPD` } }
}

function lgpdItem(id: string, concept: AnswerConcept, article: number, clause: string): AnswerItem {
  return { id, concept, cite: { en: `Art. ${article}(${clause}) LGPD`, pt: `art. ${article}, inciso ${clause}, da LGPD` } }
}

/** A US state law's two items: confirmation and access, and the copy in a portable format. */
function stateItems(section: string, access: string, copy: string): ReadonlyArray<AnswerItem> {
  return [
    { id: 'confirmation', concept: 'confirmation', cite: { en: `${section}${access}` } },
    { id: 'copy', concept: 'copy', cite: { en: `${section}${access} and ${copy}`, es: `${section}${access} y ${copy}` } },
  ]
}

const quebecAct = { en: "s. 27 of Quebec's Act respecting the protection of personal information in the private sector", fr: 'art. 27 de la Loi sur la protection des renseignements personnels dans le secteur privé' }

const table: ReadonlyMap<Law, ReadonlyArray<AnswerItem>> = new Map<Law, ReadonlyArray<AnswerItem>>([
  ['gdpr', gdprItems(false)],
  ['uk-gdpr', gdprItems(true)],
  [
    'ccpa',
    [
      { id: 'categories', concept: 'categories', cite: { en: 'Cal. Civ. Code §1798.110(a)(1)' } },
      { id: 'source', concept: 'source', cite: { en: 'Cal. Civ. Code §1798.110(a)(2)' } },
      { id: 'purposes', concept: 'purposes', cite: { en: 'Cal. Civ. Code §1798.110(a)(3)' } },
      { id: 'recipients', concept: 'recipients', cite: { en: 'Cal. Civ. Code §1798.110(a)(4)' } },
      { id: 'copy', concept: 'copy', cite: { en: 'Cal. Civ. Code §1798.110(a)(5)' } },
    ],
  ],
  ['vcdpa', stateItems('Va. Code §59.1-577', '(A)(1)', '(A)(4)')],
  ['cpa-co', stateItems('C.R.S. §6-1-1306', '(1)(b)', '(1)(e)')],
  ['ctdpa', stateItems('Conn. Gen. Stat. §42-518', '(a)(1)', '(a)(4)')],
  ['tdpsa', stateItems('Tex. Bus. & Com. Code §541.051', '(b)(1)', '(b)(4)')],
  [
    'lgpd',
    [
      lgpdItem('confirmation', 'confirmation', 18, 'I'),
      lgpdItem('copy', 'copy', 18, 'II'),
      lgpdItem('recipients', 'recipients', 18, 'VII'),
      lgpdItem('source', 'source', 19, 'II'),
      lgpdItem('criteria', 'criteria', 19, 'II'),
      lgpdItem('purposes', 'purposes', 19, 'II'),
      lgpdItem('retention', 'retention', 9, 'II'),
      { id: 'controller', concept: 'controller', cite: { en: 'Art. 9(III) and (IV) LGPD', pt: 'art. 9º, incisos III e IV, da LGPD' } },
      lgpdItem('rights', 'rights', 9, 'VII'),
    ],
  ],
  [
    'pipeda',
    [
      { id: 'confirmation', concept: 'confirmation', cite: { en: 'PIPEDA, Schedule 1, Principle 4.9', fr: 'LPRPDE, annexe 1, principe 4.9' } },
      { id: 'copy', concept: 'copy', cite: { en: 'PIPEDA, Schedule 1, Principle 4.9, and s. 8', fr: 'LPRPDE, annexe 1, principe 4.9, et art. 8' } },
      { id: 'uses', concept: 'uses', cite: { en: 'PIPEDA, Schedule 1, Principle 4.9.1', fr: 'LPRPDE, annexe 1, principe 4.9.1' } },
      { id: 'recipients', concept: 'recipients', cite: { en: 'PIPEDA, Schedule 1, Principle 4.9.3', fr: 'LPRPDE, annexe 1, principe 4.9.3' } },
    ],
  ],
  [
    'qc-privacy',
    [
      { id: 'confirmation', concept: 'confirmation', cite: quebecAct },
      { id: 'copy', concept: 'copy', cite: quebecAct },
    ],
  ],
  [
    'ch-fadp',
    [
      fadpItem('controller', 'controller', 'a'),
      fadpItem('copy', 'copy', 'b'),
      fadpItem('purposes', 'purposes', 'c'),
      fadpItem('retention', 'retention', 'd'),
      fadpItem('source', 'source', 'e'),
      fadpItem('automated', 'automated', 'f'),
      fadpItem('recipients', 'recipients', 'g'),
    ],
  ],
  [
    'hk-pdpo',
    [
      { id: 'confirmation', concept: 'confirmation', cite: { en: 's. 18(1)(a) PDPO', 'zh-Hant': '《個人資料（私隱）條例》第18(1)(a)條', 'zh-Hans': '《个人资料（私隐）条例》第18(1)(a)条' } },
      { id: 'copy', concept: 'copy', cite: { en: 'ss. 18(1)(b) and 19(1) PDPO', 'zh-Hant': '《個人資料（私隱）條例》第18(1)(b)及19(1)條', 'zh-Hans': '《个人资料（私隐）条例》第18(1)(b)及19(1)条' } },
    ],
  ],
  ['cn-pipl', [{ id: 'copy', concept: 'copy', cite: { en: 'Art. 45(1) PIPL', 'zh-Hans': '《个人信息保护法》第四十五条第一款' } }]],
  [
    'jp-appi',
    [
      { id: 'copy', concept: 'copy', cite: { en: 'Art. 33(1) APPI', ja: '個人情報保護法第33条第1項' } },
      { id: 'purposes', concept: 'purposes', cite: { en: 'Art. 32(2) APPI', ja: '個人情報保護法第32条第2項' } },
      { id: 'recipients', concept: 'recipients', cite: { en: 'Art. 33(5) APPI', ja: '個人情報保護法第33条第5項' } },
    ],
  ],
  ['au-privacy', [{ id: 'copy', concept: 'copy', cite: { en: 'APP 12.1, Privacy Act 1988 (Cth)' } }]],
])

/** What must come with the answer to an access request under a law, in the order of the law. */
export function answerItemsUnder(law: Law): ReadonlyArray<AnswerItem> {
  return table.get(law) ?? []
}

/** An item's citation in a language: the language's own where the law is written in it, else English. */
export function citeIn(item: AnswerItem, lang: Language): string {
  return item.cite[lang] ?? item.cite.en
}
