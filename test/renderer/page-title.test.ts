/** The window title per route: the page's name, its subject once loaded, then the app's name. */
import { describe, expect, it } from 'vitest'
import type { RequestListItem, RequestView } from '../../electron/core/api/contract'
import type { CompanyView } from '../../electron/core/catalog/schema'
import { pageName, titleNamesIn, windowTitle, type TitleNames } from '../../renderer/src/store/page-title'

const names: TitleNames = {
  company: (id) => (id === 'fs-com' ? 'FS.COM' : undefined),
  requestCompany: (reference) => (reference === 'RF-2026-0001' ? 'FS.COM' : undefined),
}

describe('pageName', () => {
  it('names each section as the navigation does', () => {
    expect(pageName({ name: 'dashboard' }, names)).toBe('Requests')
    expect(pageName({ name: 'companies' }, names)).toBe('Companies')
    expect(pageName({ name: 'profile', returnTo: null }, names)).toBe('Your details')
    expect(pageName({ name: 'templates' }, names)).toBe('Templates')
    expect(pageName({ name: 'settings' }, names)).toBe('Settings')
  })

  it('names the company or request on the page once it is loaded, and says what it is before', () => {
    expect(pageName({ name: 'company', id: 'fs-com' }, names)).toBe('FS.COM')
    expect(pageName({ name: 'company', id: 'unknown' }, names)).toBe('Company')
    expect(pageName({ name: 'company-edit', id: 'fs-com' }, names)).toBe('Change FS.COM')
    expect(pageName({ name: 'company-edit', id: null }, names)).toBe('Add a company')
    expect(pageName({ name: 'new-request', companyId: 'fs-com' }, names)).toBe('New request to FS.COM')
    expect(pageName({ name: 'new-request', companyId: null }, names)).toBe('New request')
    expect(pageName({ name: 'request', reference: 'RF-2026-0001' }, names)).toBe('RF-2026-0001 to FS.COM')
    expect(pageName({ name: 'request', reference: 'RF-2026-0009' }, names)).toBe('RF-2026-0009')
    expect(pageName({ name: 'template', id: 'builtin:en/access', edit: true }, names)).toBe('Edit a template')
    expect(pageName({ name: 'policy-import' }, names)).toBe('Add a company from its privacy policy')
  })

  it('puts the app name after the page name', () => {
    expect(windowTitle('FS.COM')).toBe('FS.COM - Rightful')
  })
})

describe('titleNamesIn', () => {
  const company = { name: 'Constructor GmbH' } as CompanyView
  const state = {
    companies: new Map<string, CompanyView>([['constructor', company]]),
    views: new Map<string, RequestView>(),
    requests: [{ reference: 'RF-2026-0002', companyName: 'Foscam' } as RequestListItem],
  }

  it('finds loaded companies by id, and a request by its view or its list entry', () => {
    const found = titleNamesIn(state)
    expect(found.company('constructor')).toBe('Constructor GmbH')
    expect(found.requestCompany('RF-2026-0002')).toBe('Foscam')
    expect(found.requestCompany('RF-2026-0003')).toBeUndefined()
  })

  it('never takes what an object inherits for a company: an id such as "toString" finds nothing', () => {
    const found = titleNamesIn({ ...state, companies: new Map() })
    expect(found.company('constructor')).toBeUndefined()
    expect(found.company('toString')).toBeUndefined()
    expect(found.company('__proto__')).toBeUndefined()
    expect(found.requestCompany('constructor')).toBeUndefined()
  })
})
