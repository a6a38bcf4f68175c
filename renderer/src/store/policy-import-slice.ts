/**
 * The policy being imported (Companies → "From its privacy policy"): the text, where it comes
 * from, and the proposal once read. Kept here rather than on the page, so that the user may go
 * elsewhere while a long policy is read and find it, read, when they come back.
 */
import type { ApiInput } from '@core/api/contract'
import type { Result } from '@core/shared/result'
import type { PolicyProposal } from '@core/catalog/policy-import/proposal'
import type { CompanyView } from '@core/catalog/schema'
import { api, messageOf, unwrap } from '../api'
import type { Slice } from './types'

export type PolicyFormat = 'text' | 'markdown' | 'html'

/** Where and when "Learn from a web address" fetched the text (null: pasted or opened). */
export type PolicyFetch = { readonly requestedUrl: string; readonly url: string; readonly fetchedOn: string; readonly bytes: number }

export type PolicyDraft = {
  readonly text: string
  readonly fileName: string | null
  readonly format: PolicyFormat | 'auto'
  readonly sourceUrl: string
  readonly fetched: PolicyFetch | null
}

/** What was read, with the input it was read from (saving reads the same text again). */
export type PolicyRead = {
  readonly proposal: PolicyProposal
  readonly input: { readonly text: string; readonly format: PolicyFormat; readonly sourceUrl: string; readonly fetched: PolicyFetch | null }
}

export type PolicyImportSlice = {
  policyDraft: PolicyDraft
  policyRead: PolicyRead | null
  /** Why the last reading gave no proposal (an error, or that it was stopped); null when it did. */
  policyReadProblem: string | null
  setPolicyDraft(patch: Partial<PolicyDraft>): void
  /** Reads the draft as `format`: the proposal goes to `policyRead`, a problem to `policyReadProblem`. */
  readPolicy(format: PolicyFormat): Promise<void>
  /**
   * "Learn from a web address": fetches the policy at `url` (started by the person; the only
   * network use besides mail), puts its text, format and final address in the draft, and reads it.
   */
  fetchPolicy(url: string): Promise<void>
  /** Back to the text (the proposal is dropped). */
  clearPolicyRead(): void
  /** After saving: an empty draft for the next policy. */
  resetPolicyImport(): void
  /** Saves the company the user made from the policy (an operation); the core's answer as it is (DUPLICATE_COMPANY says which). */
  savePolicyCompany(input: Omit<ApiInput<'catalog:savePolicy'>, 'operation'>): Promise<Result<CompanyView>>
}

const emptyDraft: PolicyDraft = { text: '', fileName: null, format: 'auto', sourceUrl: '', fetched: null }

export const createPolicyImportSlice: Slice<PolicyImportSlice> = (set, get) => ({
  policyDraft: emptyDraft,
  policyRead: null,
  policyReadProblem: null,

  setPolicyDraft(patch) {
    const draft = { ...get().policyDraft, ...patch }
    // Text or address changed by hand: it is no longer what was fetched.
    const edited = patch.fetched === undefined && (patch.text !== undefined || patch.sourceUrl !== undefined)
    set({ policyDraft: edited ? { ...draft, fetched: null } : draft, policyReadProblem: null })
  },

  async fetchPolicy(url) {
    set({ policyReadProblem: null })
    try {
      const page = unwrap(await get().runOperation('catalog:fetchPolicy', 'Fetching the policy', (operation) => api().catalog.fetchPolicy({ url, operation })))
      set({
        policyDraft: {
          text: page.text,
          fileName: null,
          format: page.format,
          sourceUrl: page.url,
          fetched: { requestedUrl: page.requestedUrl, url: page.url, fetchedOn: page.fetchedOn, bytes: page.bytes },
        },
      })
    } catch (error) {
      set({ policyReadProblem: messageOf(error) })
      return
    }
    await get().readPolicy(get().policyDraft.format === 'auto' ? 'html' : (get().policyDraft.format as PolicyFormat))
  },

  async readPolicy(format) {
    const { text, sourceUrl, fetched } = get().policyDraft
    const source = sourceUrl.trim()
    set({ policyReadProblem: null })
    try {
      const proposal = unwrap(
        await get().runOperation('catalog:extractPolicy', 'Reading the policy', (operation) =>
          api().catalog.extractPolicy({ text, format, ...(source ? { sourceUrl: source } : {}), operation }),
        ),
      )
      set({ policyRead: { proposal, input: { text, format, sourceUrl: source, fetched } } })
    } catch (error) {
      set({ policyReadProblem: messageOf(error) })
    }
  },

  clearPolicyRead() {
    set({ policyRead: null })
  },

  resetPolicyImport() {
    set({ policyDraft: emptyDraft, policyRead: null, policyReadProblem: null })
  },

  savePolicyCompany(input) {
    return get().runOperation('catalog:savePolicy', 'Saving the company from its policy', (operation) => api().catalog.savePolicy({ ...input, operation }))
  },
})
