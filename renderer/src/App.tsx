import { useEffect } from 'react'
import { assertNever } from '@core/assert-never'
import { useStore } from './store/store'
import type { Route } from './store/routes'
import { Dashboard } from './features/dashboard/Dashboard'
import { CompaniesPage } from './features/companies/CompaniesPage'
import { CompanyPage } from './features/companies/CompanyPage'
import { CompanyEditPage } from './features/companies/CompanyEditPage'
import { PolicyImportPage } from './features/companies/PolicyImportPage'
import { NewRequestPage } from './features/requests/NewRequestPage'
import { RequestPage } from './features/requests/RequestPage'
import { ProfilePage } from './features/profile/ProfilePage'
import { SettingsPage } from './features/settings/SettingsPage'
import { TemplatePage } from './features/templates/TemplatePage'
import { TemplatesPage } from './features/templates/TemplatesPage'
import { AboutPage } from './features/about/AboutPage'
import { onOpenRequest } from './push'
import { Notices } from './ui/Notices'
import { Toasts } from './ui/Toasts'

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'dashboard':
      return <Dashboard />
    case 'companies':
      return <CompaniesPage />
    case 'company':
      return <CompanyPage id={route.id} />
    case 'policy-import':
      return <PolicyImportPage />
    case 'company-edit':
      return <CompanyEditPage key={route.id ?? `new-${route.prefill?.name ?? ''}`} id={route.id} prefill={route.prefill ?? null} />
    case 'new-request':
      return <NewRequestPage companyId={route.companyId} />
    case 'request':
      return <RequestPage reference={route.reference} />
    case 'profile':
      return <ProfilePage returnTo={route.returnTo} />
    case 'settings':
      return <SettingsPage />
    case 'templates':
      return <TemplatesPage />
    case 'template':
      return <TemplatePage key={`${route.id}-${route.edit}`} id={route.id} edit={route.edit} />
    case 'about':
      return <AboutPage />
    default:
      return assertNever(route)
  }
}

const sections = [
  { label: 'Requests', route: { name: 'dashboard' } as const, matches: ['dashboard', 'request', 'new-request'] },
  { label: 'Companies', route: { name: 'companies' } as const, matches: ['companies', 'company', 'company-edit', 'policy-import'] },
  { label: 'Your details', route: { name: 'profile', returnTo: null } as const, matches: ['profile'] },
  { label: 'Templates', route: { name: 'templates' } as const, matches: ['templates', 'template'] },
  { label: 'Settings', route: { name: 'settings' } as const, matches: ['settings'] },
]

export function App() {
  const route = useStore((s) => s.route)
  const navigate = useStore((s) => s.navigate)
  const loadStatus = useStore((s) => s.loadStatus)
  const loadProfile = useStore((s) => s.loadProfile)
  const version = useStore((s) => s.status?.version)
  const loadRequests = useStore((s) => s.loadRequests)
  const attention = useStore((s) => (s.requests ?? []).filter((r) => r.status.kind === 'overdue' || r.status.kind === 'waiting-for-you' || r.status.kind === 'undeliverable').length)

  useEffect(() => {
    void loadStatus()
    void loadProfile()
    void loadRequests()
    // A clicked deadline notification opens its request.
    return onOpenRequest((reference) => navigate({ name: 'request', reference }))
  }, [loadStatus, loadProfile, loadRequests, navigate])

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Sections">
        <div className="sidebar-inner">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          <span className="brand-name">Rightful</span>
        </div>
        <ul>
          {sections.map((section) => (
            <li key={section.label}>
              <button
                type="button"
                className={`nav-item ${section.matches.includes(route.name) ? 'active' : ''}`}
                aria-current={section.matches.includes(route.name) ? 'page' : undefined}
                onClick={() => navigate(section.route)}
              >
                {section.label}
                {section.label === 'Requests' && attention > 0 ? (
                  <span className="badge" aria-label={`${attention} need attention`}>
                    {attention}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
        <p className="sidebar-foot">
          Everything stays on this computer.
          {version ? <span className="muted"> v{version}</span> : null}
          <button type="button" className="link-button sidebar-about" aria-current={route.name === 'about' ? 'page' : undefined} onClick={() => navigate({ name: 'about' })}>
            About and licences
          </button>
        </p>
        </div>
      </nav>
      <main className="content">
        <Notices />
        <Page route={route} />
      </main>
      <Toasts />
    </div>
  )
}
