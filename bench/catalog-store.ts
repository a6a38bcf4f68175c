/**
 * The catalog's own storage with the datarequests.org records imported: how long the import of
 * the 3,070 files takes, how long opening the catalog takes with them (each record validated),
 * and a user's change (one override written, the catalog rebuilt).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createApi } from '../electron/core/api/create-api'
import { createNodePorts, listPicker, noFileSink } from '../electron/adapters/node/node-ports'

const repoRoot = path.resolve(__dirname, '..')
const companiesDir = path.join(process.env.RIGHTFUL_DATAREQUESTS_DIR ?? path.resolve(repoRoot, '..', 'shared', 'datarequests'), 'companies')

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

export async function benchCatalogStore(report: (name: string, value: string) => void): Promise<void> {
  if (!fs.existsSync(companiesDir)) {
    report('catalog storage', `skipped: ${companiesDir} is absent`)
    return
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-bench-catalog-'))
  const open = () =>
    createApi(
      createNodePorts({
        dataDir,
        resourcesRoot: repoRoot,
        appVersion: 'bench',
        files: noFileSink,
        picker: listPicker(() => [companiesDir]),
      }),
    )
  try {
    const api = open()
    let start = performance.now()
    const result = await api.call('catalog:import', { format: 'datarequests', kind: 'folder', dryRun: false })
    const importMs = performance.now() - start
    if (!result.ok) throw new Error(result.error.message)
    report(`catalog import of ${result.data.imported + result.data.rejected.length} datarequests.org files`, `${importMs.toFixed(0)} ms (${result.data.imported} imported)`)
    report('catalog-imports.json on disk', `${(fs.statSync(path.join(dataDir, 'catalog-imports.json')).size / 1024 / 1024).toFixed(1)} MB`)

    const opens: number[] = []
    for (let i = 0; i < 3; i++) {
      start = performance.now()
      open()
      opens.push(performance.now() - start)
    }
    report('core start with 3,070 imported records (p50 of 3)', `${percentile(opens, 50).toFixed(0)} ms`)

    const edits: number[] = []
    const current = open()
    for (let i = 0; i < 5; i++) {
      const got = await current.call('catalog:get', { id: 'mdm-de' })
      if (!got.ok) throw new Error(got.error.message)
      const c = got.data
      start = performance.now()
      const saved = await current.call('catalog:save', {
        id: c.id,
        name: `${c.name.replace(/ \(\d\)$/, '')} (${i})`,
        legalNames: c.legalNames,
        brands: c.brands,
        domains: c.domains,
        website: c.website,
        emails: c.emails.map((e) => ({ address: e.address, purpose: e.purpose, status: e.status })),
        postalAddresses: c.postalAddresses.map((a) => ({ recipient: a.recipient, lines: a.lines, country: a.country, region: a.region, status: a.status })),
        phones: c.phones.map((p) => ({ number: p.number, kind: p.kind, status: p.status })),
        webForms: [],
        establishment: c.establishment,
        countriesServed: c.countriesServed,
        categories: c.categories,
        requestLanguage: null,
        needsIdDocument: false,
        suggestedChannel: null,
      })
      edits.push(performance.now() - start)
      if (!saved.ok) throw new Error(saved.error.message)
    }
    report('a user change to one of 3,074 records (saved + rebuilt, p50 of 5)', `${percentile(edits, 50).toFixed(1)} ms`)
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
