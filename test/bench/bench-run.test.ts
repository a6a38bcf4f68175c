// @module-tag process
/**
 * `npm run bench` end to end on its cheapest steps (`--only "CLI start" --only "main start"`, about a minute
 * on a loaded 2-core machine, on the built CLI and main process that `npm test` builds first): the
 * run ends with issue 15's table, the rows of those steps carry this run's figures and judgements,
 * and every other row says that its step did not run. Nothing here reads or compares a time.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { targets } from '../../bench/summary'
import { repoRoot, tempDir } from '../helpers/ports'

describe('npm run bench -- --only', () => {
  it('runs the named steps and closes with every target row, measured or saying it did not run', () => {
    const dir = tempDir()
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', 'run.ts'), '--only', 'CLI start', '--only', 'main start'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache'), RIGHTFUL_DATA_DIR: path.join(dir, 'data') },
      maxBuffer: 16 * 1024 * 1024,
    })
    expect(result.status, result.stderr).toBe(0)
    const out = result.stdout
    expect(out).toContain('only: CLI start, main start')
    const table = out.slice(out.indexOf("Issue 15's targets")).split('\n')
    expect(table[1]).toMatch(/^figure +\| target +\| measured \(min \/ median\) +\| anchor +\| met\?$/)
    const measured = new Set(['CLI start', 'main start'])
    for (const [index, target] of targets.entries()) {
      const row = table[index + 3]!
      expect(row.startsWith(target.figure), row).toBe(true)
      const cells = row.split(' | ').map((cell) => cell.trim())
      if (measured.has(target.step)) {
        // Built by npm test before the unit tests; a "skipped" here means the CLI or main.js was not built.
        expect(cells[2], row).not.toMatch(/not measured|skipped/)
        expect(cells[3], row).toMatch(/node -e 0|build\/cli/)
        expect(['yes', 'no', 'min only', 'median only']).toContain(cells[4])
      } else {
        expect(cells[2], row).toBe(`not measured in this run (step "${target.step}" skipped or did not run)`)
        expect(cells[4]).toBe('-')
      }
    }
    // The code-loading rows are conditions, read from the bundles themselves.
    expect(out).toMatch(/rightful deadline … --json: code it loads +[\d,]+ KB of [\d,]+ KB of build\/cli/)
    expect(out).toMatch(/main\.js: code loaded before the window +[\d,]+ KB of [\d,]+ KB of \.vite\/build/)
  })
})
