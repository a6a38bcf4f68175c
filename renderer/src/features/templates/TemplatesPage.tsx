import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { formatList, languageLabel, lawShort, requestTypeLong } from '../../ui/format'

/** Every template, built-in and the user's own, by language. */
export function TemplatesPage() {
  const { t } = useTranslation('templates', { keyPrefix: 'list' })
  const navigate = useStore((s) => s.navigate)
  const templates = useStore((s) => s.templateList)
  const loadTemplateList = useStore((s) => s.loadTemplateList)
  const [lang, setLang] = useState('en')

  useEffect(() => {
    void loadTemplateList()
  }, [loadTemplateList])

  const languages = useMemo(() => [...new Set((templates ?? []).map((t) => t.lang))].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b))), [templates])
  const shown = (templates ?? []).filter((t) => t.lang === lang)

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{t('heading')}</h1>
          <p className="lede">{t('lede')}</p>
        </div>
      </header>
      {templates === null ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <>
          <div className="segmented" role="group" aria-label={t('language')}>
            {languages.map((l) => (
              <button key={l} type="button" className={lang === l ? 'active' : ''} aria-pressed={lang === l} onClick={() => setLang(l)}>
                {languageLabel(l) ?? l}
              </button>
            ))}
          </div>
          <ul className="template-list" aria-label={t('heading')}>
            {shown.map((template) => (
              <li key={template.id}>
                <button type="button" className="template-row" data-template={template.id} onClick={() => navigate({ name: 'template', id: template.id, edit: false })}>
                  <span className="template-title">
                    {template.title}
                    {template.origin === 'user' ? <span className="tag tag-accent">{t('yours')}</span> : null}
                    {template.replacedFor.length ? (
                      <span className="tag tag-muted">{t('replacedFor', { laws: formatList(template.replacedFor.map((l) => lawShort(l))) })}</span>
                    ) : null}
                  </span>
                  <span className="muted small">
                    {requestTypeLong(template.type)} · {template.laws.map((l) => lawShort(l)).join(', ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
