/**
 * Places inside a sentence, as each language says them. A sentence never glues a preposition to a
 * place's name ("en Berlin", "in Niederlande"): it takes the whole phrase, written per place in the
 * resources (`place.in.<code>`: "in the Netherlands", "in den Niederlanden", "aux Pays-Bas",
 * "à Berlin", "en el País Vasco"; in Chinese the name alone, the sentence has its own 在/于), and
 * a region's name from `place.region.<code>`. A country the resources do not list falls back to
 * its name from Intl inside a phrase each language can say whatever the name
 * (`place.inCountry`). Pure data lookups: both hosts render the messages.
 */
import { ownValue } from '../shared/own-keys'
import { message, type Message } from '../shared/message'
import { coreResources, type MessageResource } from './resources'

const englishPlaces = coreResources.get('en')!.place as MessageResource
const phrases = englishPlaces.in as MessageResource
const regions = englishPlaces.region as MessageResource

/** Whether the resources write this place's locative phrase (a country, a region, or "eea"). */
export function hasPlacePhrase(code: string): boolean {
  return typeof ownValue(phrases, code) === 'string'
}

/** "in Bavaria" / "in Bayern" / "en Bavière": the place as a sentence says where something is. */
export function inPlace(code: string): Message {
  return hasPlacePhrase(code) ? message(`place.in.${code}`) : message('place.inCountry', { country: code })
}

/** Whether the resources name this region on its own (`place.region.<code>`). */
export function hasRegionName(code: string): boolean {
  return typeof ownValue(regions, code) === 'string'
}

/** The place's name on its own ("Bavaria", "die Niederlande" as Intl names it): a region from the resources, else a country by Intl. */
export function placeNamed(code: string): Message {
  return typeof ownValue(regions, code) === 'string' ? message(`place.region.${code}`) : message('place.country', { country: code })
}
