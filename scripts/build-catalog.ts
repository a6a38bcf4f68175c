/**
 * Builds the built-in catalog packs (assets/catalog/packs/) from the open data sets:
 *
 *   npm run catalog:build                      # from ../shared/datarequests and ../shared/brokers
 *   npm run catalog:build -- --datarequests ~/src/datenanfragen-data --brokers ~/src/eraser/data
 *   npm run catalog:build -- --check           # exit 1 when the committed packs are not what the sources give
 *
 * Each source's commit and date come from its git checkout, else from --datarequests-commit /
 * --datarequests-date (and --brokers-…), else from scripts/catalog/sources.json when the folder's
 * README names that commit. The licence text is copied from the source's LICENSE into the pack and
 * beside it (the broker list's MIT notice must travel with the data). Prints what changed.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import YAML from 'yaml'
import { readImportEntries } from '../electron/core/catalog/import-files'
import { readPack, writePack, type CatalogPack, type PackSource } from '../electron/core/catalog/packs'
import { composePacks } from './catalog/compose'
import { builtinCatalogFrom } from '../electron/adapters/node/resources'
import { compactFileName } from '../electron/core/catalog/compact'
import { makeCompactCatalog } from '../electron/core/catalog/compact-build'

const root = path.resolve(__dirname, '..')
const packDir = path.join(root, 'assets', 'catalog', 'packs')
/** The broker list is one YAML file of some 200 kB; anything far larger is not it. */
const maxListBytes = 20 * 1024 * 1024

type Pinned = { id: string; name: string; description: string; homepage: string; repository: string; path: string; licenseSpdx: string; commit: string; date: string }

function fail(message: string): never {
  process.stderr.write(`build-catalog: ${message}\n`)
  process.exit(1)
}

function gitIdentity(dir: string): { commit: string; date: string } | null {
  try {
    const inside = execFileSync('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    if (inside !== 'true') return null
    const [commit, date] = execFileSync('git', ['-C', dir, 'log', '-1', '--format=%H %cs'], { encoding: 'utf8' }).trim().split(' ')
    return commit && date ? { commit, date } : null
  } catch {
    return null
  }
}

/** The snapshot's identity: flags, else git, else the pinned one when the folder's README names its commit. */
function identityOf(dir: string, pinned: Pinned, flags: { commit?: string; date?: string }): { commit: string; date: string } {
  if (flags.commit || flags.date) {
    if (!flags.commit || !flags.date) fail(`give both --${pinned.id}-commit and --${pinned.id}-date`)
    if (!/^[0-9a-f]{7,40}$/.test(flags.commit) || !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) fail(`--${pinned.id}-commit is a hex commit id and --${pinned.id}-date a YYYY-MM-DD date`)
    return { commit: flags.commit, date: flags.date }
  }
  const git = gitIdentity(dir)
  if (git) return git
  const readme = path.join(dir, 'README.md')
  const text = fs.existsSync(readme) ? fs.readFileSync(readme, 'utf8') : ''
  const named = [...text.matchAll(/\bcommit\s+([0-9a-f]{7,40})\b/gi)].map((m) => m[1]!.toLowerCase())
  if (named.some((c) => pinned.commit.startsWith(c))) return { commit: pinned.commit, date: pinned.date }
  fail(
    `${dir} is not a git checkout and its README does not name the pinned commit ${pinned.commit.slice(0, 8)}` +
      ` (it names ${named.join(', ') || 'none'}): pass --${pinned.id}-commit and --${pinned.id}-date for this snapshot.`,
  )
}

function sourceOf(pinned: Pinned, identity: { commit: string; date: string }, licenseFile: string): PackSource {
  if (!fs.existsSync(licenseFile)) fail(`${licenseFile} is missing: the data's licence must travel with it.`)
  return {
    id: pinned.id,
    name: pinned.name,
    description: pinned.description,
    homepage: pinned.homepage,
    repository: pinned.repository,
    path: pinned.path,
    commit: identity.commit,
    date: identity.date,
    license: { spdx: pinned.licenseSpdx, notice: fs.readFileSync(licenseFile, 'utf8') },
  }
}

function describeChanges(file: string, next: CatalogPack): string {
  const target = path.join(packDir, file)
  if (!fs.existsSync(target)) return 'new'
  let previous: CatalogPack
  try {
    previous = readPack(file, new Uint8Array(fs.readFileSync(target)))
  } catch {
    return 'replaces an unreadable pack'
  }
  const ids = (pack: CatalogPack) => new Map([...pack.companies, ...pack.merges.map((m) => m.company)].map((c) => [c.id, JSON.stringify(c)]))
  const before = ids(previous)
  const after = ids(next)
  let added = 0
  let removed = 0
  let changed = 0
  for (const [id, json] of after) {
    if (!before.has(id)) added += 1
    else if (before.get(id) !== json) changed += 1
  }
  for (const id of before.keys()) if (!after.has(id)) removed += 1
  return `${added} added, ${removed} removed, ${changed} changed since ${previous.source.commit.slice(0, 8)} (${previous.source.date})`
}

function main() {
  const { values } = parseArgs({
    options: {
      datarequests: { type: 'string', default: path.resolve(root, '..', 'shared', 'datarequests') },
      brokers: { type: 'string', default: path.resolve(root, '..', 'shared', 'brokers') },
      'datarequests-commit': { type: 'string' },
      'datarequests-date': { type: 'string' },
      'brokers-commit': { type: 'string' },
      'brokers-date': { type: 'string' },
      check: { type: 'boolean', default: false },
    },
  })
  const pinned = JSON.parse(fs.readFileSync(path.join(__dirname, 'catalog', 'sources.json'), 'utf8')) as { datarequests: Pinned; brokers: Pinned }

  const drDir = path.resolve(values.datarequests)
  const companiesDir = path.join(drDir, 'companies')
  if (!fs.existsSync(companiesDir)) fail(`${companiesDir} is missing: give --datarequests <folder with companies/>.`)
  const brokersDir = path.resolve(values.brokers)
  const listFile = fs.existsSync(path.join(brokersDir, 'brokers.yaml')) ? path.join(brokersDir, 'brokers.yaml') : path.join(brokersDir, 'data', 'brokers.yaml')
  if (!fs.existsSync(listFile)) fail(`no brokers.yaml in ${brokersDir} (nor in its data/ folder): give --brokers <folder>.`)
  if (fs.statSync(listFile).size > maxListBytes) fail(`${listFile} is larger than ${maxListBytes / 1024 / 1024} MB: not the broker list.`)

  const drSource = sourceOf(pinned.datarequests, identityOf(drDir, pinned.datarequests, { commit: values['datarequests-commit'], date: values['datarequests-date'] }), path.join(drDir, 'LICENSE'))
  const brokerLicense = fs.existsSync(path.join(brokersDir, 'LICENSE')) ? path.join(brokersDir, 'LICENSE') : path.join(path.dirname(listFile), '..', 'LICENSE')
  const brokerSource = sourceOf(pinned.brokers, identityOf(brokersDir, pinned.brokers, { commit: values['brokers-commit'], date: values['brokers-date'] }), brokerLicense)

  const list = YAML.parse(fs.readFileSync(listFile, 'utf8'), { maxAliasCount: 100 }) as { brokers?: unknown }
  if (!list || !Array.isArray(list.brokers)) fail(`${listFile} has no "brokers:" list.`)

  const seedDir = path.join(root, 'assets', 'catalog')
  const seeds = fs
    .readdirSync(seedDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: name, data: JSON.parse(fs.readFileSync(path.join(seedDir, name), 'utf8')) as unknown }))

  const { packs, report } = composePacks({
    seeds,
    datarequests: { source: drSource, entries: readImportEntries(companiesDir, 'datarequests') },
    brokers: { source: brokerSource, records: list.brokers },
  })

  const outputs = [
    { file: 'datarequests.json.gz', bytes: writePack(packs[0]), license: 'datarequests.LICENSE.txt', notice: drSource.license.notice },
    { file: 'brokers.json.gz', bytes: writePack(packs[1]), license: 'brokers.LICENSE.txt', notice: brokerSource.license.notice },
  ]
  // Written packs must read back as the core reads them.
  for (const output of outputs) readPack(output.file, output.bytes)

  if (values.check) {
    const stale = outputs.filter((o) => {
      const target = path.join(packDir, o.file)
      const license = path.join(packDir, o.license)
      return !fs.existsSync(target) || !Buffer.from(o.bytes).equals(fs.readFileSync(target)) || !fs.existsSync(license) || fs.readFileSync(license, 'utf8') !== o.notice
    })
    if (stale.length > 0) fail(`not current: ${stale.map((o) => o.file).join(', ')}; run npm run catalog:build`)
    const compactFile = path.join(root, 'assets', 'catalog', compactFileName)
    if (!fs.existsSync(compactFile) || !Buffer.from(makeCompactCatalog(builtinCatalogFrom(root))).equals(fs.readFileSync(compactFile))) {
      fail(`not current: ${compactFileName}; run npm run catalog:compact`)
    }
    process.stdout.write('The committed packs are what the sources give.\n')
    return
  }

  fs.mkdirSync(packDir, { recursive: true })
  for (const [i, output] of outputs.entries()) {
    const pack = packs[i]!
    const change = describeChanges(output.file, pack)
    const temp = path.join(packDir, `.${output.file}.tmp`)
    fs.writeFileSync(temp, output.bytes)
    fs.renameSync(temp, path.join(packDir, output.file))
    fs.writeFileSync(path.join(packDir, output.license), output.notice)
    process.stdout.write(
      `${output.file}: ${pack.source.name} ${pack.source.commit.slice(0, 8)} (${pack.source.date}), ${pack.companies.length} companies, ` +
        `${pack.merges.length} merged into earlier ones, ${pack.rejected.length} not used; ${(output.bytes.length / 1024).toFixed(0)} kB; ${change}\n`,
    )
    for (const r of pack.rejected) process.stdout.write(`  not used: ${r.entry}: ${r.reason}\n`)
  }
  process.stdout.write(`merged by domain: ${report.merged.length} (${report.merged.slice(0, 8).map((m) => `${m.id}→${m.into}`).join(', ')}${report.merged.length > 8 ? ', …' : ''})\n`)
  for (const r of report.renamed) process.stdout.write(`  new id ${r.to} for ${r.from}: ${r.reason}\n`)
  for (const a of report.ambiguous) process.stdout.write(`  kept apart: ${a.id} shares ${a.domain} with ${a.candidates.join(', ')}\n`)
  for (const s of report.successors) process.stdout.write(`  ${s.id} became part of ${s.name}${s.into ? ` (${s.into})` : ' (not in the catalog)'}\n`)
  // The compact form the core starts from, made from the packs just written.
  const compact = makeCompactCatalog(builtinCatalogFrom(root))
  const compactFile = path.join(root, 'assets', 'catalog', compactFileName)
  fs.writeFileSync(`${compactFile}.tmp`, compact)
  fs.renameSync(`${compactFile}.tmp`, compactFile)
  process.stdout.write(`${compactFileName}: ${(compact.length / 1024).toFixed(0)} kB\n`)
}

main()
