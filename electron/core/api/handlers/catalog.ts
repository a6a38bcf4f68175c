import type { CoreContext, HandlerMap } from '../context'
import { dataBrokerCategory } from '../../catalog/brokers'
import { summaryOf } from '../../catalog/catalog'
import { createTextBudget } from '../../text/budget'
import { extractPolicyInSteps, policyImportBudgetMs, type PolicyInput, type PolicyStep } from '../../catalog/policy-import/extract'
import { proposalToCompany } from '../../catalog/policy-import/to-company'
import { fetchPolicy } from '../../catalog/policy-fetch'
import { readImportEntriesInSteps } from '../../catalog/import-files'
import { isCancelled, type Operation } from '../../shared/operation'
import { message } from '../../shared/message'

/**
 * Reads a policy as an operation: one checkpoint per step, each reported. Where the host gives a
 * compute port, the reading itself runs off the core's thread (the core answers other calls
 * meanwhile, and a cancel ends it at once); otherwise here, a step at a time.
 */
function readPolicyAsOperation(ctx: CoreContext, input: PolicyInput, operation: Operation) {
  const between = (step: PolicyStep) => operation.checkpoint({ ...step, message: `${step.message}…`, detail: message(`progress.policy.${step.stage}`), cancellable: true })
  const compute = ctx.ports.compute
  if (compute) {
    return compute.readPolicy(input, { budgetMs: policyImportBudgetMs, signal: operation.signal, between }).catch((error: unknown) => {
      // Said in the operation's own words ("Saving the company … was stopped").
      if (isCancelled(error)) operation.throwIfCancelled()
      throw error
    })
  }
  // Reading a policy stops with INPUT_TOO_COMPLEX when it outruns its budget, on the core's clock.
  const budget = createTextBudget({ what: 'the policy', limitMs: policyImportBudgetMs, now: () => ctx.ports.clock.now().getTime() })
  return extractPolicyInSteps(input, { budget, between })
}

const count = (n: number) => n.toLocaleString('en')

export function catalogHandlers(ctx: CoreContext): HandlerMap {
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
    'catalog:list': ({ offset, limit, ids }) => {
      const from = offset ?? 0
      if (ids !== undefined) return ctx.catalog.some(ids).slice(from, limit === undefined ? undefined : from + limit).map(summaryOf)
      if (offset === undefined && limit === undefined) return ctx.catalog.list().map(summaryOf)
      return ctx.catalog.page(from, limit ?? Number.MAX_SAFE_INTEGER).map(summaryOf)
    },
    'catalog:addContact': (input) => ctx.catalog.addContact(input, ctx.today()),
    'catalog:save': (input) => ctx.catalog.save(input, ctx.today()),
    'catalog:remove': ({ id }) => ctx.catalog.remove(id, ctx.today()),
    'catalog:restore': ({ id }) => ctx.catalog.restore(id),
    'catalog:reset': ({ id }) => ctx.catalog.reset(id),
    'catalog:deleted': () => ctx.catalog.deleted(),
    'catalog:import': async ({ format, kind, dryRun }, operation) => {
      const source = await ctx.ports.picker.pickImport(kind)
      if (source === null) return { source: null, imported: 0, rejected: [], dryRun }
      const entries = await readImportEntriesInSteps(source, format, ({ done, total }) =>
        operation.checkpoint({ stage: 'reading', done, total, message: `Reading file ${count(done + 1)} of ${count(total)}…`, detail: message('progress.readingFile', { done: done + 1, total }), cancellable: true }),
      )
      // The last point where it can stop: from here the records are checked and saved in one write.
      await operation.checkpoint({ stage: 'reading', done: 1, total: 1, message: 'All files read.', detail: message('progress.allRead'), cancellable: true })
      operation.report({
        stage: 'saving',
        done: 0,
        total: null,
        message: `${dryRun ? 'Checking' : 'Checking and saving'} ${count(entries.length)} record${entries.length === 1 ? '' : 's'}…`,
        detail: message(dryRun ? 'progress.checkingRecords' : 'progress.savingRecords', { count: entries.length, n: count(entries.length) }),
        cancellable: false,
      })
      const report = ctx.catalog.importEntries(entries, format, ctx.today(), { dryRun })
      return { source, ...report }
    },
    'catalog:fetchPolicy': async ({ url }, operation) => {
      operation.report({ stage: 'fetching', done: 0, total: null, message: `Fetching ${url}…`, detail: message('progress.fetching', { url }), cancellable: true })
      const fetched = await fetchPolicy(ctx.ports.web, url, { now: () => ctx.ports.clock.now(), signal: operation.signal }).catch((error: unknown) => {
        operation.throwIfCancelled()
        throw error
      })
      operation.throwIfCancelled()
      return fetched
    },
    'catalog:extractPolicy': ({ operation: _id, ...input }, operation) => readPolicyAsOperation(ctx, input, operation),
    'catalog:savePolicy': async ({ text, format, sourceUrl, choices, into, asNew }, operation) => {
      const proposal = await readPolicyAsOperation(ctx, { text, format, ...(sourceUrl ? { sourceUrl } : {}) }, operation)
      await operation.checkpoint({ stage: 'proposal', done: 1, total: 1, message: 'The policy is read.', detail: message('progress.policyRead'), cancellable: true })
      operation.report({ stage: 'saving', done: 0, total: null, message: 'Saving the company…', detail: message('progress.savingCompany'), cancellable: false })
      const record = proposalToCompany(proposal, choices)
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
