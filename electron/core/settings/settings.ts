/**
 * The user's settings, one document in the settings store: the deadline interpretations, the
 * reminders before a deadline, whether the first-start guide was done or skipped, and how the user
 * wants to send requests (which decides the draft page's main action).
 */
import { z } from 'zod'
import { deadlineSettingsSchema, type DeadlineSettings } from '../deadlines/settings'
import type { NoticeBoard } from '../notices'
import type { DocumentStore } from '../ports'
import { webmailProviders } from '../mail/webmail'

/** How the user sends: their own mail server, their mail program, a webmail service, or letters. */
export const sendingMethods = ['smtp', 'mail-program', 'webmail', 'letter'] as const
export type SendingMethod = (typeof sendingMethods)[number]

/** The first-start guide: shown while 'pending' (and no details are saved), never again once done or skipped. */
export const onboardingStates = ['pending', 'done', 'skipped'] as const
export type OnboardingState = (typeof onboardingStates)[number]

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
  let cached: Settings | null = null
  const get = (): Settings => {
    if (cached) return cached
    const document = store.read()
    if (Object.keys(document).length === 0) return (cached = settingsSchema.parse({}))
    const parsed = storedSchema.safeParse(document)
    if (parsed.success) return (cached = parsed.data.settings)
    const movedTo = store.moveAside()
    notices.add({
      code: 'STORE_FILE_UNREADABLE',
      message: `Your settings could not be read, so the file was moved to ${movedTo} (nothing was deleted). Rightful uses its default settings.`,
      path: store.path,
      movedTo,
    })
    return (cached = settingsSchema.parse({}))
  }
  return {
    get,
    deadlines: () => get().deadlines,
    update(patch) {
      const current = get()
      const next = settingsSchema.parse({
        deadlines: { ...current.deadlines, ...patch.deadlines },
        notifications: { ...current.notifications, ...patch.notifications },
        onboarding: { ...current.onboarding, ...patch.onboarding },
        sending: { ...current.sending, ...patch.sending },
      })
      store.write({ version: 1, settings: next })
      cached = next
      return next
    },
  }
}
