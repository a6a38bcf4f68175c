import fs from 'node:fs'
import path from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { builtinCatalogFrom } from '../../electron/adapters/node/resources'
import { searchFieldsOf, sortedByName } from '../../electron/core/catalog/builtin-layer'
import { loadBuiltinCatalog, openCatalog } from '../../electron/core/catalog/catalog'
import { CompactInvalid, compactFileName, decodeIndexData, encodeIndexData, readCompactCatalog } from '../../electron/core/catalog/compact'
import { makeCompactCatalog } from '../../electron/core/catalog/compact-build'
import type { Company } from '../../electron/core/catalog/schema'
import { buildIndexData, createDocSearcher, createSearchIndex } from '../../electron/core/catalog/search'
import { createNoticeBoard } from '../../electron/core/shared/notices'
import type { BuiltinCatalogSource, DocumentStore } from '../../electron/core/api/ports'
import { repoRoot } from '../helpers/ports'

const shipped = builtinCatalogFrom(repoRoot)
const seeds = shipped.load()
const fsCom = seeds.find((s) => s.file === 'fs-com.json')!.data as Company

const emptyStore = (name: string): DocumentStore => ({
  path: `/memory/${name}`,
  read: () => ({}),
  write: () => undefined,
  update: (change) => change({}).result,
  locked: (step) => step(),
  moveAside: () => null,
  setAside: () => '',
})

const open = (source: BuiltinCatalogSource) =>
  openCatalog({ builtin: source, edits: emptyStore('edits'), imports: emptyStore('imports'), notices: createNoticeBoard(() => new Date('2026-12-07T10:00:00Z')) })

/** The shipped source without its compact form: the packs read whole. */
const packsOnly: BuiltinCatalogSource = { load: shipped.load, packs: shipped.packs }

const queries = ['fs.com', 'fscom', 'foscam', 'amazon', 'amazn', 'google ireland', 'deutsche', 'goo', 'privacy@fs.com', 'kwun tong', 'data', 'b2s', 'acxiom', '福斯康', '']

/** A small seed source of these records (each its own file). */
function seedSource(companies: ReadonlyArray<Company>): BuiltinCatalogSource {
  return { load: () => companies.map((c) => ({ file: `${c.id}.json`, data: structuredClone(c) })) }
}

/** The same source with a compact form made from it. */
function withCompact(source: BuiltinCatalogSource): BuiltinCatalogSource {
  const bytes = makeCompactCatalog(source)
  return { ...source, compact: () => bytes }
}

describe('the compact built-in catalog', () => {
  it('is committed as the seed files and packs give it (npm run catalog:compact)', () => {
    const committed = fs.readFileSync(path.join(repoRoot, 'assets', 'catalog', compactFileName))
    expect(Buffer.compare(committed, Buffer.from(makeCompactCatalog(shipped)))).toBe(0)
  })

  it('reads back every record, id, name, pack, seed id, alias and merged part as written', () => {
    const builtin = loadBuiltinCatalog(shipped)
    const sorted = sortedByName(builtin.companies)
    const compact = readCompactCatalog(makeCompactCatalog(shipped))
    expect(compact.count).toBe(sorted.length)
    expect(compact.ids).toEqual(sorted.map((c) => c.id))
    expect(compact.names).toEqual(sorted.map((c) => c.name))
    // Every record, decoded out of order (blocks decoded again and again).
    for (let doc = sorted.length - 1; doc >= 0; doc -= 7) expect(compact.record(doc)).toEqual(sorted[doc])
    for (let doc = 0; doc < sorted.length; doc += 1) expect(compact.record(doc).id).toBe(sorted[doc]!.id)
    expect(compact.packs).toEqual(builtin.packs)
    expect([...compact.seedIds].sort()).toEqual([...builtin.seedIds].sort())
    for (const [id, parts] of builtin.mergedParts) expect(compact.mergedParts(id)).toEqual(parts)
    const aliases = sorted.flatMap((c) => c.aliases.map((alias) => [alias, c.id] as const))
    expect(aliases.length).toBeGreaterThan(0)
    for (const [alias, id] of aliases) expect(compact.aliases.get(alias)).toBe(id)
  })

  it('holds the index the records give: the same arrays, the same answers', () => {
    const sorted = sortedByName(loadBuiltinCatalog(shipped).companies)
    const built = buildIndexData(sorted, searchFieldsOf)
    const read = readCompactCatalog(makeCompactCatalog(shipped)).index
    for (const key of Object.keys(built) as Array<keyof typeof built>) expect(read[key], key).toEqual(built[key])
    const fresh = createSearchIndex(sorted, searchFieldsOf)
    const loaded = createDocSearcher(read)
    for (const query of queries) {
      expect(loaded.search(query, 20).map((hit) => sorted[hit.doc]!.id), query).toEqual(fresh.search(query, 20).map((c) => c.id))
    }
  })

  it('opens to the same catalog as the packs read whole: the same list, the same search answers', () => {
    const fromCompact = open(shipped)
    const fromPacks = open(packsOnly)
    expect(fromCompact.list().map((v) => v.id)).toEqual(fromPacks.list().map((v) => v.id))
    expect(fromCompact.get('fs-com')).toEqual(fromPacks.get('fs-com'))
    for (const query of queries) expect(fromCompact.search(query, 10).map((v) => v.id), query).toEqual(fromPacks.search(query, 10).map((v) => v.id))
    expect(fromCompact.resolve('www.fs.com').id).toBe('fs-com')
    expect(fromCompact.packs()).toEqual(fromPacks.packs())
  })

  it('keeps its search index uncompressed (views of the bytes read), and still reads a file of an earlier build with the index deflated', () => {
    const bytes = Buffer.from(makeCompactCatalog(shipped))
    const headLength = bytes.readUInt32LE(8)
    const header = JSON.parse(bytes.toString('utf8', 12, 12 + headLength)) as { sections: Array<[string, number, number]> } & Record<string, unknown>
    const start = Math.ceil((12 + headLength) / 8) * 8
    const sections = header.sections.map(([name, offset, length]) => ({ name, bytes: bytes.subarray(start + offset, start + offset + length) }))
    expect(sections.map((s) => s.name)).toEqual(['blockStarts', 'recordEnds', 'blocks', 'searchIndex'])
    // The earlier form: the same sections, the index deflated under the name "index".
    const older = sections.map((s) => (s.name === 'searchIndex' ? { name: 'index', bytes: deflateRawSync(s.bytes) } : s))
    const table: Array<[string, number, number]> = []
    let offset = 0
    for (const s of older) {
      table.push([s.name, offset, s.bytes.length])
      offset += Math.ceil(s.bytes.length / 8) * 8
    }
    const head = Buffer.from(JSON.stringify({ ...header, sections: table }), 'utf8')
    const olderStart = Math.ceil((12 + head.length) / 8) * 8
    const file = Buffer.alloc(olderStart + offset)
    file.write('RCAT0001', 0, 'latin1')
    file.writeUInt32LE(head.length, 8)
    head.copy(file, 12)
    older.forEach((s, i) => file.set(s.bytes, olderStart + table[i]![1]))
    const fromOlder = readCompactCatalog(new Uint8Array(file))
    const fromNew = readCompactCatalog(new Uint8Array(bytes))
    for (const key of Object.keys(fromNew.index) as Array<keyof typeof fromNew.index>) expect(fromOlder.index[key], key).toEqual(fromNew.index[key])
    expect(fromOlder.record(5)).toEqual(fromNew.record(5))
    const catalog = open({ ...shipped, compact: () => new Uint8Array(file) })
    for (const query of queries) expect(catalog.search(query, 10).map((v) => v.id), query).toEqual(open(packsOnly).search(query, 10).map((v) => v.id))
  })

  it('is not used when the seed files or packs changed since it was made: the catalog shows what they hold now', () => {
    const old = makeCompactCatalog(shipped)
    const added: Company = { ...fsCom, id: 'zzz-newer-seed', name: 'Zzz Newer Seed', domains: ['zzz-newer.example'], aliases: [] }
    const catalog = open({ load: () => [...seeds, { file: 'zzz.json', data: added }], packs: shipped.packs, compact: () => old })
    expect(catalog.get('zzz-newer-seed').name).toBe('Zzz Newer Seed')
    expect(catalog.search('zzz newer', 5).map((v) => v.id)).toEqual(['zzz-newer-seed'])
  })

  it('refuses bytes that are not a compact catalog, cut off or tampered with, and the catalog reads the packs instead', () => {
    const bytes = makeCompactCatalog(seedSource([fsCom]))
    expect(() => readCompactCatalog(new Uint8Array([1, 2, 3]))).toThrow(CompactInvalid)
    expect(() => readCompactCatalog(bytes.subarray(0, bytes.length - 40))).toThrow(CompactInvalid)
    const header = Buffer.from(bytes)
    header.write('"count":2', header.indexOf('"count":1'), 'latin1')
    expect(() => readCompactCatalog(header)).toThrow(CompactInvalid)
    const catalog = open({ ...seedSource([fsCom]), compact: () => bytes.subarray(0, 100) })
    expect(catalog.search('fs.com', 3).map((v) => v.id)).toEqual(['fs-com'])
  })

  it('refuses an index whose arrays do not fit together (a posting that points past the records)', () => {
    const data = buildIndexData([fsCom], searchFieldsOf)
    const broken = { ...data, postDocs: data.postDocs.map(() => 5) }
    expect(() => decodeIndexData(encodeIndexData(broken))).toThrow(CompactInvalid)
    expect(decodeIndexData(encodeIndexData(data)).vocabulary).toEqual(data.vocabulary)
  })

  it('keeps hostile ids and names (constructor, __proto__, toString) as data: in Maps and arrays only', () => {
    const hostile: Company[] = ['constructor', 'proto', 'to-string', 'has-own-property'].map((id, i) => ({
      ...fsCom,
      id,
      name: ['constructor', '__proto__', 'toString', 'hasOwnProperty'][i]!,
      legalNames: [],
      brands: i === 3 ? ['valueOf'] : [],
      domains: [`${id}.example`],
      aliases: i === 1 ? ['prototype', 'valueof'] : [],
    }))
    const source = withCompact(seedSource(hostile))
    const compact = readCompactCatalog(source.compact!()!)
    expect([...compact.ids].sort()).toEqual(['constructor', 'has-own-property', 'proto', 'to-string'])
    expect(compact.names).toContain('__proto__')
    expect(compact.aliases.get('prototype')).toBe('proto')
    expect(compact.aliases.get('toString')).toBeUndefined()
    expect(compact.aliases.get('constructor')).toBeUndefined()
    const catalog = open(source)
    expect(catalog.search('constructor', 5)[0]!.id).toBe('constructor')
    expect(catalog.search('proto', 5)[0]!.id).toBe('proto')
    expect(catalog.search('valueof', 5).map((v) => v.id)).toEqual(['has-own-property'])
    expect(catalog.resolve('constructor').name).toBe('constructor')
    expect(catalog.resolve('prototype').id).toBe('proto')
    expect(() => catalog.resolve('hasOwnProperty')).toThrow(/No company/)
    expect(() => catalog.get('__proto__')).toThrow(/no company/)
    expect(catalog.list().map((v) => v.name).sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString'])
  })
})
