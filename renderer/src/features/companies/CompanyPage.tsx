import { Fragment, useEffect, useState, type ReactNode } from 'react'
import type { CompanyView, PostalAddress, Provenance } from '@core/catalog/schema'
import { useStore } from '../../store/store'
import { countryName, formatDate, purposeLabel } from '../../ui/format'
import { Quote } from '../../ui/Quote'
import { AddContactForm } from './AddContactForm'
import { Dialog } from '../../ui/Dialog'

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
  switch (company.privacyEmailBasis) {
    case 'user':
      return 'the address you added'
    case 'privacy': {
      const email = company.emails.find((e) => e.address === company.privacyEmail)
      if (email?.provenance.kind !== 'import') return 'the privacy contact its policy gives'
      const sourceId = email.provenance.sourceId
      const source = company.sources.find((s) => s.id === sourceId)
      return source ? `the privacy contact in ${source.title}` : 'the privacy contact of the imported catalog record'
    }
    case 'general':
      return 'the only e-mail address its policy gives (no privacy-specific address is named)'
    default:
      return ''
  }
}

const originLabel = { builtin: 'In Rightful’s catalog', imported: 'Imported', user: 'Added by you' } as const

const fieldLabel: Record<string, string> = {
  name: 'name',
  legalNames: 'legal entities',
  brands: 'brands',
  domains: 'domains',
  website: 'website',
  emails: 'e-mail addresses',
  postalAddresses: 'postal addresses',
  phones: 'phone numbers',
  webForms: 'web forms',
  requirements: 'requirements',
  establishment: 'countries of establishment',
  countriesServed: 'countries served',
  categories: 'categories',
  contacts: 'contacts you added',
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' })

const problemLabel = {
  bounced: 'Bounced',
  'refuses-requests': 'Refuses requests',
  'not-monitored': 'Not read',
  retired: 'No longer used',
} as const

/** Whether the company still exists as itself: said first, because it changes everything else. */
function StandingBanner({ company }: { company: CompanyView }) {
  const navigate = useStore((s) => s.navigate)
  const { standing } = company
  if (standing.kind === 'active') return null
  const source = company.sources.find((s) => 'sourceId' in standing.provenance && s.id === standing.provenance.sourceId)
  const seen = `${standing.on ? ` (${formatDate(standing.on)})` : ''}${source ? `, says ${source.title}` : ''}`
  if (standing.kind === 'defunct') {
    return (
      <div className="standing-banner" role="note" data-testid="standing">
        <strong>{company.name} no longer exists</strong>
        {seen}.{' '}
        {standing.doNotContact
          ? 'Its web domain now belongs to someone else: send nothing there, and no personal data.'
          : 'A request may go unanswered; if it had your data, ask whoever took over its business.'}
      </div>
    )
  }
  const target = standing.into.id
  return (
    <div className="standing-banner" role="note" data-testid="standing">
      <strong>
        {company.name} is now part of{' '}
        {target ? (
          <button type="button" className="link-button" onClick={() => navigate({ name: 'company', id: target })}>
            {standing.into.name}
          </button>
        ) : (
          standing.into.name
        )}
      </strong>
      {seen}. Requests about its data go to {standing.into.name}.
    </div>
  )
}

/** The company wants requests through its web form, or no address of it works. */
function WebFormCallout({ company }: { company: CompanyView }) {
  const rule = company.requirements.webFormOnly
  const form = company.webForms.find((w) => w.status === 'current')
  if (!rule || !form) return null
  return (
    <div className="callout callout-warn" data-testid="web-form-only">
      <strong>Requests go through {company.name}’s web form</strong>
      {rule.reason === 'email-refused' ? ': it does not take them by e-mail' : ': no e-mail address of it is known to work'}
      {rule.since ? ` (as of ${formatDate(rule.since)})` : ''}.{' '}
      <a className="break" href={form.url} target="_blank" rel="noreferrer">
        Open the form
      </a>
      {company.privacyEmail ? (
        <>
          {' '}
          An address is known too: <strong>{company.privacyEmail}</strong>; a request sent there may not be answered.
        </>
      ) : null}
    </div>
  )
}

const channelLabel = { email: 'E-mail', letter: 'Letter', fax: 'Fax', webform: 'Web form' } as const

/** What the catalog says about how to write to the company, beyond its contacts. */
function RequirementFacts({ company }: { company: CompanyView }) {
  const { language, idDocument, requiredElements, suggestedChannel, customTemplates } = company.requirements
  const rows: Array<[string, ReactNode]> = []
  const brands = company.brands.filter((b) => b !== company.name)
  if (brands.length > 0) rows.push(['Runs', brands.join(', ')])
  if (company.aliases.length > 0) rows.push(['Also listed as', company.aliases.join(', ')])
  if (language) rows.push(['Language of requests', `${languageNames.of(language.code) ?? language.code}${language.basis === 'demanded' ? ' (the company asks for it)' : language.basis === 'policy-language' ? ' (its policy’s language)' : ''}`])
  if (suggestedChannel) rows.push(['Best sent by', channelLabel[suggestedChannel]])
  if (idDocument) rows.push(['Identity document', 'The record says the company needs a copy of an identity document.'])
  if (requiredElements.length > 0) {
    rows.push(['To identify you, it asks for', requiredElements.map((e) => `${e.description}${e.optional ? ' (optional)' : ''}`).join(' · ')])
  }
  const templates = Object.keys(customTemplates)
  if (templates.length > 0) rows.push(['Special wording', `The source catalog keeps company-specific wording for: ${templates.join(', ')}.`])
  if (company.webForms.length > 0) {
    rows.push([
      company.webForms.length === 1 ? 'Privacy web form' : 'Privacy web forms',
      <ul className="plain-list">
        {company.webForms.map((w) => (
          <li key={w.url}>
            <a className="break" href={w.url} target="_blank" rel="noreferrer">
              {w.url}
            </a>
            {w.status === 'historical' ? <span className="muted small"> (historical)</span> : null}
          </li>
        ))}
      </ul>,
    ])
  }
  if (company.pgp) rows.push(['PGP key', [company.pgp.fingerprint, company.pgp.url].filter(Boolean).join(' · ')])
  const served = company.countriesServed.includes('all') ? 'All countries' : company.countriesServed.map(countryName).join(', ')
  rows.push(['Relevant for', served])
  if (company.establishment.length > 0) rows.push(['Established in', company.establishment.map(countryName).join(', ')])
  if (company.categories.length > 0) rows.push(['Categories', company.categories.join(', ')])
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

  useEffect(() => {
    void load(id)
  }, [id, load])

  if (!company) return <p className="muted page">Loading…</p>

  const latest = company.sources.find((s) => s.supersededBy === null)
  const current = <T extends { status: string }>(items: ReadonlyArray<T>) => items.filter((i) => i.status === 'current')
  const historical = <T extends { status: string }>(items: ReadonlyArray<T>) => items.filter((i) => i.status === 'historical')
  const hasContact = company.privacyEmail !== null || company.letterAddress !== null
  const { subjectLine, deletion, minimumAge } = company.requirements
  const requirements = [
    subjectLine && { tag: 'Subject line', text: subjectLine.text, provenance: subjectLine.provenance },
    deletion && { tag: 'Deletion', text: deletion.text, provenance: deletion.provenance },
    minimumAge && { tag: 'Minimum age', text: `No users under ${minimumAge.age}`, provenance: minimumAge.provenance },
  ].filter((fact) => fact !== null)

  return (
    <section className="page company-page">
      <button type="button" className="link-button back" onClick={() => navigate({ name: 'companies' })}>
        ← Companies
      </button>
      <header className="page-header">
        <div>
          <h1>{company.name}</h1>
          <p className="lede">
            {[company.domains.join(', '), ...company.legalNames.filter((n) => n !== company.name).slice(0, 2)].filter(Boolean).join(' · ')}
            {latest?.kind === 'policy' && latest.archivedOn ? ` · privacy policy archived ${formatDate(latest.archivedOn)}` : ''}
          </p>
          <div className="origin-tags">
            <span className="tag">{originLabel[company.origin]}</span>
            {company.editedFields.length > 0 ? (
              <span className="tag tag-accent" data-testid="edited-fields">
                Changed by you: {company.editedFields.filter((f) => Object.hasOwn(fieldLabel, f)).map((f) => fieldLabel[f]).join(', ')}
              </span>
            ) : null}
            {company.nsfw ? <span className="tag tag-muted">Adult content</span> : null}
          </div>
        </div>
        <div className="header-actions">
          <button type="button" className="button" onClick={() => navigate({ name: 'company-edit', id: company.id })}>
            Edit
          </button>
          {company.editedFields.length > 0 && company.origin !== 'user' ? (
            <button type="button" className="button" onClick={() => setConfirming('reset')}>
              Undo my changes
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setConfirming('delete')}>
            Delete
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!hasContact}
            onClick={() => navigate({ name: 'new-request', companyId: company.id })}
          >
            Write a request
          </button>
        </div>
      </header>
      {confirming ? (
        <Dialog title={confirming === 'delete' ? `Delete ${company.name}?` : `Undo your changes to ${company.name}?`} onClose={() => setConfirming(null)}>
          <p>
            {confirming === 'reset'
              ? 'The record will read as the catalog has it, without your changes and the contacts you added. Your requests to this company are not affected.'
              : company.origin === 'user'
                ? 'This company was added by you; it will be gone from the catalog. Your requests to it keep their recipient and their history.'
                : 'It will no longer appear in the catalog or in search; you can bring it back from the list of deleted companies. Your requests to it are not affected.'}
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              Cancel
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
              {confirming === 'delete' ? 'Delete' : 'Undo my changes'}
            </button>
          </div>
        </Dialog>
      ) : null}

      <StandingBanner company={company} />
      {company.requirements.webFormOnly && company.webForms.some((w) => w.status === 'current') ? (
        <WebFormCallout company={company} />
      ) : company.privacyEmail ? (
        <div className="callout callout-ok" data-testid="privacy-contact">
          Requests go to <strong>{company.privacyEmail}</strong>, {basisText(company)}.
        </div>
      ) : (
        <div className="callout callout-warn" data-testid="no-contact">
          {(() => {
            const form = company.webForms.some((w) => w.status === 'current')
            const fromPolicy = company.sources.some((s) => s.kind === 'policy')
            if (!company.letterAddress && !form) {
              return (
                <>
                  <strong>No contact is known for {company.name}.</strong> {fromPolicy ? 'Its privacy policy gives no e-mail address, postal address or phone number.' : 'Its record has no e-mail or postal address.'}{' '}
                  Rightful never guesses one. If you know the right address, add it below.
                </>
              )
            }
            return (
              <>
                <strong>No e-mail address is known for {company.name}.</strong> {company.letterAddress ? 'Requests can go by letter. ' : ''}
                {form ? 'It has a web form for requests (under About). ' : ''}Rightful never guesses an address. If you know the right one, add it below.
              </>
            )
          })()}
        </div>
      )}

      <div className="grid-2">
        <div>
          <h2>E-mail</h2>
          {company.emails.length === 0 ? <p className="muted">None given.</p> : null}
          {[...current(company.emails), ...historical(company.emails)].map((email) => (
            <article key={`${email.address}-${email.status}`} className={`contact ${email.status}`} data-email={email.address}>
              <div className="contact-head">
                <span className="contact-value selectable">{email.address}</span>
                <span className="tag">{purposeLabel(email.purpose)}</span>
                {email.status === 'historical' ? <span className="tag tag-muted">Historical</span> : null}
                {email.problem ? (
                  <span className="tag tag-warn">
                    {problemLabel[email.problem.kind]}
                    {email.problem.on ? ` ${formatDate(email.problem.on)}` : ''}
                  </span>
                ) : null}
                {email.address === company.privacyEmail ? <span className="tag tag-accent">Used for requests</span> : null}
              </div>
              <Quote provenance={email.provenance} company={company} />
            </article>
          ))}

          <h2>Phone and fax</h2>
          {company.phones.length === 0 ? <p className="muted">None given.</p> : null}
          {[...current(company.phones), ...historical(company.phones)].map((phone) => (
            <article key={`${phone.number}-${phone.kind}`} className={`contact ${phone.status}`}>
              <div className="contact-head">
                <span className="contact-value">{phone.number}</span>
                <span className="tag">{phone.kind === 'fax' ? 'Fax' : 'Phone'}</span>
                {phone.status === 'historical' ? <span className="tag tag-muted">Historical</span> : null}
              </div>
              <Quote provenance={phone.provenance} company={company} />
            </article>
          ))}

          {requirements.length > 0 ? (
            <>
              <h2>What {company.name} asks for</h2>
              {requirements.map((fact) => (
                <Fact key={fact.tag} company={company} {...fact} />
              ))}
            </>
          ) : null}
        </div>

        <div>
          <h2>Postal addresses</h2>
          {company.postalAddresses.length === 0 ? <p className="muted">None given.</p> : null}
          {[...current(company.postalAddresses), ...historical(company.postalAddresses)].map((address) => (
            <article key={`${address.recipient}-${address.lines.join('|')}`} className={`contact ${address.status}`}>
              <div className="contact-head">
                <address className="contact-value">
                  {[address.recipient, ...address.lines, countryName(address.country)].map((line) => (
                    <span key={line}>{line}</span>
                  ))}
                </address>
                {address.status === 'historical' ? <span className="tag tag-muted">Historical</span> : null}
                {sameAddress(address, company.letterAddress) ? <span className="tag tag-accent">Used for letters</span> : null}
              </div>
              <Quote provenance={address.provenance} company={company} />
            </article>
          ))}

          {company.notes.length > 0 ? (
            <>
              <h2>{company.origin === 'builtin' ? 'Also in the policy' : 'Notes'}</h2>
              {company.notes.map((note) => (
                <Fact key={note.text} company={company} text={note.text} provenance={note.provenance} />
              ))}
            </>
          ) : null}

          <h2>About</h2>
          <RequirementFacts company={company} />

          <h2>Sources</h2>
          <ul className="sources">
            {company.sources.map((source) => (
              <li key={source.id}>
                {source.title}
                {source.archivedOn ? `, archived ${formatDate(source.archivedOn)}` : ''}
                {source.retrievedOn ? `, imported ${formatDate(source.retrievedOn)}` : ''}
                {source.kind === 'policy' ? (source.supersededBy ? ' (superseded)' : ' (latest)') : ''}
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
          <summary>Know a better contact? Add it</summary>
          <AddContactForm companyId={company.id} companyName={company.name} />
        </details>
      ) : (
        <AddContactForm companyId={company.id} companyName={company.name} />
      )}
    </section>
  )
}
