import { Fragment, useEffect, useState, type ReactNode } from 'react'
import type { CompanyView, PostalAddress, Provenance } from '@core/catalog/schema'
import type { RequestType } from '@core/shared/kinds'
import { useStore } from '../../store/store'
import { countryName, formatDate, formatList, purposeLabel, requestTypeLabel } from '../../ui/format'
import { currentLocale } from '../../i18n/i18n'
import { Quote } from '../../ui/Quote'
import { AddContactForm } from './AddContactForm'
import { Dialog } from '../../ui/Dialog'
import { Trans, useTranslation } from 'react-i18next'
import { i18n } from '../../i18n/i18n'

/** One fact from the policy (or the user), with the words it came from. */
function Fact({ company, text, tag, provenance }: { company: CompanyView; text: string; tag?: string; provenance: Provenance }) {
  return (
    <article className="contact">
      <div className="contact-head">
        <span className="contact-value">{text}</span>
        {tag ? <span className="tag">{tag}</span> : null}
      </div>
      <Quote provenance={provenance} company={company} />
    </article>
  )
}

function sameAddress(a: PostalAddress, b: PostalAddress | null): boolean {
  return b !== null && a.recipient === b.recipient && a.country === b.country && a.lines.join('\n') === b.lines.join('\n')
}

function basisText(company: CompanyView): string {
  const t = (key: string, params?: Record<string, string>) => i18n.t(`page.basis.${key}`, { ns: 'companies', ...params })
  switch (company.privacyEmailBasis) {
    case 'user':
      return t('user')
    case 'privacy': {
      const email = company.emails.find((e) => e.address === company.privacyEmail)
      if (email?.provenance.kind !== 'import') return t('privacy')
      const sourceId = email.provenance.sourceId
      const source = company.sources.find((s) => s.id === sourceId)
      return source ? t('source', { title: source.title }) : t('imported')
    }
    case 'general':
      return t('general')
    default:
      return ''
  }
}

/** The fields a user can change, as keys of companies:field. */
const fieldKeys = new Set(['name', 'legalNames', 'brands', 'domains', 'website', 'emails', 'postalAddresses', 'phones', 'webForms', 'requirements', 'establishment', 'countriesServed', 'categories', 'contacts'])

/** A language's name in the window's language ("de" -> "German", "Deutsch", "德语"). */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}

/** Whether the company still exists as itself: said first, because it changes everything else. */
function StandingBanner({ company }: { company: CompanyView }) {
  const navigate = useStore((s) => s.navigate)
  const { t } = useTranslation('companies', { keyPrefix: 'standing' })
  const { standing } = company
  if (standing.kind === 'active') return null
  const source = company.sources.find((s) => 'sourceId' in standing.provenance && s.id === standing.provenance.sourceId)
  const seen = `${standing.on ? ` (${formatDate(standing.on)})` : ''}${source ? t('says', { source: source.title }) : ''}`
  if (standing.kind === 'defunct') {
    return (
      <div className="standing-banner" role="note" data-testid="standing">
        <strong>{t('defunct', { company: company.name })}</strong>
        {seen}.{' '}
        {standing.doNotContact
          ? t('doNotContact')
          : t('unanswered')}
      </div>
    )
  }
  const target = standing.into.id
  return (
    <div className="standing-banner" role="note" data-testid="standing">
      <strong>
        <Trans
          t={t}
          i18nKey="partOf"
          values={{ company: company.name, into: standing.into.name }}
          components={{ into: target ? <button type="button" className="link-button" onClick={() => navigate({ name: 'company', id: target })} /> : <span /> }}
        />
      </strong>
      {seen}
      {t('goTo', { into: standing.into.name })}
    </div>
  )
}

/** The company wants requests through its web form, or no address of it works. */
function WebFormCallout({ company }: { company: CompanyView }) {
  const rule = company.requirements.webFormOnly
  const form = company.webForms.find((w) => w.status === 'current')
  if (!rule || !form) return null
  const t = (key: string, params?: Record<string, string>) => i18n.t(`webForm.${key}`, { ns: 'companies', ...params })
  return (
    <div className="callout callout-warn" data-testid="web-form-only">
      <strong>{t('title', { company: company.name })}</strong>
      {rule.reason === 'email-refused' ? t('refused') : t('noAddress')}
      {rule.since ? t('since', { date: formatDate(rule.since) }) : ''}.{' '}
      <a className="break" href={form.url} target="_blank" rel="noreferrer">
        {t('open')}
      </a>
      {company.privacyEmail ? (
        <>
          {' '}
          <Trans i18nKey="webForm.addressToo" ns="companies" values={{ email: company.privacyEmail }} components={{ strong: <strong /> }} />
        </>
      ) : null}
    </div>
  )
}


/** What the catalog says about how to write to the company, beyond its contacts. */
function RequirementFacts({ company }: { company: CompanyView }) {
  const { language, idDocument, requiredElements, suggestedChannel, customTemplates } = company.requirements
  const rows: Array<[string, ReactNode]> = []
  const t = (key: string, params?: Record<string, string>) => i18n.t(`facts.${key}`, { ns: 'companies', ...params })
  const brands = company.brands.filter((b) => b !== company.name)
  if (brands.length > 0) rows.push([t('runs'), brands.join(', ')])
  if (company.aliases.length > 0) rows.push([t('alsoListed'), company.aliases.join(', ')])
  if (language) rows.push([t('language'), `${languageName(language.code)}${language.basis === 'demanded' ? t('demanded') : language.basis === 'policy-language' ? t('policyLanguage') : ''}`])
  if (suggestedChannel) rows.push([t('bestSentBy'), t(`channel.${suggestedChannel}`)])
  if (idDocument) rows.push([t('idDocument'), t('idDocumentText')])
  if (requiredElements.length > 0) {
    rows.push([t('identify'), requiredElements.map((e) => `${e.description}${e.optional ? t('optional') : ''}`).join(' · ')])
  }
  const templates = Object.keys(customTemplates)
  // The kinds by their names in the window's language, not the catalog's codes ("access, erasure").
  if (templates.length > 0) rows.push([t('wording'), t('wordingText', { types: formatList(templates.map((type) => requestTypeLabel(type as RequestType))) })])
  if (company.webForms.length > 0) {
    rows.push([
      company.webForms.length === 1 ? t('webForm') : t('webForms'),
      <ul className="plain-list">
        {company.webForms.map((w) => (
          <li key={w.url}>
            <a className="break" href={w.url} target="_blank" rel="noreferrer">
              {w.url}
            </a>
            {w.status === 'historical' ? <span className="muted small">{t('historical')}</span> : null}
          </li>
        ))}
      </ul>,
    ])
  }
  if (company.pgp) rows.push([t('pgp'), [company.pgp.fingerprint, company.pgp.url].filter(Boolean).join(' · ')])
  const served = company.countriesServed.includes('all') ? t('allCountries') : company.countriesServed.map(countryName).join(', ')
  rows.push([t('relevantFor'), served])
  if (company.establishment.length > 0) rows.push([t('establishedIn'), company.establishment.map(countryName).join(', ')])
  if (company.categories.length > 0) rows.push([t('categories'), company.categories.join(', ')])
  return (
    <dl className="facts" data-testid="company-facts">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  )
}

export function CompanyPage({ id }: { id: string }) {
  const company = useStore((s) => s.companies.get(id))
  const load = useStore((s) => s.loadCompany)
  const navigate = useStore((s) => s.navigate)
  const remove = useStore((s) => s.removeCompany)
  const reset = useStore((s) => s.resetCompany)
  const [confirming, setConfirming] = useState<'delete' | 'reset' | null>(null)
  const { t } = useTranslation('companies', { keyPrefix: 'page' })

  useEffect(() => {
    void load(id)
  }, [id, load])

  if (!company) return <p className="muted page">{t('loading', { ns: 'common', keyPrefix: undefined })}</p>

  const latest = company.sources.find((s) => s.supersededBy === null)
  const current = <T extends { status: string }>(items: ReadonlyArray<T>) => items.filter((i) => i.status === 'current')
  const historical = <T extends { status: string }>(items: ReadonlyArray<T>) => items.filter((i) => i.status === 'historical')
  const hasContact = company.privacyEmail !== null || company.letterAddress !== null
  const { subjectLine, deletion, minimumAge } = company.requirements
  const requirements = [
    subjectLine && { tag: t('subjectLine'), text: subjectLine.text, provenance: subjectLine.provenance },
    deletion && { tag: t('deletion'), text: deletion.text, provenance: deletion.provenance },
    minimumAge && { tag: t('minimumAge'), text: t('noUsersUnder', { age: minimumAge.age }), provenance: minimumAge.provenance },
  ].filter((fact) => fact !== null)

  return (
    <section className="page company-page">
      <button type="button" className="link-button back" onClick={() => navigate({ name: 'companies' })}>
        {t('back')}
      </button>
      <header className="page-header">
        <div>
          <h1>{company.name}</h1>
          <p className="lede">
            {[company.domains.join(', '), ...company.legalNames.filter((n) => n !== company.name).slice(0, 2)].filter(Boolean).join(' · ')}
            {latest?.kind === 'policy' && latest.archivedOn ? ` · ${t('policyArchived', { date: formatDate(latest.archivedOn) })}` : ''}
          </p>
          <div className="origin-tags">
            <span className="tag">{t(`origin.${company.origin}`)}</span>
            {company.editedFields.length > 0 ? (
              <span className="tag tag-accent" data-testid="edited-fields">
                {t('changedByYou', { fields: company.editedFields.filter((f) => fieldKeys.has(f)).map((f) => t(f, { keyPrefix: 'field' })).join(', ') })}
              </span>
            ) : null}
            {company.nsfw ? <span className="tag tag-muted">{t('adult')}</span> : null}
          </div>
        </div>
        <div className="header-actions">
          <button type="button" className="button" onClick={() => navigate({ name: 'company-edit', id: company.id })}>
            {t('edit')}
          </button>
          {company.editedFields.length > 0 && company.origin !== 'user' ? (
            <button type="button" className="button" onClick={() => setConfirming('reset')}>
              {t('undo')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setConfirming('delete')}>
            {t('delete')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!hasContact}
            onClick={() => navigate({ name: 'new-request', companyId: company.id })}
          >
            {t('write')}
          </button>
        </div>
      </header>
      {confirming ? (
        <Dialog title={confirming === 'delete' ? t('deleteTitle', { name: company.name }) : t('undoTitle', { name: company.name })} onClose={() => setConfirming(null)}>
          <p>
            {confirming === 'reset'
              ? t('undoText')
              : company.origin === 'user'
                ? t('deleteOwn')
                : t('deleteBuiltin')}
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              {t('cancel', { ns: 'common', keyPrefix: 'action' })}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                const action = confirming
                setConfirming(null)
                if (action === 'delete') {
                  void remove(company.id).then((ok) => {
                    if (ok) navigate({ name: 'companies' })
                  })
                } else void reset(company.id)
              }}
            >
              {confirming === 'delete' ? t('delete') : t('undo')}
            </button>
          </div>
        </Dialog>
      ) : null}

      <StandingBanner company={company} />
      {company.requirements.webFormOnly && company.webForms.some((w) => w.status === 'current') ? (
        <WebFormCallout company={company} />
      ) : company.privacyEmail ? (
        <div className="callout callout-ok" data-testid="privacy-contact">
          <Trans t={t} i18nKey="goesTo" values={{ email: company.privacyEmail, basis: basisText(company) }} components={{ strong: <strong /> }} />
        </div>
      ) : (
        <div className="callout callout-warn" data-testid="no-contact">
          {(() => {
            const form = company.webForms.some((w) => w.status === 'current')
            const fromPolicy = company.sources.some((s) => s.kind === 'policy')
            if (!company.letterAddress && !form) {
              return (
                <>
                  <strong>{t('noContactTitle', { name: company.name })}</strong> {fromPolicy ? t('noContactPolicy') : t('noContactRecord')} {t('neverGuess')}
                </>
              )
            }
            return (
              <>
                <strong>{t('noEmailTitle', { name: company.name })}</strong> {company.letterAddress ? `${t('byLetter')} ` : ''}
                {form ? `${t('hasForm')} ` : ''}
                {t('neverGuessEmail')}
              </>
            )
          })()}
        </div>
      )}

      <div className="grid-2">
        <div>
          <h2>{t('email')}</h2>
          {company.emails.length === 0 ? <p className="muted">{t('noneGiven')}</p> : null}
          {[...current(company.emails), ...historical(company.emails)].map((email) => (
            <article key={`${email.address}-${email.status}`} className={`contact ${email.status}`} data-email={email.address}>
              <div className="contact-head">
                <span className="contact-value selectable">{email.address}</span>
                <span className="tag">{purposeLabel(email.purpose)}</span>
                {email.status === 'historical' ? <span className="tag tag-muted">{t('historical')}</span> : null}
                {email.problem ? (
                  <span className="tag tag-warn">
                    {t(`problem.${email.problem.kind}`)}
                    {email.problem.on ? ` ${formatDate(email.problem.on)}` : ''}
                  </span>
                ) : null}
                {email.address === company.privacyEmail ? <span className="tag tag-accent">{t('usedForRequests')}</span> : null}
              </div>
              <Quote provenance={email.provenance} company={company} />
            </article>
          ))}

          <h2>{t('phoneAndFax')}</h2>
          {company.phones.length === 0 ? <p className="muted">{t('noneGiven')}</p> : null}
          {[...current(company.phones), ...historical(company.phones)].map((phone) => (
            <article key={`${phone.number}-${phone.kind}`} className={`contact ${phone.status}`}>
              <div className="contact-head">
                <span className="contact-value">{phone.number}</span>
                <span className="tag">{phone.kind === 'fax' ? t('fax') : t('phone')}</span>
                {phone.status === 'historical' ? <span className="tag tag-muted">{t('historical')}</span> : null}
              </div>
              <Quote provenance={phone.provenance} company={company} />
            </article>
          ))}

          {requirements.length > 0 ? (
            <>
              <h2>{t('asksFor', { name: company.name })}</h2>
              {requirements.map((fact) => (
                <Fact key={fact.tag} company={company} {...fact} />
              ))}
            </>
          ) : null}
        </div>

        <div>
          <h2>{t('postal')}</h2>
          {company.postalAddresses.length === 0 ? <p className="muted">{t('noneGiven')}</p> : null}
          {[...current(company.postalAddresses), ...historical(company.postalAddresses)].map((address) => (
            <article key={`${address.recipient}-${address.lines.join('|')}`} className={`contact ${address.status}`}>
              <div className="contact-head">
                <address className="contact-value">
                  {[address.recipient, ...address.lines, countryName(address.country)].map((line) => (
                    <span key={line}>{line}</span>
                  ))}
                </address>
                {address.status === 'historical' ? <span className="tag tag-muted">{t('historical')}</span> : null}
                {sameAddress(address, company.letterAddress) ? <span className="tag tag-accent">{t('usedForLetters')}</span> : null}
              </div>
              <Quote provenance={address.provenance} company={company} />
            </article>
          ))}

          {company.notes.length > 0 ? (
            <>
              <h2>{company.origin === 'builtin' ? t('alsoInPolicy') : t('notes')}</h2>
              {company.notes.map((note) => (
                <Fact key={note.text} company={company} text={note.text} provenance={note.provenance} />
              ))}
            </>
          ) : null}

          <h2>{t('about')}</h2>
          <RequirementFacts company={company} />

          <h2>{t('sources')}</h2>
          <ul className="sources">
            {company.sources.map((source) => (
              <li key={source.id}>
                {source.title}
                {source.archivedOn ? t('archived', { date: formatDate(source.archivedOn) }) : ''}
                {source.retrievedOn ? t('imported', { date: formatDate(source.retrievedOn) }) : ''}
                {source.kind === 'policy' ? (source.supersededBy ? t('superseded') : t('latest')) : ''}
                <br />
                <a className="small break" href={source.url} target="_blank" rel="noreferrer">
                  {source.url}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>

      {hasContact ? (
        <details className="more-contacts">
          <summary>{t('addBetter')}</summary>
          <AddContactForm companyId={company.id} companyName={company.name} />
        </details>
      ) : (
        <AddContactForm companyId={company.id} companyName={company.name} />
      )}
    </section>
  )
}
