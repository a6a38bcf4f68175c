/**
 * Hostile inputs for every parser that reads outside text: each a megabyte (or any size) of the
 * worst shape found for it (long runs of one character class, repeated separators, nested tags
 * and brackets, near-matches of an address or a reference). Issue 12 measured some of these at
 * minutes; the regression tests (test/core/hostile-inputs.test.ts) assert what each one yields,
 * and `npm run bench` (bench/hostile-inputs.ts) prints the time of the worst one per parser.
 */

/** `unit` repeated to exactly `size` characters. */
export function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
}

/** An .eml with these header lines and this body (CRLF line ends). */
export function eml(headers: ReadonlyArray<string>, body: string): Buffer {
  return Buffer.from([...headers, '', body].join('\r\n'), 'utf8')
}

/** `count` distinct request references, space-separated: "RF-2026-0000 RF-2026-0001 …". */
export function manyReferences(size: number): string {
  const parts: string[] = []
  let length = 0
  for (let i = 0; length < size; i += 1) {
    const reference = `RF-2026-${String(i).padStart(4, '0')}`
    parts.push(reference)
    length += reference.length + 1
  }
  return parts.join(' ').slice(0, size)
}

/** HTML nested `depth` levels deep, then `lines` lines inside, closed again: a quote chain gone wild. */
export function nestedHtml(tag: string, size: number): string {
  // Groups of 64 nested levels with a line each, side by side, until the size is reached.
  const group = `<${tag}>x `.repeat(64) + `</${tag}>`.repeat(64)
  return fill(group, size)
}

export type PolicyFormat = 'text' | 'markdown' | 'html'

/** A hostile policy text: its name, its format and how to make it at a given size. */
export type HostilePolicy = { readonly name: string; readonly format: PolicyFormat; make(size: number): string }

export const hostilePolicies: ReadonlyArray<HostilePolicy> = [
  { name: 'spaces', format: 'text', make: (size) => fill(' ', size) },
  { name: 'digits', format: 'text', make: (size) => fill('1', size) },
  { name: 'digits and spaces ("1 1 1")', format: 'text', make: (size) => fill('1 ', size) },
  { name: 'open brackets and digits ("(1(1")', format: 'text', make: (size) => fill('(1', size) },
  { name: 'blank lines', format: 'text', make: (size) => fill('\n', size) },
  { name: '"Street 1, … Hong Kong, " on one line', format: 'text', make: (size) => fill(`${'Street 1, '.repeat(10)}Hong Kong, `, size) },
  { name: 'one phone number repeated on one line', format: 'text', make: (size) => fill('Tel: +44 20 7946 0958, ', size) },
  { name: 'hyphenated capitals ("Aa-Aa-")', format: 'text', make: (size) => fill('Aa-', size) },
  { name: 'French postcodes on one line', format: 'text', make: (size) => fill('75001 Paris ', size) },
  { name: 'Dutch postcodes on one line', format: 'text', make: (size) => fill('1234AB ', size) },
  { name: 'US towns without a state', format: 'text', make: (size) => fill('New Castle, XX 19720 ', size) },
  { name: 'ages in one sentence', format: 'text', make: (size) => fill('aged 16 or older ', size) },
  { name: 'distinct e-mail addresses in one sentence', format: 'text', make: (size) => Array.from({ length: Math.ceil(size / 16) }, (_, i) => `a${i}@x${i % 97}.com`).join(' ').slice(0, size) },
  { name: 'an address spelled out, repeated', format: 'text', make: (size) => fill('privacy [at] example [dot] com ', size) },
  { name: 'a dotted run after an @ ("a@b.b.b")', format: 'text', make: (size) => `a@${fill('b.', size - 2)}` },
  { name: 'a city and spaces ("Mumbai      x")', format: 'text', make: (size) => `Mumbai${fill(' ', size - 7)}x` },
  { name: 'commas and Kowloon', format: 'text', make: (size) => fill('x,   Kowloon ', size) },
  { name: 'a Chinese street without a number sign', format: 'text', make: (size) => `深圳市南山区科技园路${fill('1', size - 10)}` },
  { name: 'spaces (Markdown)', format: 'markdown', make: (size) => fill(' ', size) },
  { name: 'open brackets (Markdown)', format: 'markdown', make: (size) => fill('[', size) },
  { name: 'nested links (Markdown)', format: 'markdown', make: (size) => `${'['.repeat(size / 8)}a${'](x)'.repeat(size / 8)}`.slice(0, size) },
  { name: 'unclosed links (Markdown)', format: 'markdown', make: (size) => fill('[a](', size) },
  { name: 'a heading of spaces (Markdown)', format: 'markdown', make: (size) => `# a${fill(' ', size - 4)}b` },
  { name: 'a table rule of spaces (Markdown)', format: 'markdown', make: (size) => `--${fill(' ', size - 3)}x` },
  { name: 'a front-matter title of spaces (Markdown)', format: 'markdown', make: (size) => `---\ntitle: a${fill(' ', size - 20)}b\n---\n` },
  { name: 'an auto-link of dots (Markdown)', format: 'markdown', make: (size) => `<a@b${fill('.', size - 5)}` },
  { name: '"<a " repeated (HTML)', format: 'html', make: (size) => fill('<a ', size) },
  { name: '"<a \\"" repeated (HTML)', format: 'html', make: (size) => fill('<a "', size) },
  { name: 'nested mailto links (HTML)', format: 'html', make: (size) => fill('<a href="mailto:a@b.cd">x', size) },
  { name: 'nested divs (HTML)', format: 'html', make: (size) => fill('<div>', size) },
  { name: 'entities (HTML)', format: 'html', make: (size) => fill('&amp;', size) },
  { name: 'unclosed comments (HTML)', format: 'html', make: (size) => fill('<!-- ', size) },
  { name: 'a title of a hundred pieces over words it names (HTML)', format: 'html', make: (size) => `<title>${Array.from({ length: 100 }, (_, i) => `Ab${i}`).join(' | ')}</title>${fill(' Ab1 Ab2', size - 700)}`.slice(0, size) },
]

/** A hostile reply: its name and its .eml bytes at a given size (of the body). */
export type HostileReply = { readonly name: string; make(size: number): Buffer }

const bounceHeaders = ['From: MAILER-DAEMON@mx.example.org', 'To: alex@example.org', 'Subject: Undelivered Mail Returned to Sender', 'Content-Type: text/plain; charset=utf-8']
const replyHeaders = (contentType = 'text/plain; charset=utf-8') => ['From: privacy@example.com', 'To: alex@example.org', 'Subject: Re: Your request', `Content-Type: ${contentType}`]

export const hostileReplies: ReadonlyArray<HostileReply> = [
  { name: 'a bounce of blank lines', make: (size) => eml(bounceHeaders, fill('\r\n', size)) },
  { name: 'a bounce of indented blank lines', make: (size) => eml(bounceHeaders, fill(' \r\n', size)) },
  { name: 'a bounce of near-miss recipient lines', make: (size) => eml(bounceHeaders, fill('<a@b.c>  x\r\n', size)) },
  { name: 'a bounce listing many recipients', make: (size) => eml(bounceHeaders, Array.from({ length: Math.ceil(size / 24) }, (_, i) => `user${i}@example.org: no`).join('\r\n').slice(0, size)) },
  { name: 'a body of request references', make: (size) => eml(replyHeaders(), manyReferences(size)) },
  { name: 'nested blockquotes (HTML only)', make: (size) => eml(replyHeaders('text/html; charset=utf-8'), nestedHtml('blockquote', size)) },
  { name: 'deep quotes around many lines (HTML only)', make: (size) => eml(replyHeaders('text/html; charset=utf-8'), `${'<blockquote>'.repeat(128)}${fill('x<br>', size - 128 * 12)}`) },
  { name: 'nested divs (HTML only)', make: (size) => eml(replyHeaders('text/html; charset=utf-8'), fill('<div>', size)) },
  { name: 'nested lists (HTML only)', make: (size) => eml(replyHeaders('text/html; charset=utf-8'), nestedHtml('ul', size)) },
  { name: 'quote headers ("On … wrote:") repeated', make: (size) => eml(replyHeaders(), fill('On Tuesday, Alex wrote something\r\n', size)) },
]

/** A hostile text for the reply classifier and matcher (the reply's own words). */
export const hostileReplyTexts: ReadonlyArray<{ readonly name: string; make(size: number): string }> = [
  { name: 'spaces', make: (size) => fill(' ', size) },
  { name: 'one phrase repeated', make: (size) => fill('we have received your request ', size) },
  { name: 'near-miss phrases', make: (size) => fill('we have received your ', size) },
  { name: 'ticket numbers', make: (size) => fill('ticket number: ', size) },
  { name: 'request references', make: (size) => manyReferences(size) },
  { name: '"RF-2026-" and digits', make: (size) => `RF-2026-${fill('1', size - 8)}` },
  { name: 'reply prefixes ("Re: Re: ")', make: (size) => fill('Re: ', size) },
  { name: 'a prefix and spaces ("Re      x")', make: (size) => `Re${fill(' ', size - 3)}x` },
]
