/**
 * A template's text previewed as a draft for one company: the person's own details where a
 * profile is saved, a sample person's otherwise, and sample facts for everything a real request
 * would fill in (reference, identifiers, the original request of a follow-up).
 */
import { addressLines, type Profile } from '../profile/profile'
import type { CompanyView } from '../catalog/schema'
import type { Templates } from '../templates/templates'
import type { Law } from '../shared/kinds'
import type { Language } from './model'
import { templateView } from './draft-view'

/** Who a preview is written for when no profile is saved yet. */
const samplePerson = { name: 'Alex Example', email: 'alex@example.org', address: ['1 Example Street', 'Exampletown'] }

/**
 * Renders `text` (a template's source) under `law` for `company`. A complaint is previewed to the
 * first authority the language has its own words for; `authorityName` names it (null: unknown).
 */
export function previewTemplate(
  request: { readonly text: string; readonly law: Law; readonly company: CompanyView; readonly profile: Profile | null; readonly today: string },
  templates: Templates,
  authorityName: (id: string) => string | null,
): { subject: string; body: string } {
  const { text, law, company, profile, today } = request
  const user = profile ? { name: profile.name, email: profile.email, address: addressLines(profile) } : samplePerson
  const year = today.slice(0, 4)
  const sampleAuthority = (lang: Language) => {
    const id = templates.strings(lang).authorities.keys().next().value
    const name = id ? authorityName(id) : null
    return id && name !== null ? { authorityName: name, authorityId: id } : null
  }
  const { subject, body } = templates.renderText(text, law, (lang) =>
    templateView({
      reference: `RF-${year}-0000`,
      today,
      lang,
      companyName: company.name,
      user,
      identifiers: 'Customer number 12345',
      text: 'Please tell me which newsletters I am subscribed to.',
      authorityName: 'The supervisory authority',
      ...sampleAuthority(lang),
      original: { reference: `RF-${year}-0001`, subject: 'Data protection query: access request', sentOn: today, channel: 'email', to: company.privacyEmail, due: today, events: [] },
      strings: templates.strings(lang),
    }),
  )
  return { subject, body }
}
