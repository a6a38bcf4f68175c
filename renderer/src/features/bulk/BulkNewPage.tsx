import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { isFollowUpType, requestTypes, type RequestType } from '@core/shared/kinds'
import { useStore } from '../../store/store'
import { requestTypeLabel } from '../../ui/format'
import { OperationHere } from '../../ui/OperationStatus'
import { createBatchInputSchema, maxRatePerMinute } from '@core/bulk/create-input'
import { Field } from '../../ui/Field'
import { FormError } from '../../ui/FormError'
import { coreSchemaResolver, errorWordsOf } from '../../ui/schema-form'

/** The batch form as typed: the kind of request, and the rate (a number, NaN while the field is empty). */
export type BatchValues = { type: RequestType; rate: number }

/** What bulk:create gets from the form: one request of the kind to each of the companies. */
export function batchInputOf(values: BatchValues, companies: ReadonlyArray<string>) {
  return { companies: [...companies], type: values.type, rate: values.rate }
}

/** A problem of bulk:create beside the kind or the rate; the companies' are the page's. */
export function batchPathBack(path: string): string {
  return path === 'type' || path === 'rate' ? path : 'root'
}

/** The types a batch can carry: one request each, never a follow-up or a custom text. */
const batchTypes = requestTypes.filter((t): t is RequestType => !isFollowUpType(t) && t !== 'custom')

/**
 * One request type to many companies: Rightful writes one request per company, each with that
 * company's law, language, contact and subject rule, and shows them for review before anything
 * is sent.
 */
export function BulkNewPage({ companies }: { companies: ReadonlyArray<string> }) {
  const { t } = useTranslation('bulk', { keyPrefix: 'bulkNew' })
  const createBatch = useStore((s) => s.createBatch)
  const navigate = useStore((s) => s.navigate)
  const profile = useStore((s) => s.profile)
  const form = useForm<BatchValues>({
    defaultValues: { type: 'access', rate: 10 },
    // The core's own schema of bulk:create checks the batch before anything is written.
    resolver: coreSchemaResolver<BatchValues>(createBatchInputSchema, (values) => batchInputOf(values, companies), batchPathBack),
  })
  const errors = errorWordsOf(form.formState.errors)
  const busy = form.formState.isSubmitting

  const write = async (values: BatchValues) => {
    const id = await createBatch({ companies, type: values.type, rate: values.rate })
    if (id) navigate({ name: 'batch', id })
  }

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{t('title', { count: companies.length })}</h1>
          <p className="lede">{t('lede')}</p>
        </div>
      </header>
      {!profile ? (
        <div className="callout callout-warn">
          {t('profileFirst')}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'profile', returnTo: { name: 'bulk-new', companies } })}>
            {t('yourDetails')}
          </button>
        </div>
      ) : null}
      <form className="card" noValidate onSubmit={(e) => void form.handleSubmit(write)(e)}>
        <Field label={t('type')} error={errors.get('type')}>
          {(control) => (
            <select {...form.register('type')} {...control}>
              {batchTypes.map((type) => (
                <option key={type} value={type}>
                  {requestTypeLabel(type)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('rate')} error={errors.get('rate')} hint={t('rateHint')}>
          {(control) => <input type="number" min={1} max={maxRatePerMinute} {...form.register('rate', { valueAsNumber: true })} {...control} />}
        </Field>
        <p className="muted small">{t('channels')}</p>
        <FormError error={errors.get('root') ?? null} />
        <OperationHere channel="bulk:create" />
        <div className="actions">
          <button type="button" className="button" disabled={busy} onClick={() => navigate({ name: 'discover' })}>
            {t('back')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !profile || companies.length === 0}>
            {busy ? t('writing') : t('write', { count: companies.length })}
          </button>
        </div>
      </form>
    </section>
  )
}
