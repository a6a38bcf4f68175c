import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { CountrySelect } from '../../ui/CountrySelect'
import { FormError } from '../../ui/FormError'

/** Lets the user supply a contact the policy does not give: an e-mail address, a postal address, or both. */
export function AddContactForm({ companyId, companyName, onDone }: { companyId: string; companyName: string; onDone?: () => void }) {
  const { t } = useTranslation('companyEdit', { keyPrefix: 'contact' })
  const addContact = useStore((s) => s.addContact)
  const [email, setEmail] = useState('')
  const [postal, setPostal] = useState('')
  const [country, setCountry] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const lines = postal.split('\n').map((l) => l.trim()).filter(Boolean)
    if (!email.trim() && lines.length === 0) {
      setError(t('needOne'))
      return
    }
    if (lines.length > 0 && !country) {
      setError(t('needCountry'))
      return
    }
    setError(null)
    setBusy(true)
    const ok = await addContact({
      companyId,
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(lines.length > 0 ? { postal: { recipient: companyName, lines, country } } : {}),
    })
    setBusy(false)
    if (ok) {
      setEmail('')
      setPostal('')
      onDone?.()
    }
  }

  return (
    <form className="card form add-contact" onSubmit={(e) => void submit(e)} aria-label={t('label')}>
      <h3>{t('heading')}</h3>
      <p className="muted">{t('intro')}</p>
      <label className="field">
        <span className="field-label">{t('email')}</span>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="privacy@example.com" />
      </label>
      <label className="field">
        <span className="field-label">{t('postal')}</span>
        <textarea rows={3} value={postal} onChange={(e) => setPostal(e.target.value)} />
      </label>
      <CountrySelect label={t('country')} value={country} onChange={setCountry} />
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('save')}
        </button>
      </div>
    </form>
  )
}
