/**
 * What saving the user's own template takes (templates:saveUser): its language, a name for its
 * file and its text. Pure (zod and the vocabulary only), so the editor checks with the same schema.
 */
import { z } from 'zod'
import { languageSchema } from '../shared/schemas'

/** The longest name of a template of the user's own. */
export const maxTemplateNameLength = 80
/** The longest template text. */
export const maxTemplateTextLength = 100_000

/** A template of the user's own, as the editor saves it. */
export const userTemplateInputSchema = z.strictObject({
  lang: languageSchema,
  name: z.string().trim().min(1).max(maxTemplateNameLength),
  text: z.string().min(1).max(maxTemplateTextLength),
})
