/**
 * The window's title for each route: "FS.COM - Rightful". Screen readers and the system's window
 * list (Alt+Tab, the taskbar) read it, so it names the page and, where there is one, its subject.
 */
import { assertNever } from '@core/assert-never'
import type { Route } from './routes'

/** The parts of the store's state the names come from (the store's State has them). */
export type NamedState = {
  readonly companies: ReadonlyMap<string, { readonly name: string }>
  readonly views: ReadonlyMap<string, { readonly record: { readonly company: { readonly name: string } } }>
  readonly requests: ReadonlyArray<{ readonly reference: string; readonly companyName: string }> | null
}

export const appName = 'Rightful'

/** What the title needs to know besides the route: the names of what is on the page, once loaded. */
export type TitleNames = {
  /** The company's name, when it is loaded. */
  company(id: string): string | undefined
  /** The name of the company a request goes to, when the request is loaded. */
  requestCompany(reference: string): string | undefined
}

/** The names the store has loaded. */
export function titleNamesIn(state: NamedState): TitleNames {
  // Maps: an id such as "constructor" finds nothing it did not put there.
  return {
    company: (id) => state.companies.get(id)?.name,
    requestCompany: (reference) =>
      state.views.get(reference)?.record.company.name ??
      state.requests?.find((r) => r.reference === reference)?.companyName,
  }
}

/** The page's own name, without the app's. */
export function pageName(route: Route, names: TitleNames): string {
  switch (route.name) {
    case 'dashboard':
      return 'Requests'
    case 'companies':
      return 'Companies'
    case 'company':
      return names.company(route.id) ?? 'Company'
    case 'company-edit': {
      if (route.id === null) return 'Add a company'
      const name = names.company(route.id)
      return name ? `Change ${name}` : 'Change a company'
    }
    case 'policy-import':
      return 'Add a company from its privacy policy'
    case 'new-request': {
      const name = route.companyId === null ? undefined : names.company(route.companyId)
      return name ? `New request to ${name}` : 'New request'
    }
    case 'request': {
      const company = names.requestCompany(route.reference)
      return company ? `${route.reference} to ${company}` : route.reference
    }
    case 'profile':
      return 'Your details'
    case 'settings':
      return 'Settings'
    case 'templates':
      return 'Templates'
    case 'template':
      return route.edit ? 'Edit a template' : 'Template'
    case 'onboarding':
      return 'Set up Rightful'
    case 'about':
      return 'About Rightful'
    case 'discover':
      return 'Who has your data?'
    case 'bulk-new':
      return `Ask ${route.companies.length} ${route.companies.length === 1 ? 'company' : 'companies'} at once`
    case 'batch':
      return `Batch ${route.id}`
    default:
      return assertNever(route)
  }
}

/** The window's title for a page: "Companies - Rightful". */
export function windowTitle(name: string): string {
  return `${name} - ${appName}`
}
