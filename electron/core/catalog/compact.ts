/**
 * The compact form of the built-in catalog (assets/catalog/builtin.compact), written by
 * `npm run catalog:compact` from the seed companies and the packs, so that a large catalog starts
 * without parsing every record or building the search index:
 * - a header (JSON): what the About view credits (packs), the seed ids, aliases, the ids and names
 *   of the records in name order, and a digest of the inputs it was made from (a compact form
 *   that no longer matches the packs beside it is not used);
 * - the records, as JSON, deflated in blocks of 32: a record is decoded when it is first asked for;
 * - the search index's arrays (search.ts `IndexData`) as one section, not deflated: the catalog's
 *   arrays are views of the bytes read (nothing to inflate at start, no second copy). Files of an
 *   earlier build hold it deflated as the section "index"; those still read.
 * Strings from outside (ids, names) live in arrays and Maps only, never as keys of plain objects.
 */
import { createHash } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { z } from 'zod'
import type { BuiltinCatalogSource } from '../shared/ports'
import type { PackInfo } from './packs'
import type { Company } from './schema'
import type { IndexData } from './search'

export const compactFormat = 'rightful-catalog-compact'
/** Its file, in assets/catalog beside the seed files. */
export const compactFileName = 'builtin.compact'
const magic = 'RCAT0001'
const recordsPerBlock = 32
/** A compact catalog never inflates to more than this per section. */
const maxSectionBytes = 1024 * 1024 * 1024

export class CompactInvalid extends Error {}

/** A pack file for `digestOf`: its name, its length, and its bytes handed over in chunks. */
export type PackBytes = { readonly file: string; readonly length: number; read(take: (chunk: Uint8Array) => void): void }

/** What the built-in catalog is made from, hashed: the seed files as parsed and the packs' bytes. */
export function digestOf(seeds: ReadonlyArray<{ readonly file: string; readonly data: unknown }>, packs: ReadonlyArray<PackBytes>): string {
  const hash = createHash('sha256')
  for (const { file, data } of seeds) hash.update(`seed\0${file}\0${JSON.stringify(data)}\0`)
  for (const pack of packs) {
    hash.update(`pack\0${pack.file}\0${pack.length}\0`)
    pack.read((chunk) => hash.update(chunk))
  }
  return hash.digest('hex')
}

/** The digest of a source's inputs: its own (read in chunks) when it has one, else from its packs' bytes. */
export function builtinDigest(source: BuiltinCatalogSource): string {
  if (source.inputDigest) return source.inputDigest()
  return digestOf(source.load(), (source.packs?.() ?? []).map(({ file, bytes }) => ({ file, length: bytes.length, read: (take) => take(bytes) })))
}

/** The built-in catalog's records in name order, and what the catalog needs beside them. */
export type CompactInput = {
  readonly inputDigest: string
  /** In the order the catalog lists them (by name); a record's position is its record number. */
  readonly companies: ReadonlyArray<Company>
  readonly packs: ReadonlyArray<PackInfo>
  readonly seedIds: ReadonlyArray<string>
  readonly mergedParts: ReadonlyMap<string, { readonly base: Company; readonly merges: ReadonlyArray<Company> }>
  readonly index: IndexData
}

/** A compact catalog as read: records decoded on demand. */
export type CompactCatalog = {
  readonly inputDigest: string
  readonly count: number
  /** Record number → id, in name order. */
  readonly ids: ReadonlyArray<string>
  readonly names: ReadonlyArray<string>
  readonly packs: ReadonlyArray<PackInfo>
  readonly seedIds: ReadonlySet<string>
  /** Alias (an id a source uses for a record merged into another) → the record's id. */
  readonly aliases: ReadonlyMap<string, string>
  /** The record at this number, decoded (not validated again: it was when the form was written) and kept. */
  record(doc: number): Company
  /** The same, not kept (a page of the list): a record decoded before is given as kept. */
  recordOnce(doc: number): Company
  /** The record before the packs' merges and the merged records, for the records a pack merged into. */
  mergedParts(id: string): { readonly base: Company; readonly merges: ReadonlyArray<Company> } | undefined
  readonly index: IndexData
}

const headerSchema = z.object({
  format: z.literal(compactFormat),
  version: z.literal(1),
  inputDigest: z.string(),
  count: z.number().int().nonnegative(),
  records: z.number().int().nonnegative(),
  // Checked with a loop below: zod would copy arrays of 100,000 strings.
  ids: z.custom<string[]>((value) => Array.isArray(value), 'not a list'),
  names: z.custom<string[]>((value) => Array.isArray(value), 'not a list'),
  packs: z.array(z.custom<PackInfo>((value) => typeof value === 'object' && value !== null)),
  seedIds: z.array(z.string()),
  aliases: z.array(z.tuple([z.string(), z.string()])),
  mergedParts: z.array(z.tuple([z.string(), z.number().int(), z.array(z.number().int())])),
  sections: z.array(z.tuple([z.string(), z.number().int().nonnegative(), z.number().int().nonnegative()])),
})

type Section = { readonly name: string; readonly bytes: Uint8Array }

/** Sections behind a JSON header: magic, header length (u32), header, then each section at an offset of a multiple of 8. */
function container(header: Record<string, unknown>, sections: ReadonlyArray<Section>): Uint8Array {
  const table: Array<[string, number, number]> = []
  let offset = 0
  for (const { name, bytes } of sections) {
    table.push([name, offset, bytes.length])
    offset += Math.ceil(bytes.length / 8) * 8
  }
  const head = Buffer.from(JSON.stringify({ ...header, sections: table }), 'utf8')
  const start = Math.ceil((12 + head.length) / 8) * 8
  const out = Buffer.alloc(start + offset)
  out.write(magic, 0, 'latin1')
  out.writeUInt32LE(head.length, 8)
  head.copy(out, 12)
  for (let i = 0; i < sections.length; i += 1) out.set(sections[i]!.bytes, start + table[i]![1])
  return new Uint8Array(out.buffer, out.byteOffset, out.length)
}

/**
 * A compact file read in parts: its length and the bytes at an offset. The host reads only the
 * parts the catalog keeps (the header, the records, the index once), never the whole file at once.
 */
export type CompactReader = { readonly size: number; read(offset: number, length: number): Uint8Array }

/** A reader over bytes already in memory. */
export function readerOf(bytes: Uint8Array): CompactReader {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) }
}

function readContainer(reader: CompactReader, what: string): { header: unknown; section: (name: string) => Uint8Array; hasSection: (name: string) => boolean } {
  const read = (offset: number, length: number) => {
    const bytes = reader.read(offset, length)
    if (bytes.length !== length) throw new CompactInvalid(`${what} is cut off`)
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }
  if (reader.size < 12) throw new CompactInvalid(`${what} is not a compact catalog`)
  const head = read(0, 12)
  if (head.toString('latin1', 0, 8) !== magic) throw new CompactInvalid(`${what} is not a compact catalog`)
  const length = head.readUInt32LE(8)
  if (12 + length > reader.size) throw new CompactInvalid(`${what} is cut off`)
  let header: { sections?: unknown }
  try {
    header = JSON.parse(read(12, length).toString('utf8')) as { sections?: unknown }
  } catch (error) {
    throw new CompactInvalid(`${what}: the header is not JSON (${(error as Error).message})`)
  }
  const start = Math.ceil((12 + length) / 8) * 8
  const table = new Map<string, [number, number]>()
  if (Array.isArray(header.sections)) for (const entry of header.sections as Array<[string, number, number]>) table.set(String(entry[0]), [Number(entry[1]), Number(entry[2])])
  const section = (name: string) => {
    const found = table.get(name)
    if (!found || !(found[0] >= 0 && found[1] >= 0) || start + found[0] + found[1] > reader.size) throw new CompactInvalid(`${what} has no section "${name}" or it is cut off`)
    return read(start + found[0], found[1])
  }
  return { header, section, hasSection: (name) => table.has(name) }
}

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array
const arrayTypes = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, i32: Int32Array, f64: Float64Array } as const
type ArrayType = keyof typeof arrayTypes
const indexArrays: ReadonlyArray<[Exclude<keyof IndexData, 'count' | 'vocabulary' | 'keyTexts'>, ArrayType]> = [
  ['nameLength', 'u16'],
  ['postStart', 'u32'],
  ['postDocs', 'i32'],
  ['postMasks', 'u8'],
  ['keySlots', 'i32'],
  ['keyStart', 'u32'],
  ['keyDocs', 'i32'],
  ['keyMasks', 'u8'],
  ['keyHashes', 'i32'],
  ['keyBoundaries', 'i32'],
  ['nameKeyIds', 'i32'],
  ['typoIndex', 'f64'],
  ['docStart', 'u32'],
  ['docWords', 'i32'],
  ['docMasks', 'u8'],
]

const bytesOf = (array: TypedArray) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength)

/** The index's arrays as bytes (words and keys are letters and digits only: joined by new lines). */
export function encodeIndexData(data: IndexData): Uint8Array {
  return container({ count: data.count }, [
    ...indexArrays.map(([name]) => ({ name, bytes: bytesOf(data[name]) })),
    { name: 'vocabulary', bytes: Buffer.from(data.vocabulary.join('\n'), 'utf8') },
    { name: 'keyTexts', bytes: Buffer.from(data.keyTexts.join('\n'), 'utf8') },
  ])
}

/** The index's arrays from `encodeIndexData`'s bytes; the arrays view the bytes where aligned. */
export function decodeIndexData(bytes: Uint8Array): IndexData {
  const { header, section } = readContainer(readerOf(bytes), 'The search index')
  const count = (header as { count?: unknown }).count
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw new CompactInvalid('The search index has no record count')
  const arrays = new Map<string, TypedArray>()
  for (const [name, type] of indexArrays) {
    const raw = section(name)
    const make = arrayTypes[type]
    if (raw.byteLength % make.BYTES_PER_ELEMENT !== 0) throw new CompactInvalid(`The search index's ${name} is cut off`)
    const aligned = raw.byteOffset % make.BYTES_PER_ELEMENT === 0 ? raw : raw.slice()
    arrays.set(name, new make(aligned.buffer as ArrayBuffer, aligned.byteOffset, aligned.byteLength / make.BYTES_PER_ELEMENT))
  }
  const strings = (name: string) => {
    const bytes = section(name)
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
    return text === '' ? [] : text.split('\n')
  }
  const get = <A extends TypedArray>(name: string) => arrays.get(name) as A
  const data: IndexData = {
    count,
    nameLength: get('nameLength'),
    vocabulary: strings('vocabulary'),
    postStart: get('postStart'),
    postDocs: get('postDocs'),
    postMasks: get('postMasks'),
    keyTexts: strings('keyTexts'),
    keySlots: get('keySlots'),
    keyStart: get('keyStart'),
    keyDocs: get('keyDocs'),
    keyMasks: get('keyMasks'),
    keyHashes: get('keyHashes'),
    keyBoundaries: get('keyBoundaries'),
    nameKeyIds: get('nameKeyIds'),
    typoIndex: get('typoIndex'),
    docStart: get('docStart'),
    docWords: get('docWords'),
    docMasks: get('docMasks'),
  }
  // The shapes the searcher relies on: a broken file is refused here, not at the first query.
  const fits =
    data.nameLength.length === count &&
    data.postStart.length === data.vocabulary.length + 1 &&
    data.postDocs.length === data.postStart[data.vocabulary.length] &&
    data.postMasks.length === data.postDocs.length &&
    data.keyStart.length === data.keyTexts.length + 1 &&
    data.keyDocs.length === data.keyStart[data.keyTexts.length] &&
    [data.keyMasks, data.keyHashes, data.keyBoundaries].every((a) => a.length === data.keyDocs.length) &&
    data.docStart.length === count + 1 &&
    data.docWords.length === data.postDocs.length &&
    data.docMasks.length === data.postDocs.length &&
    within(data.postDocs, count) &&
    within(data.keyDocs, count) &&
    within(data.nameKeyIds, data.keyTexts.length) &&
    within(data.docWords, data.vocabulary.length) &&
    ascending(data.postStart) &&
    ascending(data.keyStart) &&
    ascending(data.docStart)
  if (!fits) throw new CompactInvalid('The search index does not fit together')
  return data
}

/** Every value in [0, limit). */
function within(values: Int32Array, limit: number): boolean {
  for (let i = 0; i < values.length; i += 1) if (!(values[i]! >= 0 && values[i]! < limit)) return false
  return true
}

/** Row starts: from 0, never decreasing. */
function ascending(values: Uint32Array): boolean {
  if (values.length > 0 && values[0] !== 0) return false
  for (let i = 1; i < values.length; i += 1) if (values[i]! < values[i - 1]!) return false
  return true
}

/** The compact form's bytes (the same bytes for the same input). */
export function writeCompactCatalog(input: CompactInput): Uint8Array {
  const records: Company[] = [...input.companies]
  const mergedParts: Array<[string, number, number[]]> = []
  for (const [id, parts] of input.mergedParts) {
    const base = records.push(parts.base) - 1
    const merges = parts.merges.map((company) => records.push(company) - 1)
    mergedParts.push([id, base, merges])
  }
  const blocks: Buffer[] = []
  const blockStarts = new Uint32Array(Math.ceil(records.length / recordsPerBlock) + 1)
  const recordEnds = new Uint32Array(records.length)
  let at = 0
  for (let first = 0, block = 0; first < records.length; first += recordsPerBlock, block += 1) {
    const texts = records.slice(first, first + recordsPerBlock).map((company) => Buffer.from(JSON.stringify(company), 'utf8'))
    let end = 0
    texts.forEach((text, i) => (recordEnds[first + i] = end += text.length))
    const packed = deflateRawSync(Buffer.concat(texts), { level: 9 })
    blocks.push(packed)
    at += packed.length
    blockStarts[block + 1] = at
  }
  return container(
    {
      format: compactFormat,
      version: 1,
      inputDigest: input.inputDigest,
      count: input.companies.length,
      records: records.length,
      ids: input.companies.map((c) => c.id),
      names: input.companies.map((c) => c.name),
      packs: input.packs,
      seedIds: [...input.seedIds],
      aliases: input.companies.flatMap((c) => c.aliases.map((alias) => [alias, c.id])),
      mergedParts,
    },
    [
      { name: 'blockStarts', bytes: bytesOf(blockStarts) },
      { name: 'recordEnds', bytes: bytesOf(recordEnds) },
      { name: 'blocks', bytes: Buffer.concat(blocks) },
      { name: 'searchIndex', bytes: encodeIndexData(input.index) },
    ],
  )
}

/** Reads a compact form; a file that does not read is refused whole (CompactInvalid). */
export function readCompactCatalog(source: Uint8Array | CompactReader): CompactCatalog {
  // Two functions: the closures of the catalog must not hold the file (a closure keeps every
  // variable its function's other closures use, here `section`, which holds the whole file).
  return catalogOf(compactParts(source instanceof Uint8Array ? readerOf(source) : source))
}

type CompactParts = {
  readonly header: z.infer<typeof headerSchema>
  readonly blockStarts: Uint32Array
  readonly recordEnds: Uint32Array
  readonly blocks: Uint8Array
  readonly index: IndexData
}

function compactParts(reader: CompactReader): CompactParts {
  const { header: raw, section, hasSection } = readContainer(reader, 'The compact built-in catalog')
  const parsed = headerSchema.safeParse(raw)
  if (!parsed.success) throw new CompactInvalid(`The compact built-in catalog's header does not read: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const header = parsed.data
  const strings = (list: ReadonlyArray<unknown>) => list.every((value) => typeof value === 'string')
  if (header.ids.length !== header.count || header.names.length !== header.count || header.records < header.count || !strings(header.ids) || !strings(header.names)) {
    throw new CompactInvalid('The compact built-in catalog does not fit together')
  }
  const u32 = (name: string) => {
    const section32 = section(name)
    const aligned = section32.slice() // a copy: no view keeps the whole file
    return new Uint32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 4))
  }
  const blockStarts = u32('blockStarts')
  const recordEnds = u32('recordEnds')
  // Read on their own: from a file, nothing else of it is held (from bytes in memory, a view).
  const blocks = section('blocks')
  if (recordEnds.length !== header.records || blockStarts.length !== Math.ceil(header.records / recordsPerBlock) + 1) {
    throw new CompactInvalid('The compact built-in catalog does not fit together')
  }
  let index: IndexData
  try {
    index = hasSection('searchIndex') ? decodeIndexData(section('searchIndex')) : decodeIndexData(inflateRawSync(section('index'), { maxOutputLength: maxSectionBytes }))
  } catch (error) {
    throw new CompactInvalid(`The compact built-in catalog's search index does not read: ${(error as Error).message}`)
  }
  if (index.count !== header.count) throw new CompactInvalid('The compact built-in catalog and its index disagree')
  return { header, blockStarts, recordEnds, blocks, index }
}

function catalogOf({ header, blockStarts, recordEnds, blocks, index }: CompactParts): CompactCatalog {
  const decoded = new Map<number, Company>()
  let lastBlock = -1
  let lastBytes: Buffer = Buffer.alloc(0)
  const recordOnce = (doc: number): Company => {
    const known = decoded.get(doc)
    if (known) return known
    if (!(doc >= 0 && doc < header.records)) throw new RangeError(`No built-in record number ${doc}`)
    const block = Math.floor(doc / recordsPerBlock)
    if (block !== lastBlock) {
      lastBytes = inflateRawSync(blocks.subarray(blockStarts[block]!, blockStarts[block + 1]!), { maxOutputLength: maxSectionBytes })
      lastBlock = block
    }
    const start = doc % recordsPerBlock === 0 ? 0 : recordEnds[doc - 1]!
    return JSON.parse(lastBytes.toString('utf8', start, recordEnds[doc]!)) as Company
  }
  const record = (doc: number): Company => {
    const known = decoded.get(doc)
    if (known) return known
    const company = recordOnce(doc)
    decoded.set(doc, company)
    return company
  }
  const parts = new Map(header.mergedParts.map(([id, base, merges]) => [id, { base, merges }]))
  return {
    inputDigest: header.inputDigest,
    count: header.count,
    ids: header.ids,
    names: header.names,
    packs: header.packs,
    seedIds: new Set(header.seedIds),
    aliases: new Map(header.aliases),
    record,
    recordOnce,
    mergedParts: (id) => {
      const found = parts.get(id)
      return found ? { base: record(found.base), merges: found.merges.map(record) } : undefined
    },
    index,
  }
}
