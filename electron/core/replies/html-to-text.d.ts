/**
 * The little of html-to-text 10 (which ships no types; mailparser 3.9.31 depends on the same
 * version) that reading replies uses: mailparser's own conversion of an HTML-only e-mail, with
 * its default options.
 */
declare module 'html-to-text' {
  export function htmlToText(html: string, options?: Record<string, unknown>): string
}
