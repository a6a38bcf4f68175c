/** How reply kinds and match methods read on screen, in the window's language. */
import type { MatchMethod, ReplyKind } from '@core/replies/model'
import type { Message } from '@core/shared/message'
import { i18n } from '../../i18n/i18n'
import { formatSize } from '../../ui/format'
import { errorText } from '../../ui/messages'

/** Every kind once (the compiler checks none is missing), in the order the "Choose another" list offers them. */
const kindOrder: Record<ReplyKind, true> = {
  acknowledged: true,
  'identity-requested': true,
  'clarification-asked': true,
  'extension-claimed': true,
  'data-received': true,
  'partially-fulfilled': true,
  refused: true,
  completed: true,
  bounce: true,
  'reply-received': true,
}

/** In the order the "Choose another" list offers them. */
export const replyKindChoices = Object.keys(kindOrder) as ReplyKind[]

/** What a reply is, in words ("Receipt acknowledged"). */
export function replyKindLabel(kind: ReplyKind): string {
  return i18n.t(`kind.${kind}`, { ns: 'replies' })
}

/** How Rightful placed a reply on a request ("it names the reference"). */
export function matchedByLabel(method: MatchMethod): string {
  return i18n.t(`matchedBy.${method}`, { ns: 'replies' })
}

export const maxDroppedBytes = 25 * 1024 * 1024

/** Reads dropped files in the renderer (they have no path here): only .eml files, up to 25 MB each. */
export async function readDroppedEml(
  files: ReadonlyArray<File>,
): Promise<{ files: Array<{ name: string; base64: string }>; refused: string[] }> {
  const refused: string[] = []
  const chosen: File[] = []
  for (const file of files) {
    if (!/\.eml$/i.test(file.name) && file.type !== 'message/rfc822') refused.push(i18n.t('drop.notEml', { ns: 'replies', name: file.name }))
    else if (file.size > maxDroppedBytes) refused.push(i18n.t('drop.tooBig', { ns: 'replies', name: file.name, size: formatSize(file.size), limit: formatSize(maxDroppedBytes) }))
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

/**
 * Why the core suggests a kind, in the window's language: its reason message where the record has
 * one (replies kept before it have only the English reason, shown as it was written).
 */
export function suggestionReason(suggestion: { readonly reason: string; readonly reasonMessage?: Message }): string {
  return errorText({ message: suggestion.reason, detail: suggestion.reasonMessage })
}
