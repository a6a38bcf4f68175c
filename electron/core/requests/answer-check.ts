/**
 * The completeness check of an answer to an access request: the items the law says must come
 * (answer-items.ts), what the user ticked for each (arrived, missing, not applicable; by hand or by
 * confirming Rightful's suggestion; when), and Rightful's suggestion from the reply's own words.
 * A suggestion is never a tick: only the user's confirmation writes one. Pure: schemas, the
 * suggestion scan (linear, over a bounded text) and the view, shared with the renderer.
 */
import { z } from 'zod'
import { answerConcepts, answerItemsUnder, type AnswerConcept, type AnswerItem } from '../shared/answer-items'
import { activeEvents, type RequestEvent } from './events'
import { laws, type Law } from '../shared/kinds'

export const answerStates = ['arrived', 'missing', 'not-applicable'] as const
export type AnswerState = (typeof answerStates)[number]

/** Who decided an item: the user on their own, or the user confirming Rightful's suggestion. */
export const tickSources = ['user', 'suggestion-confirmed'] as const
export type TickSource = (typeof tickSources)[number]

const itemIdSchema = z.string().regex(/^[a-z][a-z-]{0,39}$/)

export const answerTickSchema = z.object({
  id: itemIdSchema,
  state: z.enum(answerStates),
  by: z.enum(tickSources),
  at: z.iso.datetime(),
})
export type AnswerTick = z.infer<typeof answerTickSchema>

/** The checklist as stored with the request: the law whose items were ticked, one tick per item at most. */
export const answerCheckSchema = z
  .object({
    law: z.enum(laws),
    ticks: z.array(answerTickSchema).max(50),
  })
  .refine((check) => new Set(check.ticks.map((t) => t.id)).size === check.ticks.length, 'An item is ticked twice.')
  .refine((check) => {
    const known = new Set(answerItemsUnder(check.law).map((item) => item.id))
    return check.ticks.every((t) => known.has(t.id))
  }, 'A ticked item is not one the law requires.')
export type AnswerCheck = z.infer<typeof answerCheckSchema>

/** The most of a reply's text the scan reads: enough for any letter, bounded for any input. */
export const suggestionTextLimit = 200_000

/**
 * Phrases that show an item is in the answer, lower case, in every letter language (a reply may
 * come in English to a German letter). Plain substrings: the scan is one pass per phrase.
 */
const phrases: Record<AnswerConcept, ReadonlyArray<string>> = {
  confirmation: [
    'we hold', 'we process personal data', 'we do process', 'we have records', 'we can confirm that',
    'wir verarbeiten', 'bestätigen wir', 'über sie gespeichert',
    'nous traitons', 'nous confirmons', 'nous détenons',
    'tratamos sus datos', 'confirmamos que',
    'confirmamos que tratamos', 'existência de tratamento', 'tratamos seus dados',
    '保有しております', '保有している',
    '我们处理', '我们持有', '確認本公司持有', '持有閣下', '我們持有',
  ],
  copy: [
    'copy of your personal data', 'copy of your data', 'attached is a copy', 'attached you will find', 'please find attached', 'data export', 'download link', 'specific pieces of personal information',
    'kopie ihrer', 'kopie der daten', 'im anhang', 'anbei erhalten sie', 'datenauszug', 'datenexport',
    'copie de vos données', 'vous trouverez ci-joint', 'en pièce jointe', 'ci-joint',
    'copia de sus datos', 'adjunto', 'encontrará adjunt',
    'cópia dos seus dados', 'em anexo', 'segue anexo',
    '開示いたします', '添付', '写し',
    '副本', '附件', '复制件', '複本',
  ],
  purposes: [
    'purposes of the processing', 'purposes of processing', 'we use your data to', 'for the following purposes', 'business or commercial purpose', 'purpose of processing',
    'zwecke der verarbeitung', 'verarbeitungszwecke', 'zu folgenden zwecken', 'zweck der verarbeitung',
    'finalités du traitement', 'finalité du traitement', 'aux fins suivantes',
    'fines del tratamiento', 'finalidades del tratamiento', 'finalidad del tratamiento',
    'finalidade do tratamento', 'finalidades do tratamento',
    '利用目的',
    '处理目的', '使用目的', '收集目的',
  ],
  uses: [
    'uses of your personal information', 'we have used your', 'how we used', 'use that has been made',
    'verwendung ihrer daten', 'utilisations de vos renseignements', 'usage de vos renseignements', 'usage qui a été fait',
    'uso de sus datos', 'uso dos seus dados', '利用状況', '使用情况', '使用情況',
  ],
  categories: [
    'categories of personal data', 'categories of personal information', 'categories of data',
    'kategorien personenbezogener daten', 'datenkategorien', 'kategorien von daten',
    'catégories de données',
    'categorías de datos',
    'categorias de dados',
    '個人データの項目', '項目',
    '个人信息的种类', '个人信息种类', '資料類別',
  ],
  recipients: [
    'recipients', 'third parties to whom', 'shared with', 'disclosed to', 'categories of third parties',
    'empfänger', 'weitergegeben an', 'übermittelt an',
    'destinataires', 'communiquées à', 'tiers auxquels',
    'destinatarios', 'cedidos a', 'comunicados a',
    'compartilhamos', 'compartilhados com', 'uso compartilhado', 'destinatários',
    '第三者提供', '提供先',
    '接收方', '提供给', '第三方', '轉移給', '披露給',
  ],
  transfers: [
    'third countr', 'outside the eea', 'outside the european', 'standard contractual clauses', 'adequacy decision', 'appropriate safeguards',
    'drittland', 'drittländer', 'standardvertragsklauseln', 'angemessenheitsbeschluss', 'geeignete garantien',
    'pays tiers', 'clauses contractuelles types', "décision d'adéquation", 'garanties appropriées',
    'terceros países', 'tercer país', 'cláusulas contractuales tipo', 'garantías adecuadas',
    'transferência internacional',
    '境外', '跨境',
  ],
  retention: [
    'retention period', 'we retain', 'we keep your data', 'will be stored for', 'stored until', 'deleted after',
    'speicherdauer', 'aufbewahrungsfrist', 'gespeichert bis', 'gelöscht nach', 'speicherfrist',
    'durée de conservation', 'conservées pendant', 'conservées jusqu',
    'plazo de conservación', 'periodo de conservación', 'se conservarán',
    'período de retenção', 'prazo de retenção', 'duração do tratamento',
    '保存期間',
    '保存期限', '保存期間', '保留期',
  ],
  rights: [
    'right to rectification', 'right to erasure', 'right to restrict', 'right to object', 'your rights',
    'recht auf berichtigung', 'recht auf löschung', 'widerspruchsrecht', 'ihre rechte',
    'droit de rectification', "droit à l'effacement", "droit d'opposition", 'vos droits',
    'derecho de rectificación', 'derecho de supresión', 'derecho de oposición', 'sus derechos',
    'direitos do titular', 'seus direitos',
    '本人の権利', '您的权利', '閣下的權利', '您的權利',
  ],
  complaint: [
    'lodge a complaint', 'supervisory authority', 'information commissioner',
    'beschwerde bei', 'aufsichtsbehörde',
    'réclamation auprès', 'introduire une réclamation', 'autorité de contrôle', 'cnil',
    'presentar una reclamación', 'autoridad de control', 'agencia española de protección de datos',
    'peticionar', 'anpd', 'autoridade nacional de proteção de dados',
    '個人情報保護委員会', '苦情',
    '投诉', '举报', '投訴', '私隱專員',
  ],
  source: [
    'source of the data', 'sources of personal information', 'obtained from', 'we received your data from', 'collected directly from you', 'categories of sources',
    'herkunft der daten', 'erhalten von', 'direkt bei ihnen erhoben', 'quelle der daten',
    'source des données', 'origine des données', 'collectées directement auprès de vous',
    'origen de los datos', 'fuente de los datos',
    'origem dos dados',
    '取得元',
    '来源', '來源',
  ],
  automated: [
    'automated decision', 'profiling', 'no automated',
    'automatisierte entscheidung', 'automatisierte einzelentscheidung', 'profiling',
    'décision automatisée', 'décision individuelle automatisée', 'profilage',
    'decisiones automatizadas', 'decisión automatizada', 'elaboración de perfiles',
    'decisão automatizada', 'decisões automatizadas',
    '自動',
    '自动化决策',
  ],
  controller: [
    'controller is', 'data controller', 'responsible for the processing',
    'verantwortlicher', 'verantwortliche stelle', 'verantwortlich für die verarbeitung',
    'responsable du traitement',
    'responsable del tratamiento',
    'controlador é', 'identificação do controlador', 'encarregado',
    '個人情報取扱事業者', '个人信息处理者', '資料使用者',
  ],
  criteria: ['criteria used', 'critérios utilizados', 'kriterien', 'critères utilisés', 'criterios utilizados', '判断基準', '判断标准'],
}

/** Rightful's suggestion for one item: what the reply seems to say, and the words that made it say so. */
export type AnswerSuggestion = { readonly state: 'arrived' | 'missing'; readonly evidence: string | null }

/** Lower case, single spaces, straight apostrophes, at most `suggestionTextLimit` characters. */
function normalise(text: string): string {
  return text.slice(0, suggestionTextLimit).toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ')
}

/**
 * Suggests, for each item, whether the reply covers it: 'arrived' where its text uses a phrase of
 * the item's concept (or, for the copy, where it came with files), else 'missing'. No text and no
 * files: no suggestion at all.
 */
export function suggestAnswerItems(items: ReadonlyArray<AnswerItem>, reply: { readonly text: string; readonly files: ReadonlyArray<string> }): ReadonlyMap<string, AnswerSuggestion> {
  const text = normalise(reply.text)
  const result = new Map<string, AnswerSuggestion>()
  if (!text.trim() && reply.files.length === 0) return result
  for (const item of items) {
    const phrase = phrases[item.concept].find((p) => text.includes(p))
    if (phrase) result.set(item.id, { state: 'arrived', evidence: phrase })
    else if (item.concept === 'copy' && reply.files.length > 0) result.set(item.id, { state: 'arrived', evidence: reply.files[0]! })
    else result.set(item.id, { state: 'missing', evidence: null })
  }
  return result
}

/** The events that carry the company's answer: their notes are the reply's words, their files what came with it. */
const answerKinds: ReadonlySet<RequestEvent['kind']> = new Set(['reply-received', 'data-received', 'partially-fulfilled', 'completed', 'refused'])

/** The reply's words and files, gathered from the request's answer events (an .eml itself is not a file that came). */
export function replyOf(events: ReadonlyArray<RequestEvent>): { text: string; files: string[] } {
  const answers = activeEvents(events).filter((e) => answerKinds.has(e.kind))
  let text = ''
  for (const e of answers) {
    if (text.length >= suggestionTextLimit) break
    if (e.note) text += `${e.note}\n`
  }
  const files = answers.flatMap((e) => e.attachments.map((a) => a.name)).filter((name) => !/\.eml$/i.test(name))
  return { text: text.slice(0, suggestionTextLimit), files }
}

/** Whether a request's answer can be checked: an access request that got data back (in full or in part). */
export function canCheckAnswer(record: { readonly type: string; readonly sent: unknown; readonly events: ReadonlyArray<RequestEvent> }): boolean {
  return (
    record.type === 'access' &&
    record.sent !== null &&
    activeEvents(record.events).some((e) => e.kind === 'data-received' || e.kind === 'partially-fulfilled')
  )
}

/** One row of the checklist as the hosts show it. */
export type AnswerCheckRow = {
  readonly id: string
  readonly concept: AnswerConcept
  /** The provision, in English (letters cite it in their own language). */
  readonly cite: string
  /** The provision as each language the law is written in cites it ("Art. 15 Abs. 1 lit. a DSGVO"), for a host to pick its own. */
  readonly cites: AnswerItem['cite']
  readonly state: AnswerState | null
  readonly by: TickSource | null
  readonly at: string | null
  readonly suggestion: AnswerSuggestion | null
}

export type AnswerCheckView = {
  readonly reference: string
  readonly law: Law
  /** The day the data came (the latest data-received or partly-fulfilled event). */
  readonly answeredOn: string | null
  readonly rows: ReadonlyArray<AnswerCheckRow>
  /** The ids ticked missing, in the order of the law. */
  readonly missing: ReadonlyArray<string>
}

/** The checklist of a request: the law's items, the user's ticks and Rightful's suggestions. */
export function answerCheckView(record: {
  readonly reference: string
  readonly law: Law
  readonly events: ReadonlyArray<RequestEvent>
  readonly answerCheck: AnswerCheck | null
}): AnswerCheckView {
  const items = answerItemsUnder(record.law)
  const ticks = new Map((record.answerCheck?.law === record.law ? record.answerCheck.ticks : []).map((t) => [t.id, t]))
  const suggestions = suggestAnswerItems(items, replyOf(record.events))
  const answered = [...activeEvents(record.events)].reverse().find((e) => e.kind === 'data-received' || e.kind === 'partially-fulfilled')
  const rows = items.map((item): AnswerCheckRow => {
    const tick = ticks.get(item.id)
    return { id: item.id, concept: item.concept, cite: item.cite.en, cites: item.cite, state: tick?.state ?? null, by: tick?.by ?? null, at: tick?.at ?? null, suggestion: suggestions.get(item.id) ?? null }
  })
  return { reference: record.reference, law: record.law, answeredOn: answered?.on ?? null, rows, missing: rows.filter((r) => r.state === 'missing').map((r) => r.id) }
}

/** A change the user makes: an item's new state (null clears the tick), and whether it confirms Rightful's suggestion. */
export const answerTickInputSchema = z.strictObject({
  id: itemIdSchema,
  state: z.enum(answerStates).nullable(),
  confirmsSuggestion: z.boolean().default(false),
})
export type AnswerTickInput = z.input<typeof answerTickInputSchema>

export { answerConcepts }
