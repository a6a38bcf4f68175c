/**
 * The kill loop for the data folder (test/helpers/kill-loop.ts): two processes change one folder
 * at once (events, companies, contacts, new requests, replies, the same reply twice), one killed
 * with SIGKILL at a step drawn with a fixed seed; a fresh open then counts what was lost, orphaned
 * or doubled, found damaged or left behind (all must be 0). Exits non-zero otherwise.
 *
 *   npx tsx bench/kill-loop.ts [--trials 200] [--seed 20261212] [--verbose]
 *
 * `npm run bench` runs a short one (bench/run.ts).
 */
import { parseArgs } from 'node:util'
import { killLoop, type KillLoopReport } from '../test/helpers/kill-loop'

/** The figures, one per line. */
export function describeKillLoop(report: KillLoopReport, seconds: number): string[] {
  return [
    `data folder kill loop: ${report.trials} trials (seed ${report.seed}), ${report.killed} processes killed, ${report.acknowledged} acknowledged changes checked (${seconds.toFixed(0)} s)`,
    `  acknowledged changes lost     ${report.lost}`,
    `  orphan or doubled events      ${report.orphans}`,
    `  references handed out twice   ${report.doubles}`,
    `  files found damaged           ${report.damaged}`,
    `  temporary files left          ${report.leftovers}`,
  ]
}

if (require.main === module) {
  const { values } = parseArgs({ options: { trials: { type: 'string' }, seed: { type: 'string' }, verbose: { type: 'boolean' } } })
  const trials = Number(values.trials ?? 200)
  const seed = Number(values.seed ?? 20261212)
  const started = Date.now()
  void killLoop({ trials, seed, log: values.verbose ? (line) => console.log(line) : undefined }).then((report) => {
    for (const line of describeKillLoop(report, (Date.now() - started) / 1000)) console.log(line)
    for (const problem of report.problems) console.log(`  ${problem}`)
    process.exitCode = report.problems.length === 0 ? 0 : 1
  })
}
