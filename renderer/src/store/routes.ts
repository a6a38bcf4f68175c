/** Where the user is: a small state-based router, with a history for Back. */
export type Route =
  | { readonly name: 'dashboard' }
  /** The first-start guide (also reached again from Settings). */
  | { readonly name: 'onboarding' }
  | { readonly name: 'companies' }
  | { readonly name: 'company'; readonly id: string }
  /** Add a company (id null, optionally with a name or domain to start from) or change one. */
  | { readonly name: 'company-edit'; readonly id: string | null; readonly prefill?: { readonly name?: string; readonly domain?: string } }
  | { readonly name: 'policy-import' }
  | { readonly name: 'new-request'; readonly companyId: string | null }
  | { readonly name: 'request'; readonly reference: string }
  | { readonly name: 'profile'; readonly returnTo: Route | null }
  | { readonly name: 'settings' }
  | { readonly name: 'templates' }
  | { readonly name: 'template'; readonly id: string; readonly edit: boolean }
  /** Where the built-in catalog comes from, and the licences. */
  | { readonly name: 'about' }
  /** Which companies wrote to the user, read from a mailbox on this computer. */
  | { readonly name: 'discover' }
  /** One request type to these companies at once: choose, then write the batch. */
  | { readonly name: 'bulk-new'; readonly companies: ReadonlyArray<string> }
  /** A batch: review, send, letters, web forms. */
  | { readonly name: 'batch'; readonly id: string }

export function sameRoute(a: Route, b: Route): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
