import { useState, type FormEvent } from 'react'
import { useStore } from '../../store/store'
import { CountrySelect } from '../../ui/CountrySelect'
import { FormError } from '../../ui/FormError'

/** Lets the user supply a contact the policy does not give: an e-mail address, a postal address, or both. */
export function AddContactForm({ companyId, companyName, onDone }: { companyId: string; companyName: string; onDone?: () => void }) {
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
      setError('Enter an e-mail address, a postal address, or both.')
      return
    }
    if (lines.length > 0 && !country) {
      setError('Choose the country of the postal address.')
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
    <form className="card form add-contact" onSubmit={(e) => void submit(e)} aria-label="Add a contact">
      <h3>Add a contact you know</h3>
      <p className="muted">
        From the company’s website, an invoice or an e-mail it sent you. Rightful marks it as entered by you and uses it for your requests.
      </p>
      <label className="field">
        <span className="field-label">Privacy e-mail address</span>
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="privacy@example.com" />
      </label>
      <label className="field">
        <span className="field-label">Postal address (optional, one line per row, without the company name)</span>
        <textarea rows={3} value={postal} onChange={(e) => setPostal(e.target.value)} />
      </label>
      <CountrySelect label="Country of the postal address" value={country} onChange={setCountry} />
      <FormError error={error} />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save contact
        </button>
      </div>
    </form>
  )
}
