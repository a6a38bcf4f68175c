/**
 * The user's settings, one document in the settings store: the deadline interpretations, the
 * reminders before a deadline, whether the first-start guide was done or skipped, and how the user
 * wants to send requests (which decides the draft page's main action).
 */
import { z } from 'zod'
import { deadlineSettingsSchema, type DeadlineSettings } from '../deadlines/settings'
import type { NoticeBoard } from '../shared/notices'
import type { DocumentStore } from '../shared/ports'
import { fileStamp } from '../storage/files'
import { webmailProviders } from './webmail'
import { uiLanguages } from '../messages/ui-languages'
import { coreError, noticeWords } from '../messages/errors'

/** How the user sends: their own mail server, their mail program, a webmail service, or letters. */
export const sendingMethods = ['smtp', 'mail-program', 'webmail', 'letter'] as const
export type SendingMethod = (typeof sendingMethods)[number]

/** The first-start guide: shown while 'pending' (and no details are saved), never again once done or skipped. */
export const onboardingStates = ['pending', 'done', 'skipped'] as const
export type OnboardingState = (typeof onboardingStates)[number]

/** The window's language: the system's ('system'), or one the user chose. */
export const uiLanguageChoices = ['system', ...uiLanguages] as const
export type UiLanguageChoice = (typeof uiLanguageChoices)[number]

const sendingSchema = z.strictObject({
  /** Null: not chosen; the draft page then leads with what is set up. */
  method: z.enum(sendingMethods).nullable().default(null),
  /** With 'webmail': which service. */
  webmail: z.enum(webmailProviders).nullable().default(null),
})

export const settingsSchema = z.strictObject({
  deadlines: deadlineSettingsSchema.default(deadlineSettingsSchema.parse({})),
  notifications: z
    .strictObject({
      /** Show a system notification this many days before a deadline (0: only when it passes). */
      daysBefore: z.number().int().min(0).max(30).default(3),
      enabled: z.boolean().default(true),
    })
    .default({ daysBefore: 3, enabled: true }),
  onboarding: z.strictObject({ state: z.enum(onboardingStates).default('pending') }).default({ state: 'pending' }),
  sending: sendingSchema.default({ method: null, webmail: null }),
  ui: z.strictObject({ language: z.enum(uiLanguageChoices).default('system') }).default({ language: 'system' }),
})
export type Settings = z.infer<typeof settingsSchema>

/** What a caller may change: any part, the rest stays. */
export const settingsPatchSchema = z.strictObject({
  deadlines: deadlineSettingsSchema.partial().optional(),
  notifications: z.strictObject({ daysBefore: z.number().int().min(0).max(30).optional(), enabled: z.boolean().optional() }).optional(),
  onboarding: z.strictObject({ state: z.enum(onboardingStates) }).optional(),
  sending: z
    .strictObject({ method: z.enum(sendingMethods).nullable().optional(), webmail: z.enum(webmailProviders).nullable().optional() })
    .optional(),
  ui: z.strictObject({ language: z.enum(uiLanguageChoices) }).optional(),
})
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

const storedSchema = z.object({ version: z.literal(1), settings: settingsSchema })
/** The settings file as stored (the backup checks a restored one against it). */
export const storedSettingsSchema = storedSchema

export type SettingsStore = {
  get(): Settings
  update(patch: SettingsPatch): Settings
  readonly deadlines: () => DeadlineSettings
}

export function openSettingsStore(store: DocumentStore, notices: NoticeBoard): SettingsStore {
  /** What was read, with the file's stamp then: read again when another process changed the file. */
  let cached: { readonly stamp: string; readonly settings: Settings } | null = null
  const get = (readAgain = true): Settings => {
    const stamp = fileStamp(store.path)
    if (cached && cached.stamp === stamp) return cached.settings
    const document = store.read()
    if (Object.keys(document).length === 0) return (cached = { stamp, settings: settingsSchema.parse({}) }).settings
    const parsed = storedSchema.safeParse(document)
    if (parsed.success) return (cached = { stamp, settings: parsed.data.settings }).settings
    const movedTo = store.moveAside()
    // Null: another process moved it aside (and told) or wrote it anew meanwhile: read that.
    if (movedTo === null) return readAgain ? get(false) : settingsSchema.parse({})
    notices.add({
      code: 'STORE_FILE_UNREADABLE',
      ...noticeWords('notice.settings', { movedTo }),
      path: store.path,
      movedTo,
    })
    cached = null
    return settingsSchema.parse({})
  }
  return {
    get: () => get(),
    deadlines: () => get().deadlines,
    update(patch) {
      // Unreadable settings are moved aside (and told) first.
      get()
      const next = store.update((document) => {
        const stored = storedSchema.safeParse(document)
        if (Object.keys(document).length > 0 && !stored.success) {
          throw coreError('STORAGE_FAILED', 'error.settings.changedOutside')
        }
        // Read afresh under the lock: what another process changed meanwhile stays.
        const current = stored.success ? stored.data.settings : settingsSchema.parse({})
        const merged = settingsSchema.parse({
          deadlines: { ...current.deadlines, ...patch.deadlines },
          notifications: { ...current.notifications, ...patch.notifications },
          onboarding: { ...current.onboarding, ...patch.onboarding },
          sending: { ...current.sending, ...patch.sending },
          ui: { ...current.ui, ...patch.ui },
        })
        return { document: { version: 1, settings: merged }, result: merged }
      })
      // Read again next time (with the stamp of what was read): the stamp now might already be another process's.
      cached = null
      return next
    },
  }
}
