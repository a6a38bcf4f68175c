/**
 * The datarequests.org company records (outside the repository; RIGHTFUL_DATAREQUESTS_DIR overrides the
 * folder), read straight from their JSON, for the search tests and the search benchmark.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { SearchField } from '../../electron/core/catalog/search'
import { cleanDomain } from '../../electron/core/catalog/search/text'

export const datarequestsDir = process.env.RIGHTFUL_DATAREQUESTS_DIR ?? path.resolve(__dirname, '../../../shared/datarequests')

export type DatarequestsRecord = {
  readonly slug: string
  readonly name: string
  /** Brands the company runs. */
  readonly runs: ReadonlyArray<string>
  /** The web domain, from the record's `web` URL ("https://www.fs.com/" -> "fs.com"), or null. */
  readonly domain: string | null
  readonly email: string | null
  readonly address: string
}

/** Null when the folder is absent; otherwise every record in companies/, in file-name order. */
export function loadDatarequests(dir = datarequestsDir): DatarequestsRecord[] | null {
  const companies = path.join(dir, 'companies')
  if (!fs.existsSync(companies)) return null
  const records: DatarequestsRecord[] = []
  for (const file of fs.readdirSync(companies).sort()) {
    const full = path.join(companies, file)
    if (!fs.statSync(full).isFile()) continue
    // One record ("mdm-de") has no .json extension; every file in the folder is a record.
    const data = JSON.parse(fs.readFileSync(full, 'utf8')) as Record<string, unknown>
    if (typeof data.name !== 'string') continue
    records.push({
      slug: typeof data.slug === 'string' ? data.slug : file.replace(/\.json$/, ''),
      name: data.name,
      runs: Array.isArray(data.runs) ? data.runs.filter((r): r is string => typeof r === 'string') : [],
      domain: typeof data.web === 'string' && data.web.trim() ? cleanDomain(data.web) || null : null,
      email: typeof data.email === 'string' ? data.email : null,
      address: typeof data.address === 'string' ? data.address : '',
    })
  }
  return records
}

/** The search fields of a record: name, brands, domain, e-mail address, postal address. */
export function datarequestsFields(record: DatarequestsRecord): SearchField[] {
  const fields: SearchField[] = [{ text: record.name, weight: 'name' }]
  for (const brand of record.runs) fields.push({ text: brand, weight: 'brand' })
  if (record.domain) fields.push({ text: record.domain, weight: 'domain' })
  if (record.email) fields.push({ text: record.email, weight: 'email' })
  if (record.address) fields.push({ text: record.address, weight: 'address' })
  return fields
}
