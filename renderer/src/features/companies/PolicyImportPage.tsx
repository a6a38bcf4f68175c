import { useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { Trans, useTranslation } from 'react-i18next'
import type { PolicyProposal } from '@core/catalog/policy-import/proposal'
import type { CompanyMatch } from '@core/catalog/schema'
import type { Message } from '@core/shared/message'
import { ApiFailure, messageOf, unwrap } from '../../api'
import type { PolicyFormat, PolicyRead } from '../../store/policy-import-slice'
import { useStore } from '../../store/store'
import { CountrySelect } from '../../ui/CountrySelect'
import { countryName, formatDate, purposeLabel } from '../../ui/format'
import { FormError } from '../../ui/FormError'
import { errorText } from '../../ui/messages'
import { OperationHere } from '../../ui/OperationStatus'
import { extractPolicyInputSchema, fetchPolicyInputSchema, savePolicyInputSchema } from '@core/catalog/policy-import/inputs'
import { errorAttributes, FieldError } from '../../ui/Field'
import { coreSchemaResolver, errorWordsOf } from '../../ui/schema-form'

type Format = PolicyFormat

/** What the text looks like: HTML when it has tags, Markdown when it has its links or headings. */
export function guessFormat(name: string | null, text: string): Format {
  if (name && /\.html?$/i.test(name)) return 'html'
  if (name && /\.(md|markdown)$/i.test(name)) return 'markdown'
  if (name && /\.txt$/i.test(name)) return 'text'
  if (/<(html|body|p|div|a|h[1-6]|br)\b/i.test(text)) return 'html'
  if (/\[[^\]]+\]\([^)]+\)|^#{1,6} /m.test(text)) return 'markdown'
  return 'text'
}

/** Why an address is taken for what it is, in the window's language (the core's English where the resources lack its words). */
const reasonText = (found: { readonly reason: string; readonly detail: Message }): string => errorText({ message: found.reason, detail: found.detail })

type Highlight = { start: number; end: number; field: string; key: string }

const fieldClass: Record<string, string> = {
  companyName: 'hl-name',
  privacyEmail: 'hl-privacy',
  otherEmail: 'hl-other',
  excludedEmail: 'hl-excluded',
  postalAddress: 'hl-address',
  phone: 'hl-phone',
  subjectRule: 'hl-rule',
  deletionInstruction: 'hl-rule',
  minAge: 'hl-rule',
}

/** The policy's text with the passages the proposal relies on marked; `active` is scrolled to. */
function HighlightedPolicy({ text, highlights, active }: { text: string; highlights: ReadonlyArray<Highlight>; active: string | null }) {
  const parts = useMemo(() => {
    const sorted = [...highlights].filter((h) => h.end > h.start).sort((a, b) => a.start - b.start || b.end - a.end)
    const out: ReactNode[] = []
    let at = 0
    for (const h of sorted) {
      if (h.start < at) continue // nested or overlapping: the outer mark shows it
      if (h.start > at) out.push(text.slice(at, h.start))
      out.push(
        <mark key={h.key} id={`policy-${h.key}`} className={`${fieldClass[h.field] ?? ''} ${active === h.key ? 'active' : ''}`} data-field={h.field}>
          {text.slice(h.start, h.end)}
        </mark>,
      )
      at = h.end
    }
    out.push(text.slice(at))
    return out
  }, [text, highlights, active])
  return (
    <div className="policy-text" data-testid="policy-text">
      {parts}
    </div>
  )
}

function Check({ checked, onChange, children, onFocus }: { checked: boolean; onChange: (checked: boolean) => void; children: ReactNode; onFocus: () => void }) {
  return (
    <label className={`choice ${checked ? 'selected' : ''}`} onMouseEnter={onFocus}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} onFocus={onFocus} />
      <span>{children}</span>
    </label>
  )
}

/**
 * The review as the user set it: the name, what is kept (in the order it was ticked), the country
 * chosen for each proposed address by its index ('' for none), and where it goes (into a company
 * of the catalog, or as a new one beside those).
 */
export type ReviewValues = {
  name: string
  privacy: string[]
  others: string[]
  addresses: number[]
  countries: string[]
  phones: string[]
  keep: { subject: boolean; deletion: boolean; minAge: boolean }
  into: string
  asNew: boolean
}

/** The review's first values: the first privacy address, the company's addresses with a country, every number, every rule. */
export function reviewDefaults(proposal: PolicyProposal): ReviewValues {
  return {
    name: proposal.companyName?.name ?? '',
    privacy: proposal.privacyEmails.slice(0, 1).map((e) => e.address),
    others: [],
    addresses: proposal.postalAddresses.flatMap((a, i) => (a.role === 'company' && a.country ? [i] : [])),
    countries: proposal.postalAddresses.map(() => ''),
    phones: proposal.phones.map((p) => p.number),
    keep: { subject: proposal.subjectRule !== null, deletion: proposal.deletionInstruction !== null, minAge: proposal.minAge !== null },
    into: '',
    asNew: false,
  }
}

/** What catalog:savePolicy gets from the review: the policy again, and the choices in the proposal's terms. */
export function savePolicyInputOf(values: ReviewValues, proposal: PolicyProposal, input: PolicyRead['input']) {
  return {
    text: input.text,
    format: input.format,
    ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
    ...(values.into ? { into: values.into } : {}),
    ...(values.asNew ? { asNew: true } : {}),
    choices: {
      ...(input.fetched && input.sourceUrl ? { source: { url: input.fetched.url, retrievedOn: input.fetched.fetchedOn } } : {}),
      name: values.name.trim(),
      privacyEmails: proposal.privacyEmails.filter((e) => values.privacy.includes(e.address)).map((e) => e.address),
      otherEmails: proposal.otherEmails.filter((e) => values.others.includes(e.address)).map((e) => e.address),
      postalAddresses: values.addresses.map((index) => ({ index, ...(values.countries[index] ? { country: values.countries[index] } : {}) })),
      phones: [...values.phones],
      keepSubjectRule: values.keep.subject,
      keepDeletion: values.keep.deletion,
      keepMinAge: values.keep.minAge,
    },
  }
}

/** A problem of catalog:savePolicy on the review's field: the name, an address's country; any other for the review itself. */
export function reviewPathBack(path: string, values: ReviewValues): string {
  if (path === 'choices.name') return 'name'
  const country = /^choices\.postalAddresses\.(\d+)\.country$/.exec(path)
  if (country) {
    const index = values.addresses[Number(country[1])]
    if (index !== undefined) return `countries.${index}`
  }
  return 'root'
}

/** The kept addresses the proposal gives no country for and the user chose none. */
export function addressesWithoutCountry(values: ReviewValues, proposal: PolicyProposal): number[] {
  return values.addresses.filter((i) => !proposal.postalAddresses[i]?.country && !values.countries[i])
}

const reviewIds = 'policy-review'

/** Review a proposal beside the highlighted policy, keep what is right, save it as a company. */
function Review({ proposal, input, onBack }: { proposal: PolicyProposal; input: PolicyRead['input']; onBack: () => void }) {
  const { t } = useTranslation('policyImport', { keyPrefix: 'review' })
  const navigate = useStore((s) => s.navigate)
  const toast = useStore((s) => s.toast)
  const savePolicyCompany = useStore((s) => s.savePolicyCompany)
  const resetPolicyImport = useStore((s) => s.resetPolicyImport)
  const form = useForm<ReviewValues>({
    defaultValues: reviewDefaults(proposal),
    // The core's own schema of catalog:savePolicy checks what is kept before it is saved.
    resolver: coreSchemaResolver<ReviewValues>(savePolicyInputSchema, (values) => savePolicyInputOf(values, proposal, input), reviewPathBack),
  })
  const { control, setValue } = form
  const [name, privacyList, othersList, addressList, phoneList, keep] = useWatch({ control, name: ['name', 'privacy', 'others', 'addresses', 'phones', 'keep'] })
  const privacy = new Set(privacyList)
  const others = new Set(othersList)
  const addresses = new Set(addressList)
  const phones = new Set(phoneList)
  const fieldErrors = errorWordsOf(form.formState.errors)
  const [active, setActive] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // A save started before the user went away and came back still runs: no second one meanwhile.
  const saving = useStore((s) => [...s.operations.values()].some((op) => op.channel === 'catalog:savePolicy'))
  const blocked = busy || saving
  const [error, setError] = useState<string | null>(null)
  const findMatches = useStore((s) => s.findCompanyMatches)
  /** Companies of the catalog the policy's company looks like, once saving found them. */
  const [duplicates, setDuplicates] = useState<ReadonlyArray<CompanyMatch> | null>(null)

  const highlights: Highlight[] = useMemo(() => {
    const list: Highlight[] = []
    const add = (field: string, key: string, span: { start: number | null; end: number | null } | null) => {
      if (span && span.start !== null && span.end !== null) list.push({ field, key, start: span.start, end: span.end })
    }
    add('companyName', 'name', proposal.companyName)
    proposal.privacyEmails.forEach((e, i) => add('privacyEmail', `privacy-${i}`, e))
    proposal.otherEmails.forEach((e, i) => add('otherEmail', `other-${i}`, e))
    proposal.excludedEmails.forEach((e, i) => add('excludedEmail', `excluded-${i}`, e))
    proposal.postalAddresses.forEach((a, i) => add('postalAddress', `address-${i}`, a))
    proposal.phones.forEach((p, i) => add('phone', `phone-${i}`, p))
    add('subjectRule', 'subject', proposal.subjectRule)
    add('deletionInstruction', 'deletion', proposal.deletionInstruction)
    add('minAge', 'minage', proposal.minAge)
    return list
  }, [proposal])

  const focus = (key: string) => {
    setActive(key)
    document.getElementById(`policy-${key}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }
  /** The list with the value added at its end (ticked) or taken out. */
  const toggle = <T,>(list: ReadonlyArray<T>, value: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value))

  const submit = async (values: ReviewValues) => {
    setError(null)
    const missing = addressesWithoutCountry(values, proposal)
    if (missing.length > 0) {
      // Said beside each address's country picker; the first takes the focus.
      for (const index of missing) form.setError(`countries.${index}`, { type: 'required', message: t('chooseCountry') })
      form.setFocus(`countries.${missing[0]!}`)
      return
    }
    setBusy(true)
    try {
      const company = unwrap(await savePolicyCompany(savePolicyInputOf(values, proposal, input)))
      toast('success', t(values.into ? 'savedInto' : 'savedNew', { company: company.name }))
      resetPolicyImport()
      // Only where the user still is: someone who went on meanwhile is not taken back.
      if (useStore.getState().route.name === 'policy-import') navigate({ name: 'company', id: company.id })
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.error.code === 'DUPLICATE_COMPANY') {
        // Which company, exactly: by the policy's site and the addresses kept.
        const site = [input.sourceUrl, proposal.archive?.domain ?? ''].flatMap((u) => {
          try {
            return u ? [new URL(u.includes('://') ? u : `https://${u}`).hostname] : []
          } catch {
            return []
          }
        })
        const emails = [...values.privacy, ...values.others]
        const matches = await findMatches({ domains: site, emails })
        if (matches.length > 0) setDuplicates(matches)
        else setError(messageOf(failure))
      } else setError(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  /** Saves the review (as a new company, into one of the catalog, or as new beside those), once the core's schema takes it. */
  const save = (target: { into?: string; asNew?: boolean } = {}) => {
    setValue('into', target.into ?? '')
    setValue('asNew', target.asNew ?? false)
    return form.handleSubmit(submit)()
  }

  return (
    <div className="policy-review">
      <div className="policy-pane">
        <h2 className="pane-title">{t('paneText')}</h2>
        <HighlightedPolicy text={proposal.plainText} highlights={highlights} active={active} />
      </div>
      <div className="proposal-pane" data-testid="proposal">
        <h2 className="pane-title">{t('panePropose')}</h2>
        {input.fetched ? (
          <p className="fetched-note" data-testid="fetched-source">
            <Trans t={t} i18nKey="readFrom" values={{ url: input.fetched.url, date: formatDate(input.fetched.fetchedOn) }} components={{ strong: <strong /> }} />
          </p>
        ) : null}
        {proposal.warnings.length > 0 ? (
          <ul className="callout callout-warn proposal-warnings" data-testid="proposal-warnings">
            {proposal.warnings.map((w, i) => (
              <li key={i}>{errorText(w)}</li>
            ))}
          </ul>
        ) : null}
        <label className="field">
          <span className="field-label">{t('name')}</span>
          <input {...form.register('name')} onFocus={() => focus('name')} aria-label={t('name')} {...errorAttributes(fieldErrors, 'name', reviewIds)} />
          <FieldError errors={fieldErrors} path="name" idPrefix={reviewIds} />
        </label>

        <h3>{t('privacy')}</h3>
        {proposal.privacyEmails.length === 0 ? (
          <p className="muted">{t(proposal.otherEmails.length > 0 ? 'noPrivacyOthers' : 'noPrivacy')}</p>
        ) : null}
        {proposal.privacyEmails.map((e, i) => (
          <Check key={e.address} checked={privacy.has(e.address)} onChange={(on) => setValue('privacy', toggle(privacyList, e.address, on))} onFocus={() => focus(`privacy-${i}`)}>
            <strong data-proposed-email={e.address}>{e.address}</strong>
            <span className="muted small">{reasonText(e)}</span>
          </Check>
        ))}

        {proposal.otherEmails.length > 0 ? <h3>{t('other')}</h3> : null}
        {proposal.otherEmails.map((e, i) => (
          <Check key={e.address} checked={others.has(e.address)} onChange={(on) => setValue('others', toggle(othersList, e.address, on))} onFocus={() => focus(`other-${i}`)}>
            <strong>
              {e.address} <span className="tag">{purposeLabel(e.purpose)}</span>
            </strong>
            <span className="muted small">{reasonText(e)}</span>
          </Check>
        ))}

        {proposal.postalAddresses.length > 0 ? <h3>{t('postal')}</h3> : null}
        {proposal.postalAddresses.map((a, i) => (
          <Check key={i} checked={addresses.has(i)} onChange={(on) => setValue('addresses', toggle(addressList, i, on))} onFocus={() => focus(`address-${i}`)}>
            <strong>
              {a.text} {a.role !== 'company' ? <span className="tag tag-muted">{a.role === 'regulator' ? t('regulator') : t('someoneElse')}</span> : null}
            </strong>
            <span className="muted small">
              {reasonText(a)}
              {a.country ? ` · ${countryName(a.country)}` : ''}
            </span>
            {addresses.has(i) && !a.country ? (
              <>
                <Controller
                  control={control}
                  name={`countries.${i}`}
                  render={({ field }) => (
                    <CountrySelect
                      label={t('countryOf', { number: i + 1 })}
                      value={field.value}
                      onChange={field.onChange}
                      selectRef={field.ref}
                      control={errorAttributes(fieldErrors, `countries.${i}`, reviewIds)}
                    />
                  )}
                />
                <FieldError errors={fieldErrors} path={`countries.${i}`} idPrefix={reviewIds} />
              </>
            ) : null}
          </Check>
        ))}

        {proposal.phones.length > 0 ? <h3>{t('phones')}</h3> : null}
        {proposal.phones.map((p, i) => (
          <Check key={p.number} checked={phones.has(p.number)} onChange={(on) => setValue('phones', toggle(phoneList, p.number, on))} onFocus={() => focus(`phone-${i}`)}>
            <strong>
              {p.number} <span className="tag">{p.kind === 'fax' ? t('fax') : t('phone')}</span>
            </strong>
          </Check>
        ))}

        {proposal.subjectRule || proposal.deletionInstruction || proposal.minAge ? <h3>{t('asks')}</h3> : null}
        {proposal.subjectRule ? (
          <Check checked={keep.subject} onChange={(on) => setValue('keep', { ...keep, subject: on })} onFocus={() => focus('subject')}>
            <strong>{t('subject')}</strong>
            <span className="muted small">“{proposal.subjectRule.text}”</span>
          </Check>
        ) : null}
        {proposal.deletionInstruction ? (
          <Check checked={keep.deletion} onChange={(on) => setValue('keep', { ...keep, deletion: on })} onFocus={() => focus('deletion')}>
            <strong>{t('deletion')}</strong>
            <span className="muted small">“{proposal.deletionInstruction.text}”</span>
          </Check>
        ) : null}
        {proposal.minAge ? (
          <Check checked={keep.minAge} onChange={(on) => setValue('keep', { ...keep, minAge: on })} onFocus={() => focus('minage')}>
            <strong>{t('minAge', { age: proposal.minAge.age })}</strong>
            <span className="muted small">“{proposal.minAge.quote}”</span>
          </Check>
        ) : null}

        {proposal.excludedEmails.length > 0 ? (
          <details className="more-contacts">
            <summary>{t('leftOut', { number: proposal.excludedEmails.length })}</summary>
            <ul className="sources">
              {proposal.excludedEmails.map((e, i) => (
                <li key={`${e.address}-${i}`} onMouseEnter={() => focus(`excluded-${i}`)}>
                  <span className="mono">{e.address}</span>
                  {t('leftOutSeparator')}
                  {reasonText(e)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}

        <FormError error={error ?? fieldErrors.get('root') ?? null} />
        {duplicates ? (
          <div className="duplicate-notice" role="alert" data-testid="duplicate-notice">
            <p>
              <strong>{t('already')}</strong>
            </p>
            <ul>
              {duplicates.slice(0, 5).map((m) => (
                <li key={m.id}>
                  <Trans t={t} i18nKey={m.by === 'domain' ? 'hasDomain' : 'hasAddress'} values={{ name: m.name, value: m.value }} components={{ mono: <span className="mono" /> }} />{' '}
                  <button type="button" className="link-button" disabled={blocked} onClick={() => void save({ into: m.id })}>
                    {t('updateWith', { name: m.name })}
                  </button>
                </li>
              ))}
            </ul>
            <p className="muted small">{t('updateNote')}</p>
            <div className="actions start">
              {duplicates[0] ? (
                <button type="button" className="button button-primary" disabled={blocked} onClick={() => void save({ into: duplicates[0]!.id })}>
                  {t('update', { name: duplicates[0].name })}
                </button>
              ) : null}
              <button type="button" className="button" disabled={blocked} onClick={() => void save({ asNew: true })}>
                {t('saveNew')}
              </button>
            </div>
          </div>
        ) : null}
        <OperationHere channel="catalog:savePolicy" />
        <div className="actions">
          <button type="button" className="button" disabled={blocked} onClick={onBack}>
            {t('back')}
          </button>
          <button type="button" className="button button-primary" disabled={blocked || !name.trim()} onClick={() => void save()}>
            {blocked ? t('saving') : t('save')}
          </button>
        </div>
      </div>
    </div>
  )
}

/** The web address to fetch a policy from, as typed. */
export type FetchValues = { url: string }

/** The policy to read as the draft holds it: its text, the address it came from, its format ('auto': guessed). */
export type ReadValues = { text: string; sourceUrl: string; format: Format | 'auto' }

/** What catalog:extractPolicy gets from the draft: the format settled, the source only when given. */
export function extractInputOf(values: ReadValues, fileName: string | null) {
  const source = values.sourceUrl.trim()
  return { text: values.text, format: values.format === 'auto' ? guessFormat(fileName, values.text) : values.format, ...(source ? { sourceUrl: source } : {}) }
}

/** A problem of catalog:fetchPolicy or catalog:extractPolicy on its field; any other for the form. */
export function policyInputPathBack(path: string): string {
  return path === 'url' || path === 'text' || path === 'sourceUrl' || path === 'format' ? path : 'root'
}

const pageIds = 'policy-import'

/** Paste, drop or open a privacy policy; Rightful proposes a record to review. */
export function PolicyImportPage() {
  const { t } = useTranslation('policyImport', { keyPrefix: 'page' })
  const navigate = useStore((s) => s.navigate)
  const draft = useStore((s) => s.policyDraft)
  const setDraft = useStore((s) => s.setPolicyDraft)
  const read = useStore((s) => s.policyRead)
  const readPolicy = useStore((s) => s.readPolicy)
  const clearRead = useStore((s) => s.clearPolicyRead)
  const { text, fileName, format, sourceUrl } = draft
  const problem = useStore((s) => s.policyReadProblem)
  const [fileError, setError] = useState<string | null>(null)
  const error = fileError ?? problem
  const reading = useStore((s) => [...s.operations.values()].some((op) => op.channel === 'catalog:extractPolicy' || op.channel === 'catalog:fetchPolicy'))
  const fetchPolicy = useStore((s) => s.fetchPolicy)
  const fetchForm = useForm<FetchValues>({
    defaultValues: { url: '' },
    // The core's own schema of catalog:fetchPolicy checks the address before anything is fetched.
    resolver: coreSchemaResolver<FetchValues>(fetchPolicyInputSchema, (values) => ({ url: values.url.trim() }), policyInputPathBack),
  })
  const webAddress = useWatch({ control: fetchForm.control, name: 'url' })
  const fetchErrors = errorWordsOf(fetchForm.formState.errors)
  // The draft lives in the store (it outlasts a visit elsewhere); the form checks it with the core's schema.
  const readForm = useForm<ReadValues>({
    values: { text, sourceUrl, format },
    resolver: coreSchemaResolver<ReadValues>(extractPolicyInputSchema, (values) => extractInputOf(values, fileName), policyInputPathBack),
  })
  const readErrors = errorWordsOf(readForm.formState.errors)
  const [dragging, setDragging] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const resolved: Format = format === 'auto' ? guessFormat(fileName, text) : format

  const readFile = async (file: File) => {
    if (file.size > 5 * 1024 * 1024) {
      setError(t('tooBig', { name: file.name }))
      return
    }
    setError(null)
    setDraft({ fileName: file.name, text: await file.text() })
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file) void readFile(file)
    else {
      const dropped = event.dataTransfer.getData('text/plain')
      if (dropped) setDraft({ text: dropped })
    }
  }

  const start = () =>
    readForm.handleSubmit(async () => {
      setError(null)
      await readPolicy(resolved)
    })()

  return (
    <section className="page policy-import">
      <button type="button" className="link-button back" onClick={() => navigate({ name: 'companies' })}>
        {t('back')}
      </button>
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="lede">{t('lede')}</p>
        </div>
      </header>
      {read ? (
        <Review proposal={read.proposal} input={read.input} onBack={clearRead} />
      ) : (
        <div className="card">
          <form
            className="fetch-policy"
            noValidate
            onSubmit={(e) =>
              void fetchForm.handleSubmit(async ({ url }) => {
                if (url.trim()) await fetchPolicy(url.trim())
              })(e)
            }
          >
            <label className="field">
              <span className="field-label">{t('webLabel')}</span>
              <input
                type="url"
                {...fetchForm.register('url')}
                readOnly={reading}
                placeholder={t('webPlaceholder')}
                aria-label={t('webAria')}
                {...errorAttributes(fetchErrors, 'url', pageIds)}
              />
              <FieldError errors={fetchErrors} path="url" idPrefix={pageIds} />
            </label>
            <button type="submit" className="button" disabled={reading || webAddress.trim().length === 0}>
              {t('fetch')}
            </button>
            <p className="muted small">{t('fetchNote')}</p>
          </form>
          <OperationHere channel="catalog:fetchPolicy" />
          {draft.fetched ? (
            <p className="fetched-note" role="status">
              <Trans
                t={t}
                i18nKey={draft.fetched.url !== draft.fetched.requestedUrl ? 'fetchedRedirected' : 'fetched'}
                values={{ url: draft.fetched.url, requested: draft.fetched.requestedUrl, date: formatDate(draft.fetched.fetchedOn) }}
                components={{ strong: <strong /> }}
              />
            </p>
          ) : null}
          <div
            className={`drop-zone ${dragging ? 'dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault()
              setDragging(true)
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <label className="field">
              <span className="field-label">{t('textLabel')}</span>
              <Controller
                control={readForm.control}
                name="text"
                render={({ field }) => (
                  <textarea
                    rows={14}
                    ref={field.ref}
                    value={text}
                    readOnly={reading}
                    onChange={(e) => setDraft({ text: e.target.value, fileName: null })}
                    placeholder={t('textPlaceholder')}
                    aria-label={t('textAria')}
                    {...errorAttributes(readErrors, 'text', pageIds)}
                  />
                )}
              />
              <FieldError errors={readErrors} path="text" idPrefix={pageIds} />
            </label>
          </div>
          <div className="grid-2 compact">
            <label className="field">
              <span className="field-label">{t('sourceLabel')}</span>
              <Controller
                control={readForm.control}
                name="sourceUrl"
                render={({ field }) => (
                  <input
                    type="url"
                    ref={field.ref}
                    value={sourceUrl}
                    readOnly={reading}
                    onChange={(e) => setDraft({ sourceUrl: e.target.value })}
                    placeholder={t('webPlaceholder')}
                    aria-label={t('sourceAria')}
                    {...errorAttributes(readErrors, 'sourceUrl', pageIds)}
                  />
                )}
              />
              <FieldError errors={readErrors} path="sourceUrl" idPrefix={pageIds} />
            </label>
            <label className="field">
              <span className="field-label">{t('format')}</span>
              <select value={format} disabled={reading} onChange={(e) => setDraft({ format: e.target.value as Format | 'auto' })} aria-label={t('format')}>
                <option value="auto">{t('auto', { format: resolved === 'html' ? 'HTML' : resolved === 'markdown' ? 'Markdown' : t('plainInline') })}</option>
                <option value="text">{t('plain')}</option>
                <option value="markdown">Markdown</option>
                <option value="html">HTML</option>
              </select>
            </label>
          </div>
          <FormError error={error ?? readErrors.get('root') ?? fetchErrors.get('root') ?? null} />
          <OperationHere channel="catalog:extractPolicy" />
          <div className="actions">
            <input
              ref={fileInput}
              type="file"
              accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
              hidden
              onChange={(e) => {
                const file = e.target.files?.[0]
                if (file) void readFile(file)
                e.target.value = ''
              }}
            />
            {fileName ? <span className="muted small">{fileName}</span> : null}
            <button type="button" className="button" disabled={reading} onClick={() => fileInput.current?.click()}>
              {t('openFile')}
            </button>
            <button type="button" className="button button-primary" disabled={reading || text.trim().length === 0} onClick={() => void start()}>
              {reading ? t('reading') : t('read')}
            </button>
          </div>
        </div>
      )}
    </section>
  )
}
