/**
 * Draws held-out policy sets at random from local git copies of public Open Terms Archive
 * "*-versions" repositories and cuts each drawn policy to the excerpt that matters, by one fixed
 * rule written before any excerpt was read (see `cutExcerpt`).
 *
 *   npx tsx scripts/policy-heldout-cut.ts --mirror DIR [--mirror DIR …] --out DIR \
 *     [--seed 20261209] [--count 60] [--first 42] [--set 7] [--manifest test/fixtures/policies-heldout7]
 *
 * Each --mirror is a git directory (bare or not) of one versions repository; its "*\/Privacy Policy.md"
 * documents at HEAD form the pool, one per service (the first repository given wins a name both
 * hold). Services already in an earlier set (test/fixtures/policies*) are left out. The pool, in
 * (repository, path) order, is shuffled with a seeded generator; documents are taken in that order,
 * and one whose excerpt comes out under 1,000 characters is passed over, as is a near copy: half or
 * more of its 5-word runs found in an excerpt of an earlier set (in the corpora folders) or drawn before. The first `--first` taken
 * form set 7a (the untouched one), the rest set 7b: `<out>/policies-heldout7a/*.md` and
 * `<out>/policies-heldout7b/*.md` (first line: the source), and with --manifest `sources.json`
 * (file -> repository, commit, path, version date, SHA-256) into `<manifest>a` and `<manifest>b`.
 * With `--first` at least `--count`, every document drawn forms one set named by `--set` (set 8:
 * `--set 8 --count 60 --first 60`): `<out>/policies-heldout8/heldout8-*.md`, sources in `<manifest>`.
 *
 * The excerpts are the services' texts: they are kept out of this repository's commits (see
 * test/helpers/policy-heldout7.ts for where the bench looks for them); labels and sources are ours.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { corporaCandidates } from '../test/helpers/corpora'
import { seeded } from '../test/helpers/seeded'

const root = path.resolve(__dirname, '..')


/** Lower-case letters and digits only: how service names are compared across sets. */
export function serviceKey(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '')
}

/** Lines that start a block naming a way to reach the company (the set-5 rule, with its French and German words). */
export const contactCue =
  /@|\bcontroller\b|data protection officer|\bDPO\b|\brepresentative\b|contact us|postal address|mailing address|registered office|write to us|by mail\b|following address|headquarter|responsable (?:du|de) traitement|délégué(?:e)? à la protection|nous contacter|contactez[- ]nous|adresse postale|siège social|par courrier|adresse suivante|écri(?:re|vez)[- ](?:à|nous)|verantwortlich|datenschutzbeauftragt|anschrift|kontaktieren|\bsitz\b/i

const headingLine = /^#{1,6}\s|^(?:=+|-+)\s*$/m

type Block = { text: string; heading: boolean }

function blocksOf(text: string, heading: RegExp): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0)
    .map((b) => ({ text: b, heading: heading.test(b) && b.length < 200 }))
}

/**
 * The fixed excerpt rule: the opening (blocks up to 1,200 characters), then every block with an '@'
 * or naming a controller, DPO, representative, "contact us", a postal or mailing address, registered
 * office, "write to us", "by mail", "following address" or headquarters (and the same in French
 * and German), each with the heading above it and the short blocks (< 160 characters) right before
 * and after it, in order, "[…]" between gaps, cut at 10,000 characters (whole blocks only). A draw
 * from other languages passes a `cue` that adds their words to `contactCue` (set 10: Spanish); an HTML page,
 * first laid out in blocks (set 11, scripts/policy-heldout-repos.ts `htmlBlocks`), passes its own `heading`
 * (a block that opens with `<h1>` … `<h6>`).
 */
export function cutExcerpt(text: string, limit = 10_000, cue: RegExp = contactCue, heading: RegExp = headingLine): string {
  const blocks = blocksOf(text, heading)
  const keep = new Set<number>()
  let opening = 0
  for (let i = 0; i < blocks.length && opening < 1_200; i += 1) {
    keep.add(i)
    opening += blocks[i]!.text.length
  }
  let lastHeading = -1
  blocks.forEach((block, i) => {
    if (block.heading) lastHeading = i
    if (block.heading || !cue.test(block.text)) return
    keep.add(i)
    if (lastHeading >= 0) keep.add(lastHeading)
    if (i > 0 && blocks[i - 1]!.text.length < 160) keep.add(i - 1)
    if (i + 1 < blocks.length && blocks[i + 1]!.text.length < 160) keep.add(i + 1)
  })
  const out: string[] = []
  let size = 0
  let previous = -1
  for (const i of [...keep].sort((a, b) => a - b)) {
    const piece = blocks[i]!.text
    if (size + piece.length > limit) break
    if (previous >= 0 && i !== previous + 1) out.push('[…]')
    out.push(piece)
    size += piece.length
    previous = i
  }
  return out.join('\n\n') + '\n'
}

/** The 5-word runs of a text (lower case, letters and digits), for telling a near copy. */
export function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const out = new Set<string>()
  for (let i = 0; i + 5 <= words.length; i += 1) out.add(words.slice(i, i + 5).join(' '))
  return out
}

/** Share of `text`'s 5-word runs found in `other`: 1 for a copy, near 0 for another policy. */
export function containedIn(text: Set<string>, other: Set<string>): number {
  if (text.size === 0) return 0
  let shared = 0
  for (const s of text) if (other.has(s)) shared += 1
  return shared / text.size
}

/** From this share of its 5-word runs on, an excerpt counts as a near copy of another (same policy under two services' names). */
export const nearCopyShare = 0.5

/** The number of a held-out set's folder (`policies-heldout10` -> 10, `policies-heldout7a` -> 7), or null for the tuning corpus. */
export function setNumber(dir: string): number | null {
  const match = /^policies-heldout(\d+)[a-z]?$/.exec(dir)
  return match ? Number(match[1]) : null
}

/** Whether `dir` is a set drawn after `drawn` (a later set never changes an earlier draw when it is run again). */
export function drawnLater(dir: string, drawn: string | undefined): boolean {
  const mine = drawn === undefined ? null : setNumber(drawn)
  const theirs = setNumber(dir)
  return mine !== null && theirs !== null && theirs > mine
}

/**
 * The excerpts of the earlier sets found in the corpora folders (test/helpers/corpora.ts), as 5-word runs; `except` names
 * the set being drawn, left out, and so are the sets drawn after it (so set 10's draw is the same once set 11 exists).
 */
export function earlierExcerpts(except?: string): Array<{ name: string; runs: Set<string> }> {
  const out: Array<{ name: string; runs: Set<string> }> = []
  const seenDirs = new Set<string>(except === undefined ? [] : [except])
  for (const base of corporaCandidates()) {
    if (!fs.existsSync(base)) continue
    for (const dir of fs.readdirSync(base).filter((d) => d.startsWith('policies'))) {
      if (seenDirs.has(dir) || drawnLater(dir, except)) continue
      seenDirs.add(dir)
      for (const file of fs.readdirSync(path.join(base, dir)).filter((f) => /\.(?:md|html?|txt)$/.test(f))) {
        const raw = fs.readFileSync(path.join(base, dir, file), 'utf8')
        out.push({ name: `${dir}/${file}`, runs: shingles(raw.slice(raw.indexOf('\n') + 1)) })
      }
    }
  }
  return out
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
}

/**
 * Services used by an earlier set. The excerpts are no longer committed, so each set is known by its
 * sources.json (file names, and each file's source line or path) and labels.json (file names).
 */
export function earlierServices(fixtures: string = path.join(root, 'test', 'fixtures')): Set<string> {
  const used = new Set<string>()
  const addFile = (file: string) => {
    const slug = file.replace(/\.[a-z]+$/, '').replace(/^(?:heldout\d+[a-z]?|fresh)-/, '')
    used.add(serviceKey(slug))
    used.add(serviceKey(slug.replace(/-(?:[a-z]{2}|com|net|org|uk|co-uk)$/, '')))
  }
  const addSource = (text: string) => {
    const fromSource = /-versions (.+?)\/[^/]+\.md @/.exec(text) ?? /^([^/]+)\/[^/]+\.md$/.exec(text)
    if (fromSource) used.add(serviceKey(fromSource[1]!))
  }
  for (const dir of fs.readdirSync(fixtures).filter((d) => d.startsWith('policies'))) {
    for (const file of fs.readdirSync(path.join(fixtures, dir))) {
      const full = path.join(fixtures, dir, file)
      if (file === 'README.md') continue
      if (/\.(?:md|html?|txt)$/.test(file)) {
        addFile(file)
        addSource(fs.readFileSync(full, 'utf8').split('\n', 1)[0] ?? '')
        continue
      }
      if (!/\.json$/.test(file)) continue
      const parsed = JSON.parse(fs.readFileSync(full, 'utf8')) as { files?: Record<string, { source?: unknown; path?: unknown }>; policies?: Record<string, unknown> }
      for (const [name, entry] of Object.entries(parsed.files ?? {})) {
        addFile(name)
        if (typeof entry.source === 'string') addSource(entry.source)
        if (typeof entry.path === 'string') addSource(entry.path)
      }
      for (const name of Object.keys(parsed.policies ?? {})) addFile(name)
    }
  }
  return used
}

function main(): void {
  const { values } = parseArgs({
    options: {
      mirror: { type: 'string', multiple: true },
      out: { type: 'string' },
      seed: { type: 'string', default: '20261209' },
      count: { type: 'string', default: '60' },
      first: { type: 'string', default: '42' },
      manifest: { type: 'string' },
      set: { type: 'string', default: '7' },
    },
  })
  if (!values.mirror?.length || !values.out) throw new Error('need --mirror DIR (one or more) and --out DIR')
  const seed = Number(values.seed)
  const count = Number(values.count)
  const first = Number(values.first)
  const setName = values.set
  /** One set when every document drawn goes to the first part (set 8), else two (7a, 7b). */
  const single = first >= count
  const partName = (part: 'a' | 'b') => (single ? setName : `${setName}${part}`)
  const used = earlierServices()
  type Doc = { repo: string; dir: string; commit: string; path: string; service: string }
  const pool: Doc[] = []
  const seen = new Set<string>()
  for (const dir of values.mirror) {
    const commit = git(dir, ['rev-parse', 'HEAD']).trim()
    let url = ''
    try {
      url = git(dir, ['config', '--get', 'remote.origin.url']).trim()
    } catch {
      // no remote recorded: the folder is named owner+name
    }
    const repo = /([^/:]+\/[^/]+?)(?:\.git)?$/.exec(url)?.[1] ?? path.basename(path.dirname(dir)).replace('+', '/')
    const paths = git(dir, ['ls-tree', '-r', '--name-only', 'HEAD']).split('\n').filter((p) => /^[^/]+\/Privacy Policy\.md$/.test(p)).sort()
    for (const p of paths) {
      const service = p.slice(0, p.indexOf('/'))
      const key = serviceKey(service)
      if (used.has(key) || seen.has(key)) continue
      seen.add(key)
      pool.push({ repo, dir, commit, path: p, service })
    }
  }
  pool.sort((a, b) => (a.repo === b.repo ? (a.path < b.path ? -1 : 1) : a.repo < b.repo ? -1 : 1))
  const random = seeded(seed)
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1))
    ;[pool[i], pool[j]] = [pool[j]!, pool[i]!]
  }
  const sources = { a: new Map<string, unknown>(), b: new Map<string, unknown>() }
  const passedOver: string[] = []
  const nearCopies: string[] = []
  const compared = earlierExcerpts()
  let taken = 0
  for (const doc of pool) {
    if (taken >= count) break
    const text = git(doc.dir, ['show', `${doc.commit}:${doc.path}`])
    const excerpt = cutExcerpt(text)
    if (excerpt.length < 1_000) {
      passedOver.push(`${doc.repo} ${doc.service}`)
      continue
    }
    const runs = shingles(excerpt)
    const copyOf = compared.find((earlier) => containedIn(runs, earlier.runs) >= nearCopyShare)
    if (copyOf) {
      nearCopies.push(`${doc.repo} ${doc.service} (${copyOf.name})`)
      continue
    }
    compared.push({ name: `${doc.repo} ${doc.service}`, runs })
    const date = git(doc.dir, ['log', '-1', '--format=%cs', doc.commit, '--', doc.path]).trim()
    const part = taken < first ? 'a' : 'b'
    taken += 1
    const slug = doc.service.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
    const file = `heldout${partName(part)}-${slug}.md`
    const head = `<!-- source: github.com/${doc.repo} ${doc.path} @${doc.commit} (the service's privacy policy as recorded by Open Terms Archive, version of ${date}); excerpt: the opening and the passages with contact details -->`
    const outDir = path.join(values.out, `policies-heldout${partName(part)}`)
    fs.mkdirSync(outDir, { recursive: true })
    const bytes = Buffer.from(`${head}\n${excerpt}`, 'utf8')
    fs.writeFileSync(path.join(outDir, file), bytes)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    sources[part].set(file, { repository: `github.com/${doc.repo}`, commit: doc.commit, path: doc.path, version: date, chars: excerpt.length, sha256 })
  }
  if (values.manifest) {
    for (const part of single ? (['a'] as const) : (['a', 'b'] as const)) {
      const dir = single ? values.manifest : `${values.manifest}${part}`
      fs.mkdirSync(dir, { recursive: true })
      const split = single ? `set ${setName}` : `the first ${first} drawn: set ${setName}a; the rest: set ${setName}b`
      const body = {
        about: `Drawn by scripts/policy-heldout-cut.ts, seed ${seed}, ${count} documents (${split}), from a pool of ${pool.length} privacy policies; passed over (excerpt under 1,000 characters): ${passedOver.join(', ') || 'none'}; passed over as near copies (half or more of their 5-word runs in an excerpt of an earlier set or drawn before): ${nearCopies.join(', ') || 'none'}.`,
        files: Object.fromEntries([...sources[part]].sort(([x], [y]) => (x < y ? -1 : 1))),
      }
      fs.writeFileSync(path.join(dir, 'sources.json'), `${JSON.stringify(body, null, 2)}\n`)
    }
  }
  process.stdout.write(`pool ${pool.length}; taken ${taken} (${partName('a')} ${Math.min(taken, first)}${single ? '' : `, ${partName('b')} ${Math.max(0, taken - first)}`}); passed over ${passedOver.length}, near copies ${nearCopies.length}\n`)
}

if (require.main === module) main()
