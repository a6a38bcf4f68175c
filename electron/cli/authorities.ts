/** `rightful authorities list`: the supervisory authorities complaints go to. */
import type { Command } from 'commander'
import { laws } from '../core/requests/model'
import type { UiLanguage } from '../core/messages/ui-languages'
import { group, jsonOption, leaf, oneOf, outWords, unwrap, usage, type CliContext, type Finish } from './shared'

/**
 * An authority's name for a reader: in English its English name, as the list has always shown it;
 * in another language its official name where the reader's language is one of the authority's or
 * the name is in Latin script (as a complaint names it), else its English name.
 */
function nameFor(authority: { readonly name: string; readonly nameEn: string; readonly languages: ReadonlyArray<string> }, ui: UiLanguage): string {
  if (ui === 'en') return authority.nameEn
  const latin = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}'’]+$/u.test(authority.name)
  return authority.languages.includes(ui.split('-')[0]!) || latin ? authority.name : authority.nameEn
}

/** Registers `authorities` and its command. */
export function registerAuthorities(program: Command, ctx: CliContext, finish: Finish): void {
  const authorities = group(program, 'authorities', 'authorities', (sub) => `Unknown command "authorities ${sub ?? ''}": use \`authorities list\`.`)
  const options = { law: { type: 'string', value: 'law', help: 'law' }, country: { type: 'string', value: 'CC or CC-REGION', help: 'country' }, ...jsonOption } as const
  leaf(authorities, finish, { name: 'list', summary: 'authoritiesList', options }, async (values) => {
    const law = values.law === undefined ? undefined : oneOf(values.law, 'law', laws)
    const place = values.country?.toUpperCase()
    if (place !== undefined && !/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(place)) throw usage('countryOrRegion', { value: values.country! })
    const covers = (regions: ReadonlyArray<string>) =>
      place === undefined || regions.some((r) => r === place || (place.includes('-') ? r === place.slice(0, 2) : r.startsWith(`${place}-`)))
    const all = unwrap(await ctx.makeApi().call('authorities:list', {}))
    const found = all.filter((a) => (law === undefined || a.laws.includes(law)) && covers(a.regions))
    const text = found.length
      ? found.map((a) => `${a.id.padEnd(16)} ${(a.acronym ?? '').padEnd(14)} ${a.regions.join(',').padEnd(8)} ${a.laws.join(',').padEnd(8)} ${nameFor(a, ctx.ui)}${a.verified ? '' : `  ${outWords(ctx.ui, '(unverified)', 'authorities.unverified')}`}`).join('\n')
      : outWords(ctx.ui, 'No authority matches.', 'authorities.none')
    return { json: found, text }
  })
}
