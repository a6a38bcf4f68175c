/**
 * The window's title for each route: "FS.COM - Rightful". Screen readers and the system's window
 * list (Alt+Tab, the taskbar) read it, so it names the page and, where there is one, its subject.
 */
import { assertNever } from '@core/shared/assert-never'
import type { Route } from './routes'
import { i18n } from '../i18n/i18n'

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

/** The page's own name, without the app's, in the window's language (`_language` only tells callers to ask again when it changes). */
export function pageName(route: Route, names: TitleNames, _language?: string): string {
  const t = (key: string, params?: Record<string, string | number>) => i18n.t(key, { ns: 'common', ...params })
  switch (route.name) {
    case 'dashboard':
      return t('nav.requests')
    case 'companies':
      return t('nav.companies')
    case 'company':
      return names.company(route.id) ?? t('title.company')
    case 'company-edit': {
      if (route.id === null) return t('title.addCompany')
      const name = names.company(route.id)
      return name ? t('title.changeCompanyNamed', { name }) : t('title.changeCompany')
    }
    case 'policy-import':
      return t('title.policyImport')
    case 'new-request': {
      const name = route.companyId === null ? undefined : names.company(route.companyId)
      return name ? t('title.newRequestTo', { name }) : t('title.newRequest')
    }
    case 'request': {
      const company = names.requestCompany(route.reference)
      return company ? t('title.requestTo', { reference: route.reference, company }) : route.reference
    }
    case 'profile':
      return t('nav.profile')
    case 'settings':
      return t('nav.settings')
    case 'templates':
      return t('nav.templates')
    case 'template':
      return route.edit ? t('title.editTemplate') : t('title.template')
    case 'onboarding':
      return t('title.onboarding')
    case 'about':
      return t('title.about')
    case 'discover':
      return t('title.discover')
    case 'bulk-new':
      return t('title.bulkNew', { count: route.companies.length })
    case 'batch':
      return t('title.batch', { id: route.id })
    default:
      return assertNever(route)
  }
}

/** The window's title for a page: "Companies - Rightful". */
export function windowTitle(name: string): string {
  return `${name} - ${appName}`
}
