/**
 * The catalog's work as the API runs it: what a search hit shows, which records a page holds, and
 * the long operations (importing files, fetching and reading a policy, saving a company from it,
 * exporting) with their progress steps. The API's handler maps its channels onto these and
 * decides nothing itself.
 */
import type { Catalog } from './catalog'
import { summaryOf } from './catalog'
import type { Company, CompanySummary } from './schema'
import { dataBrokerCategory } from './brokers'
import { readImportEntriesInSteps } from './import-files'
import type { ImportFormat, ImportRejection } from './catalog-imports'
import { fetchPolicy, type FetchedPolicy } from './policy-fetch'
import { extractPolicyInSteps, policyImportBudgetMs, type PolicyInput, type PolicyStep } from './policy-import/extract'
import type { PolicyProposal } from './policy-import/proposal'
import { proposalToCompany } from './policy-import/to-company'
import { createTextBudget } from '../text/budget'
import { isCancelled, type Operation } from '../shared/operation'
import { message } from '../shared/message'
import type { FilePicker, FileSink, PolicyFetcher } from '../shared/ports'

/** A search hit: enough for the list; the company page fetches the whole record. */
export type CompanyHit = {
  readonly id: string
  readonly name: string
  readonly domains: ReadonlyArray<string>
  readonly privacyEmail: string | null
  readonly country: string | null
  /** The company is on the data-broker list. */
  readonly broker: boolean
  /** Requests go through its web form only. */
  readonly webFormOnly: boolean
  /** Whether it still exists as itself (see Standing). */
  readonly standing: 'active' | 'defunct' | 'merged'
}

/** What an import did; `source` null when the user cancelled the picker. */
export type CatalogImportResult = {
  readonly source: string | null
  readonly imported: number
  readonly rejected: ReadonlyArray<ImportRejection>
  readonly dryRun: boolean
}

/**
 * Reads a policy off the caller's thread (the host's compute port), awaiting `between` at each
 * step; rejects with the same CoreErrors as extractPolicy, or CANCELLED.
 */
export type PolicyReader = (input: PolicyInput, options: { budgetMs: number; signal: AbortSignal; between: (step: PolicyStep) => Promise<void> }) => Promise<PolicyProposal>

/** The best `limit` companies for `query`, as hits. */
export function searchHits(catalog: Catalog, query: string, limit: number): ReadonlyArray<CompanyHit> {
  return catalog.search(query, limit).map((c) => ({
    id: c.id,
    name: c.name,
    domains: c.domains,
    privacyEmail: c.privacyEmail,
    country: c.letterAddress?.country ?? c.establishment[0] ?? null,
    broker: c.categories.includes(dataBrokerCategory),
    webFormOnly: c.requirements.webFormOnly !== null,
    standing: c.standing.kind,
  }))
}

/**
 * One page of summaries: of `ids` in their order when given, else of the whole catalog by name.
 * Without offset and limit, the whole list; with them, only the page's records are read.
 */
export function summaryPage(catalog: Catalog, page: { readonly offset?: number; readonly limit?: number; readonly ids?: ReadonlyArray<string> }): ReadonlyArray<CompanySummary> {
  const from = page.offset ?? 0
  if (page.ids !== undefined) return catalog.some(page.ids).slice(from, page.limit === undefined ? undefined : from + page.limit).map(summaryOf)
  if (page.offset === undefined && page.limit === undefined) return catalog.list().map(summaryOf)
  return catalog.page(from, page.limit ?? Number.MAX_SAFE_INTEGER).map(summaryOf)
}

const count = (n: number) => n.toLocaleString('en')

/**
 * Asks for a file or folder, reads its records a file at a time (each a checkpoint: it can be
 * stopped until every file is read), then checks and saves them in one write.
 */
export async function importWithSteps(
  catalog: Catalog,
  picker: FilePicker,
  request: { readonly format: ImportFormat; readonly kind: 'file' | 'folder'; readonly dryRun: boolean; readonly today: string },
  operation: Operation,
): Promise<CatalogImportResult> {
  const { format, kind, dryRun, today } = request
  const source = await picker.pickImport(kind)
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
  const report = catalog.importEntries(entries, format, today, { dryRun })
  return { source, ...report }
}

/** Fetches a policy's web address as an operation: reported, and stopped at once when cancelled. */
export async function fetchPolicyWithSteps(web: PolicyFetcher | undefined, url: string, now: () => Date, operation: Operation): Promise<FetchedPolicy> {
  operation.report({ stage: 'fetching', done: 0, total: null, message: `Fetching ${url}…`, detail: message('progress.fetching', { url }), cancellable: true })
  const fetched = await fetchPolicy(web, url, { now, signal: operation.signal }).catch((error: unknown) => {
    operation.throwIfCancelled()
    throw error
  })
  operation.throwIfCancelled()
  return fetched
}

/**
 * Reads a policy as an operation: one checkpoint per step, each reported. Given a reader (the
 * host's compute port), the reading itself runs off the caller's thread (other calls are answered
 * meanwhile, and a cancel ends it at once); otherwise here, a step at a time, within the budget
 * on `now`'s clock (INPUT_TOO_COMPLEX when it runs out).
 */
export function readPolicyWithSteps(input: PolicyInput, operation: Operation, via: { readonly reader?: PolicyReader; readonly now: () => number }): Promise<PolicyProposal> {
  const between = (step: PolicyStep) => operation.checkpoint({ ...step, message: `${step.message}…`, detail: message(`progress.policy.${step.stage}`), cancellable: true })
  if (via.reader) {
    return via.reader(input, { budgetMs: policyImportBudgetMs, signal: operation.signal, between }).catch((error: unknown) => {
      // Said in the operation's own words ("Saving the company … was stopped").
      if (isCancelled(error)) operation.throwIfCancelled()
      throw error
    })
  }
  const budget = createTextBudget({ what: 'the policy', limitMs: policyImportBudgetMs, now: via.now })
  return extractPolicyInSteps(input, { budget, between })
}

/**
 * Reads the policy again and saves the company the user's choices make of it: into the company
 * `into` (as the user's change) or as a new record. Stoppable until the policy is read.
 */
export async function savePolicyWithSteps(
  catalog: Catalog,
  request: { readonly input: PolicyInput; readonly choices: Parameters<typeof proposalToCompany>[1]; readonly into?: string; readonly asNew?: boolean; readonly today: string },
  operation: Operation,
  via: { readonly reader?: PolicyReader; readonly now: () => number },
) {
  const proposal = await readPolicyWithSteps(request.input, operation, via)
  await operation.checkpoint({ stage: 'proposal', done: 1, total: 1, message: 'The policy is read.', detail: message('progress.policyRead'), cancellable: true })
  operation.report({ stage: 'saving', done: 0, total: null, message: 'Saving the company…', detail: message('progress.savingCompany'), cancellable: false })
  const record: Company = proposalToCompany(proposal, request.choices)
  return request.into !== undefined ? catalog.updateFrom(request.into, record, request.today) : catalog.addRecord(record, { asNew: request.asNew ?? false })
}

/** Writes the catalog (the user's records, or `all`) as JSON where the user chooses; null path when cancelled. */
export async function exportCatalogTo(catalog: Catalog, files: FileSink, request: { readonly today: string; readonly all: boolean }) {
  const document = catalog.exportCatalog(request.today, { all: request.all })
  const bytes = new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`)
  const path = await files.save({ suggestedName: `rightful-catalog-${document.exportedOn}.json`, kind: 'json', bytes })
  return { path, companies: document.companies.length }
}
