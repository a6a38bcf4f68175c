/**
 * "Write in Gmail / Outlook.com / Yahoo Mail": each service's compose link with the recipient,
 * subject and text filled in, for people whose mail lives in the browser. The link is built here,
 * from the request, never taken from the renderer; the shell opens only these hosts
 * (electron/shell/trusted-url.ts). A pure module without imports.
 *
 * The formats (as the services take them in 2026):
 * - Gmail:       https://mail.google.com/mail/?view=cm&fs=1&to=…&su=…&body=…
 * - Outlook.com: https://outlook.live.com/mail/0/deeplink/compose?to=…&subject=…&body=…
 * - Yahoo Mail:  https://compose.mail.yahoo.com/?to=…&subject=…&body=…
 * Values are percent-encoded with encodeURIComponent (a space is %20, never "+", which Outlook
 * would show as a plus; "&", "#" and "=" are encoded so they stay in the text); line breaks are %0A.
 */

export const webmailProviders = ['gmail', 'outlook', 'yahoo'] as const
export type WebmailProvider = (typeof webmailProviders)[number]

/** The services' names as people know them. */
export const webmailNames: Readonly<Record<WebmailProvider, string>> = {
  gmail: 'Gmail',
  outlook: 'Outlook.com',
  yahoo: 'Yahoo Mail',
}

/** Each service's compose address: exactly this origin and path, nothing else is opened. */
export const webmailComposeBase: Readonly<Record<WebmailProvider, { readonly origin: string; readonly path: string }>> = {
  gmail: { origin: 'https://mail.google.com', path: '/mail/' },
  outlook: { origin: 'https://outlook.live.com', path: '/mail/0/deeplink/compose' },
  yahoo: { origin: 'https://compose.mail.yahoo.com', path: '/' },
}

/**
 * The longest compose link each service takes intact. Google's front ends refuse request lines
 * beyond about 8 KB; Outlook's compose deep link is documented to hold about 2,000 characters, and
 * Yahoo cuts long links too, so both get the safe 2,000. Longer texts are copied instead.
 */
export const webmailMaxUrlLength: Readonly<Record<WebmailProvider, number>> = {
  gmail: 8_000,
  outlook: 2_000,
  yahoo: 2_000,
}

const encode = (text: string) => encodeURIComponent(text.replace(/\r\n|\r/g, '\n'))

/** The compose link with `body` left out when it is null. */
export function webmailUrl(provider: WebmailProvider, message: { readonly to: string; readonly subject: string; readonly body: string | null }): string {
  const { origin, path } = webmailComposeBase[provider]
  const to = encode(message.to).replace(/%40/g, '@')
  const subjectKey = provider === 'gmail' ? 'su' : 'subject'
  const first = provider === 'gmail' ? 'view=cm&fs=1&' : ''
  const body = message.body === null ? '' : `&body=${encode(message.body)}`
  return `${origin}${path}?${first}to=${to}&${subjectKey}=${encode(message.subject)}${body}`
}

/**
 * The link to open: with the text when it fits within `maxLength` (the service's limit and the
 * system's, whichever is lower); otherwise without it, and `bodyIncluded` false: the caller puts
 * the text on the clipboard and says so.
 */
export function webmailCompose(
  provider: WebmailProvider,
  message: { readonly to: string; readonly subject: string; readonly body: string },
  systemMaxLength: number,
): { readonly url: string; readonly bodyIncluded: boolean; readonly limit: number } {
  const limit = Math.min(webmailMaxUrlLength[provider], systemMaxLength)
  const full = webmailUrl(provider, message)
  if (full.length <= limit) return { url: full, bodyIncluded: true, limit }
  return { url: webmailUrl(provider, { ...message, body: null }), bodyIncluded: false, limit }
}
