import { useEffect } from 'react'
import type { CompanyView, PostalAddress, Provenance } from '@core/catalog/schema'
import { useStore } from '../../store/store'
import { countryName, formatDate, purposeLabel } from '../../ui/format'
import { Quote } from '../../ui/Quote'
import { AddContactForm } from './AddContactForm'

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
    case 'privacy':
      return 'the privacy contact its policy gives'
    case 'general':
      return 'the only e-mail address its policy gives (no privacy-specific address is named)'
    default:
      return ''
  }
}

export function CompanyPage({ id }: { id: string }) {
  const company = useStore((s) => s.companies[id])
  const load = useStore((s) => s.loadCompany)
  const navigate = useStore((s) => s.navigate)

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
            {[company.domains.join(', '), ...company.legalNames.slice(0, 2)].filter(Boolean).join(' · ')}
            {latest ? ` · privacy policy archived ${formatDate(latest.archivedOn)}` : ''}
          </p>
        </div>
        <button
          type="button"
          className="button button-primary"
          disabled={!hasContact}
          onClick={() => navigate({ name: 'new-request', companyId: company.id })}
        >
          Write a request
        </button>
      </header>

      {company.privacyEmail ? (
        <div className="callout callout-ok" data-testid="privacy-contact">
          Requests go to <strong>{company.privacyEmail}</strong>, {basisText(company)}.
        </div>
      ) : (
        <div className="callout callout-warn" data-testid="no-contact">
          <strong>No contact is known for {company.name}.</strong> Its privacy policy gives no e-mail address
          {company.letterAddress ? '' : ', postal address or phone number'}. Rightful never guesses one. If you know the right address, add it
          below.
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
                <span className="tag">{purposeLabel[email.purpose]}</span>
                {email.status === 'historical' ? <span className="tag tag-muted">Historical</span> : null}
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
              <h2>Also in the policy</h2>
              {company.notes.map((note) => (
                <Fact key={note.text} company={company} text={note.text} provenance={note.provenance} />
              ))}
            </>
          ) : null}

          <h2>Sources</h2>
          <ul className="sources">
            {company.sources.map((source) => (
              <li key={source.id}>
                {source.title}, archived {formatDate(source.archivedOn)}
                {source.supersededBy ? ' (superseded)' : ' (latest)'}
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
