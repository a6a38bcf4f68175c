import { useEffect, useState } from 'react'
import type { CatalogImportResult } from '@core/api/contract'
import { messageOf, unwrap } from '../../api'
import { useStore } from '../../store/store'
import { Dialog } from '../../ui/Dialog'
import { formatDate, formatNumber } from '../../ui/format'
import { FormError } from '../../ui/FormError'
import { OperationHere } from '../../ui/OperationStatus'
import { CompanyResults } from './CompanyResults'
import { Trans, useTranslation } from 'react-i18next'
import { errorText } from '../../ui/messages'

/** `words`: the keys of companies:import.choice for its label and `${words}Hint` for its hint. */
type ImportChoice = { format: 'datarequests' | 'rightful'; kind: 'file' | 'folder'; words: 'folder' | 'record' | 'export' }

const importChoices: ReadonlyArray<ImportChoice> = [
  { format: 'datarequests', kind: 'folder', words: 'folder' },
  { format: 'datarequests', kind: 'file', words: 'record' },
  { format: 'rightful', kind: 'file', words: 'export' },
]

/** Import from a file or folder the user picks, with a report of every entry that was not imported. */
function ImportDialog({ onClose }: { onClose: () => void }) {
  const toast = useStore((s) => s.toast)
  const importCompanies = useStore((s) => s.importCompanies)
  const [choice, setChoice] = useState(0)
  const [busy, setBusy] = useState(false)
  const [stopped, setStopped] = useState<string | null>(null)
  const [report, setReport] = useState<CatalogImportResult | null>(null)
  const { t } = useTranslation('companies', { keyPrefix: 'import' })

  const run = async () => {
    const { format, kind } = importChoices[choice]!
    setBusy(true)
    setStopped(null)
    try {
      const result = await importCompanies(format, kind)
      if (!result.ok && result.error.code === 'CANCELLED') {
        setStopped(errorText(result.error))
        return
      }
      const imported = unwrap(result)
      if (imported.source !== null) setReport(imported)
    } catch (error) {
      toast('error', messageOf(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    // While it imports the dialog stays: its Cancel stops the import.
    <Dialog title={t('title')} onClose={busy ? () => undefined : onClose} wide>
      {report ? (
        <div data-testid="import-report">
          <p>
            <strong>{t('imported', { count: report.imported, n: formatNumber(report.imported) })}</strong>{' '}
            <Trans t={t} i18nKey="from" values={{ source: report.source }} components={{ name: <span className="break" /> }} />
            {report.rejected.length > 0 ? t('rejected', { count: report.rejected.length }) : t('all')}
          </p>
          {report.rejected.length > 0 ? (
            <ul className="import-report">
              {report.rejected.map((r) => (
                <li key={r.entry}>
                  <span className="mono">{r.entry}</span>: {errorText({ message: r.reason, detail: r.message })}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="muted small">{t('marked')}</p>
          <div className="actions">
            <button type="button" className="button button-primary" onClick={onClose}>
              {t('done')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <div className="choices" role="radiogroup" aria-label={t('what')}>
            {importChoices.map((c, i) => (
              <label key={c.words} className={`choice ${choice === i ? 'selected' : ''}`}>
                <input type="radio" name="import-choice" checked={choice === i} onChange={() => setChoice(i)} />
                <span>
                  <strong>{t(`choice.${c.words}`)}</strong>
                  <span className="muted small">{t(`choice.${c.words}Hint`)}</span>
                </span>
              </label>
            ))}
          </div>
          <p className="muted small">
            {t('nothingChanged')}
          </p>
          <FormError error={stopped} />
          <OperationHere channel="catalog:import" />
          <div className="actions">
            <button type="button" className="button" disabled={busy} onClick={onClose}>
              {t('close')}
            </button>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void run()}>
              {busy ? t('importing') : importChoices[choice]!.kind === 'folder' ? t('chooseFolder') : t('chooseFile')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  )
}

function DeletedCompanies() {
  const restore = useStore((s) => s.restoreCompany)
  const deletedCompanies = useStore((s) => s.deletedCompanies)
  const query = useStore((s) => s.query)
  const [deleted, setDeleted] = useState<ReadonlyArray<{ id: string; name: string; deletedOn: string }>>([])
  const { t } = useTranslation('companies', { keyPrefix: 'deleted' })

  useEffect(() => {
    let live = true
    void deletedCompanies().then((list) => {
      if (live) setDeleted(list)
    })
    return () => {
      live = false
    }
  }, [query, deletedCompanies])

  if (deleted.length === 0) return null
  return (
    <details className="more-contacts">
      <summary>{t('summary', { count: deleted.length })}</summary>
      <ul className="sources">
        {deleted.map((d) => (
          <li key={d.id}>
            {d.name} <span className="muted small">{t('on', { date: formatDate(d.deletedOn) })}</span>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() =>
                void restore(d.id).then((ok) => {
                  if (ok) setDeleted((all) => all.filter((x) => x.id !== d.id))
                })
              }
            >
              {t('restore')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  )
}

export function CompaniesPage() {
  const navigate = useStore((s) => s.navigate)
  const toast = useStore((s) => s.toast)
  const [importing, setImporting] = useState(false)
  const { t } = useTranslation('catalog', { keyPrefix: 'list' })
  // Picking several companies for one batch (a checkbox on every row while on).
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null)
  const toggle = (id: string) =>
    setPicked((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const exportCompanies = useStore((s) => s.exportCompanies)
  const exportCatalog = async () => {
    const result = await exportCompanies()
    if (result?.path) toast('success', t('exported', { count: result.companies, path: result.path }))
  }

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="lede">{t('lede')}</p>
        </div>
        <div className="header-actions">
          <button type="button" className="button" aria-pressed={picked !== null} onClick={() => setPicked(picked ? null : new Set())}>
            {picked ? t('stopPicking') : t('pickSeveral')}
          </button>
          <button type="button" className="button" onClick={() => setImporting(true)}>
            {t('import')}
          </button>
          <button type="button" className="button" onClick={() => void exportCatalog()}>
            {t('export')}
          </button>
          <button type="button" className="button" onClick={() => navigate({ name: 'policy-import' })}>
            {t('fromPolicy')}
          </button>
          <button type="button" className="button button-primary" onClick={() => navigate({ name: 'company-edit', id: null })}>
            {t('add')}
          </button>
        </div>
      </header>
      {picked ? (
        <div className="selection-bar" role="status">
          <span>{t('picked', { count: picked.size })}</span>
          <button type="button" className="button button-primary" disabled={picked.size === 0} onClick={() => navigate({ name: 'bulk-new', companies: [...picked] })}>
            {t('askThem')}
          </button>
        </div>
      ) : null}
      <CompanyResults autoFocus onPick={(id) => (picked ? toggle(id) : navigate({ name: 'company', id }))} selection={picked ? { picked, toggle } : null} />
      <DeletedCompanies />
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </section>
  )
}
