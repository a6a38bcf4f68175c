import { useEffect, useMemo, useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import type { AuthorityProposalsView } from '@core/api/contract'
import type { AuthoritySummary } from '@core/authorities/schema'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { CountrySelect } from '../../ui/CountrySelect'
import { Dialog } from '../../ui/Dialog'
import { countryName, formatList, languageLabel } from '../../ui/format'
import { currentLanguage, currentLocale } from '../../i18n/i18n'
import { errorAttributes } from '../../ui/Field'
import { errorWordsOf } from '../../ui/schema-form'
import { errorText } from '../../ui/messages'

/** The select's value for "I type the authority myself". */
const OWN = '__own__'

/** An authority's name: its own, with the English one first unless the window speaks its language. */
function label(authority: AuthoritySummary): string {
  const short = authority.acronym ? ` (${authority.acronym})` : ''
  const ownLanguage = authority.languages.includes(currentLanguage().slice(0, 2))
  return authority.name === authority.nameEn || ownLanguage ? `${authority.name}${short}` : `${authority.nameEn}${short} – ${authority.name}`
}

/** The dialog's fields as typed: the authority chosen (or OWN), one typed in, and the language. */
type ComplaintForm = { choice: string; name: string; email: string; address: string; country: string; lang: string }

const ids = 'complaint'

/**
 * The complaint to a supervisory authority: Rightful proposes the competent one (preselected, with
 * its reason and contacts); the user may pick another from the built-in list or type one in.
 */
export function ComplaintDialog({ reference, onClose }: { reference: string; onClose: () => void }) {
  const createFollowUp = useStore((s) => s.createFollowUp)
  const navigate = useStore((s) => s.navigate)
  const [proposed, setProposed] = useState<AuthorityProposalsView | null>(null)
  const [all, setAll] = useState<ReadonlyArray<AuthoritySummary>>([])
  const [loadError, setLoadError] = useState<string | null>(null)
  const form = useForm<ComplaintForm>({ defaultValues: { choice: '', name: '', email: '', address: '', country: '', lang: '' } })
  const { register, control, setValue } = form
  /** `lang`: the language chosen for the complaint; '' for the default (the authority's own). */
  const choice = useWatch({ control, name: 'choice' })
  const [busy, setBusy] = useState(false)
  const errors = errorWordsOf(form.formState.errors)
  const attrs = (path: string) => errorAttributes(errors, path, ids)
  // Said at once as well (role alert): the dialog's one problem at a time, beside its field.
  const fieldError = (path: string) =>
    errors.has(path) ? (
      <span id={`${attrs(path).id}-error`} className="field-error" role="alert">
        {errors.get(path)}
      </span>
    ) : null
  const { t } = useTranslation('requests', { keyPrefix: 'complaint' })
  const record = useStore((s) => s.views.get(reference)?.record ?? null)
  const templates = useStore((s) => s.templates)
  const loadTemplates = useStore((s) => s.loadTemplates)

  useEffect(() => {
    void loadTemplates()
  }, [loadTemplates])

  const authorityChoices = useStore((s) => s.authorityChoices)

  useEffect(() => {
    let live = true
    void authorityChoices(reference).then((choices) => {
      if (!live) return
      if ('error' in choices) {
        setLoadError(choices.error)
        setValue('choice', OWN)
        return
      }
      setProposed(choices.proposed)
      setAll(choices.all)
      const first = choices.proposed.proposals[0]
      // A proposal the user must confirm (which German Land) is never chosen for them.
      setValue('choice', first ? (first.choose ? '' : first.authority.id) : OWN)
    })
    return () => {
      live = false
    }
  }, [reference, authorityChoices, setValue])

  const proposals = useMemo(() => proposed?.proposals ?? [], [proposed])
  const firm = proposals.filter((p) => !p.choose)
  const toChoose = proposals.filter((p) => p.choose)
  const others = useMemo(() => {
    const collator = new Intl.Collator(currentLocale())
    const offered = new Set(proposals.map((p) => p.authority.id))
    return [...all].filter((a) => !offered.has(a.id)).sort((a, b) => collator.compare(countryName(a.country), countryName(b.country)) || a.nameEn.localeCompare(b.nameEn))
  }, [all, proposals])
  const selected = choice && choice !== OWN ? (all.find((a) => a.id === choice) ?? proposals.find((p) => p.authority.id === choice)?.authority ?? null) : null
  const proposal = proposals.find((p) => p.authority.id === choice) ?? null
  // The languages a complaint under the request's law can be written in, and the one by default:
  // the authority's own where Rightful writes it, else the request's.
  const writable = useMemo(
    () => [...new Set(templates.filter((t) => t.type === 'complaint' && record !== null && t.laws.includes(record.law)).map((t) => t.lang))],
    [templates, record],
  )
  const authorityLang = selected?.languages.find((l) => writable.includes(l)) ?? null
  const defaultLang = authorityLang ?? record?.lang ?? 'en'

  // What is missing is said beside its field, and that field takes the focus.
  const refuse = (field: keyof ComplaintForm, words: string) => form.setError(field, { type: 'required', message: words }, { shouldFocus: true })

  const submit = async ({ choice, name, email, address, country, lang }: ComplaintForm) => {
    if (!choice) return refuse('choice', t('chooseLand'))
    if (choice !== OWN) {
      setBusy(true)
      const created = await createFollowUp(reference, 'complaint', undefined, choice, lang || undefined)
      setBusy(false)
      if (created) {
        onClose()
        navigate({ name: 'request', reference: created })
      }
      return
    }
    const lines = address.split('\n').map((l) => l.trim()).filter(Boolean)
    if (!name.trim()) return refuse('name', t('nameIt'))
    if (!email.trim() && lines.length === 0) return refuse('email', t('contactIt'))
    if (lines.length && !country) return refuse('country', t('countryIt'))
    setBusy(true)
    const created = await createFollowUp(
      reference,
      'complaint',
      { name: name.trim(), email: email.trim() || null, postal: lines.length ? { recipient: name.trim(), lines, country } : null },
      undefined,
      lang || undefined,
    )
    setBusy(false)
    if (created) {
      onClose()
      navigate({ name: 'request', reference: created })
    }
  }

  return (
    <Dialog title={t('title')} onClose={onClose} wide>
      <form onSubmit={(e) => void form.handleSubmit(submit)(e)} onChange={() => form.clearErrors()}>
        {proposed === null && loadError === null ? <p className="muted">{t('finding')}</p> : null}
        {loadError ? (
          <p className="hint" role="status">
            {t('loadFailed', { error: loadError })}
          </p>
        ) : null}
        {proposed !== null && proposals.length === 0 ? (
          <p className="hint" role="status">
            {t('noneKnown')}
          </p>
        ) : null}
        <label className="field">
          <span className="field-label">{t('authority')}</span>
          {/* Controlled: its options arrive with the proposals, after the choice is made for the user. */}
          <Controller
            control={control}
            name="choice"
            render={({ field }) => (
              <select data-testid="complaint-authority" ref={field.ref} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} {...attrs('choice')}>
                {choice === '' ? <option value="">{t('choose')}</option> : null}
                {firm.length > 0 ? (
                  <optgroup label={t('proposed')}>
                    {firm.map((p) => (
                      <option key={p.authority.id} value={p.authority.id}>
                        {label(p.authority)}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                {toChoose.length > 0 ? (
                  <optgroup label={t('whereYouLive')}>
                    {toChoose.map((p) => (
                      <option key={p.authority.id} value={p.authority.id}>
                        {t('regionOption', { regions: formatList(p.authority.regionNames), authority: label(p.authority) })}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                {others.length > 0 ? (
                  <optgroup label={t('everyOther')}>
                    {others.map((a) => (
                      <option key={a.id} value={a.id}>
                        {t('regionOption', { regions: countryName(a.country), authority: label(a) })}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                <option value={OWN}>{t('own')}</option>
              </select>
            )}
          />
          {fieldError('choice')}
        </label>

        {choice === '' && toChoose.length > 0 ? (
          <p className="muted" data-testid="authority-reason">
            {toChoose[0]!.reason}
            {toChoose[0]!.basis === 'residence' ? t('addLand') : ''}
          </p>
        ) : null}

        {selected ? (
          <div className="contact" data-testid="authority-details">
            {proposal ? (
              <p className="small" data-testid="authority-reason">
                {errorText({ message: proposal.reason, detail: proposal.detail })}
              </p>
            ) : (
              <p className="small muted" data-testid="authority-reason">
                {t('yourself')}
              </p>
            )}
            <dl className="facts small">
              {selected.contacts.email ? (
                <>
                  <dt>{t('email')}</dt>
                  <dd className="selectable" data-testid="authority-email">{selected.contacts.email}</dd>
                </>
              ) : null}
              {selected.contacts.postal ? (
                <>
                  <dt>{t('post')}</dt>
                  <dd className="selectable">{[selected.name, ...selected.contacts.postal.lines, countryName(selected.contacts.postal.country)].join(', ')}</dd>
                </>
              ) : null}
              {selected.contacts.phone ? (
                <>
                  <dt>{t('phone')}</dt>
                  <dd className="selectable">{selected.contacts.phone}</dd>
                </>
              ) : null}
              {selected.contacts.complaintForm ? (
                <>
                  <dt>{t('form')}</dt>
                  <dd>
                    <a className="break" href={selected.contacts.complaintForm} target="_blank" rel="noreferrer">
                      {selected.contacts.complaintForm}
                    </a>
                  </dd>
                </>
              ) : null}
              <dt>{t('website')}</dt>
              <dd>
                <a className="break" href={selected.contacts.website} target="_blank" rel="noreferrer">
                  {selected.contacts.website}
                </a>
              </dd>
            </dl>
            {!selected.contacts.email && !selected.contacts.postal ? (
              <p className="hint">{t('formOnly')}</p>
            ) : null}
            {selected.verified ? null : (
              <p className="small muted" data-testid="authority-unverified">
                {t('unverified')}
              </p>
            )}
          </div>
        ) : null}

        {choice === OWN ? (
          <>
            <p className="muted">{t('ownLede')}</p>
            <label className="field">
              <span className="field-label">{t('ownName')}</span>
              <input {...register('name')} placeholder={t('ownNameExample')} {...attrs('name')} />
              {fieldError('name')}
            </label>
            <label className="field">
              <span className="field-label">{t('ownEmail')}</span>
              <input type="email" {...register('email')} {...attrs('email')} />
              {fieldError('email')}
            </label>
            <label className="field">
              <span className="field-label">{t('ownPostal')}</span>
              <textarea rows={3} {...register('address')} />
            </label>
            <Controller
              control={control}
              name="country"
              render={({ field }) => <CountrySelect label={t('ownCountry')} value={field.value} onChange={field.onChange} selectRef={field.ref} control={attrs('country')} />}
            />
            {fieldError('country')}
          </>
        ) : null}
        {choice !== '' && writable.length > 0 ? (
          <label className="field">
            <span className="field-label">{t('language')}</span>
            <select data-testid="complaint-language" {...register('lang')}>
              <option value="">
                {languageLabel(defaultLang)} ({authorityLang ? t('authorityLanguage') : t('requestLanguage')})
              </option>
              {writable
                .filter((l) => l !== defaultLang)
                .map((l) => (
                  <option key={l} value={l}>
                    {languageLabel(l)}
                  </option>
                ))}
            </select>
          </label>
        ) : null}
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || (proposed === null && loadError === null)}>
            {t('write')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
