/**
 * Draws a held-out policy set from a source no earlier set used: public GitHub repositories that
 * publish one service's (or one person's) privacy policy at a fixed path at their root
 * (`privacy-policy.md`, `datenschutz.md` …). The pool is committed beside the set (`pool.json`: for
 * each path the repositories listed, and how many to take); the draw is reproducible from it and
 * the seed, and every document taken is named with its commit and SHA-256 in `sources.json`.
 *
 *   npx tsx scripts/policy-heldout-repos.ts --pool test/fixtures/policies-heldout10/pool.json \
 *     --mirrors /work/.mirror --seed 20261210 --set 10 --out /work/corpora \
 *     [--manifest test/fixtures/policies-heldout10] [--plan 40]
 *
 * Rules, fixed before any document was read (amended once, after a first run stopped for copies not
 * yet fetched, before any excerpt was read or labelled: the file as last published rather than at
 * HEAD, which many repositories no longer hold there; Chinese, Japanese and Korean words for privacy):
 * - the paths are drawn in the order of pool.json, with one seeded generator: each path's list is
 *   shuffled (Fisher-Yates, scripts/policy-heldout-cut.ts's way), then walked in that order;
 * - a repository an earlier set used (any sources.json under test/fixtures/policies*) is left out,
 *   and so is a second repository of an owner already drawn (one policy per owner);
 * - each repository is read from a local git copy, `<mirrors>/<owner>+<name>/repo` (a bare git
 *   directory, or a checkout with its .git), the file as last published: its version at the newest
 *   commit of any branch that touches the path, or, where that commit deletes or moves it, the
 *   version just before (the index listed the repository for a version it had); a copy that is not
 *   there stops the draw, naming it, so the draw never depends on which copies happen to be here
 *   (`--plan N` lists the first N of each path to fetch beforehand); one that could not be had at
 *   all is listed in pool.json's `unavailable` and passed over;
 * - passed over, each with its reason in sources.json: a path in no commit; a text that is not
 *   a privacy policy (no word for privacy or personal data); a template with its blanks unfilled
 *   ("[Your Company Name]", "{{email}}", "YOUR_EMAIL"); an excerpt under 1,000 characters; a near
 *   copy (half or more of its 5-word runs in an excerpt of an earlier set or one drawn before);
 * - the excerpt is cut by scripts/policy-heldout-cut.ts's rule (`cutExcerpt`), with Spanish words
 *   for the controller, the DPO, the postal address and "contact us" added to its cue.
 *
 * Set 11 (`--seed 20261211 --set 11`, pool test/fixtures/policies-heldout11/pool.json) added, before
 * any of its documents was read: HTML pages (`privacy.html`, `datenschutz.html` …). A page is laid out
 * in blocks first (`htmlBlocks`: scripts, styles, SVG and the head left out but for the title, each
 * tag's attributes left out but for `href`, a blank line around each block element, a block's
 * white space run together) and cut by the same rule, a block that opens with `<h1>`…`<h6>` being a
 * heading; it stays HTML (`.html`), so the extractor's HTML reader reads it. Sets drawn after the one
 * being drawn are not "earlier" (set 10's draw is the same once set 11 exists). Amended once for set 11,
 * after its first draw was read and before its labels were written: a blank left for the controller's
 * details in another language's generator, or an address at a placeholder domain, also makes a template
 * (`unfilledBlankSince11`; two of the 50 first taken were such templates).
 *
 * Set 12 (`--seed 20261212 --set 12`, pool test/fixtures/policies-heldout12/pool.json): eight more fixed paths, six of them
 * HTML pages (Portuguese among them), by the same rules; amended once, after its first draw was read and before its labels
 * were committed: a generator's blank in capitals or in another language's words, or an optional part left in brackets,
 * also makes a template (`unfilledBlankSince12`; three of the 48 first taken were such templates).
 *
 * The excerpts are the services' texts: they go to `<out>/policies-heldout<set>/` (first line: the
 * source), never into this repository's commits; labels and sources are ours.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { seeded } from '../test/helpers/seeded'
import { containedIn, contactCue, cutExcerpt, drawnLater, earlierExcerpts, nearCopyShare, shingles } from './policy-heldout-cut'

const root = path.resolve(__dirname, '..')

/** The committed pool: for each path, the repositories that hold it and how many to take. */
export const poolSchema = z.strictObject({
  about: z.string(),
  pools: z
    .array(
      z.strictObject({
        path: z.string().regex(/^[\w.-]+\.(?:md|markdown|txt|html?)$/),
        take: z.number().int().positive(),
        listed: z.string(),
        repositories: z.array(z.string().regex(/^[\w.-]+\/[\w.-]+$/)).min(1),
      }),
    )
    .min(1),
  /** Repositories of which no copy could be had (the store holds none): passed over, saying so. */
  unavailable: z.array(z.string().regex(/^[\w.-]+\/[\w.-]+$/)).optional(),
})
export type Pool = z.infer<typeof poolSchema>

/** Spanish words for the controller, the DPO, "contact us" and a postal address, added to the excerpt's cue. */
const spanishCue = /responsable del tratamiento|delegad[oa] de protecci[oó]n|cont[aá]ct(?:anos|enos|ar con nosotros)|direcci[oó]n postal|domicilio|\bcorreo electr[oó]nico\b/i

/** The excerpt rule's cue with the Spanish words. */
export const cue = new RegExp(`${contactCue.source}|${spanishCue.source}`, 'i')

/** Some word for privacy or personal data, in the pool's languages (Chinese, Japanese and Korean too): a text without one is not a privacy policy. */
export const privacyWord = /privacy|datenschutz|personenbezogen|confidentialit|donn[ée]es personnelles|privacidad|datos personales|personal (?:data|information)|隐私|隱私|个人信息|個人情報|プライバシー|개인정보/i

/** Blanks of a policy generator left unfilled: such a text is a template, not one service's policy. */
export const unfilledBlank = /\[(?:insert|your|enter)\b[^\]\n]{0,40}\]|\[(?:company|app|website|business|developer) name\]|\{\{\s*[A-Za-z_]+\s*\}\}|\bYOUR[_ ](?:NAME|EMAIL|COMPANY|APP|WEBSITE)\b|<(?:your|company)[ _-][^>\n]{0,30}>/

/**
 * From set 11 on, also a template: a blank left for the controller's own details in a German, French or Spanish
 * generator ("[E-Mail-Adresse der verantwortlichen Stelle]"), or an address at a placeholder domain
 * (a bought theme's "privacy@yourlink.com", "info@yourdomain.com"). Added after set 11's first draw, when
 * reading it showed one of each among the 50 taken (labelling not finished); earlier sets' draws do not use it.
 */
export const unfilledBlankSince11 = /\[[^\]\n]{0,60}\b(?:verantwortlichen Stelle|des Verantwortlichen|responsable du traitement|del responsable)\]|[\w.+-]+@(?:yourdomain|yourlink|yourwebsite|yoursite|yourcompany|example)\.(?:com|org|net)\b/i

/**
 * From set 12 on, also a template: a generator's blank in capitals or in another language's words for "fill in"
 * ("[Your Contact Information]", "[bitte ergänzen]", "[à compléter]", "[preencher]"), or an optional part left in its
 * brackets ("[Optional: Specific Data, e.g., …]", "[e.g., !resetdata]"). Added after set 12's first draw was read, when
 * reading it showed three such templates among the 48 taken (two with no contact but the blank, one with optional
 * blanks), before its labels were committed; earlier sets' draws do not use it.
 */
export const unfilledBlankSince12 = /\[(?:insert|your|enter)\b[^\]\n]{0,40}\]|\[(?:bitte|optional) (?:ergänzen|einfügen|eintragen)\]|\[(?:à compléter|a completar|completar|rellenar|preencher|a preencher)\b[^\]\n]{0,40}\]|\[(?:optional:|e\.g\.,)[^\]\n]{0,80}\]/i

/** Whether the draw of `set` passes over `text` as a template with its blanks unfilled. */
export function isTemplate(text: string, set: string): boolean {
  const n = Number.parseInt(set, 10)
  return unfilledBlank.test(text) || (n >= 11 && unfilledBlankSince11.test(text)) || (n >= 12 && unfilledBlankSince12.test(text))
}

/** Owner of `owner/name`, compared without case. */
const ownerOf = (repo: string) => repo.slice(0, repo.indexOf('/')).toLowerCase()

/** Repositories (`owner/name`, lower case) named by any earlier set's sources.json, by its repository field or its source line; `except` (the set being drawn) and the sets drawn after it are left out. */
export function earlierRepositories(fixtures: string = path.join(root, 'test', 'fixtures'), except?: string): Set<string> {
  const used = new Set<string>()
  for (const dir of fs.readdirSync(fixtures).filter((d) => d.startsWith('policies') && d !== except && !drawnLater(d, except))) {
    const file = path.join(fixtures, dir, 'sources.json')
    if (!fs.existsSync(file)) continue
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { files?: Record<string, { repository?: unknown; source?: unknown }> }
    for (const entry of Object.values(parsed.files ?? {})) {
      for (const text of [entry.repository, entry.source]) {
        if (typeof text !== 'string') continue
        const match = /github\.com\/([\w.-]+\/[\w.-]+)/.exec(text)
        if (match) used.add(match[1]!.replace(/\.git$/, '').toLowerCase())
      }
    }
  }
  return used
}

/** Each path's repositories in the order the seed gives, without earlier sets' repositories; owners are deduplicated during the walk. */
export function drawOrder(pool: Pool, seed: number, used: ReadonlySet<string>): Array<{ path: string; take: number; order: string[] }> {
  const random = seeded(seed)
  return pool.pools.map((entry) => {
    const order = [...new Set(entry.repositories)].filter((r) => !used.has(r.toLowerCase()))
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    return { path: entry.path, take: entry.take, order }
  })
}

/** The file name of a drawn policy: `heldout<set>-<owner>-<name>.md` (`.html` for a page), lower case, at most 60 characters of slug. */
export function fileName(set: string, repo: string, extension: 'md' | 'html' = 'md'): string {
  const slug = repo.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60).replace(/-$/, '')
  return `heldout${set}-${slug}.${extension}`
}

/** Whether a pool's path is an HTML page. */
export const isHtmlPath = (file: string) => /\.html?$/i.test(file)

/** A block of a page laid out by `htmlBlocks` that is a heading. */
export const htmlHeading = /^<h[1-6][\s>]/i

/** Elements that start and end a block of a page (a line break does not: an address's lines stay one block). */
const blockNames = 'p|h[1-6]|li|ul|ol|dl|dt|dd|div|section|article|header|footer|nav|main|aside|table|thead|tbody|tr|address|blockquote|form|fieldset|figure|pre|hr'
const blockOpening = new RegExp(`<(?=(?:${blockNames})\\b)`, 'gi')
const blockClosing = new RegExp(`(</(?:${blockNames})\\s*>)`, 'gi')

/**
 * An HTML page laid out in blocks for the excerpt rule: the title kept, the rest of the head, scripts,
 * styles, SVG and templates left out; each tag keeps its name and `href` only; a blank line before each
 * block element's opening tag and after its closing tag; white space in a block run together; blocks without text dropped.
 * The page's words, links, entities and comments are left as written.
 */
export function htmlBlocks(html: string): string {
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1]?.trim()
  const body = html
    .replace(/<head\b[\s\S]*?<\/head\s*>/i, '')
    .replace(/<(script|style|svg|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(\/?)([A-Za-z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g, (_tag, slash: string, name: string, attributes: string) => {
      const href = /\shref\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i.exec(attributes)?.[1]
      return `<${slash}${name.toLowerCase()}${href ? ` href=${href.startsWith('"') || href.startsWith("'") ? href : `"${href}"`}` : ''}${attributes.trimEnd().endsWith('/') ? ' /' : ''}>`
    })
    .replace(blockOpening, '\n\n<')
    .replace(blockClosing, '$1\n\n')
  const blocks = body
    .split(/\n[ \t]*\n+/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter((b) => b.replace(/<[^>]*>/g, '').trim().length > 0)
  return [...(title ? [`<title>${title.replace(/\s+/g, ' ')}</title>`] : []), ...blocks].join('\n\n') + '\n'
}

function git(dir: string, args: string[]): string {
  return execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] })
}

function main(): void {
  const { values } = parseArgs({
    options: {
      pool: { type: 'string' },
      mirrors: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '20261210' },
      set: { type: 'string', default: '10' },
      manifest: { type: 'string' },
      plan: { type: 'string' },
    },
  })
  if (!values.pool || !values.mirrors) throw new Error('need --pool FILE and --mirrors DIR')
  const pool = poolSchema.parse(JSON.parse(fs.readFileSync(values.pool, 'utf8')))
  const seed = Number(values.seed)
  const set = values.set
  const used = earlierRepositories(path.join(root, 'test', 'fixtures'), `policies-heldout${set}`)
  const order = drawOrder(pool, seed, used)
  if (values.plan) {
    const n = Number(values.plan)
    for (const entry of order) process.stdout.write(`${entry.path}: ${entry.order.slice(0, n).join(' ')}\n`)
    return
  }
  if (!values.out) throw new Error('need --out DIR')
  const mirrorOf = (repo: string) => {
    const dir = path.join(values.mirrors!, repo.replace('/', '+'), 'repo')
    return fs.existsSync(path.join(dir, '.git')) ? path.join(dir, '.git') : dir
  }
  const unavailable = new Set((pool.unavailable ?? []).map((r) => r.toLowerCase()))
  const compared = earlierExcerpts(`policies-heldout${set}`)
  const owners = new Set<string>()
  const passedOver: string[] = []
  const files = new Map<string, unknown>()
  const outDir = path.join(values.out, `policies-heldout${set}`)
  const pending: Array<{ file: string; bytes: Buffer }> = []
  for (const entry of order) {
    let taken = 0
    for (const repo of entry.order) {
      if (taken >= entry.take) break
      if (owners.has(ownerOf(repo))) continue
      const pass = (why: string) => passedOver.push(`${repo} ${entry.path} (${why})`)
      if (unavailable.has(repo.toLowerCase())) {
        owners.add(ownerOf(repo))
        pass('no copy could be had')
        continue
      }
      const dir = mirrorOf(repo)
      if (!fs.existsSync(dir)) {
        process.stderr.write(`stopped: no local copy of ${repo} (${dir}); fetch it and run again (so far: ${files.size} taken; passed over: ${passedOver.join('; ') || 'none'})\n`)
        process.exit(2)
      }
      owners.add(ownerOf(repo))
      const last = git(dir, ['log', '-1', '--all', '--format=%H', '--', entry.path]).trim()
      if (last === '') {
        pass('the path is in no commit')
        continue
      }
      let commit = last
      let text: string
      try {
        text = git(dir, ['show', `${commit}:${entry.path}`])
      } catch {
        commit = git(dir, ['rev-parse', `${last}^`]).trim()
        text = git(dir, ['show', `${commit}:${entry.path}`])
      }
      if (!privacyWord.test(text)) {
        pass('not a privacy policy')
        continue
      }
      if (isTemplate(text, set)) {
        pass('a template with unfilled blanks')
        continue
      }
      const html = isHtmlPath(entry.path)
      const excerpt = html ? cutExcerpt(htmlBlocks(text), 10_000, cue, htmlHeading) : cutExcerpt(text, 10_000, cue)
      if (excerpt.length < 1_000) {
        pass('excerpt under 1,000 characters')
        continue
      }
      const runs = shingles(excerpt)
      const copyOf = compared.find((earlier) => containedIn(runs, earlier.runs) >= nearCopyShare)
      if (copyOf) {
        pass(`near copy of ${copyOf.name}`)
        continue
      }
      compared.push({ name: repo, runs })
      taken += 1
      const date = git(dir, ['log', '-1', '--format=%cs', commit, '--', entry.path]).trim()
      const file = fileName(set, repo, html ? 'html' : 'md')
      if (files.has(file)) throw new Error(`two documents would be named ${file}`)
      const head = `<!-- source: github.com/${repo} ${entry.path} @${commit} (the privacy policy this repository published, version of ${date}); excerpt: the opening and the passages with contact details -->`
      const bytes = Buffer.from(`${head}\n${excerpt}`, 'utf8')
      pending.push({ file, bytes })
      files.set(file, { repository: `github.com/${repo}`, commit, path: entry.path, version: date, chars: excerpt.length, sha256: createHash('sha256').update(bytes).digest('hex') })
    }
    process.stdout.write(`${entry.path}: taken ${taken} of ${entry.take}\n`)
  }
  fs.mkdirSync(outDir, { recursive: true })
  for (const { file, bytes } of pending) fs.writeFileSync(path.join(outDir, file), bytes)
  if (values.manifest) {
    const counts = order.map((e) => `${e.path} ${[...files.values()].filter((f) => (f as { path: string }).path === e.path).length}`).join(', ')
    const body = {
      about: `Drawn by scripts/policy-heldout-repos.ts --pool ${path.relative(root, values.pool)} --seed ${seed} --set ${set} (${files.size} documents: ${counts}) from the repositories listed in pool.json, earlier sets' repositories left out; passed over: ${passedOver.join('; ') || 'none'}.`,
      files: Object.fromEntries([...files].sort(([x], [y]) => (x < y ? -1 : 1))),
    }
    fs.writeFileSync(path.join(values.manifest, 'sources.json'), `${JSON.stringify(body, null, 2)}\n`)
  }
  process.stdout.write(`taken ${files.size}; passed over ${passedOver.length}\n`)
}

if (require.main === module) main()
