/**
 * The kill loop for importing a reply (test/helpers/reply-kill-loop.ts): 200 trials by default,
 * each a child process killed with SIGKILL before a step drawn with a fixed seed, then a fresh open
 * and the same message imported again. Prints what was lost, orphaned, doubled or left behind
 * (all must be 0) and exits non-zero otherwise.
 *
 *   npx tsx bench/reply-kill-loop.ts [--trials 200] [--seed 20261207] [--verbose]
 */
import { parseArgs } from 'node:util'
import { replyKillLoop } from '../test/helpers/reply-kill-loop'

const { values } = parseArgs({ options: { trials: { type: 'string' }, seed: { type: 'string' }, verbose: { type: 'boolean' } } })
const trials = Number(values.trials ?? 200)
const seed = Number(values.seed ?? 20261207)
const started = Date.now()
void replyKillLoop({ trials, seed, log: values.verbose ? (line) => console.log(line) : undefined }).then((report) => {
  console.log(`reply import kill loop: ${report.trials} trials (seed ${seed}), ${report.steps} steps per import, ${report.killed} killed, ${report.completed} completed`)
  console.log(`  acknowledged imports lost   ${report.acknowledgedLost}`)
  console.log(`  orphan "reply received"     ${report.orphanEvents}`)
  console.log(`  same message twice          ${report.duplicateEvents}`)
  console.log(`  temporary files left        ${report.leftoverTempFiles}`)
  console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  for (const problem of report.problems) console.log(`  ${problem}`)
  process.exitCode = report.problems.length === 0 ? 0 : 1
})
