/**
 * The phrases that tell what a company's reply is, in the five languages Rightful writes in. Each
 * rule is a regular expression over the reply's own words (quotes of the request removed), lower
 * case, with straight apostrophes and single spaces. `weight` is how sure a match makes Rightful:
 * a whole sentence that only this kind of reply contains is strong (0.85), a single word is weak.
 * Pure data; classify.ts applies it.
 */

/** What Rightful may suggest a reply is. 'reply-received' means: a reply, of no kind it knows. */
export const replyKinds = [
  'acknowledged',
  'identity-requested',
  'clarification-asked',
  'extension-claimed',
  'data-received',
  'partially-fulfilled',
  'refused',
  'completed',
  'bounce',
  'reply-received',
] as const
export type ReplyKind = (typeof replyKinds)[number]

export type RuleLanguage = 'en' | 'de' | 'fr' | 'es' | 'zh'

export type ClassificationRule = {
  readonly kind: Exclude<ReplyKind, 'bounce' | 'reply-received'>
  readonly lang: RuleLanguage
  readonly pattern: RegExp
  readonly weight: number
}

const strong = 0.85
const good = 0.7
const weak = 0.5

type RuleTable = Record<ClassificationRule['kind'], Partial<Record<RuleLanguage, ReadonlyArray<readonly [RegExp, number]>>>>

const table: RuleTable = {
  acknowledged: {
    en: [
      [/\bwe (have|'ve) (now )?received your (request|e-?mail|message|letter)/, strong],
      [/\b(this is to )?(confirm|acknowledge) (the )?receipt of your (request|e-?mail|message|letter)/, strong],
      [/\byour (request|e-?mail|message) has been received\b/, strong],
      [/\bthank you for (your|contacting)\b.{0,60}\bwe will (respond|reply|get back to you|be in touch)/, good],
      [/\bwe will (respond|reply|get back to you) (to you )?(within|as soon as|shortly)/, good],
      [/\b(ticket|case|reference) (number|no\.?|#|id)\s*(?:[:#]\s*)?[a-z0-9-]{3,}/, weak],
      [/\b(we are|we're) (now )?(processing|looking into|reviewing) your request\b/, good],
    ],
    de: [
      [/\bwir haben ihre (anfrage|e-?mail|nachricht|anforderung|ihr schreiben|ihren antrag)\b.{0,40}\berhalten\b/, strong],
      [/\b(bestätigen|bestätige) (hiermit |ihnen )?(den )?eingang\b/, strong],
      [/\beingangsbestätigung\b/, strong],
      [/\bihre (anfrage|nachricht|e-?mail) ist (bei uns )?eingegangen\b/, strong],
      [/\bvielen dank für ihre (anfrage|nachricht|e-?mail)\b/, weak],
      [/\bwir werden (uns )?(innerhalb|schnellstmöglich|zeitnah|in kürze)\b.{0,60}\b(melden|antworten|bearbeiten|beantworten)\b/, good],
      [/\b(ticket|vorgangs|fall)nummer\b/, weak],
    ],
    fr: [
      [/\bnous avons (bien )?reçu votre (demande|courriel|e-?mail|message|courrier)/, strong],
      [/\baccus(ons|é) (bonne )?réception\b/, strong],
      [/\baccusé de réception\b/, strong],
      [/\bvotre demande a (bien )?été (reçue|enregistrée|prise en compte)/, strong],
      [/\bnous reviendrons vers vous\b/, good],
      [/\bmerci pour votre (demande|message|courriel)\b/, weak],
    ],
    es: [
      [/\bhemos recibido (correctamente )?su (solicitud|petición|correo|mensaje|escrito)/, strong],
      [/\bacusamos recibo\b/, strong],
      [/\bacuse de recibo\b/, strong],
      [/\bsu (solicitud|petición) (ha sido|fue) (recibida|registrada)/, strong],
      [/\bnos pondremos en contacto (con usted )?/, good],
      [/\bgracias por (su|contactar)\b/, weak],
    ],
    zh: [
      [/已(经)?收到(您|你)的(请求|申请|邮件|来信|信息)/, strong],
      [/我们已收到/, strong],
      [/已受理/, strong],
      [/(我们)?(会|将)(尽快|在.{1,12}内)(回复|处理|答复)/, good],
      [/感谢您的(来信|邮件|请求)/, weak],
    ],
  },
  'identity-requested': {
    en: [
      [/\b(verify|confirm|validate|authenticate) your identity\b/, strong],
      [/\b(proof|evidence) of (your )?identity\b/, strong],
      [/\bcopy of (a |your )?(passport|id card|identity card|driver'?s licen[cs]e|photo id|government[- ]issued id)/, strong],
      [/\b(identity|identification) (document|verification)\b/, good],
      [/\bverification (of your identity|process|link|code)\b/, good],
      [/\bwe need (some )?(additional |more )?information to (identify|locate) you\b/, good],
    ],
    de: [
      [/\bidentität\b.{0,40}\b(bestätigen|verifizieren|nachweisen|prüfen|überprüfen|feststellen)/, strong],
      [/\bidentitätsnachweis\b/, strong],
      [/\b(kopie|scan) (ihres|eines) (personalausweises|ausweises|ausweisdokuments|reisepasses|lichtbildausweises)/, strong],
      [/\bausweiskopie\b/, strong],
      [/\b(identitätsprüfung|legitimation|verifizierung)\b/, good],
    ],
    fr: [
      [/\b(vérifier|confirmer|justifier|attester) (de )?votre identité\b/, strong],
      [/\bjustificatif d'identité\b/, strong],
      [/\bpièce d'identité\b/, strong],
      [/\bcopie (de votre|d'une) (carte d'identité|passeport|pièce d'identité)/, strong],
      [/\bvérification (de votre identité|d'identité)\b/, strong],
    ],
    es: [
      [/\b(verificar|acreditar|confirmar|comprobar) su identidad\b/, strong],
      [/\bcopia de su (dni|documento (nacional )?de identidad|pasaporte|nie)\b/, strong],
      [/\bdocumento (acreditativo|de identidad|identificativo)\b/, good],
      [/\bverificación de (su )?identidad\b/, strong],
    ],
    zh: [
      [/(验证|核实|核验|确认)(您|你)的身份/, strong],
      [/身份(验证|核实|证明|核验)/, strong],
      [/身份证(复印件|照片|扫描件)?/, good],
    ],
  },
  'clarification-asked': {
    en: [
      [/\b(could|can) you (please )?(clarify|specify|tell us (more|which))\b/, good],
      [/\bplease (clarify|specify) (which|what|the)\b/, good],
      [/\bwe need (more|further|additional) (details|information) (about|on|regarding) your request\b/, good],
    ],
    de: [
      [/\b(präzisieren|konkretisieren)\b/, good],
      [/\bbitte teilen sie uns mit,? (welche|auf welche|was)\b/, good],
    ],
    fr: [
      [/\b(préciser|clarifier) (votre demande|quelles|quels|les)\b/, good],
    ],
    es: [
      [/\b(precisar|aclarar|especificar) (su solicitud|qué|cuáles|los)\b/, good],
    ],
    zh: [[/请(说明|明确|具体说明|补充说明)/, good]],
  },
  'extension-claimed': {
    en: [
      [/\b(extend|extending|extended) (the )?(period|deadline|time( limit)?|response time)\b/, strong],
      [/\bextension of (the )?(time|deadline|period|response period)\b/, strong],
      [/\b(a further|an additional|additional|a further two|two further|two additional) (two )?months\b/, good],
      [/\barticle 12\s*\(3\)/, good],
      [/\bwe (will )?need (more|additional|further) time\b/, good],
    ],
    de: [
      [/\b(frist|bearbeitungsfrist|antwortfrist)\b.{0,40}\bverlänger/, strong],
      [/\bfristverlängerung\b/, strong],
      [/\bverlängerung der (frist|bearbeitungsfrist)\b/, strong],
      [/\bum (weitere )?zwei (weitere )?monate\b/, good],
      [/\bart\.? 12 abs\.? 3\b/, good],
    ],
    fr: [
      [/\bprolong(er|ation|é)\b.{0,30}\bdélai\b/, strong],
      [/\bdélai\b.{0,30}\bprolongé\b/, strong],
      [/\bprorogation\b/, strong],
      [/\bdeux mois supplémentaires\b/, good],
      [/\bdélai supplémentaire\b/, good],
    ],
    es: [
      [/\b(ampliar|prorrogar|extender)\b.{0,20}\bplazo\b/, strong],
      [/\b(ampliación|prórroga|extensión) del plazo\b/, strong],
      [/\bdos meses (adicionales|más)\b/, good],
    ],
    zh: [
      [/延长.{0,6}(期限|时间|时限)/, strong],
      [/(需要|需)更多(的)?时间/, good],
      [/延期(答复|回复|处理)/, strong],
    ],
  },
  'data-received': {
    en: [
      [/\b(please find|you will find|attached (is|are|you will find)|enclosed (is|are|please find))\b.{0,60}\b(copy of |all )?(your|the) (personal )?(data|information)\b/, strong],
      [/\b(copy|export|archive|download) of (all )?your (personal )?(data|information)\b/, good],
      [/\byour (data|information) (export|archive|file|copy) is (ready|attached|available)\b/, strong],
      [/\b(download (link|your data)|link to download)\b/, good],
      [/\bhere is (a copy of )?(the|your) (personal )?(data|information)\b/, strong],
    ],
    de: [
      [/\b(anbei|im anhang|in der anlage|beigefügt)\b.{0,60}\b(ihre|die|eine) (personenbezogenen )?(daten|auskunft|kopie|datenkopie|übersicht)\b/, strong],
      [/\bkopie ihrer (personenbezogenen )?daten\b/, good],
      [/\b(datenauskunft|datenkopie|datenexport)\b/, good],
      [/\bauskunft (gemäß|nach|gem\.) art\.? 15\b/, good],
    ],
    fr: [
      [/\b(ci-joint|ci-jointe|en pièce jointe|vous trouverez ci-joint)\b.{0,60}\b(vos|les|une copie de vos) données\b/, strong],
      [/\bcopie de vos données( personnelles| à caractère personnel)?\b/, good],
      [/\bexport de vos données\b/, good],
    ],
    es: [
      [/\b(adjunto|adjuntamos|encontrará adjunt[ao]s?|le remitimos|le enviamos)\b.{0,60}\b(sus|los) datos\b/, strong],
      [/\bcopia de sus datos( personales)?\b/, good],
    ],
    zh: [
      [/(附件|附上|随附).{0,10}(您|你)的(个人)?(数据|信息)/, strong],
      [/(个人信息|数据)副本/, good],
      [/请查收附件/, good],
      [/数据导出/, good],
    ],
  },
  'partially-fulfilled': {
    en: [[/\b(part of|some of) (your|the requested) (data|information)\b.{0,80}\b(will follow|later|separately)\b/, good]],
    de: [[/\b(teil|teilweise)\b.{0,40}\b(auskunft|daten)\b.{0,60}\b(folgt|folgen|nachreichen)\b/, good]],
    fr: [[/\b(une partie|partiellement)\b.{0,60}\b(suivra|ultérieurement)\b/, good]],
    es: [[/\b(parte de|parcialmente)\b.{0,60}\b(más adelante|posteriormente)\b/, good]],
    zh: [[/部分(数据|信息).{0,20}(稍后|随后)/, good]],
  },
  refused: {
    en: [
      [/\b(we are |we're )?(unable|not able|not in a position) to (comply|fulfil|fulfill|process|action|grant|honou?r)\b.{0,20}\b(with )?(your|this) request\b/, strong],
      [/\bwe (must|have to|will have to) (decline|refuse|reject)\b/, strong],
      [/\byour request (has been|is) (declined|refused|rejected|denied)\b/, strong],
      [/\bmanifestly unfounded\b/, strong],
      [/\b(manifestly )?excessive\b/, weak],
      [/\b(an )?exemption applies\b/, good],
      [/\bwe (cannot|can't|can not) (comply|fulfil|fulfill|grant|process)\b/, good],
    ],
    de: [
      [/\b(können|kann) (wir )?(ihrer anfrage|ihrem antrag|ihrem ersuchen|ihrem anliegen|dem antrag)\b.{0,20}\bnicht (nachkommen|entsprechen|stattgeben)/, strong],
      [/\bnicht (nachkommen|entsprechen|stattgeben)\b/, good],
      [/\blehnen (wir )?(ihre anfrage|ihren antrag|ihr ersuchen)\b.{0,20}\bab\b/, strong],
      [/\bablehnung\b/, good],
      [/\boffenkundig unbegründet\b/, strong],
      [/\bexzessiv\b/, weak],
    ],
    fr: [
      [/\b(ne pouvons pas|ne sommes pas en mesure de|ne pourrons pas) (donner suite|répondre favorablement|satisfaire|faire droit)\b/, strong],
      [/\b(refusons|rejetons)\b/, strong],
      [/\b(refus|rejet) de votre demande\b/, strong],
      [/\bmanifestement infondée\b/, strong],
      [/\bexcessive\b/, weak],
    ],
    es: [
      [/\bno (podemos|es posible|nos es posible) (atender|tramitar|satisfacer|acceder a|dar curso a)\b/, strong],
      [/\b(denegar|denegamos|rechazamos|desestimamos)\b/, strong],
      [/\bsu solicitud (ha sido|fue) (denegada|rechazada|desestimada)\b/, strong],
      [/\bmanifiestamente infundada\b/, strong],
      [/\bexcesiva\b/, weak],
    ],
    zh: [
      [/无法(满足|处理|受理|执行|完成)(您|你)的(请求|申请|要求)/, strong],
      [/不予(受理|处理|支持)/, strong],
      [/拒绝(您|你)的(请求|申请|要求)/, strong],
      [/拒绝/, weak],
    ],
  },
  completed: {
    en: [
      [/\b(your request|it) has (now )?been (completed|fulfilled|actioned|processed)\b/, strong],
      [/\bwe have (now )?(deleted|erased|removed|anonymi[sz]ed) (all )?(of )?your (personal )?(data|account|information|details)\b/, strong],
      [/\byour (personal )?(data|account|information|details) (has|have) (now )?been (deleted|erased|removed|anonymi[sz]ed)\b/, strong],
      [/\bwe (do not|don't|did not|didn't) (hold|have|store|process|find) any (personal )?(data|information|records)\b/, strong],
      [/\b(opted out|unsubscribed|removed from (our|all) (mailing|marketing) lists?)\b/, good],
      [/\bthis (request|case|ticket) (is now|has been) closed\b/, good],
    ],
    de: [
      [/\b(ihre (personenbezogenen )?daten|ihr (kunden)?konto)\b.{0,30}\b(wurden?|sind|ist) (vollständig |nun |jetzt )?(gelöscht|entfernt|anonymisiert)/, strong],
      [/\bwir haben ihre (personenbezogenen )?(daten|angaben)\b.{0,30}\b(gelöscht|entfernt|anonymisiert)/, strong],
      [/\blöschung\b.{0,30}\b(durchgeführt|abgeschlossen|vorgenommen|erfolgt)/, strong],
      [/\b(keine|keinerlei) (personenbezogenen )?daten\b.{0,30}\b(über sie|zu ihrer person|von ihnen)\b/, strong],
      [/\bihre anfrage (ist|wurde) (nun |damit )?(abgeschlossen|erledigt|bearbeitet)\b/, good],
    ],
    fr: [
      [/\b(vos données|votre compte)\b.{0,30}\b(ont|a) été (supprimées?|effacées?|anonymisées?)\b/, strong],
      [/\bnous avons (bien )?(supprimé|effacé|anonymisé)\b/, strong],
      [/\b(aucune donnée|nous ne détenons aucune donnée|aucune information) (personnelle )?vous concernant\b/, strong],
      [/\bvotre demande a été (traitée|clôturée|exécutée)\b/, good],
    ],
    es: [
      [/\b(sus datos|su cuenta)\b.{0,30}\b(han|ha) sido (eliminad|suprimid|borrad|anonimizad)[ao]s?\b/, strong],
      [/\bhemos (eliminado|suprimido|borrado|anonimizado)\b/, strong],
      [/\bno (disponemos|tenemos|tratamos) (de )?(ningún dato|datos|ninguna información)\b/, strong],
      [/\bsu solicitud (ha sido|fue) (completada|tramitada|atendida|resuelta)\b/, good],
    ],
    zh: [
      [/已(经)?(删除|注销|清除)(了)?(您|你)的/, strong],
      [/(您|你)的(个人)?(信息|数据|账户|账号)已(被|经)?(删除|注销|清除)/, strong],
      [/没有(您|你|关于您)的(任何)?(个人)?(信息|数据)/, strong],
      [/已(处理完毕|办理完成|完成处理)/, good],
    ],
  },
}

export const classificationRules: ReadonlyArray<ClassificationRule> = Object.entries(table).flatMap(([kind, byLang]) =>
  Object.entries(byLang).flatMap(([lang, rules]) =>
    (rules ?? []).map(([pattern, weight]) => ({ kind: kind as ClassificationRule['kind'], lang: lang as RuleLanguage, pattern, weight })),
  ),
)

/** When two kinds score alike, the one that asks more of the user wins. */
export const kindPriority: ReadonlyArray<ClassificationRule['kind']> = [
  'refused',
  'identity-requested',
  'clarification-asked',
  'extension-claimed',
  'data-received',
  'partially-fulfilled',
  'completed',
  'acknowledged',
]
