import type { CoreContext, HandlerMap } from '../context'
import { addressLines } from '../../profile/profile'
import { templateView } from '../../requests/draft-view'

/** Who a preview is written for when no profile is saved yet. */
const samplePerson = { name: 'Alex Example', email: 'alex@example.org', address: ['1 Example Street', 'Exampletown'] }

export function templateHandlers(ctx: CoreContext): HandlerMap {
  return {
    'templates:available': () => ctx.templates.list().map((t) => ({ type: t.type, lang: t.lang, laws: t.laws, title: t.title })),
    'templates:list': () => ctx.templates.list(),
    'templates:get': ({ id }) => ctx.templates.get(id),
    'templates:preview': ({ text, companyId, law }) => {
      const company = ctx.catalog.get(companyId)
      const profile = ctx.profiles.get()
      const user = profile ? { name: profile.name, email: profile.email, address: addressLines(profile) } : samplePerson
      const today = ctx.today()
      const year = today.slice(0, 4)
      // A complaint is previewed to an authority the language has its own words for.
      const sampleAuthority = (lang: Parameters<typeof ctx.templates.strings>[0]) => {
        const id = ctx.templates.strings(lang).authorities.keys().next().value
        try {
          return id ? { authorityName: ctx.authorities.get(id).name, authorityId: id } : null
        } catch {
          return null
        }
      }
      const { subject, body } = ctx.templates.renderText(text, law, (lang) =>
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
          strings: ctx.templates.strings(lang),
        }),
      )
      return { subject, body }
    },
    'templates:saveUser': (input) => ctx.templates.saveUser(input),
    'templates:deleteUser': ({ id }) => {
      ctx.templates.deleteUser(id)
      return { id }
    },
  }
}
