/**
 * Writes templates/compiled.json, the built-in templates and strings files compiled ahead of time
 * (electron/core/templates/compiled.ts), and assets/fonts/runs/<lang>.json, the fixed words of each
 * language's letters laid out in Noto Sans (electron/core/letters/run-table.ts), which the bundles
 * copy with the templates and fonts:
 *
 *   npm run templates:compile            # run by build:main and build:cli before they bundle
 *   npm run templates:compile -- --check # exit 1 when the file is not what the templates give
 *
 * The files are not kept in git (each build writes them). An entry whose template has changed since
 * is never used (the core parses that file's YAML), nor a run table of another font file, so a
 * stale file costs time, not correctness; a template that does not parse stops the build here,
 * with the reason. --check looks at templates/compiled.json only.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fontsFrom, runTablesFolder, templatesFrom } from '../electron/adapters/node/resources'
import { compileRunTable, languageTexts } from '../electron/core/letters/run-table-build'
import { languages } from '../electron/core/shared/kinds'
import { compiledTemplatesFile } from '../electron/core/templates/compiled'
import { compileTemplates } from '../electron/core/templates/compiled-build'
import { loadTemplates } from '../electron/core/templates/templates'

const root = path.resolve(__dirname, '..')
const file = path.join(root, 'templates', compiledTemplatesFile)
const text = `${JSON.stringify(compileTemplates(templatesFrom(root)))}\n`
if (process.argv.includes('--check')) {
  const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text
  process.stdout.write(same ? `templates/${compiledTemplatesFile} is up to date\n` : `templates/${compiledTemplatesFile} is not what the templates give: run npm run templates:compile\n`)
  process.exit(same ? 0 : 1)
}
/** Writes `text` to `target` whole or not at all. */
function writeWhole(target: string, text: string): void {
  fs.writeFileSync(`${target}.tmp`, text)
  fs.renameSync(`${target}.tmp`, target)
  process.stdout.write(`wrote ${path.relative(root, target)} (${(Buffer.byteLength(text) / 1024).toFixed(0)} kB)\n`)
}

writeWhole(file, text)
const runsDir = path.join(root, ...runTablesFolder)
fs.mkdirSync(runsDir, { recursive: true })
const templates = loadTemplates(templatesFrom(root), null)
const fonts = fontsFrom(root)
for (const lang of languages) {
  const texts = languageTexts(lang, templates)
  if (texts) writeWhole(path.join(runsDir, `${lang}.json`), `${JSON.stringify(compileRunTable(lang, texts, fonts))}\n`)
}
