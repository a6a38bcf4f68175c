import { useCallback, useEffect, useRef, useState } from 'react'
import { assertNever } from '@core/shared/assert-never'
import { useStore } from './store/store'
import { selectAttentionCount } from './store/selectors'
import type { Route } from './store/routes'
import { pageName, titleNamesIn, windowTitle } from './store/page-title'
import { Dashboard } from './features/dashboard/Dashboard'
import { CompaniesPage } from './features/companies/CompaniesPage'
import { CompanyPage } from './features/companies/CompanyPage'
import { CompanyEditPage } from './features/companies/CompanyEditPage'
import { PolicyImportPage } from './features/companies/PolicyImportPage'
import { NewRequestPage } from './features/requests/NewRequestPage'
import { OnboardingPage } from './features/onboarding/OnboardingPage'
import { useDayTicker } from './ui/useDayTicker'
import { RequestPage } from './features/requests/RequestPage'
import { ProfilePage } from './features/profile/ProfilePage'
import { SettingsPage } from './features/settings/SettingsPage'
import { TemplatePage } from './features/templates/TemplatePage'
import { TemplatesPage } from './features/templates/TemplatesPage'
import { AboutPage } from './features/about/AboutPage'
import { DiscoverPage } from './features/bulk/DiscoverPage'
import { BulkNewPage } from './features/bulk/BulkNewPage'
import { BatchPage } from './features/bulk/BatchPage'
import { onOpenRequest, onProgress } from './push'
import { ActivityBar } from './ui/OperationStatus'
import { Notices } from './ui/Notices'
import { Toasts } from './ui/Toasts'
import { useRouteFocus } from './ui/route-focus'
import { useTranslation } from 'react-i18next'
import { applyUiLanguage, resolveUiLanguage } from './i18n/i18n'

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'dashboard':
      return <Dashboard />
    case 'onboarding':
      return <OnboardingPage />
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
    case 'discover':
      return <DiscoverPage />
    case 'bulk-new':
      return <BulkNewPage companies={route.companies} />
    case 'batch':
      return <BatchPage id={route.id} />
    default:
      return assertNever(route)
  }
}

/** The sections; `label` is a key of common:nav. */
const sections = [
  { label: 'requests', route: { name: 'dashboard' } as const, matches: ['dashboard', 'request', 'new-request'] },
  { label: 'companies', route: { name: 'companies' } as const, matches: ['companies', 'company', 'company-edit', 'policy-import'] },
  { label: 'discover', route: { name: 'discover' } as const, matches: ['discover', 'bulk-new', 'batch'] },
  { label: 'profile', route: { name: 'profile', returnTo: null } as const, matches: ['profile'] },
  { label: 'templates', route: { name: 'templates' } as const, matches: ['templates', 'template'] },
  { label: 'settings', route: { name: 'settings' } as const, matches: ['settings'] },
] as const satisfies ReadonlyArray<{ label: string; route: Route; matches: ReadonlyArray<Route['name']> }>

/** The window speaks the language chosen in Settings, else the system's. */
function useUiLanguage(): void {
  const choice = useStore((s) => s.settings?.ui.language)
  const system = useStore((s) => s.status?.systemLanguages)
  const language = resolveUiLanguage(choice, system)
  useEffect(() => applyUiLanguage(language), [language])
}

export function App() {
  const { t, i18n } = useTranslation()
  useUiLanguage()
  const route = useStore((s) => s.route)
  const navigate = useStore((s) => s.navigate)
  const loadStatus = useStore((s) => s.loadStatus)
  const loadProfile = useStore((s) => s.loadProfile)
  const version = useStore((s) => s.status?.version)
  const loadRequests = useStore((s) => s.loadRequests)
  const loadSettings = useStore((s) => s.loadSettings)
  const applyProgress = useStore((s) => s.applyProgress)
  const tickToday = useStore((s) => s.tickToday)
  // The first start: the guide, until it is done or skipped (someone with saved details is set up).
  const firstStart = useStore((s) => (s.settings && s.profileLoaded ? s.settings.onboarding.state === 'pending' && !s.profile : null))
  const guided = useRef(false)
  const attention = useStore(selectAttentionCount)
  // The language is read so that the title follows a change of it.
  const name = useStore((s) => pageName(s.route, titleNamesIn(s), i18n.language))
  const main = useRef<HTMLElement>(null)
  const [menuOpen, setMenuOpen] = useState(false)
  // Said by screen readers when a page keeps focus in its own field; the count makes a repeat news.
  const [announcement, setAnnouncement] = useState({ text: '', count: 0 })
  const announce = useCallback(() => setAnnouncement((last) => ({ text: name, count: last.count + 1 })), [name])
  useRouteFocus(JSON.stringify(route), main, announce)

  useEffect(() => {
    document.title = windowTitle(name)
  }, [name])

  useEffect(() => {
    if (firstStart === null || guided.current) return
    guided.current = true
    if (firstStart) navigate({ name: 'onboarding' })
  }, [firstStart, navigate])

  // Days left and status follow today, which moves on while the window is open.
  useDayTicker(tickToday)

  useEffect(() => {
    void loadStatus()
    void loadProfile()
    void loadSettings()
    void loadRequests({ reuse: true })
    // A clicked deadline notification opens its request.
    return onOpenRequest((reference) => navigate({ name: 'request', reference }))
  }, [loadStatus, loadProfile, loadSettings, loadRequests, navigate])

  // How far the long operations started here are (the core pushes it while they run).
  useEffect(() => onProgress(applyProgress), [applyProgress])

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault()
          main.current?.focus()
        }}
      >
        {t('app.skip')}
      </a>
      <nav
        className={`sidebar ${menuOpen ? 'menu-open' : ''}`}
        aria-label={t('app.sections')}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && menuOpen) {
            setMenuOpen(false)
            event.currentTarget.querySelector<HTMLButtonElement>('.menu-button')?.focus()
          }
        }}
      >
        <div className="sidebar-inner">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            R
          </span>
          <span className="brand-name">Rightful</span>
          {/* A narrow window (or a large zoom) folds the sections behind this button. */}
          <button type="button" className="button menu-button" aria-expanded={menuOpen} aria-controls="sections" onClick={() => setMenuOpen(!menuOpen)}>
            {t('app.menu')}
            {attention > 0 ? (
              <span className="badge" aria-label={t('app.attention', { count: attention })}>
                {attention}
              </span>
            ) : null}
          </button>
        </div>
        <ul id="sections">
          {sections.map((section) => (
            <li key={section.label}>
              <button
                type="button"
                className={`nav-item ${(section.matches as ReadonlyArray<Route['name']>).includes(route.name) ? 'active' : ''}`}
                aria-current={(section.matches as ReadonlyArray<Route['name']>).includes(route.name) ? 'page' : undefined}
                onClick={() => {
                  setMenuOpen(false)
                  navigate(section.route)
                }}
              >
                {t(`nav.${section.label}`)}
                {section.label === 'requests' && attention > 0 ? (
                  <span className="badge" aria-label={t('app.attention', { count: attention })}>
                    {attention}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
        <p className="sidebar-foot">
          {t('app.local')}
          {version ? <span className="muted"> v{version}</span> : null}
          <button type="button" className="link-button sidebar-about" aria-current={route.name === 'about' ? 'page' : undefined} onClick={() => navigate({ name: 'about' })}>
            {t('app.about')}
          </button>
        </p>
        </div>
      </nav>
      <main className="content" id="main" ref={main} tabIndex={-1}>
        <p className="visually-hidden" role="status">
          {announcement.text}
          {announcement.count % 2 ? '\u00a0' : ''}
        </p>
        <ActivityBar />
        <Notices />
        <Page route={route} />
      </main>
      <Toasts />
    </div>
  )
}
