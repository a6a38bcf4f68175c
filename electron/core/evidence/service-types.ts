/**
 * The evidence service's shape, apart from its implementation (service.ts, which loads the image
 * libraries on first use): the API's context names it without reaching them.
 */
import type { Language } from '../shared/kinds'
import type { EvidenceImage, RedactFormat, RedactedCopy } from './model'

/** A black box over the image, in fractions of its width and height (0..1). */
export type RedactionBox = { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/** Opening a picked image and writing its redacted copy. Opened once by createApi, which removes stale copies then. */
export type EvidenceService = {
  open(token: string): Promise<EvidenceImage>
  redact(input: { reference: string; token: string; boxes: ReadonlyArray<RedactionBox>; format: RedactFormat; lang?: Language | undefined; save: boolean }): Promise<RedactedCopy>
}
