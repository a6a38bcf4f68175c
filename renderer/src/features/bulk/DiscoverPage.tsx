import './bulk.css'
import { useEffect, useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { batchCompaniesSchema } from '@core/bulk/model'
import { useStore } from '../../store/store'
import { formatDate, formatList, formatNumber } from '../../ui/format'
import { OperationHere } from '../../ui/OperationStatus'
import { PacksCard } from './PacksCard'
import { coreSchemaResolver, fieldErrorText } from '../../ui/schema-form'

/** The picks: the companies found that a batch is to be written for, and whether IMAP reads every folder. */
export type DiscoverForm = { picked: ReadonlyArray<string>; allFolders: boolean }

/** The picks are the companies of a batch (bulk:create's): one at least, as many as a batch holds at most. */
export const discoverFormSchema = z.object({ picked: batchCompaniesSchema, allFolders: z.boolean() })

/**
 * Which companies hold your data: Rightful reads the From and Date lines of a mailbox you saved
 * on this computer (an mbox file or a folder of .eml files) and lists the companies of its catalog
 * that wrote to you. Nothing leaves the computer; senders it does not know are only counted.
 */
export function DiscoverPage() {
  const { t } = useTranslation('bulk', { keyPrefix: 'discover' })
  const discovery = useStore((s) => s.discovery)
  const discover = useStore((s) => s.discover)
  const navigate = useStore((s) => s.navigate)
  const imapHost = useStore((s) => s.imap?.settings?.host ?? null)
  const loadImap = useStore((s) => s.loadImap)
  const [busy, setBusy] = useState(false)
  const form = useForm<DiscoverForm>({ defaultValues: { picked: [], allFolders: false }, resolver: coreSchemaResolver<DiscoverForm>(discoverFormSchema) })
  const [pickedList, allFolders] = useWatch({ control: form.control, name: ['picked', 'allFolders'] })
  const picked = useMemo(() => new Set(pickedList), [pickedList])
  const setPicked = (next: Iterable<string>) => form.setValue('picked', [...next], { shouldValidate: form.formState.isSubmitted })
  const pickedError = fieldErrorText(form.formState.errors, 'picked')

  useEffect(() => {
    void loadImap()
  }, [loadImap])

  const run = async (kind: 'file' | 'folder' | 'imap') => {
    setBusy(true)
    try {
      const result = await discover(kind, kind === 'imap' ? (allFolders ? 'all' : 'mailbox') : undefined)
      if (result) setPicked(new Set(result.companies.map((c) => c.company)))
    } finally {
      setBusy(false)
    }
  }

  const companies = useMemo(() => discovery?.companies ?? [], [discovery])
  const toggle = (id: string) => {
    const next = new Set(picked)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setPicked(next)
  }
  const chosen = companies.filter((c) => picked.has(c.company)).map((c) => c.company)
  // The batch page gets the picks in the table's order.
  const ask = form.handleSubmit(({ picked: ids }) => {
    const wanted = new Set(ids)
    navigate({ name: 'bulk-new', companies: companies.filter((c) => wanted.has(c.company)).map((c) => c.company) })
  })

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="lede">{t('lede')}</p>
          {imapHost ? (
            <p className="discover-imap">
              <button type="button" className="button button-small" disabled={busy} onClick={() => void run('imap')}>
                {t('imap', { host: imapHost })}
              </button>{' '}
              <label className="inline-check">
                <input type="checkbox" disabled={busy} {...form.register('allFolders')} /> {t('allFolders')}
              </label>{' '}
              <span className="muted small">{t('imapHint')}</span>
            </p>
          ) : null}
        </div>
        <div className="header-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void run('folder')}>
            {t('chooseFolder')}
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('file')}>
            {t('chooseFile')}
          </button>
        </div>
      </header>
      <OperationHere channel="discover:scan" />
      {discovery === null ? (
        <div className="empty">
          <p>{t('empty')}</p>
        </div>
      ) : (
        <>
          <p className="muted small" role="status" data-testid="discover-summary">
            {t('summaryLine', {
              read: t('summary', {
                count: discovery.messages,
                messages: formatNumber(discovery.messages),
                matched: formatNumber(discovery.matched),
                companies: t('companies', { count: companies.length, formatted: formatNumber(companies.length) }),
              }),
              others: t('others', { unknown: formatNumber(discovery.unknown), freemail: formatNumber(discovery.freemail) }),
            })}
          </p>
          {discovery.folders.length > 1 || discovery.foldersLeftOut > 0 ? (
            <p className="muted small" data-testid="discover-folders">
              {t('foldersRead', { count: discovery.folders.length, list: formatList(discovery.folders) })}
              {discovery.foldersLeftOut > 0 ? ` ${t('foldersLeftOut', { count: discovery.foldersLeftOut })}` : ''}
            </p>
          ) : null}
          {companies.length === 0 ? (
            <div className="empty">
              <p>{t('none')}</p>
            </div>
          ) : (
            <>
              <div className="toolbar">
                <button type="button" className="button button-small" onClick={() => setPicked(new Set(companies.map((c) => c.company)))}>
                  {t('selectAll')}
                </button>
                <button type="button" className="button button-small" onClick={() => setPicked(new Set())}>
                  {t('selectNone')}
                </button>
                <span className="spacer" />
                {pickedError ? (
                  <span className="field-error" role="alert" data-testid="discover-picked-error">
                    {pickedError}
                  </span>
                ) : null}
                <button type="button" className="button button-primary" disabled={chosen.length === 0} onClick={() => void ask()}>
                  {t('ask', { count: chosen.length })}
                </button>
              </div>
              <table className="table bulk-table" aria-label={t('table')}>
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">{t('pick')}</span>
                    </th>
                    <th scope="col">{t('company')}</th>
                    <th scope="col">{t('sentFrom')}</th>
                    <th scope="col" className="num">
                      {t('messages')}
                    </th>
                    <th scope="col">{t('first')}</th>
                    <th scope="col">{t('last')}</th>
                  </tr>
                </thead>
                <tbody>
                  {companies.map((c) => (
                    <tr key={c.company} data-company={c.company}>
                      <td>
                        <input type="checkbox" aria-label={t('pickName', { name: c.name })} checked={picked.has(c.company)} onChange={() => toggle(c.company)} />
                      </td>
                      <td>
                        <button type="button" className="link-button" onClick={() => navigate({ name: 'company', id: c.company })}>
                          {c.name}
                        </button>
                      </td>
                      <td className="muted small">{c.senderDomains.slice(0, 3).join(', ')}</td>
                      <td className="num">{formatNumber(c.messages)}</td>
                      <td className="date">{c.first ? formatDate(c.first) : '–'}</td>
                      <td className="date">{c.last ? formatDate(c.last) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
      <PacksCard />
    </section>
  )
}
