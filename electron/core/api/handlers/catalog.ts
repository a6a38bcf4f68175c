import type { CoreContext, HandlerMap } from '../context'
import { exportCatalogTo, fetchPolicyWithSteps, importWithSteps, readPolicyWithSteps, savePolicyWithSteps, searchHits, summaryPage } from '../../catalog/catalog-operations'

/** The catalog's channels, each a map onto the catalog domain (catalog/catalog-operations.ts). */
export function catalogHandlers(ctx: CoreContext): HandlerMap {
  // Where a policy is read: off the core's thread when the host gives a compute port; else here, on the core's clock.
  const via = () => {
    const compute = ctx.ports.compute
    return { ...(compute ? { reader: compute.readPolicy.bind(compute) } : {}), now: () => ctx.ports.clock.now().getTime() }
  }
  return {
    'catalog:search': ({ query, limit }) => searchHits(ctx.catalog, query, limit),
    'catalog:get': ({ id }) => ctx.catalog.resolve(id),
    'catalog:list': (page) => summaryPage(ctx.catalog, page),
    'catalog:addContact': (input) => ctx.catalog.addContact(input, ctx.today()),
    'catalog:save': (input) => ctx.catalog.save(input, ctx.today()),
    'catalog:remove': ({ id }) => ctx.catalog.remove(id, ctx.today()),
    'catalog:restore': ({ id }) => ctx.catalog.restore(id),
    'catalog:reset': ({ id }) => ctx.catalog.reset(id),
    'catalog:deleted': () => ctx.catalog.deleted(),
    'catalog:import': ({ format, kind, dryRun }, operation) => importWithSteps(ctx.catalog, ctx.ports.picker, { format, kind, dryRun, today: ctx.today() }, operation),
    'catalog:fetchPolicy': ({ url }, operation) => fetchPolicyWithSteps(ctx.ports.web, url, () => ctx.ports.clock.now(), operation),
    'catalog:extractPolicy': ({ operation: _id, ...input }, operation) => readPolicyWithSteps(input, operation, via()),
    'catalog:savePolicy': ({ text, format, sourceUrl, choices, into, asNew }, operation) =>
      savePolicyWithSteps(ctx.catalog, { input: { text, format, ...(sourceUrl ? { sourceUrl } : {}) }, choices, ...(into !== undefined ? { into } : {}), ...(asNew !== undefined ? { asNew } : {}), today: ctx.today() }, operation, via()),
    'catalog:matches': ({ domains, emails, excludeId }) => ctx.catalog.matches({ domains, emails, ...(excludeId !== undefined ? { excludeId } : {}) }),
    'catalog:sources': () => ctx.catalog.packs(),
    'catalog:export': ({ all }) => exportCatalogTo(ctx.catalog, ctx.ports.files, { today: ctx.today(), all }),
  }
}
