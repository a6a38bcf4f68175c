/**
 * The text of a reply that is written in HTML only. mailparser's own conversion (html-to-text)
 * recurses once per nested element and writes a "> " or an indent per level of quoting on every
 * line, so HTML nested thousands of levels deep overflows the stack, and a few dozen levels of
 * quotes around a megabyte of lines write tens of megabytes (issue 12 measured 74 s; 128 levels
 * around 1 MB of lines did not finish in 300 s here, bench/hostile-inputs.ts). So the
 * shape of the HTML is measured first, in one pass: within the bounds below html-to-text reads it
 * exactly as mailparser would; beyond them the tags are stripped by the linear reader the policy
 * import uses (plain-text.ts), which keeps the words and line breaks but not the quote marks.
 */
// html-to-text ships no types: the reference brings its declaration into every program that reads this file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./html-to-text.d.ts" />
import { htmlToText } from 'html-to-text'
import { toPlainText } from '../catalog/policy-import/plain-text'
import type { TextBudget } from '../text/budget'

/** Elements nested deeper than this are not handed to html-to-text (it overflows its stack near 1,000). */
export const maxHtmlDepth = 256
/**
 * html-to-text's work grows with the length times the levels of quoting and lists; past this,
 * the tags are stripped instead. Flat HTML of up to about 8 MB, or 470 KB inside 16 levels of
 * quotes, still goes to html-to-text (a real thread is a few hundred KB at most).
 */
export const maxHtmlToTextWork = 8_000_000

/** Elements html-to-text writes a prefix or an indent for on every line inside them. */
const prefixing = new Set(['blockquote', 'ul', 'ol', 'dl', 'menu', 'dir'])
/** Elements without content, and elements a browser closes by itself (unclosed, they do not nest). */
const notNesting = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption', 'rb', 'rt', 'rp',
])

export type HtmlShape = {
  /** The deepest nesting of elements (an estimate from the tags, in one pass). */
  readonly depth: number
  /** The deepest nesting of quotes and lists. */
  readonly prefixDepth: number
}

/** Measures how deeply an HTML text nests its elements, reading each character about once. */
export function htmlShape(html: string): HtmlShape {
  let depth = 0
  let maxDepth = 0
  let prefixDepth = 0
  let maxPrefixDepth = 0
  let i = html.indexOf('<')
  while (i !== -1 && i < html.length) {
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4)
      if (close === -1) break
      i = html.indexOf('<', close + 3)
      continue
    }
    const gt = html.indexOf('>', i + 1)
    // No '>' after this '<': no tag can close any more.
    if (gt === -1) break
    const closing = html[i + 1] === '/'
    const name = /^[A-Za-z][A-Za-z0-9-]*/.exec(html.slice(i + (closing ? 2 : 1), Math.min(gt, i + 40)))?.[0].toLowerCase()
    if (name && !notNesting.has(name)) {
      const quoting = prefixing.has(name)
      if (closing) {
        depth = Math.max(0, depth - 1)
        if (quoting) prefixDepth = Math.max(0, prefixDepth - 1)
      } else if (html[gt - 1] !== '/') {
        depth += 1
        if (depth > maxDepth) maxDepth = depth
        if (quoting) {
          prefixDepth += 1
          if (prefixDepth > maxPrefixDepth) maxPrefixDepth = prefixDepth
        }
      }
    }
    i = html.indexOf('<', gt + 1)
  }
  return { depth: maxDepth, prefixDepth: maxPrefixDepth }
}

/** Whether html-to-text may read this HTML: within the depth and the work above. */
export function htmlToTextFits(html: string): boolean {
  const shape = htmlShape(html)
  return shape.depth <= maxHtmlDepth && html.length * (1 + shape.prefixDepth) <= maxHtmlToTextWork
}

/**
 * The text of an HTML-only reply: html-to-text's (as mailparser writes it) when the HTML fits the
 * bounds, else the tags stripped in one linear pass.
 */
export function textOfHtml(html: string, budget?: TextBudget): string {
  if (htmlToTextFits(html)) {
    try {
      return htmlToText(html)
    } catch {
      // Deeper than its stack after all: strip the tags instead.
    }
  }
  return strippedHtml(html, budget)
}

/** The words and line breaks of an HTML text, its tags dropped, in linear time. */
export function strippedHtml(html: string, budget?: TextBudget): string {
  return toPlainText(html, 'html', budget).text
}
