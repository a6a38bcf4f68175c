/**
 * Where the excerpts of real privacy policies are. They are third parties' texts, fetched from
 * public repositories, so they are kept out of this repository's commits: what is committed beside
 * each set is our own work, the labels and `sources.json` (for every excerpt its repository,
 * commit, path and SHA-256, from which it can be fetched and cut again). The excerpts live in a
 * folder per set (`policies`, `policies-heldout3` …) under the first of: RIGHTFUL_CORPORA_DIR,
 * `../shared/corpora` and `../corpora` beside the checkout. Tests and benches that need them say
 * they skipped, and why, where they are absent.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const repoRoot = path.resolve(__dirname, '..', '..')

/** The folders looked in, in order. */
export function corporaCandidates(): string[] {
  return [process.env.RIGHTFUL_CORPORA_DIR, path.resolve(repoRoot, '..', 'shared', 'corpora'), path.resolve(repoRoot, '..', 'corpora')].filter((d): d is string => Boolean(d))
}

/** The folder holding the excerpts of `set` (e.g. "policies-heldout3"), or null when none has it. */
export function excerptsDir(set: string): string | null {
  for (const root of corporaCandidates()) {
    const dir = path.join(root, set)
    if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) return dir
  }
  return null
}

/** Why a set's excerpts cannot be read here, for a skip message; null when they can. */
export function excerptsMissing(set: string): string | null {
  return excerptsDir(set) ? null : `the excerpts of ${set} (third parties' texts, not committed) are not in ${corporaCandidates().map((d) => path.join(d, set)).join(' or ')}`
}

/** A set's sources.json: for every excerpt where it comes from and its SHA-256. */
export const sourcesSchema = z.object({
  about: z.string().optional(),
  files: z.record(z.string(), z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).passthrough()),
})

/** The excerpt `file` of a set, refused when it is not the one that was labelled (its SHA-256 differs). */
export function readExcerpt(textDir: string, file: string, sha256: string | undefined): Buffer {
  const bytes = fs.readFileSync(path.join(textDir, file))
  if (sha256 !== undefined && sha256 !== createHash('sha256').update(bytes).digest('hex')) {
    throw new Error(`${file} is not the excerpt that was labelled (its SHA-256 differs from sources.json)`)
  }
  return bytes
}
