/**
 * The deadline chart's words that depend on the request: month ticks and the marks' tooltips, in
 * the window's language (namespace `chart`). English reads exactly as chart-layout.ts labels them.
 */
import type { TFunction } from 'i18next'
import { assertNever } from '@core/shared/assert-never'
import { currentLanguage, currentLocale } from '../../i18n/i18n'
import { formatDate } from '../../ui/format'
import type { ChartMark, ChartRow, ChartTick } from './chart-layout'

/** The words of the chart ("chart" namespace, in the window's language). */
export type ChartT = TFunction<'chart'>

/** Month formatters per locale ("Feb", "Feb 2026"; "févr.", "2月"), made once. */
const monthFormats = new Map<string, { month: Intl.DateTimeFormat; monthYear: Intl.DateTimeFormat }>()

/** A tick's label in the window's language; English keeps the layout's own ("Feb", "Jan 2027"). */
export function tickLabel(tick: ChartTick): string {
  if (currentLanguage() === 'en') return tick.label
  const locale = currentLocale()
  let formats = monthFormats.get(locale)
  if (!formats) {
    formats = {
      month: new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
      monthYear: new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    }
    monthFormats.set(locale, formats)
  }
  return (tick.newYear ? formats.monthYear : formats.month).format(new Date(`${tick.date}T00:00:00Z`))
}

/**
 * A mark's tooltip, with what the layout knows of it ("ID details requested (provided 3 February
 * 2026) · 2 February 2026"), from the request's facts, in the window's language.
 */
export function markTitle(mark: ChartMark, row: ChartRow, t: ChartT): string {
  const { facts } = row.item
  const date = formatDate(mark.date)
  const what = ((): string => {
    switch (mark.kind) {
      case 'question': {
        const identity = facts.identity.find((e) => e.requestedOn === mark.date)
        if (identity) return identity.providedOn ? t('mark.identityProvided', { date: formatDate(identity.providedOn) }) : t('mark.identity')
        const question = facts.clarifications.find((e) => e.askedOn === mark.date)
        return question?.answeredOn ? t('mark.questionAnswered', { date: formatDate(question.answeredOn) }) : t('mark.question')
      }
      case 'reply':
        return mark.date === facts.partlyFulfilledOn ? t('mark.partly') : t('mark.reply')
      case 'extension':
        return facts.extension?.until ? t('mark.extensionUntil', { date: formatDate(facts.extension.until) }) : t('mark.extension')
      case 'completed':
        return facts.closed?.kind === 'data-received' ? t('mark.dataReceived') : t('mark.completed')
      case 'delivered':
      case 'acknowledged':
      case 'reminder':
      case 'refused':
      case 'abandoned':
      case 'complaint-filed':
      case 'due':
      case 'benchmark':
        return t(`mark.${mark.kind}`)
      default:
        return assertNever(mark.kind)
    }
  })()
  return `${what} · ${date}`
}
