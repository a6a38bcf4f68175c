/** How reply kinds and match methods read on screen. */
import type { MatchMethod, ReplyKind } from '@core/replies/model'

export const replyKindLabel: Record<ReplyKind, string> = {
  acknowledged: 'Receipt acknowledged',
  'identity-requested': 'Identity information requested',
  'clarification-asked': 'Clarification asked',
  'extension-claimed': 'Extension claimed',
  'data-received': 'Data provided',
  'partially-fulfilled': 'Partly fulfilled',
  refused: 'Refusal',
  completed: 'Completed',
  bounce: 'Undeliverable (bounce)',
  'reply-received': 'Just a reply',
}

/** In the order the "Choose another" list offers them. */
export const replyKindChoices = Object.keys(replyKindLabel) as ReplyKind[]

export const matchedByLabel: Record<MatchMethod, string> = {
  'in-reply-to': 'it answers the e-mail Rightful sent',
  references: 'it refers to the e-mail Rightful sent',
  reference: 'it names the reference',
  'sender-domain': "it comes from the company's domain",
  user: 'you imported it on this request',
}

export const maxDroppedBytes = 25 * 1024 * 1024

/** Reads dropped files in the renderer (they have no path here): only .eml files, up to 25 MB each. */
export async function readDroppedEml(
  files: ReadonlyArray<File>,
): Promise<{ files: Array<{ name: string; base64: string }>; refused: string[] }> {
  const refused: string[] = []
  const chosen: File[] = []
  for (const file of files) {
    if (!/\.eml$/i.test(file.name) && file.type !== 'message/rfc822') refused.push(`${file.name}: only e-mail files (.eml) can be imported as replies.`)
    else if (file.size > maxDroppedBytes) refused.push(`${file.name} is ${(file.size / 1048576).toFixed(1)} MB; Rightful imports e-mails up to 25 MB.`)
    else chosen.push(file)
  }
  const read = await Promise.all(
    chosen.map(async (file) => {
      const bytes = new Uint8Array(await file.arrayBuffer())
      let binary = ''
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return { name: file.name, base64: btoa(binary) }
    }),
  )
  return { files: read, refused }
}
