/**
 * Policy import on large inputs, the figures the test suite used to assert in seconds: a 2 MB
 * policy of repeated paragraphs, and one line of up to 1.7 MB of address-like anchors at growing
 * sizes, so that a growth faster than the input shows as a row-by-row ratio. Each figure is
 * printed beside the anchor (`node -e 0`) measured in the same run.
 * Run alone: npx tsx bench/policy-import-large.ts
 */
import { performance } from 'node:perf_hooks'
import { extractPolicy } from '../electron/core/catalog/policy-import'
import { againstAnchor, measureNodeStart } from './anchor'

/** The same inputs as test/core/policy-import.test.ts "reads a 2 MB policy to the end". */
const longPolicy = (() => {
  const block = 'We use cookies. Questions about your personal data: privacy@longform.org. Write to Longform Ltd, 1 Quay Street, Manchester, M3 3JE. Tel: +44 161 496 0000.\n\n'
  return block.repeat(Math.floor(1_990_000 / block.length))
})()
const anchorLine = ('Street 1, '.repeat(10) + 'Hong Kong, ').repeat(15_000)

function timed(text: string): number {
  const start = performance.now()
  extractPolicy({ format: 'text', text })
  return performance.now() - start
}

export function benchLargePolicies(report: (name: string, value: string) => void, anchorMs: number): void {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`
  report(`policy import: ${mb(longPolicy.length)} of repeated paragraphs`, againstAnchor(timed(longPolicy), anchorMs))
  let previous: { size: number; ms: number } | null = null
  for (const size of [anchorLine.length / 4, anchorLine.length / 2, anchorLine.length].map(Math.floor)) {
    const ms = timed(anchorLine.slice(0, size))
    // Linear work doubles when the input doubles; the ratio says how far from that it is.
    const growth = previous ? `, ×${(ms / previous.ms).toFixed(1)} for ×${(size / previous.size).toFixed(1)} input` : ''
    report(`policy import: one line of address anchors, ${mb(size)}`, `${againstAnchor(ms, anchorMs)}${growth}`)
    previous = { size, ms }
  }
}

if (require.main === module) {
  const anchorMs = measureNodeStart()
  const report = (name: string, value: string) => process.stdout.write(`${name.padEnd(58)} ${value}\n`)
  report('anchor: node -e 0 (p50 of 5)', `${anchorMs.toFixed(1)} ms`)
  benchLargePolicies(report, anchorMs)
}
