/**
 * Writes assets/catalog/builtin.compact, the compact form of the built-in catalog (seed files and
 * packs) that the core loads at start without parsing every record or building the search index:
 *
 *   npm run catalog:compact            # after changing a seed file (catalog:build writes it with the packs)
 *   npm run catalog:compact -- --check # exit 1 when the committed file is not what the inputs give
 *
 * A compact form that does not match the seed files and packs beside it is never used (the core
 * falls back to reading the packs), so a stale file costs start time, not correctness.
 */
import fs from 'node:fs'
import path from 'node:path'
import { builtinCatalogFrom } from '../electron/adapters/node/resources'
import { compactFileName } from '../electron/core/catalog/compact'
import { makeCompactCatalog } from '../electron/core/catalog/compact-build'

const root = path.resolve(__dirname, '..')
const file = path.join(root, 'assets', 'catalog', compactFileName)
const bytes = makeCompactCatalog(builtinCatalogFrom(root))
if (process.argv.includes('--check')) {
  const same = fs.existsSync(file) && Buffer.compare(fs.readFileSync(file), Buffer.from(bytes)) === 0
  process.stdout.write(same ? `${compactFileName} is up to date\n` : `${compactFileName} is not what the seed files and packs give: run npm run catalog:compact\n`)
  process.exit(same ? 0 : 1)
}
fs.writeFileSync(`${file}.tmp`, bytes)
fs.renameSync(`${file}.tmp`, file)
process.stdout.write(`wrote ${path.relative(root, file)} (${(bytes.length / 1024).toFixed(0)} kB)\n`)
