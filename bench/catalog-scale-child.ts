/**
 * The process bench/catalog-scale.ts measures: it opens the catalog at 100,000 companies, answers a
 * first search, makes three edits each followed by a search that sees it, reads a page of the list,
 * and prints its figures as JSON. The bench builds this file with the core's own Vite settings
 * (vite.resources.ts `nodeBundle`, as `npm run build:core` builds the core) and runs the bundle
 * with plain `node`, so the figures are those of the built core, not of tsx compiling TypeScript.
 *
 * Alone: `node <bundle> <resources root> <data folder> <offset of the page>`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { builtinCatalogFrom } from '../electron/adapters/node/resources'
import { openCatalog } from '../electron/core/catalog/catalog'
import { createNoticeBoard } from '../electron/core/shared/notices'
import type { DocumentStore } from '../electron/core/api/ports'

import { peakRss } from './peak-rss'

export { peakRss }

/** A DocumentStore on one JSON file, written atomically (write beside, rename). */
export function fileStore(file: string): DocumentStore {
  return {
    path: file,
    read: () => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {}),
    write: (document) => {
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(document))
      fs.renameSync(`${file}.tmp`, file)
    },
    update: () => {
      throw new Error('not used')
    },
    locked: (step) => step(),
    moveAside: () => null,
    setAside: () => '',
  }
}

/** In a fresh process: open, first search, three edits each followed by a search, a page of the list; prints JSON. */
export function child(root: string, dataDir: string, pageOffset: number): void {
  const rssBefore = process.memoryUsage().rss
  const started = performance.now()
  const catalog = openCatalog({
    builtin: builtinCatalogFrom(root),
    edits: fileStore(path.join(dataDir, 'catalog-edits.json')),
    imports: fileStore(path.join(dataDir, 'catalog-imports.json')),
    notices: createNoticeBoard(() => new Date()),
  })
  const first = catalog.search('deutsche bank', 10)
  const startMs = performance.now() - started
  if (first.length === 0) throw new Error('the first search found nothing')
  const edits: number[] = []
  const time = (step: () => void) => {
    const at = performance.now()
    step()
    edits.push(performance.now() - at)
  }
  const target = first[0]!
  time(() => {
    catalog.save({ name: 'Zyxwv Benchmark Ltd', legalNames: [], brands: [], domains: ['zyxwv-bench.example'], website: null, emails: [], postalAddresses: [], phones: [], webForms: [], establishment: [], countriesServed: [], categories: [], requestLanguage: null, needsIdDocument: false, suggestedChannel: null }, '2026-12-07')
    if (catalog.search('zyxwv', 5)[0]?.name !== 'Zyxwv Benchmark Ltd') throw new Error('the added company is not found')
  })
  time(() => {
    catalog.save({ id: target.id, name: `${target.name} Qwertz`, legalNames: target.legalNames, brands: target.brands, domains: target.domains, website: target.website, emails: target.emails.map((e) => ({ address: e.address, purpose: e.purpose, status: e.status })), postalAddresses: target.postalAddresses.map((a) => ({ recipient: a.recipient, lines: a.lines, country: a.country, region: a.region, status: a.status })), phones: target.phones.map((p) => ({ number: p.number, kind: p.kind, status: p.status })), webForms: [], establishment: target.establishment, countriesServed: target.countriesServed, categories: target.categories, requestLanguage: null, needsIdDocument: false, suggestedChannel: null }, '2026-12-07')
    if (catalog.search('qwertz', 5)[0]?.id !== target.id) throw new Error('the changed company is not found')
  })
  time(() => {
    catalog.remove(target.id, '2026-12-07')
    if (catalog.search('qwertz', 5).some((v) => v.id === target.id)) throw new Error('the deleted company is still found')
  })
  // A page of the list from its middle, as the CLI and a windowed list ask for it.
  const pageAt = performance.now()
  const page = catalog.page(pageOffset, 100)
  const pageMs = performance.now() - pageAt
  if (page.length === 0) throw new Error('the page is empty')
  const maxRss = peakRss()
  process.stdout.write(JSON.stringify({ startMs, edits, pageMs, rssBefore, maxRss }))
}

if (process.argv.length >= 5) child(process.argv[2]!, process.argv[3]!, Number(process.argv[4]))
