// @module-tag process
/**
 * The data folder's kill loop (test/helpers/kill-loop.ts), CI-sized: two processes change one
 * folder at once and one is killed with SIGKILL at a step drawn with a fixed seed; after a fresh
 * open nothing acknowledged is lost, no event is orphaned or doubled, no reference handed out
 * twice, no file damaged, nothing temporary left. `npx tsx bench/kill-loop.ts` runs 200 trials.
 */
import { describe, expect, it } from 'vitest'
import { killLoop } from '../helpers/kill-loop'

describe('the data folder kill loop', () => {
  it('loses nothing acknowledged and leaves nothing behind, 12 trials with a fixed seed', async () => {
    const report = await killLoop({ trials: 12, seed: 20261212 })
    expect(report.problems).toEqual([])
    expect(report.killed).toBeGreaterThan(6)
    expect(report.acknowledged).toBeGreaterThan(40)
    expect([report.lost, report.orphans, report.doubles, report.damaged, report.leftovers]).toEqual([0, 0, 0, 0, 0])
  })
})
