/** The words printed around a letter's data, in the letter's language. */
import type { Language } from '../shared/kinds'

export type LetterLabels = {
  /** Above the request reference in the information block. */
  readonly reference: string
  readonly date: string
  /** Above the sender's e-mail address. */
  readonly email: string
  /** The page count in the footer of a letter of more than one page. */
  readonly page: (n: number, of: number) => string
  /** The heading of the list of enclosures, for `count` of them. */
  readonly enclosures: (count: number) => string
}

const labels: Record<Language, LetterLabels> = {
  en: {
    reference: 'Reference',
    date: 'Date',
    email: 'E-mail',
    page: (n, of) => `Page ${n} of ${of}`,
    enclosures: (count) => (count === 1 ? 'Enclosure:' : 'Enclosures:'),
  },
  de: {
    reference: 'Unser Zeichen',
    date: 'Datum',
    email: 'E-Mail',
    page: (n, of) => `Seite ${n} von ${of}`,
    enclosures: (count) => (count === 1 ? 'Anlage:' : 'Anlagen:'),
  },
  fr: {
    reference: 'Notre référence',
    date: 'Date',
    email: 'Courriel',
    page: (n, of) => `Page ${n} sur ${of}`,
    // French puts a (no-break) space before the colon.
    enclosures: (count) => (count === 1 ? 'Pièce jointe\u00a0:' : 'Pièces jointes\u00a0:'),
  },
  es: {
    reference: 'Nuestra referencia',
    date: 'Fecha',
    email: 'Correo electrónico',
    page: (n, of) => `Página ${n} de ${of}`,
    enclosures: (count) => (count === 1 ? 'Anexo:' : 'Anexos:'),
  },
  pt: {
    reference: 'Nossa referência',
    date: 'Data',
    email: 'E-mail',
    page: (n, of) => `Página ${n} de ${of}`,
    enclosures: (count) => (count === 1 ? 'Anexo:' : 'Anexos:'),
  },
  ja: {
    reference: '整理番号',
    date: '日付',
    email: 'メール',
    page: (n, of) => `${n} / ${of} ページ`,
    enclosures: () => '同封書類：',
  },
  'zh-Hans': {
    reference: '编号',
    date: '日期',
    email: '电子邮件',
    page: (n, of) => `第${n}页，共${of}页`,
    enclosures: () => '附件：',
  },
  'zh-Hant': {
    reference: '編號',
    date: '日期',
    email: '電郵',
    page: (n, of) => `第${n}頁，共${of}頁`,
    enclosures: () => '附件：',
  },
}

export function letterLabels(lang: Language): LetterLabels {
  return labels[lang]
}
