import { useEffect, useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { TemplateInfo } from '@core/templates/info'
import type { Law } from '@core/requests/model'
import { useStore } from '../../store/store'
import { lawLabel, requestTypeLong } from '../../ui/format'
import { maxTemplateNameLength, userTemplateInputSchema } from '@core/templates/user-template-input'
import { errorAttributes, Field, FieldError } from '../../ui/Field'
import { FormError } from '../../ui/FormError'
import { coreSchemaResolver, errorWordsOf } from '../../ui/schema-form'

/** The editor as typed: the copy's name and its text (the language is the template's). */
export type TemplateValues = { lang: string; name: string; text: string }

/** A problem of templates:saveUser beside the name or the text; any other for the editor itself. */
export function templatePathBack(path: string): string {
  return path === 'name' || path === 'text' ? path : 'root'
}

/** The core's own schema of templates:saveUser, checking the copy before it is saved. */
export const templateResolver = coreSchemaResolver<TemplateValues>(userTemplateInputSchema, (values) => values, templatePathBack)

const ids = 'template'

/** Reads a template filled in for a company; edits a copy with a live preview. */
export function TemplatePage({ id, edit }: { id: string; edit: boolean }) {
  const { t } = useTranslation('templates', { keyPrefix: 'page' })
  const navigate = useStore((s) => s.navigate)
  const toast = useStore((s) => s.toast)
  const hits = useStore((s) => s.hits)
  const search = useStore((s) => s.search)
  const loadTemplate = useStore((s) => s.loadTemplate)
  const previewTemplate = useStore((s) => s.previewTemplate)
  const saveUserTemplate = useStore((s) => s.saveUserTemplate)
  const deleteUserTemplate = useStore((s) => s.deleteUserTemplate)
  const [loaded, setLoaded] = useState<{ info: TemplateInfo; text: string } | null>(null)
  const form = useForm<TemplateValues>({ defaultValues: { lang: '', name: '', text: '' }, resolver: templateResolver })
  const text = useWatch({ control: form.control, name: 'text' })
  const errors = errorWordsOf(form.formState.errors)
  const [companyId, setCompanyId] = useState('fs-com')
  const [law, setLaw] = useState<Law | null>(null)
  const [preview, setPreview] = useState<{ subject: string; body: string } | { error: string } | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void search('')
    let live = true
    void loadTemplate(id).then((found) => {
      if (!live || !found) return
      setLoaded(found)
      const file = found.info.path.split(/[\\/]/).pop()!.replace(/\.md$/, '')
      form.reset({ lang: found.info.lang, name: found.info.origin === 'user' ? file : `my-${file}`, text: found.text })
    })
    return () => {
      live = false
    }
  }, [id, search, loadTemplate, form])

  const laws = useMemo(() => loaded?.info.laws ?? [], [loaded])
  const chosenLaw = law && laws.includes(law) ? law : (laws[0] ?? null)

  // The preview follows the text, a moment after typing stops.
  useEffect(() => {
    if (!loaded || !chosenLaw) return undefined
    let live = true
    const timer = setTimeout(() => {
      void previewTemplate({ text, companyId, law: chosenLaw }).then((shown) => {
        if (live) setPreview(shown)
      })
    }, 250)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [text, companyId, chosenLaw, loaded, previewTemplate])

  if (!loaded) return <p className="muted page">{t('loading')}</p>
  const { info } = loaded
  const editing = edit

  const save = async ({ name, text }: TemplateValues) => {
    setBusy(true)
    try {
      const saved = await saveUserTemplate({ lang: info.lang, name, text })
      if (!saved) return
      toast('success', t('saved', { type: requestTypeLong(saved.type) }))
      navigate({ name: 'template', id: saved.id, edit: false })
    } finally {
      setBusy(false)
    }
  }

  const remove = async () => {
    setBusy(true)
    try {
      if (!(await deleteUserTemplate(info.id))) return
      toast('success', t('deleted'))
      navigate({ name: 'templates' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="page template-page">
      <button type="button" className="link-button back" onClick={() => navigate({ name: 'templates' })}>
        {t('back')}
      </button>
      <header className="page-header">
        <div>
          <h1>{info.title}</h1>
          <p className="lede">
            {info.origin === 'user' ? t('yours') : t('builtIn')} · {info.path}
          </p>
        </div>
        <div className="header-actions">
          {editing ? (
            <>
              <button type="button" className="button" onClick={() => navigate({ name: 'template', id, edit: false })}>
                {t('cancel')}
              </button>
              <button type="button" className="button button-primary" disabled={busy || 'error' in (preview ?? {})} onClick={() => void form.handleSubmit(save)()}>
                {t('save')}
              </button>
            </>
          ) : (
            <>
              {info.origin === 'user' ? (
                <button type="button" className="button danger-button" disabled={busy} onClick={() => void remove()}>
                  {t('delete')}
                </button>
              ) : null}
              <button type="button" className="button button-primary" onClick={() => navigate({ name: 'template', id, edit: true })}>
                {info.origin === 'user' ? t('edit') : t('editCopy')}
              </button>
            </>
          )}
        </div>
      </header>

      <div className="template-layout">
        <div className="card">
          <h2>{editing ? t('yourText') : t('text')}</h2>
          {editing ? (
            <>
              <Field label={t('copyName')} error={errors.get('name')}>
                {(control) => <input {...form.register('name')} {...control} maxLength={maxTemplateNameLength} />}
              </Field>
              <textarea className="template-editor mono" aria-label={t('templateText')} {...form.register('text')} {...errorAttributes(errors, 'text', ids)} spellCheck={false} />
              <FieldError errors={errors} path="text" idPrefix={ids} />
              <FormError error={errors.get('root') ?? null} />
              <p className="muted small">{t('help', { example: '{{user.name}}', readme: 'templates/README.md' })}</p>
            </>
          ) : (
            // Focusable, so that the keyboard scrolls it too.
            <pre className="template-source mono" tabIndex={0} role="region" aria-label={t('templateText')}>
              {text}
            </pre>
          )}
        </div>
        <div className="card">
          <div className="card-head">
            <h2>{t('preview')}</h2>
          </div>
          <div className="grid-2 compact">
            <label className="field">
              <span className="field-label">{t('company')}</span>
              <select value={companyId} onChange={(e) => setCompanyId(e.target.value)}>
                {hits.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('law')}</span>
              <select value={chosenLaw ?? ''} onChange={(e) => setLaw(e.target.value as Law)}>
                {laws.map((l) => (
                  <option key={l} value={l}>
                    {lawLabel(l)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {preview === null ? (
            <p className="muted">…</p>
          ) : 'error' in preview ? (
            <p className="form-error" role="alert" data-testid="template-error">
              {preview.error}
            </p>
          ) : (
            <>
              <p className="subject-sent" data-testid="preview-subject">
                {preview.subject}
              </p>
              <pre className="body-sent" data-testid="preview-body">
                {preview.body}
              </pre>
            </>
          )}
        </div>
      </div>
    </section>
  )
}
