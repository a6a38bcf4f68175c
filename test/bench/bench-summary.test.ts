/**
 * `npm run bench` closes with one row per target of issue 15 (bench/summary.ts). These tests time
 * nothing: they check that the table has every target row, that each row is recorded by a bench
 * that run.ts runs (so a removed bench is noticed), that a row without a figure says why, how a
 * figure is judged against its target, and how the loaded-code check reads a bundle.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { describeLoaded, heavyParts, packageOf } from '../../bench/loaded-code'
import { clearFigures, judge, minMedian, recordFigure, recordStepFailure, recordedFigures, summaryTable, targets, targetIds, type Figure, type Target } from '../../bench/summary'
import { repoRoot } from '../helpers/ports'

/** Issue 15's targets, as rows of the table (written out here so that dropping one fails). */
const issueRows = [
  'cli-version',
  'cli-deadline',
  'cli-compile-cache',
  'cli-lazy',
  'main-window',
  'letter-warm-en-access',
  'letter-warm-en-erasure',
  'letter-warm-zh-access',
  'letter-warm-zh-erasure',
  'letter-cold-en-access',
  'letter-cold-en-erasure',
  'letter-cold-zh-access',
  'letter-cold-zh-erasure',
  'catalog-start',
  'catalog-rss',
  'catalog-edit',
  'catalog-compact',
  'hard-queries-set',
  'hard-queries-top3-builtin',
  'hard-queries-top3-100k',
  'hard-queries-p95-builtin',
  'hard-queries-p95-100k',
  'requests-create',
  'requests-cold-open',
  'requests-list-cli',
  'holiday-tables',
  'dashboard-fetch',
  'core-peak-rss',
]

const targetOf = (id: string): Target => targets.find((t) => t.id === id)!

afterEach(() => clearFigures())

describe('the bench summary of issue 15', () => {
  it('has one row for each target of the issue, in the table order', () => {
    expect([...targetIds].sort()).toEqual([...issueRows].sort())
    expect(targets.map((t) => t.id)).toEqual([...targetIds])
  })

  it('has every row recorded by the bench file it names, in a step run.ts runs', () => {
    const run = fs.readFileSync(path.join(repoRoot, 'bench', 'run.ts'), 'utf8')
    const missing: string[] = []
    for (const target of targets) {
      const source = fs.readFileSync(path.join(repoRoot, target.source), 'utf8')
      // The id as a literal, or a template that starts with part of it (`letter-warm-${letter.id}`).
      const prefixes = target.id.split('-').map((_, i, parts) => `${parts.slice(0, i).join('-')}-`)
      const recorded = source.includes(`recordFigure('${target.id}'`) || prefixes.some((prefix) => prefix !== '-' && source.includes(`recordFigure(\`${prefix}\${`))
      if (!recorded) missing.push(`${target.id}: not recorded in ${target.source}`)
      if (!run.includes(`step('${target.step}'`)) missing.push(`${target.id}: run.ts has no step '${target.step}'`)
      const module = `./${path.basename(target.source, '.ts')}'`
      if (target.source !== 'bench/run.ts' && !run.includes(module)) missing.push(`${target.id}: run.ts does not import ${target.source}`)
    }
    expect(missing).toEqual([])
  })

  it('prints a row per target, saying so when a bench did not run or failed', () => {
    recordStepFailure('catalog scale', 'the catalog scale child failed: out of memory')
    const lines = summaryTable()
    expect(lines).toHaveLength(2 + targets.length)
    expect(lines[0]).toMatch(/^figure +\| target +\| measured \(min \/ median\) +\| anchor +\| met\?$/)
    for (const [index, target] of targets.entries()) {
      const row = lines[index + 2]!
      expect(row.startsWith(target.figure)).toBe(true)
      if (target.step === 'catalog scale') expect(row).toContain('FAILED: the catalog scale child failed: out of memory')
      else expect(row).toContain(`not measured in this run (step "${target.step}"`)
      expect(row.endsWith('| -')).toBe(true)
    }
  })

  it('prints what a bench recorded, with its anchor and the judgement', () => {
    recordFigure('cli-version', { min: 98.4, median: 161.2, unit: 'ms', detail: '1.4 / 1.9 × node -e 0', anchor: 'node -e 0 70 / 85 ms' })
    recordFigure('letter-warm-zh-access', { min: 3.2, median: 4.6, unit: '×', anchor: 'letter-generator 60 / 66 ms' })
    recordFigure('cli-lazy', { detail: '2,742 KB of 9,395 KB; loads PDF', check: false, anchor: 'the whole build/cli' })
    const lines = summaryTable()
    const row = (id: string) => lines[targets.findIndex((t) => t.id === id) + 2]!
    expect(row('cli-version')).toMatch(/\| 98\.4 ms \/ 161 ms; 1\.4 \/ 1\.9 × node -e 0 +\| node -e 0 70 \/ 85 ms +\| min only$/)
    expect(row('letter-warm-zh-access')).toMatch(/\| 3\.20× \/ 4\.60× +\| letter-generator 60 \/ 66 ms +\| median only$/)
    expect(row('cli-lazy')).toMatch(/\| 2,742 KB of 9,395 KB; loads PDF +\| the whole build\/cli +\| no$/)
    expect(recordedFigures().figures.size).toBe(3)
  })

  it('judges a figure against its target', () => {
    const figure = (min: number, median: number, more: Partial<Figure> = {}): Figure => ({ min, median, unit: 'ms', anchor: '-', ...more })
    expect(judge(targetOf('requests-create'), figure(0.4, 0.6))).toBe('yes')
    expect(judge(targetOf('requests-create'), figure(1.5, 2.5))).toBe('min only')
    expect(judge(targetOf('requests-create'), figure(2, 3))).toBe('no')
    expect(judge(targetOf('requests-create'), undefined)).toBe('-')
    expect(judge(targetOf('hard-queries-set'), { ...figure(218, 218), unit: 'queries' })).toBe('yes')
    expect(judge(targetOf('hard-queries-set'), { ...figure(199, 199), unit: 'queries' })).toBe('no')
    expect(judge(targetOf('letter-cold-en-access'), { ...figure(1, 1.2), unit: '×' })).toBe('median only')
    expect(judge(targetOf('main-window'), figure(20, 40, { check: true }))).toBe('yes')
    expect(judge(targetOf('main-window'), figure(20, 40, { check: false }))).toBe('no')
    expect(judge(targetOf('main-window'), figure(20, 40))).toBe('no check')
    expect(judge(targetOf('core-peak-rss'), { ...figure(500, 520), unit: 'MB' })).toBe('printed (no limit)')
    expect(judge(targetOf('catalog-rss'), { anchor: '-', detail: 'no numbers' })).toBe('no figure')
  })

  it('takes the min and the lower median of samples', () => {
    expect(minMedian([30, 10, 20])).toEqual({ min: 10, median: 20 })
    expect(minMedian([4, 1, 3, 2])).toEqual({ min: 1, median: 2 })
    expect(() => minMedian([])).toThrow('no samples')
  })
})

describe('the code a process loaded', () => {
  const made: string[] = []
  afterEach(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  /** A bundle folder of three files, each with a source map naming what it was built from. */
  function bundle(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-loaded-'))
    made.push(dir)
    const files = new Map([
      ['cli.js', ['../../electron/cli.ts']],
      ['pdf-letter-x1.js', ['../../electron/core/letters/pdf-letter.ts', '../../node_modules/pdfkit/js/pdfkit.js']],
      ['rules-x2.js', ['../../electron/core/replies/rules.ts', '../../electron/core/replies/classify.ts']],
    ])
    for (const [name, sources] of files) {
      fs.writeFileSync(path.join(dir, name), 'x'.repeat(1024))
      fs.writeFileSync(path.join(dir, `${name}.map`), JSON.stringify({ version: 3, sources }))
    }
    return dir
  }

  it('names the heavy parts the loaded bundle files were built from', () => {
    const dir = bundle()
    const none = describeLoaded([path.join(dir, 'cli.js'), '/elsewhere/node_modules/commander/index.js'], dir)
    expect(none).toEqual({ loadedBytes: 1024, bundleBytes: 3 * 1024, heavy: [], files: ['cli.js'], modules: ['electron/cli.ts'] })
    const some = describeLoaded([path.join(dir, 'cli.js'), path.join(dir, 'pdf-letter-x1.js'), path.join(dir, 'rules-x2.js'), '/app/node_modules/date-holidays/lib/index.cjs'], dir)
    expect(some.heavy).toEqual(['PDF', 'holidays library', 'classifiers'])
    expect(some.loadedBytes).toBe(3 * 1024)
  })

  it('reads the package of a file in node_modules', () => {
    expect(packageOf('/a/node_modules/imapflow/lib/imap-flow.js')).toBe('imapflow')
    expect(packageOf('/a/node_modules/@zone-eu/mailsplit/index.js')).toBe('@zone-eu/mailsplit')
    expect(packageOf('/a/node_modules/x/node_modules/nodemailer/lib/a.js')).toBe('nodemailer')
    expect(packageOf('/a/build/cli/cli.js')).toBeNull()
    expect(heavyParts.map((part) => part.name)).toEqual(['mail', 'PDF', 'IMAP', 'holidays library', 'classifiers'])
  })
})
