/**
 * The split of the unit tests into fast and slow (vitest.config.ts `tags`; `npm run test:fast` and
 * `npm run test:slow`) stays true: a test file that starts a server, spawns a process, reads a
 * real-world corpus or runs property checks carries the tag that says so, as a
 * `// @module-tag <name>` line, and no file carries a tag it has no reason for.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers/ports'

/** What each tag means, as the code that needs it shows itself. */
const reasons = new Map<string, RegExp>([
  ['server', /startDovecot|startSmtpServer|createServer\(|startHttp|startHttps|startPolicyServer/],
  ['process', /node:child_process|cli-process|killLoop|replyKillLoop/],
  ['corpus', /RIGHTFUL_DATAREQUESTS_DIR|RIGHTFUL_SEEDS_DIR|'\.\.', 'shared'|\.\.\/shared|heldout|Heldout|helpers\/datarequests|helpers\/policy-corpus|helpers\/corpora/],
  ['property', /fast-check/],
])

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'e2e' || entry.name === 'fixtures' ? [] : testFiles(full)
    return entry.name.endsWith('.test.ts') ? [full] : []
  })
}

/** The module tags a file declares (vitest reads `// @module-tag <name>`). */
function declared(text: string): string[] {
  return [...text.matchAll(/^\/\/ @module-tag (\S+)$/gm)].map((m) => m[1]!)
}

describe('the fast and slow tests', () => {
  const files = testFiles(path.join(repoRoot, 'test'))
  const config = fs.readFileSync(path.join(repoRoot, 'vitest.config.ts'), 'utf8')

  it('tag every file that starts a server, spawns a process, reads a corpus or runs property checks', () => {
    const untagged: string[] = []
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8')
      const tags = declared(text)
      // This file names the patterns; it does none of it.
      if (file.endsWith('test-tags.test.ts')) continue
      for (const [tag, pattern] of reasons) if (pattern.test(text) && !tags.includes(tag)) untagged.push(`${path.relative(repoRoot, file)}: ${tag}`)
    }
    expect(untagged).toEqual([])
  })

  it('use only the tags vitest.config.ts defines, each for a reason the file shows', () => {
    const wrong: string[] = []
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8')
      for (const tag of declared(text)) {
        if (!config.includes(`name: '${tag}'`)) wrong.push(`${path.relative(repoRoot, file)}: ${tag} is not defined`)
        else if (!reasons.get(tag)?.test(text)) wrong.push(`${path.relative(repoRoot, file)}: nothing in it is ${tag}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('leave most of the files in the fast group', () => {
    const slow = files.filter((file) => declared(fs.readFileSync(file, 'utf8')).length > 0)
    expect(slow.length).toBeGreaterThan(0)
    expect(files.length - slow.length).toBeGreaterThan(slow.length)
  })
})
