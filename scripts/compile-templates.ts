/**
 * Writes templates/compiled.json, the built-in templates and strings files compiled ahead of time
 * (electron/core/templates/compiled.ts), which the bundles copy with the templates:
 *
 *   npm run templates:compile            # run by build:main and build:cli before they bundle
 *   npm run templates:compile -- --check # exit 1 when the file is not what the templates give
 *
 * The file is not kept in git (each build writes it). An entry whose template has changed since is
 * never used (the core parses that file's YAML), so a stale file costs time, not correctness; a
 * template that does not parse stops the build here, with the reason.
 */
import fs from 'node:fs'
import path from 'node:path'
import { templatesFrom } from '../electron/adapters/node/resources'
import { compiledTemplatesFile, compileTemplates } from '../electron/core/templates/compiled'

const root = path.resolve(__dirname, '..')
const file = path.join(root, 'templates', compiledTemplatesFile)
const text = `${JSON.stringify(compileTemplates(templatesFrom(root)))}\n`
if (process.argv.includes('--check')) {
  const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text
  process.stdout.write(same ? `templates/${compiledTemplatesFile} is up to date\n` : `templates/${compiledTemplatesFile} is not what the templates give: run npm run templates:compile\n`)
  process.exit(same ? 0 : 1)
}
fs.writeFileSync(`${file}.tmp`, text)
fs.renameSync(`${file}.tmp`, file)
process.stdout.write(`wrote ${path.relative(root, file)} (${(Buffer.byteLength(text) / 1024).toFixed(0)} kB)\n`)
