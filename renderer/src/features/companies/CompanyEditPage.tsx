import { useEffect, useState, type ReactNode } from 'react'
import { Controller, useFieldArray, useForm, useWatch, type UseFormRegisterReturn } from 'react-hook-form'
import { Trans, useTranslation } from 'react-i18next'
import type { CompanyEdit, CompanyMatch, CompanyView } from '@core/catalog/schema'
import { useStore } from '../../store/store'
import { CountrySelect } from '../../ui/CountrySelect'
import { contactPurposes, purposeLabel } from '../../ui/format'
import { FormError } from '../../ui/FormError'
import { errorAttributes, FieldError } from '../../ui/Field'
import { coreSchemaResolver, errorWordsOf, showCoreOutcome } from '../../ui/schema-form'
import { editOf } from '@core/catalog/edit-form'
import { companyEditSchema } from '@core/catalog/schema'

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

/** Current or historical: a row's status, registered with the form (`register(path)`'s props). */
function StatusSelect(props: UseFormRegisterReturn) {
  const { t } = useTranslation('companyEdit', { keyPrefix: 'status' })
  return (
    <label className="field">
      <span className="field-label">{t('label')}</span>
      <select {...props}>
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

type AddressRow = Omit<Address, 'lines'> & { lines: string }

/**
 * The company form as typed: lists as rows (an address's lines as one text), name lists and codes as
 * texts, none chosen as ''. `toEdit` makes what the core takes of it.
 */
export type CompanyFormValues = {
  name: string
  website: string
  domains: string
  legalNames: string
  brands: string
  categories: string
  establishment: string
  countriesServed: string
  requestLanguage: string
  suggestedChannel: '' | NonNullable<CompanyEdit['suggestedChannel']>
  needsIdDocument: boolean
  emails: Email[]
  postalAddresses: AddressRow[]
  phones: Phone[]
}

/** The form's values for a company (or an empty one). */
export function formValuesOf(edit: CompanyEdit): CompanyFormValues {
  return {
    name: edit.name,
    website: edit.website ?? '',
    domains: edit.domains.join('\n'),
    legalNames: edit.legalNames.join('\n'),
    brands: edit.brands.join('\n'),
    categories: edit.categories.join(', '),
    establishment: edit.establishment.join(', '),
    countriesServed: edit.countriesServed.join(', '),
    requestLanguage: edit.requestLanguage ?? '',
    suggestedChannel: edit.suggestedChannel ?? '',
    needsIdDocument: edit.needsIdDocument,
    emails: edit.emails.map((e) => ({ ...e })),
    postalAddresses: edit.postalAddresses.map((a) => ({ ...a, lines: a.lines.join('\n') })),
    phones: edit.phones.map((p) => ({ ...p })),
  }
}

/** Which rows of the form's lists are kept (those with something in them), by list. */
function keptRows(values: CompanyFormValues): { emails: number[]; postalAddresses: number[]; phones: number[] } {
  const kept = <T,>(rows: ReadonlyArray<T>, filled: (row: T) => boolean) => rows.flatMap((row, i) => (filled(row) ? [i] : []))
  return {
    emails: kept(values.emails, (e) => e.address.trim() !== ''),
    postalAddresses: kept(values.postalAddresses, (a) => lines(a.lines).length > 0),
    phones: kept(values.phones, (p) => p.number.trim() !== ''),
  }
}

/**
 * What the core takes of the form: empty rows left out, texts split into their lists, domains
 * without scheme or path, codes upper-cased; established, unless said, where its current address is.
 */
export function toEdit(values: CompanyFormValues, base: CompanyEdit): CompanyEdit {
  const rows = keptRows(values)
  const edit: CompanyEdit = {
    ...base,
    name: values.name.trim(),
    legalNames: lines(values.legalNames),
    brands: lines(values.brands),
    domains: lines(values.domains).map((d) => d.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/.*$/, '').toLowerCase()),
    categories: values.categories.split(/[,;]/).map((c) => c.trim()).filter((c) => c.length > 0),
    establishment: codes(values.establishment).map((c) => c.toUpperCase()),
    countriesServed: codes(values.countriesServed).map((c) => (c.toLowerCase() === 'all' ? 'all' : c.toUpperCase())),
    requestLanguage: values.requestLanguage.trim().toLowerCase() || null,
    suggestedChannel: values.suggestedChannel || null,
    needsIdDocument: values.needsIdDocument,
    emails: rows.emails.map((i) => ({ ...values.emails[i]!, address: values.emails[i]!.address.trim() })),
    phones: rows.phones.map((i) => values.phones[i]!),
    postalAddresses: rows.postalAddresses.map((i) => ({ ...values.postalAddresses[i]!, lines: lines(values.postalAddresses[i]!.lines) })),
    website: values.website.trim() ? values.website.trim() : null,
  }
  const firstCountry = edit.postalAddresses.find((a) => a.status === 'current')?.country
  if (edit.establishment.length === 0 && firstCountry) edit.establishment = [firstCountry]
  return edit
}

/**
 * The core names rows of the lists it was given (empty rows left out); the form shows every row.
 * Maps "emails.1.address" of the saved list back to the row of the form it came from.
 */
export function rowPathBack(path: string, values: CompanyFormValues): string {
  const match = /^(emails|postalAddresses|phones)\.(\d+)(\..+)?$/.exec(path)
  if (!match) return path
  const list = match[1] as 'emails' | 'postalAddresses' | 'phones'
  const row = keptRows(values)[list][Number(match[2])]
  return `${list}.${row ?? match[2]}${match[3] ?? ''}`
}

function CompanyEditForm({ id, company, initial }: { id: string | null; company: CompanyView | null; initial: CompanyEdit }) {
  const save = useStore((s) => s.saveCompany)
  const findMatches = useStore((s) => s.findCompanyMatches)
  const navigate = useStore((s) => s.navigate)
  const { t } = useTranslation('companyEdit')
  const [duplicates, setDuplicates] = useState<{ matches: ReadonlyArray<CompanyMatch>; edit: CompanyEdit; values: CompanyFormValues } | null>(null)
  const form = useForm<CompanyFormValues>({
    defaultValues: formValuesOf(initial),
    // The core's own schema checks the company before anything is sent; what only the core can
    // tell (a removed domain, a clash) comes back on the same fields.
    resolver: coreSchemaResolver<CompanyFormValues>(companyEditSchema, (values) => toEdit(values, initial), rowPathBack),
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  })
  const { register, control } = form
  const emails = useFieldArray({ control, name: 'emails' })
  const addresses = useFieldArray({ control, name: 'postalAddresses' })
  const phones = useFieldArray({ control, name: 'phones' })
  const name = useWatch({ control, name: 'name' })
  const [error, setError] = useState<string | null>(null)
  const busy = form.formState.isSubmitting || form.formState.isLoading
  const [adding, setAdding] = useState(false)
  const errors = errorWordsOf(form.formState.errors)
  const attrs = (path: string) => errorAttributes(errors, path, ids)
  const fieldError = (path: string) => <FieldError errors={errors} path={path} idPrefix={ids} />

  /** The core's refusal: each problem on the row of the form it came from, the first focused. */
  const refused = (saved: { fields: ReadonlyMap<string, string>; form: string | null }, values: CompanyFormValues) => {
    const fields = new Map<string, string>()
    for (const [path, words] of saved.fields) {
      const field = rowPathBack(path, values)
      if (!fields.has(field)) fields.set(field, words)
    }
    setError(showCoreOutcome(form, { ok: false, fields, form: saved.form }))
  }

  const submit = async (values: CompanyFormValues) => {
    const edit = toEdit(values, initial)
    setError(null)
    // A new company the catalog may have already: ask before adding a second record of it.
    if (!id) {
      const matches = await findMatches({ domains: edit.domains, emails: edit.emails.map((e) => e.address) })
      if (matches.length > 0) {
        setDuplicates({ matches, edit, values })
        return
      }
    }
    const saved = await save(edit, companyFieldPaths(edit))
    if (saved.company) {
      navigate({ name: 'company', id: saved.company.id })
      return
    }
    refused(saved, values)
  }

  const addAnyway = async () => {
    if (!duplicates) return
    setAdding(true)
    const saved = await save({ ...duplicates.edit, asNew: true }, companyFieldPaths(duplicates.edit))
    setAdding(false)
    if (saved.company) {
      navigate({ name: 'company', id: saved.company.id })
      return
    }
    refused(saved, duplicates.values)
  }

  return (
    <form className="page company-edit" onSubmit={(e) => void form.handleSubmit(submit)(e)} aria-label={id ? t('changeLabel') : t('addTitle')} noValidate>
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
            <input {...register('name')} required maxLength={200} aria-label={t('field.companyName')} {...attrs('name')} />
            {fieldError('name')}
          </label>
          <label className="field">
            <span className="field-label">{t('field.website')}</span>
            <input type="url" {...register('website')} placeholder="https://www.example.com" {...attrs('website')} />
            {fieldError('website')}
          </label>
          <label className="field">
            <span className="field-label">{t('field.domains')}</span>
            <textarea rows={2} {...register('domains')} placeholder="example.com" aria-label={t('field.domainsShort')} {...attrs('domains')} />
            {fieldError('domains')}
          </label>
          <label className="field">
            <span className="field-label">{t('field.legalNames')}</span>
            <textarea rows={2} {...register('legalNames')} placeholder={t('field.legalNamesPlaceholder')} {...attrs('legalNames')} />
            {fieldError('legalNames')}
          </label>
          <label className="field">
            <span className="field-label">{t('field.brands')}</span>
            <textarea rows={2} {...register('brands')} {...attrs('brands')} />
            {fieldError('brands')}
          </label>
          <label className="field">
            <span className="field-label">{t('field.categories')}</span>
            <input {...register('categories')} placeholder={t('field.categoriesPlaceholder')} {...attrs('categories')} />
            {fieldError('categories')}
          </label>
        </div>

        <Section title={t('email.title')} hint={t('email.hint')}>
          {emails.fields.map((email, i) => (
            <div key={email.id} className="edit-list-row">
              <label className="field">
                <span className="field-label">{t('email.address')}</span>
                <input type="email" {...register(`emails.${i}.address`)} aria-label={t('email.nth', { n: i + 1 })} {...attrs(`emails.${i}.address`)} />
                {fieldError(`emails.${i}.address`)}
              </label>
              <label className="field">
                <span className="field-label">{t('email.purpose')}</span>
                <select {...register(`emails.${i}.purpose`)}>
                  {contactPurposes.map((p) => (
                    <option key={p} value={p}>
                      {purposeLabel(p)}
                    </option>
                  ))}
                </select>
              </label>
              <StatusSelect {...register(`emails.${i}.status`)} />
              <button type="button" className="button button-small" onClick={() => emails.remove(i)} aria-label={t('email.removeNth', { n: i + 1 })}>
                {t('remove')}
              </button>
            </div>
          ))}
          <button type="button" className="link-button" onClick={() => emails.append({ address: '', purpose: 'privacy', status: 'current' }, { shouldFocus: false })}>
            {t('email.add')}
          </button>
        </Section>

        <Section title={t('postal.title')} hint={t('postal.hint')}>
          {addresses.fields.map((address, i) => (
            <div key={address.id} className="edit-list-row address">
              <div className="grid-2 compact">
                <label className="field">
                  <span className="field-label">{t('postal.recipient')}</span>
                  <input {...register(`postalAddresses.${i}.recipient`)} {...attrs(`postalAddresses.${i}.recipient`)} />
                  {fieldError(`postalAddresses.${i}.recipient`)}
                </label>
                <div>
                  <Controller
                    control={control}
                    name={`postalAddresses.${i}.country`}
                    render={({ field }) => (
                      <CountrySelect label={t('postal.country')} value={field.value} onChange={field.onChange} selectRef={field.ref} control={attrs(`postalAddresses.${i}.country`)} />
                    )}
                  />
                  {fieldError(`postalAddresses.${i}.country`)}
                </div>
                <label className="field">
                  <span className="field-label">{t('postal.lines')}</span>
                  <textarea rows={3} {...register(`postalAddresses.${i}.lines`)} {...attrs(`postalAddresses.${i}.lines`)} />
                  {fieldError(`postalAddresses.${i}.lines`)}
                </label>
                <div>
                  <StatusSelect {...register(`postalAddresses.${i}.status`)} />
                  <div className="actions">
                    <button type="button" className="button button-small" onClick={() => addresses.remove(i)}>
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
            onClick={() => addresses.append({ recipient: name, lines: '', country: '', region: null, status: 'current' }, { shouldFocus: false })}
          >
            {t('postal.add')}
          </button>
        </Section>

        <Section title={t('phone.title')}>
          {phones.fields.map((phone, i) => (
            <div key={phone.id} className="edit-list-row phones">
              <label className="field">
                <span className="field-label">{t('phone.number')}</span>
                <input {...register(`phones.${i}.number`)} placeholder="+49 30 1234567" {...attrs(`phones.${i}.number`)} />
                {fieldError(`phones.${i}.number`)}
              </label>
              <label className="field">
                <span className="field-label">{t('phone.kind')}</span>
                <select {...register(`phones.${i}.kind`)}>
                  <option value="phone">{t('phone.phone')}</option>
                  <option value="fax">{t('phone.fax')}</option>
                </select>
              </label>
              <StatusSelect {...register(`phones.${i}.status`)} />
              <button type="button" className="button button-small" onClick={() => phones.remove(i)}>
                {t('remove')}
              </button>
            </div>
          ))}
          <button type="button" className="link-button" onClick={() => phones.append({ number: '', kind: 'phone', status: 'current' }, { shouldFocus: false })}>
            {t('phone.add')}
          </button>
        </Section>

        <Section title={t('rules.title')}>
          <div className="grid-2 compact">
            <label className="field">
              <span className="field-label">{t('rules.establishment')}</span>
              <input {...register('establishment')} placeholder="DE, AT" {...attrs('establishment')} />
              {fieldError('establishment')}
            </label>
            <label className="field">
              <span className="field-label">{t('rules.served')}</span>
              <input {...register('countriesServed')} {...attrs('countriesServed')} />
              {fieldError('countriesServed')}
            </label>
            <label className="field">
              <span className="field-label">{t('rules.language')}</span>
              <input
                {...register('requestLanguage')}
                maxLength={2}
                placeholder="—"
                {...attrs('requestLanguage')}
              />
              {fieldError('requestLanguage')}
            </label>
            <label className="field">
              <span className="field-label">{t('rules.channel')}</span>
              <select {...register('suggestedChannel')}>
                <option value="">{t('rules.channelAuto')}</option>
                <option value="email">{t('rules.channelEmail')}</option>
                <option value="letter">{t('rules.channelLetter')}</option>
                <option value="fax">{t('rules.channelFax')}</option>
                <option value="webform">{t('rules.channelWebform')}</option>
              </select>
            </label>
          </div>
          <label className="choice">
            <input type="checkbox" {...register('needsIdDocument')} />
            <span>
              <strong>{t('rules.needsId')}</strong>
              <span className="muted small">{t('rules.needsIdHint')}</span>
            </span>
          </label>
        </Section>

        <FormError error={error} />
        {duplicates ? <DuplicateNotice matches={duplicates.matches} busy={busy || adding} onAddAnyway={() => void addAnyway()} /> : null}
        <div className="actions">
          <button type="button" className="button" onClick={() => navigate(id ? { name: 'company', id } : { name: 'companies' })}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || adding}>
            {id ? t('saveChanges') : t('add')}
          </button>
        </div>
      </div>
    </form>
  )
}
