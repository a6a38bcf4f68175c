/**
 * The Templates pages' calls: every template (built-in and the user's own), one template with its
 * text, the editor's live preview, and saving or deleting the user's copy. The core owns the
 * templates; these actions call window.api and hand back what it returned (a toast says why not).
 */
import type { ApiInput } from '@core/api/contract'
import type { TemplateInfo } from '@core/templates/info'
import { api, messageOf, unwrap } from '../api'
import { errorText } from '../ui/messages'
import type { Slice } from './types'

export type TemplatesSlice = {
  /** Every template, as the Templates page lists them; null until loaded. */
  templateList: ReadonlyArray<TemplateInfo> | null
  loadTemplateList(): Promise<void>
  /** One template with its text; null after an error toast. */
  loadTemplate(id: string): Promise<{ readonly info: TemplateInfo; readonly text: string } | null>
  /** A text filled in for a company under a law (the editor's preview), or why it cannot be, in words. */
  previewTemplate(input: ApiInput<'templates:preview'>): Promise<{ readonly subject: string; readonly body: string } | { readonly error: string }>
  /** Saves the user's copy; what was saved, or null after an error toast. */
  saveUserTemplate(input: ApiInput<'templates:saveUser'>): Promise<TemplateInfo | null>
  /** Deletes the user's copy; false after an error toast. */
  deleteUserTemplate(id: string): Promise<boolean>
}

export const createTemplatesSlice: Slice<TemplatesSlice> = (set, get) => ({
  templateList: null,

  async loadTemplateList() {
    try {
      set({ templateList: unwrap(await api().templates.list({})) })
    } catch (error) {
      get().toast('error', messageOf(error))
    }
  },

  async loadTemplate(id) {
    try {
      return unwrap(await api().templates.get({ id }))
    } catch (error) {
      get().toast('error', messageOf(error))
      return null
    }
  },

  async previewTemplate(input) {
    try {
      const result = await api().templates.preview(input)
      return result.ok ? result.data : { error: errorText(result.error) }
    } catch (error) {
      return { error: messageOf(error) }
    }
  },

  async saveUserTemplate(input) {
    try {
      const saved = unwrap(await api().templates.saveUser(input))
      void get().loadTemplateList()
      return saved
    } catch (error) {
      get().toast('error', messageOf(error))
      return null
    }
  },

  async deleteUserTemplate(id) {
    try {
      unwrap(await api().templates.deleteUser({ id }))
      void get().loadTemplateList()
      return true
    } catch (error) {
      get().toast('error', messageOf(error))
      return false
    }
  },
})
