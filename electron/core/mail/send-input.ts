/**
 * What sending a request through the user's SMTP server takes (mail:send). Pure (zod and the
 * request's reference only), so the window's send form checks with the same schema.
 */
import { z } from 'zod'
import { referenceSchema } from '../requests/model'

/** The most files one e-mail carries besides the letter. */
export const maxMailAttachments = 20

/** One request sent by e-mail: with its letter as a PDF or not, files picked beside it, and the answer after an uncertain attempt. */
export const sendMailInputSchema = z.strictObject({
  reference: referenceSchema,
  attachLetter: z.boolean().default(false),
  /** Tokens from attachments:pick. */
  attachments: z.array(z.string().min(1).max(100)).max(maxMailAttachments).default([]),
  confirmResend: z.boolean().default(false),
})
