/**
 * The anchor every figure of `npm run bench` is read against: how long this machine, as loaded as
 * it is right now, takes to start Node and run nothing (`node -e 0`). A figure that doubles while
 * the anchor doubles says the machine was busy, not that the code got slower. Nothing is ever
 * passed or failed on time; the figures are printed side by side.
 */
import { spawnSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'

/** The median of `runs` starts of `node -e 0`, in milliseconds. */
export function measureNodeStart(runs = 5): number {
  const samples: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now()
    const result = spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' })
    samples.push(performance.now() - start)
    if (result.status !== 0) throw new Error(`node -e 0 exited with ${String(result.status)}`)
  }
  samples.sort((a, b) => a - b)
  return samples[Math.floor(samples.length / 2)]!
}

/** A duration with its ratio to the anchor: "1,454 ms (33 × node -e 0)". */
export function againstAnchor(ms: number, anchorMs: number): string {
  const value = ms < 1 ? `${ms.toFixed(3)} ms` : `${Math.round(ms).toLocaleString('en')} ms`
  return `${value} (${(ms / anchorMs).toFixed(1)} × node -e 0)`
}
