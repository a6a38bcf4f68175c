import { useEffect, useMemo, useState } from 'react'
import type { TemplateInfo } from '@core/templates/info'
import { api, messageOf, unwrap } from '../../api'
import { useStore } from '../../store/store'
import { languageLabel, lawShort, requestTypeLong } from '../../ui/format'

/** Every template, built-in and the user's own, by language. */
export function TemplatesPage() {
  const navigate = useStore((s) => s.navigate)
  const toast = useStore((s) => s.toast)
  const [templates, setTemplates] = useState<ReadonlyArray<TemplateInfo> | null>(null)
  const [lang, setLang] = useState('en')

  useEffect(() => {
    let live = true
    api()
      .templates.list({})
      .then((result) => {
        if (live) setTemplates(unwrap(result))
      })
      .catch((error: unknown) => toast('error', messageOf(error)))
    return () => {
      live = false
    }
  }, [toast])

  const languages = useMemo(() => [...new Set((templates ?? []).map((t) => t.lang))].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b))), [templates])
  const shown = (templates ?? []).filter((t) => t.lang === lang)

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>Templates</h1>
          <p className="lede">
            The texts Rightful writes requests from. Open one to read it with a company’s details filled in, or edit a copy: your copy is used
            instead of the built-in text, and stays on this computer.
          </p>
        </div>
      </header>
      {templates === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <>
          <div className="segmented" role="group" aria-label="Language">
            {languages.map((l) => (
              <button key={l} type="button" className={lang === l ? 'active' : ''} aria-pressed={lang === l} onClick={() => setLang(l)}>
                {languageLabel(l) ?? l}
              </button>
            ))}
          </div>
          <ul className="template-list" aria-label="Templates">
            {shown.map((t) => (
              <li key={t.id}>
                <button type="button" className="template-row" data-template={t.id} onClick={() => navigate({ name: 'template', id: t.id, edit: false })}>
                  <span className="template-title">
                    {t.title}
                    {t.origin === 'user' ? <span className="tag tag-accent">Yours</span> : null}
                    {t.replacedFor.length ? <span className="tag tag-muted">replaced by yours for {t.replacedFor.map((l) => lawShort(l)).join(', ')}</span> : null}
                  </span>
                  <span className="muted small">
                    {requestTypeLong(t.type)} · {t.laws.map((l) => lawShort(l)).join(', ')}
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
