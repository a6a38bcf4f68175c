import { describe, expect, it } from 'vitest'
import { builtinCatalogFrom } from '../../electron/adapters/node/resources'
import { loadBuiltinCatalog } from '../../electron/core/catalog/catalog'
import { loadHardQueries, makeHardQueries } from '../../bench/catalog-hard-queries'
import { repoRoot } from '../helpers/ports'

// The set the benchmark ranks (bench/catalog-hard-queries.ts); how well it ranks is measured there, not here.
describe('the hard catalog queries', () => {
  const companies = loadBuiltinCatalog(builtinCatalogFrom(repoRoot)).companies
  const queries = loadHardQueries()

  it('hold at least 200 queries of every kind, each meaning a company the built-in catalog has', () => {
    expect(queries.length).toBeGreaterThanOrEqual(200)
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(['typo', 'prefix', 'address', 'domain', 'email', 'non-latin']))
    const ids = new Set(companies.map((c) => c.id))
    for (const q of queries) {
      expect(q.query.trim().length, JSON.stringify(q)).toBeGreaterThan(0)
      expect(q.expect.length).toBeGreaterThan(0)
      for (const id of q.expect) expect(ids.has(id), `${q.query} -> ${id}`).toBe(true)
    }
  })

  it('are what the committed generator writes from the built-in records (no query added or changed by hand since)', () => {
    expect(makeHardQueries(companies)).toEqual(queries)
  })
})
