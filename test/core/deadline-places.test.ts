/**
 * Where a deadline's public holidays come from, said as each language says a place (issue 13,
 * messages/places.ts): "in the Netherlands", "in den Niederlanden", "aux Pays-Bas", never "of
 * Netherlands". Over every country and region the holiday table knows, in every UI language.
 */
import { describe, expect, it } from 'vitest'
import holidayPlaces from '../../electron/core/deadlines/holiday-places.json'
import { holidaysMessages, periodMessage, placeMessage } from '../../electron/core/deadlines/explain-messages'
import { computeDeadline } from '../../electron/core/deadlines/engine'
import { holidayCalendar, withCanadianFederalHolidays } from '../../electron/core/deadlines/holidays'
import { hasPlacePhrase, inPlace } from '../../electron/core/messages/places'
import { renderMessage } from '../../electron/core/messages/render'
import { uiLanguages } from '../../electron/core/messages/ui-languages'

type Place = { readonly name: string; readonly regions?: ReadonlyArray<readonly [string, string]> }
// Each country is kept as its own JSON text (holidays.ts parses it on first use).
const countries = Object.entries(holidayPlaces.countries as Record<string, string>).map(([code, text]) => [code, JSON.parse(text) as Place] as const)

/** Every jurisdiction of the table: each country, and each of its regions. */
const jurisdictions = countries.flatMap(([country, place]) => [
  { country, region: null as string | null, name: place.name },
  ...(place.regions ?? []).filter(([code]) => /^[A-Za-z0-9]{1,3}$/.test(code)).map(([code, name]) => ({ country, region: code as string | null, name })),
])

describe('the place of a deadline’s public holidays', () => {
  it('covers every country and region of the holiday table', () => {
    expect(countries.length).toBeGreaterThan(200)
    expect(jurisdictions.length).toBeGreaterThan(500)
  })

  it('is said as a place in a sentence in every language, for every country and region', () => {
    const problems: string[] = []
    for (const j of jurisdictions) {
      const calendar = holidayCalendar({ country: j.country, region: j.region })
      const place = placeMessage(calendar)!
      const code = j.region ? `${j.country}-${j.region}` : j.country
      for (const language of uiLanguages) {
        const holidays = holidaysMessages(calendar, null).map((m) => renderMessage(m, language)).join(' ')
        const period = renderMessage(periodMessage({ unit: 'business-days', count: 10 }, calendar), language)
        const said = renderMessage(place, language)
        const where = `${language} ${code}`
        for (const text of [holidays, period]) {
          if (/\{\{|\}\}|place\.|deadline\./.test(text)) problems.push(`${where}: ${text}`)
          if (!text.includes(said)) problems.push(`${where}: ${text} lacks ${said}`)
        }
        // The resources' own phrase where they have one (a region's, else the country's inside it).
        const phrase = hasPlacePhrase(code) ? code : j.country
        if (hasPlacePhrase(phrase) && !said.includes(renderMessage(inPlace(phrase), language))) problems.push(`${where}: ${said}`)
        if (language === 'en') {
          if (/those of |holidays of /.test(holidays) || !/^Public holidays are those in /.test(holidays)) problems.push(`${where}: ${holidays}`)
          if (!/not counting public holidays in /.test(period)) problems.push(`${where}: ${period}`)
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([])
  })

  it('reads as the language says it, for a few places checked by hand', () => {
    const nl = holidayCalendar({ country: 'NL', region: null })
    const said = (calendar: ReturnType<typeof holidayCalendar>, language: (typeof uiLanguages)[number]) => holidaysMessages(calendar, null).map((m) => renderMessage(m, language)).join(' ')
    expect(said(nl, 'en')).toBe('Public holidays are those in the Netherlands.')
    expect(said(nl, 'de')).toBe('Es zählen die Feiertage in den Niederlanden.')
    expect(said(nl, 'fr')).toBe('Les jours fériés retenus sont ceux en vigueur aux Pays-Bas.')
    expect(said(nl, 'es')).toBe('Se cuentan los festivos en los Países Bajos.')
    expect(said(nl, 'zh-Hans')).toBe('公众假期按荷兰计算。')
    const bavaria = holidayCalendar({ country: 'DE', region: 'BY' })
    expect(said(bavaria, 'en')).toBe('Public holidays are those in Bavaria.')
    expect(said(bavaria, 'fr')).toBe('Les jours fériés retenus sont ceux en vigueur en Bavière.')
    // A region the resources do not name: after its country, with the holiday data's name.
    const guadeloupe = jurisdictions.find((j) => j.country === 'FR' && j.region !== null && !hasPlacePhrase(`FR-${j.region}`))!
    expect(said(holidayCalendar({ country: 'FR', region: guadeloupe.region }), 'de')).toBe(`Es zählen die Feiertage in Frankreich (${guadeloupe.name}).`)
    // PIPEDA: the province's and Canada's federal holidays.
    const ontario = withCanadianFederalHolidays(holidayCalendar({ country: 'CA', region: 'ON' }))
    expect(said(ontario, 'en')).toBe('Public holidays are those in Ontario, and Canada’s federal holidays (Interpretation Act, s. 35).')
    expect(said(ontario, 'zh-Hant')).toContain('安大略')
    expect(renderMessage(periodMessage({ unit: 'business-days', count: 10 }, ontario), 'de')).toBe('10 Werktage (Montag bis Freitag, ohne die Feiertage in Ontario sowie die gesetzlichen Feiertage des Bundes in Kanada (Interpretation Act, s. 35))')
  })

  it('is what the engine’s English explanation says', () => {
    const deadline = computeDeadline({ law: 'gdpr', type: 'access', jurisdiction: 'NL', receipt: { kind: 'received', on: '2026-04-24' } })
    expect(deadline.explanation).toContain('Public holidays are those in the Netherlands.')
    expect(deadline.explanation).not.toMatch(/holidays (?:are those )?of /)
    // A period in business days (the CCPA's opt-out) names the place the same way.
    const optOut = computeDeadline({ law: 'ccpa', type: 'opt-out', jurisdiction: 'US-CA', receipt: { kind: 'received', on: '2026-02-04' } })
    expect(optOut.explanation).toContain('15 business days (Monday to Friday, not counting public holidays in California)')
  })
})
