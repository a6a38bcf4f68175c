import type { CoreContext, HandlerMap } from '../api/handlers'
import { dataBrokerCategory } from './brokers'
import { summaryOf } from './catalog'
import { createTextBudget } from '../text/budget'
import { extractPolicy, policyImportBudgetMs } from './policy-import/extract'
import { proposalToCompany } from './policy-import/to-company'
import { readImportEntries } from './import-files'

export function catalogHandlers(ctx: CoreContext): HandlerMap {
  // Reading a policy stops with INPUT_TOO_COMPLEX when it outruns its budget, on the core's clock.
  const policyBudget = () => createTextBudget({ what: 'the policy', limitMs: policyImportBudgetMs, now: () => ctx.ports.clock.now().getTime() })
  return {
    'catalog:search': ({ query, limit }) =>
      ctx.catalog.search(query, limit).map((c) => ({
        id: c.id,
        name: c.name,
        domains: c.domains,
        privacyEmail: c.privacyEmail,
        country: c.letterAddress?.country ?? c.establishment[0] ?? null,
        broker: c.categories.includes(dataBrokerCategory),
        webFormOnly: c.requirements.webFormOnly !== null,
        standing: c.standing.kind,
      })),
    'catalog:get': ({ id }) => ctx.catalog.resolve(id),
    'catalog:list': () => ctx.catalog.list().map(summaryOf),
    'catalog:addContact': (input) => ctx.catalog.addContact(input, ctx.today()),
    'catalog:save': (input) => ctx.catalog.save(input, ctx.today()),
    'catalog:remove': ({ id }) => ctx.catalog.remove(id, ctx.today()),
    'catalog:restore': ({ id }) => ctx.catalog.restore(id),
    'catalog:reset': ({ id }) => ctx.catalog.reset(id),
    'catalog:deleted': () => ctx.catalog.deleted(),
    'catalog:import': async ({ format, kind, dryRun }) => {
      const source = await ctx.ports.picker.pickImport(kind)
      if (source === null) return { source: null, imported: 0, rejected: [], dryRun }
      const report = ctx.catalog.importEntries(readImportEntries(source, format), format, ctx.today(), { dryRun })
      return { source, ...report }
    },
    'catalog:extractPolicy': (input) => extractPolicy(input, { budget: policyBudget() }),
    'catalog:savePolicy': ({ text, format, sourceUrl, choices, into, asNew }) => {
      const record = proposalToCompany(extractPolicy({ text, format, ...(sourceUrl ? { sourceUrl } : {}) }, { budget: policyBudget() }), choices)
      return into !== undefined ? ctx.catalog.updateFrom(into, record, ctx.today()) : ctx.catalog.addRecord(record, { asNew: asNew ?? false })
    },
    'catalog:matches': ({ domains, emails, excludeId }) => ctx.catalog.matches({ domains, emails, ...(excludeId !== undefined ? { excludeId } : {}) }),
    'catalog:sources': () => ctx.catalog.packs(),
    'catalog:export': async ({ all }) => {
      const document = ctx.catalog.exportCatalog(ctx.today(), { all })
      const bytes = new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`)
      const path = await ctx.ports.files.save({ suggestedName: `rightful-catalog-${document.exportedOn}.json`, kind: 'json', bytes })
      return { path, companies: document.companies.length }
    },
  }
}
