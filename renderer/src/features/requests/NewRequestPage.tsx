import { useEffect, useMemo } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { proposeLaw } from '@core/requests/law-proposal'
import { laws as allLaws, type Law, type RequestType } from '@core/shared/kinds'
import { rightsUnder, rightTypes, type RightStatus, type RightType } from '@core/requests/rights'
import { useStore } from '../../store/store'
import { CompanyResults } from '../companies/CompanyResults'
import { languageLabel, lawLabel, lawShort, requestTypeLong } from '../../ui/format'
import { noTemplateText, rightReasonText } from '../../ui/rights-text'
import './new-request.css'
import { useTranslation } from 'react-i18next'
import { messageText } from '../../ui/messages'
import { joinParts } from '@core/messages/params'
import { createRequestInputSchema, maxIdentifiersLength, maxRequestTextLength } from '@core/requests/inputs'
import { errorAttributes, Field, FieldError } from '../../ui/Field'
import { FormError } from '../../ui/FormError'
import { coreSchemaResolver, errorWordsOf } from '../../ui/schema-form'

/** A kind of request under the chosen law: offered when the law grants it and a template writes it. */
type Offer = RightStatus & { readonly template: boolean }

/** The kinds with a line of their own under their name (keys of requests:create.description). */
const described = new Set<RequestType>(['access', 'erasure', 'rectification', 'restriction', 'portability', 'objection', 'withdraw-consent', 'automated-decision', 'opt-out', 'limit', 'custom'])

/** The request types that take the user's own words (keys of requests:create.prompt). */
const prompted = new Set<RequestType>(['custom', 'rectification', 'restriction', 'objection', 'automated-decision'])

/** The form as typed: what the user chose ('' where they chose nothing: the page proposes), and their words. */
export type NewRequestValues = { law: Law | ''; lang: string; type: RightType; text: string; identifiers: string }

/** What the page settled on from the choices and its proposals: the law, the kind and the language the request is written with. */
export type NewRequestChoice = { readonly companyId: string; readonly law: Law | null; readonly type: RequestType; readonly lang: string; readonly post: boolean }

/** What requests:create gets from the form: the words trimmed away when empty, the text only for a kind that takes it. */
export function newRequestInputOf(values: NewRequestValues, choice: NewRequestChoice) {
  return {
    companyId: choice.companyId,
    type: choice.type,
    law: choice.law ?? undefined,
    lang: choice.lang,
    identifiers: values.identifiers.trim() || null,
    text: prompted.has(choice.type) && values.text.trim() ? values.text : null,
    ...(choice.post ? { channel: 'post' as const } : {}),
  }
}

/** A problem of requests:create on the form's field (the company is the page's, not a field). */
export function newRequestPathBack(path: string): string {
  return path === 'law' || path === 'lang' || path === 'type' || path === 'text' || path === 'identifiers' ? path : 'root'
}

const ids = 'new-request'

export function NewRequestPage({ companyId }: { companyId: string | null }) {
  const navigate = useStore((s) => s.navigate)
  const company = useStore((s) => (companyId ? s.companies.get(companyId) : undefined))
  const loadCompany = useStore((s) => s.loadCompany)
  const profile = useStore((s) => s.profile)
  const profileLoaded = useStore((s) => s.profileLoaded)
  const loadProfile = useStore((s) => s.loadProfile)
  const createRequest = useStore((s) => s.createRequest)
  // Someone who sends printed letters gets a text worded for paper.
  const sendsLetters = useStore((s) => s.settings?.sending.method === 'letter')
  const templates = useStore((s) => s.templates)
  const loadTemplates = useStore((s) => s.loadTemplates)
  const form = useForm<NewRequestValues>({
    defaultValues: { law: '', lang: '', type: 'access', text: '', identifiers: '' },
    // The core's own schema of requests:create checks the request before it is written (with the
    // law, kind and language the page settles on below, read when the form is submitted).
    resolver: coreSchemaResolver<NewRequestValues>(createRequestInputSchema, (values) => newRequestInputOf(values, settled()), newRequestPathBack),
  })
  const { register, control, setValue } = form
  const [chosenLawValue, chosenLangValue, chosenType, text] = useWatch({ control, name: ['law', 'lang', 'type', 'text'] })
  const chosenLaw: Law | null = chosenLawValue || null
  const chosenLang: string | null = chosenLangValue || null
  const busy = form.formState.isSubmitting
  const { t, i18n } = useTranslation('requests', { keyPrefix: 'create' })

  useEffect(() => {
    if (companyId) void loadCompany(companyId)
    void loadProfile()
    void loadTemplates()
  }, [companyId, loadCompany, loadProfile, loadTemplates])

  // The laws Rightful has templates for, in its own order.
  const laws = useMemo(() => allLaws.filter((l) => templates.some((t) => t.laws.includes(l))), [templates])
  // The law first (from where the user lives, else where the company is established); never a guess.
  const proposal = proposeLaw({ available: laws, userCountry: profile?.country ?? null, userRegion: profile?.region ?? null, companyCountries: company?.establishment ?? [] })
  const law: Law | null = chosenLaw && laws.includes(chosenLaw) ? chosenLaw : proposal.law
  // The core's reason in the window's language (i18n.language: read so that it follows a change).
  const reason = joinParts(proposal.message.map(messageText), i18n.language)
  // Then the kinds of request that law grants, in the order of the rights (your own words last).
  // (Not memoised: a dozen entries, and the law's name is read below through function calls.)
  const offers: ReadonlyArray<Offer> = law
    ? rightsUnder(law).map((r) => ({ ...r, template: templates.some((x) => x.type === r.type && x.laws.includes(law)) }))
    : rightTypes.map((t) => ({ type: t, granted: true, why: null, template: templates.some((x) => x.type === t) }))
  const offered = offers.filter((o) => o.granted && o.template)
  const withheld = offers.filter((o) => !(o.granted && o.template))
  const type: RequestType = offered.some((o) => o.type === chosenType) ? chosenType : (offered[0]?.type ?? 'access')
  const languages = law ? [...new Set(templates.filter((t) => t.type === type && t.laws.includes(law)).map((t) => t.lang))] : []
  // The company's request language first (its demand, or its policy's language), else English.
  // The catalog keeps ISO 639-1 codes: a company that asks for "zh" gets simplified Chinese.
  const catalogLang = company?.requirements.language?.code ?? null
  const companyLang = catalogLang === 'zh' ? 'zh-Hans' : catalogLang
  const lang = chosenLang && languages.includes(chosenLang) ? chosenLang : companyLang && languages.includes(companyLang) ? companyLang : languages.includes('en') ? 'en' : (languages[0] ?? 'en')

  function settled(): NewRequestChoice {
    return { companyId: companyId ?? '', law, type, lang, post: Boolean(sendsLetters) }
  }
  const errors = errorWordsOf(form.formState.errors)
  const attrs = (path: string) => errorAttributes(errors, path, ids)

  if (!companyId) {
    return (
      <section className="page">
        <header className="page-header">
          <div>
            <h1>{t('newRequest', { ns: 'common', keyPrefix: 'title' })}</h1>
            <p className="lede">{t('step1')}</p>
          </div>
        </header>
        <CompanyResults autoFocus onPick={(id) => navigate({ name: 'new-request', companyId: id })} />
      </section>
    )
  }

  const write = async (values: NewRequestValues) => {
    const input = newRequestInputOf(values, settled())
    if (!input.law) return
    const reference = await createRequest({ ...input, law: input.law })
    if (reference) navigate({ name: 'request', reference })
  }

  const noContact = company && !company.privacyEmail && !company.letterAddress

  return (
    <form className="page narrow" aria-label={t('newRequestTo', { ns: 'common', keyPrefix: 'title', name: company?.name ?? '…' })} noValidate onSubmit={(e) => void form.handleSubmit(write)(e)}>
      <button type="button" className="link-button back" onClick={() => navigate({ name: 'new-request', companyId: null })}>
        {t('another')}
      </button>
      <header className="page-header">
        <div>
          <h1>{t('newRequestTo', { ns: 'common', keyPrefix: 'title', name: company?.name ?? '…' })}</h1>
          <p className="lede">{t('step2')}</p>
        </div>
      </header>

      {company ? (
        <p className="recipient-line">
          {t('to')} <strong>{company.privacyEmail ?? t('noEmail')}</strong>
          {company.letterAddress ? t('byPost', { address: `${company.letterAddress.recipient}, ${company.letterAddress.lines.join(', ')}` }) : ''}
        </p>
      ) : null}

      {noContact ? (
        <div className="callout callout-warn">
          {t('noContact', { name: company.name })}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'company', id: company.id })}>
            {t('addOne')}
          </button>{' '}
          {t('first')}
        </div>
      ) : null}

      <div className="grid-2 compact">
        <div className="field">
          <label className="field-label" htmlFor="new-request-law">
            {t('law')}
          </label>
          <select
            id="new-request-law"
            value={law ?? ''}
            onChange={(e) => setValue('law', e.target.value as Law | '', { shouldDirty: true })}
            aria-describedby={errors.has('law') ? `${attrs('law').id}-error law-reason` : 'law-reason'}
            aria-invalid={law && !errors.has('law') ? undefined : true}
          >
            {law ? null : <option value="">{t('chooseLaw')}</option>}
            {laws.map((l) => (
              <option key={l} value={l}>
                {lawLabel(l) ?? l}
              </option>
            ))}
          </select>
          <FieldError errors={errors} path="law" idPrefix={ids} />
          <span id="law-reason" className={`field-hint ${proposal.grounded ? '' : 'field-hint-warn'}`} data-testid="law-reason">
            {!law || proposal.law === law
              ? reason
              : proposal.law
                ? `${t('insteadOf', { law: lawLabel(proposal.law) })} ${reason}`
                : t('yourself')}
          </span>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="new-request-lang">
            {t('language')}
          </label>
          <select
            {...attrs('lang')}
            id="new-request-lang"
            value={lang}
            disabled={languages.length < 2}
            onChange={(e) => setValue('lang', e.target.value, { shouldDirty: true })}
          >
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageLabel(l) ?? l}
              </option>
            ))}
          </select>
          <FieldError errors={errors} path="lang" idPrefix={ids} />
        </div>
      </div>

      <fieldset className="choices">
        <legend className="field-label">{law ? t('kindUnder', { law: lawShort(law) }) : t('kind')}</legend>
        {offered.map((offer) => (
          <label key={offer.type} className={`choice ${type === offer.type ? 'selected' : ''}`}>
            <input type="radio" name="kind" value={offer.type} checked={type === offer.type} onChange={() => setValue('type', offer.type, { shouldDirty: true })} />
            <span>
              <strong>{offer.type === 'custom' ? t('custom') : requestTypeLong(offer.type)}</strong>
              <span className="muted" data-scope={offer.scope?.part}>
                {offer.scope
                  ? messageText({ key: `error.rights.scope.${offer.scope.part}`, params: { provision: offer.scope.provision } })
                  : described.has(offer.type)
                    ? t(`description.${offer.type}`)
                    : null}
              </span>
            </span>
          </label>
        ))}
        <FieldError errors={errors} path="type" idPrefix={ids} />
      </fieldset>
      {law && withheld.length > 0 ? (
        <details className="rights-withheld" data-testid="rights-withheld">
          <summary>
            {t('notOffered', { law: lawShort(law), count: withheld.length })}
          </summary>
          <ul>
            {withheld.map((offer) => (
              <li key={offer.type} data-type={offer.type}>
                <strong>{requestTypeLong(offer.type)}</strong>
                <span className="muted small">{offer.why ? rightReasonText(offer.why) : noTemplateText(law)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {prompted.has(type) ? (
        <Field label={t(`prompt.${type}`, { company: company?.name ?? t('theCompany') })} error={errors.get('text')}>
          {(control) => <textarea rows={5} {...register('text')} {...control} maxLength={maxRequestTextLength} />}
        </Field>
      ) : null}

      <Field label={t('identifiers', { company: company?.name ?? t('theCompany') })} error={errors.get('identifiers')}>
        {(control) => <textarea rows={2} {...register('identifiers')} {...control} maxLength={maxIdentifiersLength} placeholder={t('identifiersPlaceholder')} />}
      </Field>
      {company?.requirements.idDocument ? (
        <div className="callout callout-warn">
          {t('idDocument', { name: company.name, text: company.requirements.idDocument.text })}
        </div>
      ) : (
        <p className="hint">
          {t('noId')}
        </p>
      )}

      {profileLoaded && !profile ? (
        <div className="callout callout-warn" data-testid="profile-needed">
          {t('whoAsks')}{' '}
          <button type="button" className="button button-small" onClick={() => navigate({ name: 'profile', returnTo: { name: 'new-request', companyId } })}>
            {t('enterDetails')}
          </button>
        </div>
      ) : null}

      <FormError error={errors.get('root') ?? null} />
      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || !profile || !company || !law || Boolean(noContact) || offered.length === 0 || (type === 'custom' && !text.trim())}
        >
          {t('write')}
        </button>
      </div>
    </form>
  )
}
