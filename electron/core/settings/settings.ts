/**
 * The user's settings, one document in the settings store: the deadline interpretations and the
 * reminders before a deadline.
 */
import { z } from 'zod'
import { deadlineSettingsSchema, type DeadlineSettings } from '../deadlines/settings'
import type { NoticeBoard } from '../notices'
import type { DocumentStore } from '../ports'

export const settingsSchema = z.strictObject({
  deadlines: deadlineSettingsSchema.default(deadlineSettingsSchema.parse({})),
  notifications: z
    .strictObject({
      /** Show a system notification this many days before a deadline (0: only when it passes). */
      daysBefore: z.number().int().min(0).max(30).default(3),
      enabled: z.boolean().default(true),
    })
    .default({ daysBefore: 3, enabled: true }),
})
export type Settings = z.infer<typeof settingsSchema>

/** What a caller may change: any part, the rest stays. */
export const settingsPatchSchema = z.strictObject({
  deadlines: deadlineSettingsSchema.partial().optional(),
  notifications: z.strictObject({ daysBefore: z.number().int().min(0).max(30).optional(), enabled: z.boolean().optional() }).optional(),
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
      })
      store.write({ version: 1, settings: next })
      cached = next
      return next
    },
  }
}
