import { useForm, Controller } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { contactInputSchema } from '@core/catalog/schema'
import { useStore } from '../../store/store'
import { CountrySelect } from '../../ui/CountrySelect'
import { errorAttributes, FieldError } from '../../ui/Field'
import { FormError } from '../../ui/FormError'
import { coreSchemaResolver, errorWordsOf } from '../../ui/schema-form'

/** The contact form as typed: the postal address as lines in one text, no country as ''. */
export type ContactFormValues = { email: string; postal: string; country: string }

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean)

/** What the core takes of the form: only what was filled in, the letter addressed to the company. */
export function contactInputOf(values: ContactFormValues, companyId: string, companyName: string) {
  const postal = lines(values.postal)
  return {
    companyId,
    ...(values.email.trim() ? { email: values.email.trim() } : {}),
    ...(postal.length > 0 ? { postal: { recipient: companyName, lines: postal, country: values.country } } : {}),
  }
}

/** A problem of the core's contact input on the form's field: the address's parts, or the whole form. */
export function contactPathBack(path: string): string {
  if (path === '') return 'root'
  if (path === 'postal.country') return 'country'
  if (path.startsWith('postal')) return 'postal'
  return path
}

const ids = 'add-contact'

/** Lets the user supply a contact the policy does not give: an e-mail address, a postal address, or both. */
export function AddContactForm({ companyId, companyName, onDone }: { companyId: string; companyName: string; onDone?: () => void }) {
  const { t } = useTranslation('companyEdit', { keyPrefix: 'contact' })
  const addContact = useStore((s) => s.addContact)
  const form = useForm<ContactFormValues>({
    defaultValues: { email: '', postal: '', country: '' },
    // The core's own contact schema checks it before it is sent.
    resolver: coreSchemaResolver<ContactFormValues>(contactInputSchema, (values) => contactInputOf(values, companyId, companyName), contactPathBack),
  })
  const { register, control } = form
  const found = errorWordsOf(form.formState.errors)
  // A picker left empty, and a form with nothing in it, are said in the form's own words.
  const errors = new Map(found)
  if (errors.has('country')) errors.set('country', t('needCountry'))
  const formError = found.has('root') ? t('needOne') : null
  const attrs = (path: string) => errorAttributes(errors, path, ids)

  const submit = async (values: ContactFormValues) => {
    const ok = await addContact(contactInputOf(values, companyId, companyName))
    if (ok) {
      form.reset({ email: '', postal: '', country: values.country })
      onDone?.()
    }
  }

  return (
    <form className="card form add-contact" onSubmit={(e) => void form.handleSubmit(submit)(e)} aria-label={t('label')} noValidate>
      <h3>{t('heading')}</h3>
      <p className="muted">{t('intro')}</p>
      <label className="field">
        <span className="field-label">{t('email')}</span>
        <input type="email" {...register('email')} placeholder="privacy@example.com" {...attrs('email')} />
        <FieldError errors={errors} path="email" idPrefix={ids} />
      </label>
      <label className="field">
        <span className="field-label">{t('postal')}</span>
        <textarea rows={3} {...register('postal')} {...attrs('postal')} />
        <FieldError errors={errors} path="postal" idPrefix={ids} />
      </label>
      <Controller
        control={control}
        name="country"
        render={({ field }) => <CountrySelect label={t('country')} value={field.value} onChange={field.onChange} selectRef={field.ref} control={attrs('country')} />}
      />
      <FieldError errors={errors} path="country" idPrefix={ids} />
      <FormError error={formError} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {t('save')}
        </button>
      </div>
    </form>
  )
}
