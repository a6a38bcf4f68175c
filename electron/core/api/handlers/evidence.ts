/**
 * The redaction tool's API: a thin map onto the evidence service (evidence/service.ts), which
 * createApi opens once: open a picked image, then write its redacted, watermarked copy.
 */
import type { CoreContext, HandlerMap } from '../context'

export { cleanRedactedCopiesSync } from '../../evidence/service'

export function evidenceHandlers(ctx: CoreContext): HandlerMap {
  return {
    'evidence:open': ({ token }) => ctx.evidence.open(token),
    'evidence:redact': (input) => ctx.evidence.redact(input),
  }
}
