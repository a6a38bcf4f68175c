import { useEffect, useState, type FormEvent } from 'react'
import type { Profile } from '@core/profile/profile'
import { regionOf } from '@core/catalog/countries'
import { regionName, regionsOf } from '@core/profile/regions'
import type { Route } from '../../store/routes'
import { useStore } from '../../store/store'
import { CountrySelect } from '../../ui/CountrySelect'

/** The user's own details, entered once; they sign every request. */
export function ProfilePage({ returnTo }: { returnTo: Route | null }) {
  const profile = useStore((s) => s.profile)
  const loaded = useStore((s) => s.profileLoaded)
  const load = useStore((s) => s.loadProfile)

  useEffect(() => {
    void load()
  }, [load])

  return (
    <section className="page narrow">
      <header className="page-header">
        <div>
          <h1>Your details</h1>
          <p className="lede">Companies need them to find your data. They stay on this computer and go only into the requests you write.</p>
        </div>
      </header>
      {/* Keyed by the stored profile, so the form starts from what was saved last. */}
      {loaded ? <ProfileForm key={JSON.stringify(profile)} initial={profile} returnTo={returnTo} /> : <p className="muted">Loading…</p>}
    </section>
  )
}

function ProfileForm({ initial, returnTo }: { initial: Profile | null; returnTo: Route | null }) {
  const save = useStore((s) => s.saveProfile)
  const navigate = useStore((s) => s.navigate)
  const [name, setName] = useState(initial?.name ?? '')
  const [email, setEmail] = useState(initial?.email ?? '')
  const [address, setAddress] = useState(initial?.address ?? '')
  const [country, setCountry] = useState(initial?.country ?? '')
  const [region, setRegion] = useState(initial?.region ?? '')
  const regions = regionsOf(country || null)
  // A US address names its state ("San Francisco, CA 94105"): offered, never chosen silently.
  const fromAddress = regions && !region.startsWith(`${country}-`) ? regionOf(country, address.split('\n')) : null
  const suggested = fromAddress && regionName(`${country}-${fromAddress}`) ? `${country}-${fromAddress}` : null
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    const ok = await save({ name, email, address, country: country || null, region: regions && region.startsWith(`${country}-`) ? region : null })
    setBusy(false)
    if (ok && returnTo) navigate(returnTo)
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-label="Your details">
      <label className="field">
        <span className="field-label">Full name</span>
        <input required value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      </label>
      <label className="field">
        <span className="field-label">E-mail address you use with companies</span>
        <input required type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
      </label>
      <label className="field">
        <span className="field-label">Postal address (as on an envelope, one line per row)</span>
        <textarea required rows={4} value={address} onChange={(e) => setAddress(e.target.value)} autoComplete="street-address" />
      </label>
      <CountrySelect label="Country" value={country} onChange={setCountry} />
      {regions ? (
        <label className="field">
          <span className="field-label">{regions.label} (optional)</span>
          <select value={region.startsWith(`${country}-`) ? region : ''} onChange={(e) => setRegion(e.target.value)} aria-describedby="region-why">
            <option value="">—</option>
            {regions.list.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase())}
              </option>
            ))}
          </select>
          <span id="region-why" className="field-hint">
            {regions.why}
          </span>
          {suggested ? (
            <span className="field-hint">
              Your address is in {regionName(suggested)}.{' '}
              <button type="button" className="link-button" onClick={() => setRegion(suggested)}>
                Use {regionName(suggested)}
              </button>
            </span>
          ) : null}
        </label>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {returnTo ? 'Save and continue' : 'Save'}
        </button>
      </div>
    </form>
  )
}
