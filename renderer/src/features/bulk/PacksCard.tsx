import { useEffect, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useStore } from '../../store/store'
import { CountryOptions } from '../../ui/CountrySelect'
import { formatNumber } from '../../ui/format'

/**
 * Packs: groups of companies that often hold data about people (the data brokers, credit agencies,
 * insurers …), each counted in the country the user picks (by default their own: established there
 * or serving it). "Pick" takes the pack's companies to the batch page, where nothing is sent before
 * the user has reviewed the requests.
 */
export function PacksCard() {
  const { t } = useTranslation('bulk', { keyPrefix: 'packs' })
  const packs = useStore((s) => s.packs)
  const packsCountry = useStore((s) => s.packsCountry)
  const loadPacks = useStore((s) => s.loadPacks)
  const packCompanies = useStore((s) => s.packCompanies)
  const navigate = useStore((s) => s.navigate)
  const ownCountry = useStore((s) => s.profile?.country ?? '')
  // The country picked from the list ('' everywhere). Until the user picks one, it follows the
  // profile's country (loaded later, or changed): `values` resets the untouched field to it.
  const form = useForm<{ country: string }>({ values: { country: ownCountry }, resetOptions: { keepDirtyValues: true } })
  const chosen = useWatch({ control: form.control, name: 'country' }) ?? ownCountry
  const [busy, setBusy] = useState<string | null>(null)

  useEffect(() => {
    void loadPacks(chosen)
  }, [loadPacks, chosen])

  const pick = async (pack: string) => {
    setBusy(pack)
    try {
      const companies = await packCompanies(pack, chosen)
      if (companies && companies.length > 0) navigate({ name: 'bulk-new', companies })
    } finally {
      setBusy(null)
    }
  }

  const counted = packs !== null && packsCountry === chosen
  return (
    <section className="card packs-card" aria-labelledby="packs-title">
      <div className="packs-head">
        <div>
          <h2 id="packs-title">{t('title')}</h2>
          <p className="muted small">{t('lede')}</p>
        </div>
        <label className="field packs-country">
          <span className="field-label">{t('country')}</span>
          <select {...form.register('country')}>
            <CountryOptions />
          </select>
          <span className="field-hint">{chosen ? t('countryHint') : t('everywhere')}</span>
        </label>
      </div>
      {packs === null ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <table className="table packs-table" aria-label={t('table')} aria-busy={!counted}>
          <thead>
            <tr>
              <th scope="col">{t('packColumn')}</th>
              <th scope="col" className="num">
                {t('companies')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {packs.map((pack) => (
              <tr key={pack.name} data-pack={pack.name}>
                <td>
                  <strong>{t(`pack.${pack.name}.title`, { defaultValue: pack.title })}</strong>
                  <div className="muted small">{t(`pack.${pack.name}.description`, { defaultValue: pack.description })}</div>
                </td>
                <td className="num">{formatNumber(pack.companies)}</td>
                <td className="actions-cell">
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy !== null || !counted || pack.companies === 0}
                    aria-label={t('pickName', { name: t(`pack.${pack.name}.title`, { defaultValue: pack.title }), count: pack.companies })}
                    onClick={() => void pick(pack.name)}
                  >
                    {busy === pack.name ? t('picking') : t('pick')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
