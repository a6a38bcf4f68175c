/**
 * The zod schemas every part of the core shares: a plain date, a country code, an e-mail address
 * and a letter language. Pure, safe for the renderer.
 */
import { z } from 'zod'
import { languages, normalizeLanguage } from './kinds'
import { isPlainDate } from './calendar'

export const plainDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD.')

/** A plain date that exists in the calendar (no 31 April). */
export const realDateSchema = plainDateSchema.refine(isPlainDate, 'This date does not exist in the calendar.')

export const countryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter ISO 3166-1 country code, e.g. DE.')

/** Lenient e-mail check: one @, no spaces or angle brackets, a dot in the domain. */
export const emailAddressSchema = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/, 'This is not an e-mail address.')

/** A letter language; the old "zh" is read as "zh-Hans" (a request saved before opens as before). */
export const languageSchema = z.preprocess(normalizeLanguage, z.enum(languages))
