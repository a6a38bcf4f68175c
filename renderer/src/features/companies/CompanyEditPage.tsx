import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { CompanyEdit, CompanyMatch, CompanyView } from '@core/catalog/schema'
import { useStore } from '../../store/store'
import { CountrySelect } from '../../ui/CountrySelect'
import { contactPurposes, purposeLabel } from '../../ui/format'
import { FormError } from '../../ui/FormError'
import { errorAttributes, FieldError } from '../../ui/Field'
import { noFieldErrors } from '../../ui/field-errors'
import { editOf } from '@core/catalog/edit-form'

/** The company form's fields, as the core names them in its errors. */
const companyFieldPaths = (edit: CompanyEdit): string[] => [
  'name',
  'website',
  'domains',
  'legalNames',
  'brands',
  'categories',
  'establishment',
  'countriesServed',
  'requestLanguage',
  ...edit.emails.flatMap((_, i) => [`emails.${i}.address`]),
  ...edit.postalAddresses.flatMap((_, i) => [`postalAddresses.${i}.recipient`, `postalAddresses.${i}.lines`, `postalAddresses.${i}.country`]),
  ...edit.phones.flatMap((_, i) => [`phones.${i}.number`]),
]

/** Where a field's error sits in a form that may show two companies' forms one after another. */
const ids = 'company-edit'

type Email = CompanyEdit['emails'][number]
type Address = CompanyEdit['postalAddresses'][number]
type Phone = CompanyEdit['phones'][number]

const emptyEdit = (): CompanyEdit => ({
  name: '',
  legalNames: [],
  brands: [],
  domains: [],
  website: null,
  emails: [{ address: '', purpose: 'privacy', status: 'current' }],
  postalAddresses: [],
  phones: [],
  webForms: [],
  establishment: [],
  countriesServed: ['all'],
  categories: [],
  requestLanguage: null,
  needsIdDocument: false,
  suggestedChannel: null,
})

export { editOf }

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0)
const codes = (text: string) => text.split(/[\s,;]+/).map((c) => c.trim()).filter((c) => c.length > 0)

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="edit-section">
      <h2>{title}</h2>
      {hint ? <p className="muted small">{hint}</p> : null}
      {children}
    </section>
  )
}

function StatusSelect({ value, onChange }: { value: 'current' | 'historical'; onChange: (value: 'current' | 'historical') => void }) {
  const { t } = useTranslation('companyEdit', { keyPrefix: 'status' })
  return (
    <label className="field">
      <span className="field-label">{t('label')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as 'current' | 'historical')}>
        <option value="current">{t('current')}</option>
        <option value="historical">{t('historical')}</option>
      </select>
    </label>
  )
}

/**
 * A company being added looks like one the catalog has (same domain or address): say which, and
 * offer to open it (to change it there) or to add this one anyway.
 */
function DuplicateNotice({ matches, onAddAnyway, busy }: { matches: ReadonlyArray<CompanyMatch>; onAddAnyway: () => void; busy: boolean }) {
  const navigate = useStore((s) => s.navigate)
  const { t } = useTranslation('companyEdit', { keyPrefix: 'duplicate' })
  return (
    <div className="duplicate-notice" role="alert" data-testid="duplicate-notice">
      <p>
        <strong>{t('heading', { count: matches.length })}</strong>
      </p>
      <ul>
        {matches.slice(0, 5).map((m) => (
          <li key={m.id}>
            <button type="button" className="link-button" onClick={() => navigate({ name: 'company', id: m.id })}>
              {m.name}
            </button>{' '}
            <Trans t={t} i18nKey={m.by === 'domain' ? 'hasDomain' : 'hasAddress'} values={{ value: m.value }} components={{ mono: <span className="mono" /> }} />
          </li>
        ))}
      </ul>
      <p className="muted small">{t('hint')}</p>
      <div className="actions start">
        {matches[0] ? (
          <button type="button" className="button button-primary" onClick={() => navigate({ name: 'company-edit', id: matches[0]!.id })}>
            {t('changeInstead', { name: matches[0].name })}
          </button>
        ) : null}
        <button type="button" className="button" disabled={busy} onClick={onAddAnyway}>
          {t('addAnyway')}
        </button>
      </div>
    </div>
  )
}

/** Add a company of the user's own, or change one; the core keeps the sources of what did not change. */
export function CompanyEditPage({ id, prefill = null }: { id: string | null; prefill?: { readonly name?: string; readonly domain?: string } | null }) {
  const company = useStore((s) => (id ? s.companies.get(id) : undefined))
  const load = useStore((s) => s.loadCompany)
  const { t } = useTranslation('companyEdit')

  useEffect(() => {
    if (id && !company) void load(id)
  }, [id, company, load])

  if (id && !company) return <p className="muted page">{t('loading')}</p>
  const initial = company
    ? editOf(company)
    : { ...emptyEdit(), name: prefill?.name ?? '', domains: prefill?.domain ? [prefill.domain] : [], website: prefill?.domain ? `https://${prefill.domain}/` : null }
  return <CompanyEditForm id={id} company={company ?? null} initial={initial} />
}

/**
 * The core names rows of the lists it was given (empty rows left out); the form shows every row.
 * Maps "emails.1.address" of the saved list back to the row of the form it came from.
 */
function rowsBack(fields: ReadonlyMap<string, string>, saved: CompanyEdit, shown: CompanyEdit): ReadonlyMap<string, string> {
  const back = new Map<string, string>()
  for (const [path, message] of fields) {
    const match = /^(emails|postalAddresses|phones)\.(\d+)\.(.+)$/.exec(path)
    if (!match) {
      back.set(path, message)
      continue
    }
    const list = match[1] as 'emails' | 'postalAddresses' | 'phones'
    const item = (saved[list] as ReadonlyArray<unknown>)[Number(match[2])]
    const row = (shown[list] as ReadonlyArray<unknown>).findIndex((x) => JSON.stringify(x) === JSON.stringify(item) || (list === 'emails' && (x as { address: string }).address.trim() === (item as { address: string }).address))
    back.set(`${list}.${row >= 0 ? row : match[2]}.${match[3]}`, message)
  }
  return back
}

function CompanyEditForm({ id, company, initial }: { id: string | null; company: CompanyView | null; initial: CompanyEdit }) {
  const save = useStore((s) => s.saveCompany)
  const findMatches = useStore((s) => s.findCompanyMatches)
  const navigate = useStore((s) => s.navigate)
  const { t } = useTranslation('companyEdit')
  const [duplicates, setDuplicates] = useState<{ matches: ReadonlyArray<CompanyMatch>; edit: CompanyEdit } | null>(null)
  const [form, setForm] = useState<CompanyEdit>(initial)
  const [text, setText] = useState(() => ({
    legalNames: initial.legalNames.join('\n'),
    brands: initial.brands.join('\n'),
    domains: initial.domains.join('\n'),
    categories: initial.categories.join(', '),
    establishment: initial.establishment.join(', '),
    countriesServed: initial.countriesServed.join(', '),
  }))
  const [error, setError] = useState<string | null>(null)
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(noFieldErrors)
  const [busy, setBusy] = useState(false)
  const attrs = (path: string) => errorAttributes(errors, path, ids)
  const fieldError = (path: string) => <FieldError errors={errors} path={path} idPrefix={ids} />


  const patch = (next: Partial<CompanyEdit>) => setForm({ ...form, ...next })
  const setEmail = (i: number, next: Partial<Email>) => patch({ emails: form.emails.map((e, j) => (j === i ? { ...e, ...next } : e)) })
  const setAddress = (i: number, next: Partial<Address>) => patch({ postalAddresses: form.postalAddresses.map((a, j) => (j === i ? { ...a, ...next } : a)) })
  const setPhone = (i: number, next: Partial<Phone>) => patch({ phones: form.phones.map((p, j) => (j === i ? { ...p, ...next } : p)) })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const edit: CompanyEdit = {
      ...form,
      name: form.name.trim(),
      legalNames: lines(text.legalNames),
      brands: lines(text.brands),
      domains: lines(text.domains).map((d) => d.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/.*$/, '').toLowerCase()),
      categories: text.categories.split(/[,;]/).map((c) => c.trim()).filter((c) => c.length > 0),
      establishment: codes(text.establishment).map((c) => c.toUpperCase()),
      countriesServed: codes(text.countriesServed).map((c) => (c.toLowerCase() === 'all' ? 'all' : c.toUpperCase())),
      emails: form.emails.filter((e) => e.address.trim() !== '').map((e) => ({ ...e, address: e.address.trim() })),
      phones: form.phones.filter((p) => p.number.trim() !== ''),
      postalAddresses: form.postalAddresses.filter((a) => a.lines.some((l) => l.trim() !== '')).map((a) => ({ ...a, lines: lines(a.lines.join('\n')) })),
      website: form.website?.trim() ? form.website.trim() : null,
    }
    // Where the company is established, unless said otherwise: where its current address is.
    const firstCountry = edit.postalAddresses.find((a) => a.status === 'current')?.country
    if (edit.establishment.length === 0 && firstCountry) edit.establishment = [firstCountry]
    // What the form can tell at once goes on its field; the core checks the rest the same way.
    const local = new Map<string, string>()
    if (!edit.name) local.set('name', t('error.name'))
    form.postalAddresses.forEach((a, i) => {
      if (a.lines.some((l) => l.trim() !== '') && !a.country) local.set(`postalAddresses.${i}.country`, t('error.country'))
    })
    if (local.size > 0) {
      setErrors(local)
      setError(null)
      return
    }
    setErrors(noFieldErrors)
    setError(null)
    setBusy(true)
    // A new company the catalog may have already: ask before adding a second record of it.
    if (!id) {
      const matches = await findMatches({ domains: edit.domains, emails: edit.emails.map((e) => e.address) })
      if (matches.length > 0) {
        setBusy(false)
        setDuplicates({ matches, edit })
        return
      }
    }
    // Lists were filtered of empty rows: paths of the core's errors are mapped back onto the form's rows.
    const saved = await save(edit, companyFieldPaths(edit))
    setBusy(false)
    if (saved.company) {
      navigate({ name: 'company', id: saved.company.id })
      return
    }
    setErrors(rowsBack(saved.fields, edit, form))
    setError(saved.form)
  }

  const addAnyway = async () => {
    if (!duplicates) return
    setBusy(true)
    const saved = await save({ ...duplicates.edit, asNew: true }, companyFieldPaths(duplicates.edit))
    setBusy(false)
    if (saved.company) {
      navigate({ name: 'company', id: saved.company.id })
      return
    }
    setErrors(rowsBack(saved.fields, duplicates.edit, form))
    setError(saved.form)
  }

  return (
    <form className="page company-edit" onSubmit={(e) => void submit(e)} aria-label={id ? t('changeLabel') : t('addTitle')} noValidate>
      <button type="button" className="link-button back" onClick={() => navigate(id ? { name: 'company', id } : { name: 'companies' })}>
        ← {id ? company?.name : t('backToCompanies')}
      </button>
      <header className="page-header">
        <div>
          <h1>{id ? t('changeTitle', { name: company?.name ?? '' }) : t('addTitle')}</h1>
          <p className="lede">
            {id && company?.origin !== 'user'
              ? t('ledeChange')
              : t('ledeOwn')}
          </p>
        </div>
      </header>

      <div className="card">
        <div className="grid-2 compact">
          <label className="field">
            <span className="field-label">{t('field.name')}</span>
            <input value={form.name} onChange={(e) => patch({ name: e.target.value })} required maxLength={200} aria-label={t('field.companyName')} {...attrs('name')} />
            {fieldError('name')}
          </label>
          <label className="field">
            <span className="field-label">{t('field.website')}</span>
            <input type="url" value={form.website ?? ''} onChange={(e) => patch({ website: e.target.value })} placeholder="https://www.example.com" {...attrs('website')} />
            {fieldError('website')}
          </label>
          <label className="field">
            <span className="field-label">{t('field.domains')}</span>
            <textarea rows={2} value={text.domains} onChange={(e) => setText({ ...text, domains: e.target.value })} placeholder="example.com" aria-label={t('field.domainsShort')} {...attrs('domains')} />
            {fieldError('domains')}
          </label>
          <label className="field">
            <span className="field-label">{t('field.legalNames')}</span>
            <textarea rows={2} value={text.legalNames} onChange={(e) => setText({ ...text, legalNames: e.target.value })} placeholder={t('field.legalNamesPlaceholder')} />
          </label>
          <label className="field">
            <span className="field-label">{t('field.brands')}</span>
            <textarea rows={2} value={text.brands} onChange={(e) => setText({ ...text, brands: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">{t('field.categories')}</span>
            <input value={text.categories} onChange={(e) => setText({ ...text, categories: e.target.value })} placeholder={t('field.categoriesPlaceholder')} />
          </label>
        </div>

        <Section title={t('email.title')} hint={t('email.hint')}>
          {form.emails.map((email, i) => (
            <div key={i} className="edit-list-row">
              <label className="field">
                <span className="field-label">{t('email.address')}</span>
                <input type="email" value={email.address} onChange={(e) => setEmail(i, { address: e.target.value })} aria-label={t('email.nth', { n: i + 1 })} {...attrs(`emails.${i}.address`)} />
                {fieldError(`emails.${i}.address`)}
              </label>
              <label className="field">
                <span className="field-label">{t('email.purpose')}</span>
                <select value={email.purpose} onChange={(e) => setEmail(i, { purpose: e.target.value as Email['purpose'] })}>
                  {contactPurposes.map((p) => (
                    <option key={p} value={p}>
                      {purposeLabel(p)}
                    </option>
                  ))}
                </select>
              </label>
              <StatusSelect value={email.status} onChange={(status) => setEmail(i, { status })} />
              <button type="button" className="button button-small" onClick={() => patch({ emails: form.emails.filter((_, j) => j !== i) })} aria-label={t('email.removeNth', { n: i + 1 })}>
                {t('remove')}
              </button>
            </div>
          ))}
          <button type="button" className="link-button" onClick={() => patch({ emails: [...form.emails, { address: '', purpose: 'privacy', status: 'current' }] })}>
            {t('email.add')}
          </button>
        </Section>

        <Section title={t('postal.title')} hint={t('postal.hint')}>
          {form.postalAddresses.map((address, i) => (
            <div key={i} className="edit-list-row address">
              <div className="grid-2 compact">
                <label className="field">
                  <span className="field-label">{t('postal.recipient')}</span>
                  <input value={address.recipient} onChange={(e) => setAddress(i, { recipient: e.target.value })} {...attrs(`postalAddresses.${i}.recipient`)} />
                  {fieldError(`postalAddresses.${i}.recipient`)}
                </label>
                <div>
                  <CountrySelect label={t('postal.country')} value={address.country} onChange={(country) => setAddress(i, { country })} control={attrs(`postalAddresses.${i}.country`)} />
                  {fieldError(`postalAddresses.${i}.country`)}
                </div>
                <label className="field">
                  <span className="field-label">{t('postal.lines')}</span>
                  <textarea rows={3} value={address.lines.join('\n')} onChange={(e) => setAddress(i, { lines: e.target.value.split('\n') })} {...attrs(`postalAddresses.${i}.lines`)} />
                  {fieldError(`postalAddresses.${i}.lines`)}
                </label>
                <div>
                  <StatusSelect value={address.status} onChange={(status) => setAddress(i, { status })} />
                  <div className="actions">
                    <button type="button" className="button button-small" onClick={() => patch({ postalAddresses: form.postalAddresses.filter((_, j) => j !== i) })}>
                      {t('postal.remove')}
                    </button>
                  </div>
                </div>
              </div>
            </div>
          ))}
          <button
            type="button"
            className="link-button"
            onClick={() => patch({ postalAddresses: [...form.postalAddresses, { recipient: form.name, lines: [''], country: '', region: null, status: 'current' }] })}
          >
            {t('postal.add')}
          </button>
        </Section>

        <Section title={t('phone.title')}>
          {form.phones.map((phone, i) => (
            <div key={i} className="edit-list-row phones">
              <label className="field">
                <span className="field-label">{t('phone.number')}</span>
                <input value={phone.number} onChange={(e) => setPhone(i, { number: e.target.value })} placeholder="+49 30 1234567" {...attrs(`phones.${i}.number`)} />
                {fieldError(`phones.${i}.number`)}
              </label>
              <label className="field">
                <span className="field-label">{t('phone.kind')}</span>
                <select value={phone.kind} onChange={(e) => setPhone(i, { kind: e.target.value as Phone['kind'] })}>
                  <option value="phone">{t('phone.phone')}</option>
                  <option value="fax">{t('phone.fax')}</option>
                </select>
              </label>
              <StatusSelect value={phone.status} onChange={(status) => setPhone(i, { status })} />
              <button type="button" className="button button-small" onClick={() => patch({ phones: form.phones.filter((_, j) => j !== i) })}>
                {t('remove')}
              </button>
            </div>
          ))}
          <button type="button" className="link-button" onClick={() => patch({ phones: [...form.phones, { number: '', kind: 'phone', status: 'current' }] })}>
            {t('phone.add')}
          </button>
        </Section>

        <Section title={t('rules.title')}>
          <div className="grid-2 compact">
            <label className="field">
              <span className="field-label">{t('rules.establishment')}</span>
              <input value={text.establishment} onChange={(e) => setText({ ...text, establishment: e.target.value })} placeholder="DE, AT" {...attrs('establishment')} />
              {fieldError('establishment')}
            </label>
            <label className="field">
              <span className="field-label">{t('rules.served')}</span>
              <input value={text.countriesServed} onChange={(e) => setText({ ...text, countriesServed: e.target.value })} {...attrs('countriesServed')} />
              {fieldError('countriesServed')}
            </label>
            <label className="field">
              <span className="field-label">{t('rules.language')}</span>
              <input
                value={form.requestLanguage ?? ''}
                maxLength={2}
                onChange={(e) => patch({ requestLanguage: e.target.value.trim().toLowerCase() || null })}
                placeholder="—"
                {...attrs('requestLanguage')}
              />
              {fieldError('requestLanguage')}
            </label>
            <label className="field">
              <span className="field-label">{t('rules.channel')}</span>
              <select value={form.suggestedChannel ?? ''} onChange={(e) => patch({ suggestedChannel: (e.target.value || null) as CompanyEdit['suggestedChannel'] })}>
                <option value="">{t('rules.channelAuto')}</option>
                <option value="email">{t('rules.channelEmail')}</option>
                <option value="letter">{t('rules.channelLetter')}</option>
                <option value="fax">{t('rules.channelFax')}</option>
                <option value="webform">{t('rules.channelWebform')}</option>
              </select>
            </label>
          </div>
          <label className="choice">
            <input type="checkbox" checked={form.needsIdDocument} onChange={(e) => patch({ needsIdDocument: e.target.checked })} />
            <span>
              <strong>{t('rules.needsId')}</strong>
              <span className="muted small">{t('rules.needsIdHint')}</span>
            </span>
          </label>
        </Section>

        <FormError error={error} />
        {duplicates ? <DuplicateNotice matches={duplicates.matches} busy={busy} onAddAnyway={() => void addAnyway()} /> : null}
        <div className="actions">
          <button type="button" className="button" onClick={() => navigate(id ? { name: 'company', id } : { name: 'companies' })}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {id ? t('saveChanges') : t('add')}
          </button>
        </div>
      </div>
    </form>
  )
}
