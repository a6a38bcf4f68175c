/**
 * `rightful catalog …`: the companies Rightful knows: list, search, show, add, edit, delete,
 * restore, reset, add-contact, import, export, and reading a privacy policy into a proposal.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { emailPurposes, type CompanySummary, type CompanyView } from '../core/catalog/schema'
import { policyFormats } from '../core/catalog/policy-import/proposal'
import { describeProposal, guessPolicyFormat, proposalView } from '../core/catalog/policy-import/summary'
import { renderMessage } from '../core/messages/render'
import { message, type Message } from '../core/shared/message'
import type { UiLanguage } from '../core/messages/ui-languages'
import { fileOrFolder, jsonOption, leaf, group, oneOf, outFile, outWords, required, unwrap, usage, DomainFailure, UsageError, type CliContext, type Finish, type OptionSpecs, type ValuesOf } from './shared'

function companyArgument(value: string | undefined, command: string): string {
  if (!value) throw usage('needsCompany', { command })
  return value
}

/** A company's record, for people (in the --ui-lang language; English as it has always read). */
function describeCompany(company: CompanyView, ui: UiLanguage): string {
  const origin = company.origin === 'builtin' ? 'builtIn' : company.origin === 'imported' ? 'imported' : 'added'
  const originWords = outWords(ui, company.origin === 'builtin' ? 'built in' : company.origin === 'imported' ? 'imported' : 'added by you', `catalog.origin.${origin}`)
  // The labels of the contact lines, padded to one width in every language.
  const labels = new Map([
    ['email', outWords(ui, 'e-mail', 'catalog.label.email')],
    ['address', outWords(ui, 'address', 'catalog.label.address')],
    ['phone', outWords(ui, 'phone', 'catalog.label.phone')],
    ['fax', outWords(ui, 'fax', 'catalog.label.fax')],
    ['web', outWords(ui, 'web', 'catalog.label.web')],
  ])
  const width = ui === 'en' ? 7 : Math.max(...[...labels.values()].map((l) => l.length))
  const label = (name: string) => labels.get(name)!.padEnd(width)
  const lines = [`${company.name} (${company.id}, ${originWords})`]
  if (company.editedFields.length > 0) lines.push(`  ${outWords(ui, `changed by you: ${company.editedFields.join(', ')}`, 'catalog.changed', { fields: company.editedFields.join(', ') })}`)
  lines.push(`  ${outWords(ui, `requests go to: ${company.privacyEmail ?? '(no e-mail address known)'}`, 'catalog.goesTo', { address: company.privacyEmail ?? outWords(ui, '', 'noEmail') })}`)
  for (const e of company.emails) {
    const historical = e.status === 'historical' ? outWords(ui, ', historical', 'catalog.historical') : ''
    const purpose = ui === 'en' ? e.purpose : renderMessage(message(`cli.out.purpose.${e.purpose}`), ui)
    lines.push(`  ${label('email')} ${e.address} (${purpose}${historical})`)
  }
  for (const a of company.postalAddresses) lines.push(`  ${label('address')} ${[a.recipient, ...a.lines, a.country].join(', ')}`)
  for (const p of company.phones) lines.push(`  ${label(p.kind)} ${p.number}`)
  if (company.website) lines.push(`  ${label('web')} ${company.website}`)
  return lines.join('\n')
}

const importFormats = ['datarequests', 'rightful'] as const

const listOption = (value: string, help: string) => ({ type: 'string', multiple: true, value, help }) as const

/** The options of `catalog add` and `catalog edit`. */
const saveOptions = {
  name: { type: 'string', value: 'name', help: 'name' },
  website: { type: 'string', value: 'URL', help: 'website' },
  domain: listOption('domain', 'domain'),
  'remove-domain': listOption('domain', 'removeDomain'),
  email: listOption('address', 'emails'),
  'remove-email': listOption('address', 'removeEmail'),
  purpose: { type: 'string', value: 'purpose', help: 'purpose', choices: emailPurposes },
  address: { type: 'string', value: '"line 1; line 2"', help: 'address' },
  recipient: { type: 'string', value: 'name', help: 'recipient' },
  country: { type: 'string', value: 'CC', help: 'country4' },
  phone: listOption('number', 'phone'),
  fax: listOption('number', 'fax'),
  'request-language': { type: 'string', value: 'lang', help: 'requestLanguage' },
  'needs-id-document': { type: 'boolean', help: 'needsIdDocument' },
  new: { type: 'boolean', help: 'new' },
  ...jsonOption,
} as const satisfies OptionSpecs

async function catalogSave(ctx: CliContext, sub: 'add' | 'edit', values: ValuesOf<typeof saveOptions>, positionals: string[]) {
  if (sub === 'edit' && values.new) throw usage('newIsForAdd')
  const api = ctx.makeApi()
  const purpose = oneOf(values.purpose, 'purpose', emailPurposes, 'privacy')
  let base: CompanyView | null = null
  if (sub === 'edit') base = unwrap(await api.call('catalog:get', { id: companyArgument(positionals[0], 'edit') }))
  else required(values.name, 'name')
  const name = values.name ?? base!.name
  const removeEmails = new Set((values['remove-email'] ?? []).map((e) => e.toLowerCase()))
  const removeDomains = new Set((values['remove-domain'] ?? []).map((d) => d.toLowerCase()))
  const emails = [
    ...(base?.emails ?? [])
      .filter((e) => !removeEmails.has(e.address.toLowerCase()))
      .map((e) => ({ address: e.address, purpose: e.purpose, status: e.status })),
    ...(values.email ?? []).map((address) => ({ address, purpose, status: 'current' as const })),
  ]
  const postalAddresses = (base?.postalAddresses ?? []).map((a) => ({
    recipient: a.recipient,
    lines: a.lines,
    country: a.country,
    region: a.region,
    status: a.status,
  }))
  if (values.address !== undefined) {
    const country = required(values.country, 'country').toUpperCase()
    const lines = values.address.split(/\\n|\n|;/).map((l) => l.trim()).filter((l) => l.length > 0)
    // The new address is where letters go now; an earlier one is kept as historical.
    for (const a of postalAddresses) a.status = 'historical'
    postalAddresses.push({ recipient: values.recipient ?? name, lines, country, region: null, status: 'current' })
  }
  const phones = [
    ...(base?.phones ?? []).map((p) => ({ number: p.number, kind: p.kind, status: p.status })),
    ...(values.phone ?? []).map((number) => ({ number, kind: 'phone' as const, status: 'current' as const })),
    ...(values.fax ?? []).map((number) => ({ number, kind: 'fax' as const, status: 'current' as const })),
  ]
  const domains = [...(base?.domains ?? []).filter((d) => !removeDomains.has(d.toLowerCase())), ...(values.domain ?? [])]
  const saved = await api.call('catalog:save', {
    ...(base ? { id: base.id } : {}),
    ...(values.new ? { asNew: true } : {}),
    name,
    legalNames: base?.legalNames ?? [],
    brands: base?.brands ?? [],
    domains,
    website: values.website ?? base?.website ?? null,
    emails,
    postalAddresses,
    phones,
    webForms: (base?.webForms ?? []).map((w) => ({ url: w.url, status: w.status })),
    establishment: base?.establishment.length ? base.establishment : values.country ? [values.country.toUpperCase()] : [],
    countriesServed: base?.countriesServed ?? ['all'],
    categories: base?.categories ?? [],
    requestLanguage: values['request-language'] ?? base?.requirements.language?.code ?? null,
    needsIdDocument: values['needs-id-document'] ?? (base !== null && base.requirements.idDocument !== null),
    suggestedChannel: base?.requirements.suggestedChannel ?? null,
  })
  if (!saved.ok && saved.error.code === 'DUPLICATE_COMPANY') {
    const matches = unwrap(await api.call('catalog:matches', { domains, emails: emails.map((e) => e.address) }))
    const first = matches[0]
    throw new DomainFailure({
      code: 'DUPLICATE_COMPANY',
      message: `${saved.error.message}${first ? ` To change it: \`rightful catalog edit ${first.id} …\`.` : ''} To add a separate company anyway: repeat with --new.`,
      // The same words in --ui-lang, where the core gave its own as a message.
      ...(saved.error.detail ? { detail: message(first ? 'cli.out.catalog.duplicateEdit' : 'cli.out.catalog.duplicate', { problem: saved.error.detail, id: first?.id ?? '' }) } : {}),
    })
  }
  const company = unwrap(saved)
  return { json: company, text: describeCompany(company, ctx.ui) }
}

/** Registers `catalog` and its commands. */
/** A policy or its --url the core refused, as a usage error in the core's words (in --ui-lang where it gave them as a message). */
function policyProblem(problem: { readonly message: string; readonly detail?: Message }, url: boolean): UsageError {
  return new UsageError(`catalog import-policy: ${url ? '--url: ' : ''}${problem.message}`, message(`cli.usage.policy${url ? 'Url' : ''}Problem`, { problem: problem.detail ?? problem.message }))
}

export function registerCatalog(program: Command, ctx: CliContext, finish: Finish): void {
  const { io, makeApi, ui } = ctx
  const catalog = group(
    program,
    'catalog',
    'catalog',
    (sub) => `Unknown command "catalog ${sub ?? ''}": use catalog list, search, show, add, edit, delete, restore, reset, add-contact, import, export or import-policy.`,
  )

  leaf(catalog, finish, { name: 'list', summary: 'catalogList', options: jsonOption }, async () => {
    // A page at a time: the core reads only the records of each page and keeps none of them.
    const api = makeApi()
    const listPage = 5000
    const companies: CompanySummary[] = []
    for (;;) {
      const page = unwrap(await api.call('catalog:list', { offset: companies.length, limit: listPage }))
      companies.push(...page)
      if (page.length < listPage) break
    }
    const text = companies.map((c) => `${c.id.padEnd(10)} ${c.name.padEnd(12)} ${c.privacyEmail ?? outWords(ui, '(no contact known)', 'catalog.noContact')}`).join('\n')
    return { json: companies, text }
  })

  leaf(
    catalog,
    finish,
    {
      name: 'search',
      summary: 'catalogSearch',
      args: '[query...]',
      operands: Number.POSITIVE_INFINITY,
      options: { limit: { type: 'string', value: 'N', help: 'limit' }, ...jsonOption },
    },
    async (values, positionals) => {
      const query = positionals.join(' ').trim()
      if (!query) throw usage('searchNeedsQuery')
      const limit = values.limit === undefined ? 10 : Number(values.limit)
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw usage('limitRange')
      const api = makeApi()
      const hits = unwrap(await api.call('catalog:search', { query, limit }))
      // The same fields as `catalog list`, in the order of the search.
      const companies = unwrap(await api.call('catalog:list', { ids: hits.map((hit) => hit.id) }))
      const text =
        companies.length === 0
          ? outWords(ui, `No company in the catalog matches "${query}". Add it with \`rightful catalog add --name …\`, or read its privacy policy with \`rightful catalog import-policy <file>\`.`, 'catalog.noMatch', { query })
          : companies.map((c) => `${c.id.padEnd(24)} ${c.name.slice(0, 40).padEnd(40)} ${c.privacyEmail ?? outWords(ui, '(no e-mail address known)', 'noEmail')}`).join('\n')
      return { json: companies, text }
    },
  )

  leaf(catalog, finish, { name: 'show', summary: 'catalogShow', args: '[company]', operands: 1, options: jsonOption }, async (_values, positionals) => {
    const company = unwrap(await makeApi().call('catalog:get', { id: companyArgument(positionals[0], 'show') }))
    return { json: company, text: describeCompany(company, ui) }
  })

  leaf(catalog, finish, { name: 'add', summary: 'catalogAdd', options: saveOptions }, (values, positionals) => catalogSave(ctx, 'add', values, positionals))
  leaf(catalog, finish, { name: 'edit', summary: 'catalogEdit', args: '[company]', operands: 1, options: saveOptions }, (values, positionals) =>
    catalogSave(ctx, 'edit', values, positionals),
  )

  leaf(catalog, finish, { name: 'delete', summary: 'catalogDelete', args: '[company]', operands: 1, options: jsonOption }, async (_values, positionals) => {
    const id = companyArgument(positionals[0], 'delete')
    const result = unwrap(await makeApi().call('catalog:remove', { id }))
    return { json: result, text: result.restorable ? outWords(ui, `${id} deleted; \`rightful catalog restore ${id}\` brings it back.`, 'catalog.deletedRestorable', { id }) : outWords(ui, `${id} deleted.`, 'catalog.deleted', { id }) }
  })
  for (const sub of ['restore', 'reset'] as const) {
    const summary = sub === 'restore' ? 'catalogRestore' : 'catalogReset'
    leaf(catalog, finish, { name: sub, summary, args: '[company]', operands: 1, options: jsonOption }, async (_values, positionals) => {
      const id = companyArgument(positionals[0], sub)
      const company = unwrap(await makeApi().call(sub === 'restore' ? 'catalog:restore' : 'catalog:reset', { id }))
      return { json: company, text: sub === 'restore' ? outWords(ui, `${company.name} is back in the catalog.`, 'catalog.restored', { company: company.name }) : outWords(ui, `${company.name}: your changes were dropped.`, 'catalog.reset', { company: company.name }) }
    })
  }

  leaf(
    catalog,
    finish,
    {
      name: 'add-contact',
      summary: 'catalogAddContact',
      args: '[company]',
      operands: 1,
      options: { email: { type: 'string', value: 'address', help: 'email' }, purpose: { type: 'string', value: 'purpose', help: 'purpose2' }, ...jsonOption },
    },
    async (values, positionals) => {
      const companyId = positionals[0]
      if (!companyId) throw usage('addContactNeedsCompany')
      const email = required(values.email, 'email')
      const purpose = oneOf(values.purpose, 'purpose', emailPurposes, 'privacy')
      const company = unwrap(await makeApi().call('catalog:addContact', { companyId, email, purpose }))
      return { json: company, text: outWords(ui, `${company.name}: requests now go to ${company.privacyEmail ?? '(no privacy address)'}.`, 'catalog.contactAdded', { company: company.name, address: company.privacyEmail ?? outWords(ui, '', 'catalog.noPrivacyAddress') }) }
    },
  )

  leaf(
    catalog,
    finish,
    {
      name: 'import',
      summary: 'catalogImport',
      args: '[file-or-folder]',
      operands: 1,
      options: { format: { type: 'string', value: importFormats.join('|'), help: 'format' }, 'dry-run': { type: 'boolean', help: 'dryRun' }, ...jsonOption },
    },
    async (values, positionals) => {
      if (!positionals[0]) throw usage('importNeedsSource')
      const format = oneOf(values.format, 'format', importFormats)
      const { source, kind } = fileOrFolder(positionals[0], io.cwd)
      const report = unwrap(await makeApi(undefined, source).call('catalog:import', { format, kind, dryRun: values['dry-run'] ?? false }))
      // --json keeps its shape: each rejection's entry and English reason.
      const json = { imported: report.imported, rejected: report.rejected.map((r) => ({ entry: r.entry, reason: r.reason })), ...(report.dryRun ? { dryRun: true } : {}) }
      const text = [
        outWords(ui, `${report.dryRun ? 'Would import' : 'Imported'} ${report.imported} compan${report.imported === 1 ? 'y' : 'ies'} from ${source}.`, report.dryRun ? 'catalog.wouldImport' : 'catalog.imported', { count: report.imported, source }),
        ...(report.rejected.length > 0 ? [outWords(ui, `Not imported (${report.rejected.length}):`, 'catalog.notImported', { count: report.rejected.length }), ...report.rejected.map((r) => `  ${r.entry}: ${ui !== 'en' && r.message ? renderMessage(r.message, ui) : r.reason}`)] : []),
      ].join('\n')
      return { json, text }
    },
  )

  leaf(
    catalog,
    finish,
    {
      name: 'export',
      summary: 'catalogExport',
      options: { out: { type: 'string', value: 'file.json', help: 'out2' }, all: { type: 'boolean', help: 'all' }, ...jsonOption },
    },
    async (values) => {
      const out = outFile(values.out, io.cwd)
      const result = unwrap(await makeApi(out).call('catalog:export', { all: values.all ?? false }))
      return { json: result, text: outWords(ui, `${result.companies} compan${result.companies === 1 ? 'y' : 'ies'} written to ${result.path}.`, 'catalog.exported', { count: result.companies, path: String(result.path) }) }
    },
  )

  leaf(
    catalog,
    finish,
    {
      name: 'import-policy',
      summary: 'catalogImportPolicy',
      args: '[file]',
      operands: 1,
      options: {
        url: { type: 'string', value: 'policy URL', help: 'url' },
        format: { type: 'string', value: policyFormats.join('|'), help: 'format2' },
        fetch: { type: 'boolean', help: 'fetch' },
        ...jsonOption,
      },
    },
    async (values, positionals) => {
      if (values.fetch) {
        if (values.url === undefined) throw usage('policyFetchNeedsUrl')
        if (positionals[0]) throw usage('policyFileOrUrl')
        const fetched = await makeApi().call('catalog:fetchPolicy', { url: values.url })
        if (!fetched.ok && (fetched.error.code === 'FETCH_REFUSED' || fetched.error.code === 'INVALID_INPUT')) throw policyProblem(fetched.error, true)
        const page = unwrap(fetched)
        const proposal = unwrap(await makeApi().call('catalog:extractPolicy', { text: page.text, format: page.format, sourceUrl: page.url }))
        const via = page.redirects.length > 0 ? ` (redirected from ${page.requestedUrl})` : ''
        // Where and when it came from, in --ui-lang (English as it always read).
        const fetchedLine =
          ui === 'en'
            ? `Fetched ${page.url}${via} on ${page.fetchedOn}: ${page.bytes.toLocaleString('en')} bytes of ${page.format}.`
            : renderMessage({ key: `policyImport.summary.fetched${page.redirects.length > 0 ? 'Via' : ''}`, params: { url: page.url, requested: page.requestedUrl, fetchedOn: page.fetchedOn, bytes: page.bytes, format: page.format } }, ui)
        return {
          json: { fetched: { url: page.url, requestedUrl: page.requestedUrl, redirects: page.redirects, fetchedAt: page.fetchedAt, format: page.format, contentType: page.contentType, bytes: page.bytes }, ...proposalView(proposal, ui) },
          text: `${fetchedLine}\n\n${describeProposal(proposal, ui)}`,
        }
      }
      if (!positionals[0]) throw usage('policyNeedsFile')
      const file = path.resolve(io.cwd, positionals[0])
      const format = oneOf(values.format, 'format', policyFormats, guessPolicyFormat(file))
      let text: string
      try {
        text = fs.readFileSync(file, 'utf8')
      } catch (error) {
        throw usage('policyUnreadable', { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })
      }
      if (text.length > 2_000_000) throw usage('policyTooLong', { file })
      const result = await makeApi().call('catalog:extractPolicy', { text, format, ...(values.url !== undefined ? { sourceUrl: values.url } : {}) })
      if (!result.ok && result.error.code === 'INVALID_INPUT') {
        const issue = result.error.issues?.[0]
        throw policyProblem(issue ?? result.error, issue?.path === 'sourceUrl')
      }
      const proposal = unwrap(result)
      return { json: proposalView(proposal, ui), text: describeProposal(proposal, ui) }
    },
  )
}
