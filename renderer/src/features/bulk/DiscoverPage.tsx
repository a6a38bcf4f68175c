import './bulk.css'
import { useEffect, useMemo, useState } from 'react'
import { useStore } from '../../store/store'
import { formatDate } from '../../ui/format'
import { OperationHere } from '../../ui/OperationStatus'

/**
 * Which companies hold your data: Rightful reads the From and Date lines of a mailbox you saved
 * on this computer (an mbox file or a folder of .eml files) and lists the companies of its catalog
 * that wrote to you. Nothing leaves the computer; senders it does not know are only counted.
 */
export function DiscoverPage() {
  const discovery = useStore((s) => s.discovery)
  const discover = useStore((s) => s.discover)
  const navigate = useStore((s) => s.navigate)
  const imapHost = useStore((s) => s.imap?.settings?.host ?? null)
  const loadImap = useStore((s) => s.loadImap)
  const [busy, setBusy] = useState(false)
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set())

  useEffect(() => {
    void loadImap()
  }, [loadImap])

  const run = async (kind: 'file' | 'folder' | 'imap') => {
    setBusy(true)
    try {
      const result = await discover(kind)
      if (result) setPicked(new Set(result.companies.map((c) => c.company)))
    } finally {
      setBusy(false)
    }
  }

  const companies = useMemo(() => discovery?.companies ?? [], [discovery])
  const toggle = (id: string) =>
    setPicked((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const chosen = companies.filter((c) => picked.has(c.company)).map((c) => c.company)

  return (
    <section className="page">
      <header className="page-header">
        <div>
          <h1>Who has your data?</h1>
          <p className="lede">
            Which companies have your data? Point Rightful at a mailbox saved on this computer: it reads only who wrote and when, lists the companies it knows, and lets you ask them all at once.
          </p>
          {imapHost ? (
            <p className="discover-imap">
              <button type="button" className="button button-small" disabled={busy} onClick={() => void run('imap')}>
                Look through my inbox on {imapHost}
              </button>{' '}
              <span className="muted small">The IMAP inbox set up for replies: only the From and Date lines are fetched.</span>
            </p>
          ) : null}
        </div>
        <div className="header-actions">
          <button type="button" className="button" disabled={busy} onClick={() => void run('folder')}>
            Choose a folder of .eml files…
          </button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void run('file')}>
            Choose a mailbox file…
          </button>
        </div>
      </header>
      <OperationHere channel="discover:scan" />
      {discovery === null ? (
        <div className="empty">
          <p>
            Export your mail as an mbox file (Thunderbird, Apple Mail and Gmail’s Takeout all can) or save messages as .eml files into a folder. Only the From and Date lines are read; nothing is sent anywhere. If your IMAP inbox is set up in Settings → Replies, Rightful can look there too, fetching only those two lines of each message.
          </p>
        </div>
      ) : (
        <>
          <p className="muted small" role="status" data-testid="discover-summary">
            {discovery.messages.toLocaleString('en')} messages read: {discovery.matched.toLocaleString('en')} from {companies.length} compan{companies.length === 1 ? 'y' : 'ies'} in the catalog.{' '}
            {discovery.unknown.toLocaleString('en')} from senders Rightful does not know (not listed) and {discovery.freemail.toLocaleString('en')} from personal addresses (skipped).
          </p>
          {companies.length === 0 ? (
            <div className="empty">
              <p>None of the senders is a company Rightful knows. You can still add companies yourself on the Companies page.</p>
            </div>
          ) : (
            <>
              <div className="toolbar">
                <button type="button" className="button button-small" onClick={() => setPicked(new Set(companies.map((c) => c.company)))}>
                  Select all
                </button>
                <button type="button" className="button button-small" onClick={() => setPicked(new Set())}>
                  Select none
                </button>
                <span className="spacer" />
                <button type="button" className="button button-primary" disabled={chosen.length === 0} onClick={() => navigate({ name: 'bulk-new', companies: chosen })}>
                  Ask {chosen.length} {chosen.length === 1 ? 'company' : 'companies'}…
                </button>
              </div>
              <table className="table bulk-table" aria-label="Companies that wrote to you">
                <thead>
                  <tr>
                    <th scope="col">
                      <span className="visually-hidden">Pick</span>
                    </th>
                    <th scope="col">Company</th>
                    <th scope="col">Sent from</th>
                    <th scope="col" className="num">
                      Messages
                    </th>
                    <th scope="col">First</th>
                    <th scope="col">Last</th>
                  </tr>
                </thead>
                <tbody>
                  {companies.map((c) => (
                    <tr key={c.company} data-company={c.company}>
                      <td>
                        <input type="checkbox" aria-label={`Pick ${c.name}`} checked={picked.has(c.company)} onChange={() => toggle(c.company)} />
                      </td>
                      <td>
                        <button type="button" className="link-button" onClick={() => navigate({ name: 'company', id: c.company })}>
                          {c.name}
                        </button>
                      </td>
                      <td className="muted small">{c.senderDomains.slice(0, 3).join(', ')}</td>
                      <td className="num">{c.messages.toLocaleString('en')}</td>
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
    </section>
  )
}
