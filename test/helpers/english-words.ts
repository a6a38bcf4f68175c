/**
 * The detector of English left in a rendering in another UI language (issue 13), shared by the
 * tests of the request page's words (test/core/explanation-language.test.ts) and of the CLI's
 * output (test/cli/ui-lang-output-cli.test.ts): a rendering still carries English when it shares a
 * Latin-script word of five letters or more with the English rendering, names and cognates aside.
 */
import type { UiLanguage } from '../../electron/core/messages/ui-languages'

/**
 * Names that stay as they are in every language: places, laws and their citations, people's names
 * in holidays, and holidays the data names in their own language in English too. Each is removed
 * (case-sensitively) from a rendering before its words are compared, as is a time zone's id.
 */
export const allowedNames: ReadonlyArray<string> = [
  // Places.
  'Canada', 'Ontario', 'Quebec', 'Victoria', 'Queensland', 'Virginia', 'Colorado', 'Connecticut', 'Texas', 'California', 'Saskatchewan', 'Melbourne', 'Canberra',
  'Columbia', 'São Paulo', 'Zürich', 'Delaware', 'Adelaide',
  // Laws, codes and authorities as cited in every language (their own names and abbreviations).
  'GB/T 35273-2020', 'Reg. 1182/71', 'Interpretation Act', 'Acts Interpretation Act 1901', 'Interpretation and General Clauses Ordinance',
  'Data (Use and Access) Act 2025', 'Data Protection Act 2018', 'Tex. Gov’t Code', 'Tex. Bus. & Com. Code', 'Civ. Code', 'Va. Code',
  'Commission d’accès à l’information', 'PIPEDA', 'VCDPA', 'Principle', 'Rule',
  // People and events in holidays' names.
  'Martin Luther King', 'Washington', 'Lincoln', 'César Chávez', 'Frances Xavier Cabrini', 'Juneteenth', 'Anzac', 'Qingming',
  // Holidays the data names in English with their own language's name.
  'Revolução Constitucionalista', 'Fiesta Nacional de España', 'Día de la Constitución Española', 'Bundesfeiertag', 'Jeûne Genevois', 'Fête nationale', '2 Janvier', 'Corpus Christi', 'Carnaval',
  // The product and the holiday data it names.
  'Rightful', 'date-holidays',
]

/** Words a language writes as English does (months, cognates, country names), per language. */
export const sameInLanguage = new Map<UiLanguage, ReadonlySet<string>>([
  ['de', new Set(['status', 'online', 'tracking', 'streaming', 'april', 'august', 'september', 'november', 'still', 'japan', 'england', 'wales', 'organisation', 'victoria', 'south', 'western', 'australia', 'northern', 'territory', 'british', 'columbia', 'prince', 'edward', 'island', 'scotia', 'brunswick', 'yukon', 'alberta', 'manitoba', 'nunavut'])],
  ['fr', new Set(['question', 'table', 'correction', 'confirmation', 'diligence', 'organisation', 'civil', 'france', 'rectification', 'victoria', 'alberta', 'manitoba', 'nunavut', 'yukon', 'queensland', 'tasmanie', 'canton', 'agent', 'proclamation'])],
  ['es', new Set(['legal', 'examine', 'postal', 'sector', 'china', 'civil', 'australia', 'tasmania', 'alberta', 'manitoba', 'nunavut', 'victoria'])],
  ['zh-Hans', new Set()],
  ['zh-Hant', new Set()],
])

/** A time zone's id ("Europe/Berlin"), the same in every language. */
export const timeZoneId = /\b[A-Z][a-z]+\/[A-Za-z_]+\b/g

/** Latin-script words of five letters or more, lower-cased. */
export function longWords(text: string): Set<string> {
  let rest = text.replace(timeZoneId, ' ')
  for (const name of allowedNames) rest = rest.split(name).join(' ')
  return new Set((rest.match(/\p{Script=Latin}{5,}/gu) ?? []).map((w) => w.toLowerCase()))
}
