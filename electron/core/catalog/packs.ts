/**
 * Built-in catalog packs: the open data sets Rightful ships (datarequests.org, the data-broker
 * list), each turned by scripts/build-catalog.ts into one gzip-compressed JSON asset under
 * assets/catalog/packs/ that says where it came from (repository, commit, date, licence with its
 * notice). Never edited by hand: re-running the script with a newer snapshot replaces it.
 *
 * A pack holds records of its own (`companies`) and records of companies an earlier layer already
 * has under the same domain (`merges`, each with the id it folds into). Packs are applied in their
 * `order` on top of the seed companies (assets/catalog/*.json), later facts first (merge.ts).
 */
import { gunzipSync, gzipSync } from 'node:zlib'
import { z } from 'zod'
import { companyIdSchema, companySchema, type Company } from './schema'
import { plainDateSchema } from '../shared/schemas'

export const packFormat = 'rightful-catalog-pack'

/** Raise with companySchema's shape: a pack of an older record schema is validated (and defaulted) again on load. */
export const packRecordSchema = 3

/** Where a pack's data comes from, as the About view credits it. */
export const packSourceSchema = z.object({
  /** Also the `sources[].id` of every record taken from it. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** "datarequests.org" */
  name: z.string().min(1).max(200),
  /** What the data set is, in a sentence. */
  description: z.string().min(1).max(1000),
  homepage: z.url(),
  /** The repository and the file or folder the snapshot was taken from. */
  repository: z.url(),
  path: z.string().min(1).max(300),
  commit: z.string().regex(/^[0-9a-f]{7,40}$/),
  /** The date of that commit. */
  date: plainDateSchema,
  license: z.object({
    /** SPDX identifier, e.g. "CC0-1.0", "MIT". */
    spdx: z.string().min(1).max(50),
    /** The licence text the data must travel with (the copyright notice, for MIT). */
    notice: z.string().min(1).max(50_000),
  }),
})
export type PackSource = z.infer<typeof packSourceSchema>

const packSchema = z.object({
  format: z.literal(packFormat),
  version: z.literal(1),
  recordSchema: z.number().int().positive(),
  /** Applied in this order (1: datarequests.org, 2: brokers), after the seed companies. */
  order: z.number().int().positive(),
  source: packSourceSchema,
  /** What the build could not use, with the reason: shown by the build, kept for the record. */
  rejected: z.array(z.object({ entry: z.string(), reason: z.string() })),
  companies: z.array(z.unknown()),
  merges: z.array(z.object({ into: companyIdSchema, company: z.unknown() })),
})

export type CatalogPack = {
  readonly order: number
  readonly source: PackSource
  readonly rejected: ReadonlyArray<{ readonly entry: string; readonly reason: string }>
  readonly companies: ReadonlyArray<Company>
  readonly merges: ReadonlyArray<{ readonly into: string; readonly company: Company }>
}

/** What the About view shows of a pack. */
export type PackInfo = PackSource & { readonly companies: number; readonly merged: number }

/** A packed catalog never decompresses to more than this (the two shipped packs: a few MB). */
const maxPackBytes = 256 * 1024 * 1024

export class PackInvalid extends Error {}

/**
 * Reads one pack. Records of the current record schema were validated when the pack was built
 * (and by the test that reads every shipped pack); an older pack's records are validated, with
 * defaults, here. A pack that does not read is a bug of the build, reported loudly.
 */
export function readPack(file: string, bytes: Uint8Array): CatalogPack {
  let text: string
  try {
    text = gunzipSync(bytes, { maxOutputLength: maxPackBytes }).toString('utf8')
  } catch (error) {
    throw new PackInvalid(`Built-in catalog pack ${file} cannot be decompressed: ${(error as Error).message}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new PackInvalid(`Built-in catalog pack ${file} is not JSON: ${(error as Error).message}`)
  }
  const parsed = packSchema.safeParse(data)
  if (!parsed.success) throw new PackInvalid(`Built-in catalog pack ${file} is not a catalog pack: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const pack = parsed.data
  const record = (value: unknown, where: string): Company => {
    if (pack.recordSchema === packRecordSchema) return value as Company
    const company = companySchema.safeParse(value)
    if (!company.success) throw new PackInvalid(`Built-in catalog pack ${file}, ${where}: ${company.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    return company.data
  }
  return {
    order: pack.order,
    source: pack.source,
    rejected: pack.rejected,
    companies: pack.companies.map((c, i) => record(c, `company #${i + 1}`)),
    merges: pack.merges.map((m, i) => ({ into: m.into, company: record(m.company, `merge #${i + 1}`) })),
  }
}

/** The pack as the build writes it: JSON, gzip-compressed (the same bytes for the same input). */
export function writePack(pack: CatalogPack): Uint8Array {
  const document = {
    format: packFormat,
    version: 1,
    recordSchema: packRecordSchema,
    order: pack.order,
    source: pack.source,
    rejected: pack.rejected,
    companies: pack.companies,
    merges: pack.merges,
  }
  return new Uint8Array(gzipSync(Buffer.from(JSON.stringify(document), 'utf8'), { level: 9 }))
}
