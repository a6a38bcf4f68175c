/**
 * Which renderers may call the API. A webContents id is trusted from the moment the app creates
 * its window until that webContents is destroyed (the habit of GitHub Desktop's
 * trusted-ipc-sender.ts); on top of that, every message must come from the main frame while it
 * shows the app's own page, so a navigated-away page or an embedded frame gets nothing.
 */
import { isAppUrl, type AppOrigin } from './trusted-url'

/** The part of a webContents the registry needs. */
export type TrustableContents = {
  readonly id: number
  once(event: 'destroyed', listener: () => void): unknown
}

/** The part of an IPC event the check reads (Electron's IpcMainInvokeEvent has it). */
export type SenderEvent = {
  readonly sender: { readonly id: number }
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null
}

const trustedIds = new Set<number>()

/** Trusts a webContents the app itself created, until it is destroyed. */
export function trustSender(contents: TrustableContents): void {
  const { id } = contents
  trustedIds.add(id)
  contents.once('destroyed', () => {
    trustedIds.delete(id)
  })
}

/** Whether a webContents id is currently trusted. */
export function isTrustedSenderId(id: number): boolean {
  return trustedIds.has(id)
}

/**
 * True when the message comes from a trusted webContents, from its main frame (no parent), and
 * that frame currently shows the app's page. Anything unexpected counts as untrusted.
 */
export function isTrustedSender(event: SenderEvent, appOrigin: AppOrigin): boolean {
  try {
    if (!trustedIds.has(event.sender.id)) return false
    const frame = event.senderFrame
    if (!frame || frame.parent) return false
    return isAppUrl(frame.url, appOrigin)
  } catch {
    // Older Electron versions throw from senderFrame once the frame is gone.
    return false
  }
}
