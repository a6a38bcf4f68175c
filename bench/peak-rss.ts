/** Peak resident memory of the running process, as the benches print it. */
import fs from 'node:fs'

/**
 * This process's peak RSS in bytes: VmHWM of /proc/self/status where there is one (Linux). Not
 * `process.resourceUsage().maxRSS`: Linux carries that over from the parent across fork and exec,
 * so a child of a large parent reports the parent's peak.
 */
export function peakRss(): number {
  try {
    const found = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))
    if (found) return Number(found[1]) * 1024
  } catch {
    // No /proc: below.
  }
  return process.resourceUsage().maxRSS * 1024
}
