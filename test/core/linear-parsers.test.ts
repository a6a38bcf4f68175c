// @module-tag property
/**
 * Every parser of outside text is linear or bounded (issue 12, item 3). Two kinds of property
 * tests, with adversarial generators (long runs of one character class, repeated separators,
 * nested brackets and tags, near-matches):
 *  - each linear rewrite gives exactly what the pattern it replaced gave (that pattern, kept here
 *    as the oracle, is run on short inputs only, where its backtracking is harmless);
 *  - each parser, fed such inputs, ends with a sound result (no elapsed-time assertion: a generous
 *    timeout only).
 * And the limits: a size limit (INPUT_TOO_LARGE) and a time budget (INPUT_TOO_COMPLEX), after
 * which the import stops and nothing has changed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CoreError } from '../../electron/core/shared/result'
import { extractPolicy, maxPolicyLength } from '../../electron/core/catalog/policy-import/extract'
import {
  autoLink,
  bracketPairs,
  frontMatterTitle,
  tableRule,
  toPlainText,
  withoutClosingHashes,
  withoutHardBreak,
  withoutLinkTitle,
} from '../../electron/core/catalog/policy-import/plain-text'
import { policyProposalSchema } from '../../electron/core/catalog/policy-import/proposal'
import { segment } from '../../electron/core/catalog/policy-import/segments'
import { classifyReply, stripReplyPrefixes } from '../../electron/core/replies/classify'
import { htmlShape } from '../../electron/core/replies/html-text'
import { referencesIn } from '../../electron/core/replies/match'
import { ownTextOf, parseReply, plainBounceRecipients } from '../../electron/core/replies/parse'
import { createTextBudget, type TextBudget } from '../../electron/core/text/budget'
import { eml, fill } from '../helpers/hostile-inputs'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { expectOk, startCore, testClock } from '../helpers/ports'
import { markedSent } from '../helpers/replies'

const slow = { timeout: 120_000 }

/** Strings made of `pieces`, each piece repeated 1 to `maxRun` times: runs and separators. */
function runsOf(pieces: ReadonlyArray<string>, maxLength = 40, maxRun = 12): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.constantFrom(...pieces), fc.integer({ min: 1, max: maxRun })), { maxLength })
    .map((runs) => runs.map(([piece, times]) => piece.repeat(times)).join(''))
}

/** Asserts `fast(input)` equals `oracle(input)` for every generated input. */
function sameAs<T>(arbitrary: fc.Arbitrary<string>, fast: (s: string) => T, oracle: (s: string) => T, numRuns = 1000) {
  fc.assert(
    fc.property(arbitrary, (input) => {
      expect(fast(input)).toEqual(oracle(input))
    }),
    { numRuns },
  )
}

describe('the linear rewrites give what the patterns they replaced gave', () => {
  it('a YAML title line (/^title:\\s*["\']?(.+?)["\']?\\s*$/)', () => {
    const oracle = (line: string) => /^title:\s*["']?(.+?)["']?\s*$/.exec(line)?.[1] ?? null
    const rest = runsOf([' ', '\t', '"', "'", 'x', 'Acme', '\u2028', ':', '\u00a0', '\r'], 8, 3)
    sameAs(rest.map((r) => `title:${r}`), frontMatterTitle, oracle, 3000)
    sameAs(runsOf(['title', ':', ' ', 'x']), frontMatterTitle, oracle)
  })

  it('a heading without its closing hashes (.replace(/\\s+#+\\s*$/, \'\'))', () => {
    sameAs(runsOf([' ', '#', 'a', '\t', '\u2028', '\n'], 12, 4), withoutClosingHashes, (t) => t.replace(/\s+#+\s*$/, ''), 3000)
  })

  it('a line without its hard break (.replace(/(\\s{2,}|\\\\)$/, \'\').replace(/\\s+$/, \'\'))', () => {
    sameAs(runsOf([' ', '\\', 'a', '\t', '\n', '\u00a0'], 12, 4), withoutHardBreak, (t) => t.replace(/(\s{2,}|\\)$/, '').replace(/\s+$/, ''), 3000)
  })

  it('a link target without its title (.replace(/\\s+["\'(].*$/, \'\'))', () => {
    sameAs(runsOf([' ', '"', "'", '(', 'a', '/', '\u2028', '\t'], 12, 4), withoutLinkTitle, (t) => t.replace(/\s+["'(].*$/, ''), 3000)
  })

  it('a table rule', () => {
    const oracle = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/
    sameAs(runsOf([' ', '|', ':', '-', 'x', '\t'], 14, 4), (t) => tableRule.test(t), (t) => oracle.test(t), 5000)
  })

  it('an auto-link', () => {
    const oracle = /^<((?:https?|mailto|ftp):[^\s<>]+|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/i
    const inner = runsOf(['a', '.', '@', 'b', ' ', 'http:', 'mailto:', '<', '-'], 10, 3)
    sameAs(inner.map((s) => `<${s}>`), (t) => autoLink.exec(t)?.[0] ?? null, (t) => oracle.exec(t)?.[0] ?? null, 3000)
  })

  it('the bracket that closes a bracket, for every opener not escaped', () => {
    /** The scan the stack replaced: from `open`, counting depth, a backslash skipping the next character. */
    const scan = (text: string, open: number, opener: string, closer: string) => {
      let depth = 0
      for (let k = open; k < text.length; k += 1) {
        const c = text[k]
        if (c === '\\') {
          k += 1
          continue
        }
        if (c === opener) depth += 1
        else if (c === closer && --depth === 0) return k
      }
      return -1
    }
    fc.assert(
      fc.property(runsOf(['[', ']', '(', ')', '\\', 'a'], 20, 3), (text) => {
        for (const [opener, closer] of [['[', ']'], ['(', ')']] as const) {
          const pairs = bracketPairs(text, opener, closer)
          for (let k = 0; k < text.length; k += 1) {
            if (text[k] === '\\') {
              k += 1
              continue
            }
            if (text[k] === opener) expect(pairs[k]).toBe(scan(text, k, opener, closer))
          }
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('the recipients of a plain-text bounce (/^\\s*<?([^\\s<>@]+@[^\\s<>]+?)>?\\s*:/gm)', () => {
    const oracle = (text: string) => {
      const found: string[] = []
      for (const match of text.matchAll(/^\s*<?([^\s<>@]+@[^\s<>]+?)>?\s*:/gm)) {
        const address = match[1]!.toLowerCase()
        if (!found.includes(address)) found.push(address)
      }
      return found
    }
    sameAs(runsOf(['\n', ' ', '<', '>', 'a', 'B', '@', 'b.c', ':', '\u2028', '\r', '\t', 'x@y.z: no\n'], 20, 3), (t) => plainBounceRecipients(t), oracle, 3000)
  })

  it('the request references in a text', () => {
    const oracle = (text: string) => {
      const found: string[] = []
      for (const match of text.matchAll(/(?<![A-Za-z0-9])RF-(\d{4})-(\d{4,})(?![0-9])/g)) if (!found.includes(match[0])) found.push(match[0])
      return found
    }
    sameAs(runsOf(['RF-', '2026', '-', '0001', '0002', '1', 'x', ' ', 'RF-2026-0001 '], 20, 3), referencesIn, oracle, 2000)
  })

  it('reply prefixes, any number of them', () => {
    const oracle = (subject: string) => {
      let rest = subject.trim()
      for (;;) {
        const next = rest.replace(/^(re|aw|wg|fw|fwd|tr|rv|sv|antw|réf|ref|回复|答复|转发)\s*(\[\d+\])?\s*[:：]\s*/i, '')
        if (next === rest) return rest
        rest = next
      }
    }
    sameAs(runsOf(['re', 'Re', 'AW', 'ref', 'réf', '回复', ':', '：', ' ', '[1]', '[', 'x'], 14, 3), stripReplyPrefixes, oracle, 3000)
  })
})

describe('each parser ends with a sound result on adversarial input', () => {
  /** Pieces near to what the policy finders look for, and the separators between them. */
  const policyPieces = [
    ' ', '\n', '\n\n', '\t', ',', '.', ':', ';', '(', ')', '[', ']', '<', '>', '"', "'", '-', '#', '|', '*', '_', '@', '1', '12345', 'Aa',
    '<a ', '<a href="mailto:x@fennel-foods.ie">', '</a>', '<p>', '<div>', '</div>', '<!--', '-->', '<script>', '&amp;', '](mailto:x@fennel-foods.ie)', '](',
    'privacy@fennel-foods.ie', ' [at] ', ' [dot] ', 'fennel-foods', 'com', 'Street', 'Hong Kong', 'Kowloon', 'District, ', 'Shenzhen', 'Mumbai', 'CA 94105',
    'SW1A 1AA', '75001 Paris', '1234AB', '深圳市南山区科技园路', '号', 'Tel:', '+44 20 7946 0958', 'Ltd', 'GmbH', 'under the age of 16', 'aged', 'title: ', '---',
    '(?)', '（＠）', '＠', '@ ', 'Adnova:', 'email: ', '<!-- note -->',
  ]
  for (const format of ['text', 'markdown', 'html'] as const) {
    it(`policy import (${format}): schema-valid, every quote in place`, slow, () => {
      fc.assert(
        fc.property(runsOf(policyPieces, 60, 200), (text) => {
          const p = extractPolicy({ text, format })
          expect(policyProposalSchema.safeParse(p).success).toBe(true)
          for (const q of p.quotes) expect(p.plainText.slice(q.start, q.end)).toBe(q.quote)
          const plain = toPlainText(text, format)
          for (const link of plain.links) expect(link.end).toBeLessThanOrEqual(plain.text.length)
        }),
        { numRuns: 150 },
      )
    })
  }

  it('segments: every sentence within its paragraph, every line within the text', () => {
    fc.assert(
      fc.property(runsOf(['.', ' ', '\n', 'A', 'a', '1', '。', '!', ')', 'Nr'], 40, 30), (text) => {
        const s = segment(text)
        for (const span of [...s.lines, ...s.paragraphs, ...s.sentences]) {
          expect(span.start).toBeLessThanOrEqual(span.end)
          expect(span.end).toBeLessThanOrEqual(text.length)
        }
        const q = s.quoteAt(Math.floor(text.length / 2))
        expect(text.slice(q.start, q.end)).toBe(q.quote)
        expect(q.quote.length).toBeLessThanOrEqual(2000)
      }),
      { numRuns: 300 },
    )
  })

  it('replies: a coded error or a parsed reply, for bodies of runs and nested tags', slow, async () => {
    const bodyPieces = ['\r\n', ' ', '> ', '<', '>', 'a@b.c', ':', 'RF-2026-0001', 'On Monday, Alex wrote:', '<div>', '</div>', '<blockquote>', '<ul><li>', 'x', '=', '&amp;']
    await fc.assert(
      fc.asyncProperty(runsOf(bodyPieces, 40, 300), fc.constantFrom('text/plain', 'text/html'), fc.boolean(), async (body, type, bounce) => {
        const from = bounce ? 'MAILER-DAEMON@mx.example.org' : 'privacy@example.com'
        try {
          const reply = await parseReply(eml([`From: ${from}`, 'To: alex@example.org', 'Subject: Re: RF-2026-0001', `Content-Type: ${type}; charset=utf-8`], body))
          expect(reply.excerpt.length).toBeLessThanOrEqual(601)
          expect(reply.ownText.length).toBeLessThanOrEqual(reply.text.length)
          expect(Boolean(reply.bounce)).toBe(bounce)
          const kind = classifyReply({ subject: reply.subject, text: reply.ownText, bounce: reply.bounce }).kind
          expect(typeof kind).toBe('string')
        } catch (error) {
          expect(error).toBeInstanceOf(CoreError)
          expect((error as CoreError).code).toMatch(/^EML_/)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('own words: quoted lines dropped, never more text than given', () => {
    fc.assert(
      fc.property(runsOf(['\n', '> ', 'x', ' ', 'On ', 'wrote:', 'Am ', 'schrieb', 'From: ', 'Sent: ', '_____'], 40, 20), (text) => {
        const own = ownTextOf(text)
        expect(own.length).toBeLessThanOrEqual(text.length)
        for (const line of own.split('\n')) expect(line.trim().startsWith('>')).toBe(false)
      }),
      { numRuns: 500 },
    )
  })

  it('the shape of nested HTML: its depth, and the depth of its quotes and lists', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('div', 'blockquote', 'ul', 'span', 'p', 'br'), { maxLength: 60 }), (tags) => {
        const nesting = tags.filter((t) => t !== 'p' && t !== 'br')
        const html = tags.map((t) => (t === 'br' ? '<br>' : `<${t} class="x">`)).join('') + 'text' + [...tags].reverse().filter((t) => t !== 'br').map((t) => `</${t}>`).join('')
        const shape = htmlShape(html)
        expect(shape.depth).toBe(nesting.length)
        expect(shape.prefixDepth).toBe(nesting.filter((t) => t === 'blockquote' || t === 'ul').length)
      }),
      { numRuns: 500 },
    )
  })
})

/** Every file under the data folder with the SHA-256 of its content: "nothing changed" is this, equal. */
function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {}
  if (!fs.existsSync(dir)) return files
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    files[path.relative(dir, file)] = createHash('sha256').update(fs.readFileSync(file)).digest('hex')
  }
  return files
}

/** A clock that stands still until armed, then moves on by a minute at every reading. */
function armableClock(iso = '2026-01-31T10:00:00Z') {
  let current = new Date(iso).getTime()
  let armed = false
  return {
    now: () => {
      if (armed) current += 60_000
      return new Date(current)
    },
    set: (next: string | Date) => {
      current = new Date(next).getTime()
    },
    arm: () => {
      armed = true
    },
  }
}

/** A budget on a clock that moves on by `step` ms at every check. */
function steppingBudget(limitMs: number, step: number): { budget: TextBudget; checks: () => number } {
  let now = 0
  let checks = 0
  const budget = createTextBudget({
    what: 'the test text',
    limitMs,
    now: () => {
      checks += 1
      return (now += step)
    },
  })
  return { budget, checks: () => checks }
}

describe('a size limit and a time budget for every import', () => {
  it('a budget lets its checks pass until its time is up, then says INPUT_TOO_COMPLEX', () => {
    const { budget } = steppingBudget(1000, 400)
    budget.check()
    budget.check()
    expect(() => budget.check()).toThrowError(expect.objectContaining({ code: 'INPUT_TOO_COMPLEX' }))
  })

  it('a policy longer than 2,000,000 characters is refused with INPUT_TOO_LARGE', () => {
    expect(() => extractPolicy({ text: fill(' ', maxPolicyLength + 1), format: 'text' })).toThrowError(expect.objectContaining({ code: 'INPUT_TOO_LARGE' }))
    expect(extractPolicy({ text: fill(' ', maxPolicyLength), format: 'text' }).plainText).toHaveLength(maxPolicyLength)
  })

  it('the API refuses a longer policy at the door, in words, and nothing changes', async () => {
    const host = startCore({ clock: testClock() })
    const files = filesUnder(host.dataDir)
    const result = await host.api.call('catalog:extractPolicy', { text: fill(' ', maxPolicyLength + 1), format: 'text' })
    expect(result.ok ? null : result.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('at most 2,000,000 characters') })
    expect(filesUnder(host.dataDir)).toEqual(files)
  })

  it('policy import checks its budget all the way through, in every format', () => {
    for (const format of ['text', 'markdown', 'html'] as const) {
      const text = fill('<a href="mailto:privacy@fennel-foods.ie">Write to 1 Quay Street, Manchester, M3 3JE</a>. Tel: +44 161 496 0000.\n', 200_000)
      // A budget that never runs out still counts its checks: many, spread over the whole text.
      const counting = steppingBudget(Number.MAX_SAFE_INTEGER, 1)
      extractPolicy({ text, format }, { budget: counting.budget })
      expect(counting.checks()).toBeGreaterThan(100)
      // The same text on a budget that runs out half-way stops with INPUT_TOO_COMPLEX.
      const half = steppingBudget(counting.checks() / 2, 1)
      expect(() => extractPolicy({ text, format }, { budget: half.budget })).toThrowError(expect.objectContaining({ code: 'INPUT_TOO_COMPLEX' }))
    }
  })

  it('reading a reply checks its budget too', async () => {
    const bytes = eml(['From: MAILER-DAEMON@mx.example.org', 'To: alex@example.org', 'Subject: Undelivered', 'Content-Type: text/plain'], fill('user@example.org: no\r\n', 300_000))
    const counting = steppingBudget(Number.MAX_SAFE_INTEGER, 1)
    await parseReply(bytes, { budget: counting.budget })
    expect(counting.checks()).toBeGreaterThan(10)
    await expect(parseReply(bytes, { budget: steppingBudget(counting.checks() / 2, 1).budget })).rejects.toMatchObject({ code: 'INPUT_TOO_COMPLEX' })
  })

  it('a policy that outruns its budget is not saved, and the catalog is as it was', async () => {
    const clock = armableClock()
    const host = startCore({ clock })
    const before = expectOk(await host.api.call('catalog:list', {}))
    const files = filesUnder(host.dataDir)
    clock.arm()
    const text = 'Privacy Policy | Fennel Foods\n\nQuestions about your personal data: privacy@fennel-foods.ie.\n'
    for (const method of ['catalog:extractPolicy', 'catalog:savePolicy'] as const) {
      const input = { text, format: 'text' as const, sourceUrl: 'https://fennel-foods.ie/privacy', ...(method === 'catalog:savePolicy' ? { choices: { name: 'Fennel Foods' } } : {}) }
      const result = await host.api.call(method, input as never)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('INPUT_TOO_COMPLEX')
    }
    expect(expectOk(await host.api.call('catalog:list', {}))).toEqual(before)
    expect(filesUnder(host.dataDir)).toEqual(files)
  })

  it('a reply that outruns its budget is reported as failed, and nothing is written', async () => {
    const clock = armableClock('2026-01-31T10:00:00Z')
    const host = startCore({ clock })
    const reference = await markedSent(host)
    const request = expectOk(await host.api.call('requests:get', { reference }))
    const files = filesUnder(host.dataDir)
    clock.arm()
    const bytes = eml(['From: privacy@fs.com', 'To: alex@example.org', `Subject: Re: ${reference}`, 'Content-Type: text/plain'], 'We have received your request.')
    // A lone file's failure fails the call; among several, it is listed and the others go on.
    const alone = await host.api.call('replies:import', { files: [{ name: 'reply.eml', base64: bytes.toString('base64') }] })
    expect(alone.ok ? null : alone.error.code).toBe('INPUT_TOO_COMPLEX')
    const files2 = [1, 2].map((n) => ({ name: `reply-${n}.eml`, base64: Buffer.from(bytes.toString('latin1').replace('Subject:', `X-N: ${n}\r\nSubject:`), 'latin1').toString('base64') }))
    const result = expectOk(await host.api.call('replies:import', { files: files2 }))
    expect(result.outcomes).toEqual([])
    expect(result.failed).toEqual([expect.objectContaining({ code: 'INPUT_TOO_COMPLEX' }), expect.objectContaining({ code: 'INPUT_TOO_COMPLEX' })])
    expect(filesUnder(host.dataDir)).toEqual(files)
    expect(expectOk(await host.api.call('requests:get', { reference })).record.events).toEqual(request.record.events)
    expect(expectOk(await host.api.call('replies:list', {}))).toEqual([])
  })
})

describe('the door of the API reads its input once', () => {
  it('a file whose base64 is a megabyte of line breaks and a stray character is refused as damaged', slow, async () => {
    const host = startCore({ clock: testClock() })
    const files = filesUnder(host.dataDir)
    const result = await host.api.call('replies:import', { files: [{ name: 'broken.eml', base64: `${fill('\r\n', 1024 * 1024)}!` }] })
    expect(result.ok ? null : result.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('did not arrive intact') })
    expect(filesUnder(host.dataDir)).toEqual(files)
  })
})

describe('a budget on a frozen test clock never runs out', () => {
  it('so a slow machine passes the corpus tests', () => {
    const frozen = testClock()
    const budget = createTextBudget({ what: 'x', limitMs: 1, now: () => frozen.now().getTime() })
    for (let i = 0; i < 1000; i += 1) budget.check()
  })
})
