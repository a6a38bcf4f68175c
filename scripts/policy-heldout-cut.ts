/**
 * Draws held-out policy sets at random from local git copies of public Open Terms Archive
 * "*-versions" repositories and cuts each drawn policy to the excerpt that matters, by one fixed
 * rule written before any excerpt was read (see `cutExcerpt`).
 *
 *   npx tsx scripts/policy-heldout-cut.ts --mirror DIR [--mirror DIR …] --out DIR \
 *     [--seed 20261209] [--count 60] [--first 42] [--manifest test/fixtures/policies-heldout7]
 *
 * Each --mirror is a git directory (bare or not) of one versions repository; its "*\/Privacy Policy.md"
 * documents at HEAD form the pool, one per service (the first repository given wins a name both
 * hold). Services already in an earlier set (test/fixtures/policies*) are left out. The pool, in
 * (repository, path) order, is shuffled with a seeded generator; documents are taken in that order,
 * and one whose excerpt comes out under 1,000 characters is passed over. The first `--first` taken
 * form set 7a (the untouched one), the rest set 7b. Writes `<out>/policies-heldout7a/*.md` and
 * `<out>/policies-heldout7b/*.md` (first line: the source) and, with --manifest, `sources.json`
 * (file -> repository, commit, path, version date) into `<manifest>a` and `<manifest>b`.
 *
 * The excerpts are the services' texts: they are kept out of this repository's commits (see
 * test/helpers/policy-heldout7.ts for where the bench looks for them); labels and sources are ours.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { seeded } from '../test/helpers/seeded'

const root = path.resolve(__dirname, '..')


/** Lower-case letters and digits only: how service names are compared across sets. */
export function serviceKey(name: string): string {
  return name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '')
}

/** Lines that start a block naming a way to reach the company (the set-5 rule, with its French and German words). */
const contactCue =
  /@|\bcontroller\b|data protection officer|\bDPO\b|\brepresentative\b|contact us|postal address|mailing address|registered office|write to us|by mail\b|following address|headquarter|responsable (?:du|de) traitement|délégué(?:e)? à la protection|nous contacter|contactez[- ]nous|adresse postale|siège social|par courrier|adresse suivante|écri(?:re|vez)[- ](?:à|nous)|verantwortlich|datenschutzbeauftragt|anschrift|kontaktieren|\bsitz\b/i

const headingLine = /^#{1,6}\s|^(?:=+|-+)\s*$/m

type Block = { text: string; heading: boolean }

function blocksOf(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((b) => b.trim())
    .filter((b) => b.length > 0)
    .map((b) => ({ text: b, heading: headingLine.test(b) && b.length < 200 }))
}

/**
 * The fixed excerpt rule: the opening (blocks up to 1,200 characters), then every block with an '@'
 * or naming a controller, DPO, representative, "contact us", a postal or mailing address, registered
 * office, "write to us", "by mail", "following address" or headquarters (and the same in French
 * and German), each with the heading above it and the short blocks (< 160 characters) right before
 * and after it, in order, "[…]" between gaps, cut at 10,000 characters (whole blocks only).
 */
export function cutExcerpt(text: string, limit = 10_000): string {
  const blocks = blocksOf(text)
  const keep = new Set<number>()
  let opening = 0
  for (let i = 0; i < blocks.length && opening < 1_200; i += 1) {
    keep.add(i)
    opening += blocks[i]!.text.length
  }
  let lastHeading = -1
  blocks.forEach((block, i) => {
    if (block.heading) lastHeading = i
    if (block.heading || !contactCue.test(block.text)) return
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

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
}

/** Services used by an earlier set, read from the fixture names and each file's source line. */
function earlierServices(): Set<string> {
  const used = new Set<string>()
  const fixtures = path.join(root, 'test', 'fixtures')
  for (const dir of fs.readdirSync(fixtures).filter((d) => d.startsWith('policies'))) {
    for (const file of fs.readdirSync(path.join(fixtures, dir))) {
      if (!/\.(?:md|html?|txt)$/.test(file)) continue
      const first = fs.readFileSync(path.join(fixtures, dir, file), 'utf8').split('\n', 1)[0] ?? ''
      const fromSource = /-versions (.+?)\/[^/]+\.md @/.exec(first)
      if (fromSource) used.add(serviceKey(fromSource[1]!))
      const slug = file.replace(/\.[a-z]+$/, '').replace(/^(?:heldout\d+|fresh)-/, '')
      used.add(serviceKey(slug))
      used.add(serviceKey(slug.replace(/-(?:[a-z]{2}|com|net|org|uk|co-uk)$/, '')))
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
    },
  })
  if (!values.mirror?.length || !values.out) throw new Error('need --mirror DIR (one or more) and --out DIR')
  const seed = Number(values.seed)
  const count = Number(values.count)
  const first = Number(values.first)
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
  let taken = 0
  for (const doc of pool) {
    if (taken >= count) break
    const text = git(doc.dir, ['show', `${doc.commit}:${doc.path}`])
    const excerpt = cutExcerpt(text)
    if (excerpt.length < 1_000) {
      passedOver.push(`${doc.repo} ${doc.service}`)
      continue
    }
    const date = git(doc.dir, ['log', '-1', '--format=%cs', doc.commit, '--', doc.path]).trim()
    const part = taken < first ? 'a' : 'b'
    taken += 1
    const slug = doc.service.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
    const file = `heldout7${part}-${slug}.md`
    const head = `<!-- source: github.com/${doc.repo} ${doc.path} @${doc.commit} (the service's privacy policy as recorded by Open Terms Archive, version of ${date}); excerpt: the opening and the passages with contact details -->`
    const outDir = path.join(values.out, `policies-heldout7${part}`)
    fs.mkdirSync(outDir, { recursive: true })
    fs.writeFileSync(path.join(outDir, file), `${head}\n${excerpt}`)
    sources[part].set(file, { repository: `github.com/${doc.repo}`, commit: doc.commit, path: doc.path, version: date, chars: excerpt.length })
  }
  if (values.manifest) {
    for (const part of ['a', 'b'] as const) {
      const dir = `${values.manifest}${part}`
      fs.mkdirSync(dir, { recursive: true })
      const body = {
        about: `Drawn by scripts/policy-heldout-cut.ts, seed ${seed}, ${count} documents (the first ${first} drawn: set 7a; the rest: set 7b), from a pool of ${pool.length} privacy policies; passed over (excerpt under 1,000 characters): ${passedOver.join(', ') || 'none'}.`,
        files: Object.fromEntries([...sources[part]].sort(([x], [y]) => (x < y ? -1 : 1))),
      }
      fs.writeFileSync(path.join(dir, 'sources.json'), `${JSON.stringify(body, null, 2)}\n`)
    }
  }
  process.stdout.write(`pool ${pool.length}; taken ${taken} (7a ${Math.min(taken, first)}, 7b ${Math.max(0, taken - first)}); passed over ${passedOver.length}\n`)
}

if (require.main === module) main()
