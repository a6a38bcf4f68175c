import { useEffect } from 'react'
import { deadlineSettingInfo } from '@core/deadlines/setting-info'
import type { DeadlineSettings } from '@core/deadlines/settings'
import { useStore } from '../../store/store'
import { MailSettings } from './MailSettings'
import { ImapSettingsCard } from '../replies/ImapSettingsCard'
import { webmailLabel } from '../../ui/format'
import type { Settings } from '@core/settings/settings'
import { assertNever } from '@core/shared/assert-never'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { isUiLanguage, uiLanguageNames, uiLanguages } from '@core/messages/ui-languages'
import type { UiLanguageChoice } from '@core/settings/settings'
import { resolveUiLanguage } from '../../i18n/i18n'

/** The way the user chose to send, in words. */
function sendingText(sending: Settings['sending'], t: TFunction<'settings'>): string {
  switch (sending.method) {
    case 'smtp':
      return t('sending.smtp')
    case 'mail-program':
      return t('sending.mailProgram')
    case 'webmail':
      return t('sending.webmail', { service: sending.webmail ? webmailLabel[sending.webmail] : t('sending.webmailAny') })
    case 'letter':
      return t('sending.letter')
    case null:
      return t('sending.none')
    default:
      return assertNever(sending.method)
  }
}
import { DataCard } from './DataCard'

type BooleanSetting = { [K in keyof DeadlineSettings]: DeadlineSettings[K] extends boolean ? K : never }[keyof DeadlineSettings]
type RangeSetting = 'postDomesticDays' | 'postEuDays' | 'postInternationalDays'

const booleans: ReadonlyArray<BooleanSetting> = [
  'gdprPauseForIdentity',
  'gdprPauseForClarification',
  'ccpaRollOver',
  'vaCtRollOver',
  'lgpdSmallAgent',
  'pipedaSaturdayIsHoliday',
  'hkPauseForIdentity',
  'auAgency',
]
const ranges: ReadonlyArray<RangeSetting> = ['postDomesticDays', 'postEuDays', 'postInternationalDays']

function Verified({ verified }: { verified: boolean }) {
  const { t } = useTranslation('settings')
  return verified ? null : (
    <span className="tag tag-muted" title={t('counting.unverifiedTitle')}>
      {t('counting.unverified')}
    </span>
  )
}

/** The window's language: the system's, or one chosen here (saved in the settings). */
function LanguageCard({ choice }: { choice: UiLanguageChoice }) {
  const { t } = useTranslation('settings')
  const update = useStore((s) => s.updateSettings)
  const system = useStore((s) => s.status?.systemLanguages)
  const systemLanguage = uiLanguageNames.get(resolveUiLanguage('system', system))
  return (
    <div className="card" data-testid="language-card">
      <h2>{t('language.heading')}</h2>
      <label className="field inline-field">
        <span className="field-label">{t('language.label')}</span>
        <select
          value={choice}
          onChange={(e) => {
            const value = e.target.value
            if (value === 'system' || isUiLanguage(value)) void update({ ui: { language: value } })
          }}
        >
          <option value="system">{t('language.system', { language: systemLanguage })}</option>
          {uiLanguages.map((language) => (
            // Each in its own words, so that anyone finds their own.
            <option key={language} value={language} lang={language}>
              {uiLanguageNames.get(language)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">{t('language.note')}</p>
    </div>
  )
}

/** The deadline interpretations and reminders, each with what it rests on. */
export function SettingsPage() {
  const settings = useStore((s) => s.settings)
  const load = useStore((s) => s.loadSettings)
  const update = useStore((s) => s.updateSettings)
  const navigate = useStore((s) => s.navigate)
  const { t } = useTranslation('settings')

  useEffect(() => {
    void load()
  }, [load])

  if (!settings) return <p className="muted page">{t('loading', { ns: 'common' })}</p>
  const d = settings.deadlines

  return (
    <section className="page narrow settings-page">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="lede">{t('lede')}</p>
        </div>
      </header>

      <div className="card" data-testid="setup-card">
        <h2>{t('setup.heading')}</h2>
        <p className="small">
          <strong>{sendingText(settings.sending, t)}</strong> {t('setup.decides')}
        </p>
        <button type="button" className="button" onClick={() => navigate({ name: 'onboarding' })}>
          {t('setup.again')}
        </button>
      </div>
      <LanguageCard choice={settings.ui.language} />
      <DataCard />

      <div className="card">
        <h2>{t('reminders.heading')}</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.notifications.enabled}
            onChange={(e) => void update({ notifications: { enabled: e.target.checked } })}
          />
          <span>{t('reminders.notify')}</span>
        </label>
        <label className="field inline-field">
          <span className="field-label">{t('reminders.daysBefore')}</span>
          <input
            type="number"
            min={0}
            max={30}
            value={settings.notifications.daysBefore}
            disabled={!settings.notifications.enabled}
            onChange={(e) => {
              const value = Number(e.target.value)
              if (Number.isInteger(value) && value >= 0 && value <= 30) void update({ notifications: { daysBefore: value } })
            }}
          />
        </label>
        <p className="muted small">{t('reminders.closed')}</p>
      </div>

      <MailSettings />
      <ImapSettingsCard />

      <div className="card">
        <h2>{t('counting.heading')}</h2>
        <p className="muted small">{t('counting.note')}</p>
        {booleans.map((key) => (
          <label key={key} className="check setting" data-setting={key}>
            <input type="checkbox" checked={d[key]} onChange={(e) => void update({ deadlines: { [key]: e.target.checked } })} />
            <span>
              {t(`deadlineSetting.${key}.label`)} <Verified verified={deadlineSettingInfo[key].verified} />
              <span className="muted small block">{t(`deadlineSetting.${key}.basis`)}</span>
            </span>
          </label>
        ))}
        <label className="field inline-field">
          <span className="field-label">{t('deadlineSetting.cnBenchmarkDays.label')}</span>
          <input
            type="number"
            min={1}
            max={90}
            value={d.cnBenchmarkDays}
            onChange={(e) => {
              const value = Number(e.target.value)
              if (Number.isInteger(value) && value >= 1 && value <= 90) void update({ deadlines: { cnBenchmarkDays: value } })
            }}
          />
        </label>
      </div>

      <div className="card">
        <h2>{t('post.heading')}</h2>
        <p className="muted small">
          {t('post.note')} <Verified verified={false} />
        </p>
        {ranges.map((key) => (
          <div key={key} className="range-setting">
            <span>{t(`deadlineSetting.${key}.label`)}</span>
            <input
              type="number"
              aria-label={t('post.fewest', { label: t(`deadlineSetting.${key}.label`) })}
              min={0}
              max={60}
              value={d[key][0]}
              onChange={(e) => {
                const value = Number(e.target.value)
                if (Number.isInteger(value) && value >= 0 && value <= d[key][1]) void update({ deadlines: { [key]: [value, d[key][1]] } })
              }}
            />
            <span>{t('post.to')}</span>
            <input
              type="number"
              aria-label={t('post.most', { label: t(`deadlineSetting.${key}.label`) })}
              min={0}
              max={60}
              value={d[key][1]}
              onChange={(e) => {
                const value = Number(e.target.value)
                if (Number.isInteger(value) && value >= d[key][0] && value <= 60) void update({ deadlines: { [key]: [d[key][0], value] } })
              }}
            />
          </div>
        ))}
      </div>

      <div className="card">
        <h2>{t('weather.heading')}</h2>
        <p className="muted small">
          {t('deadlineSetting.hkWeatherDays.basis')} {t('weather.enter')}
        </p>
        <textarea
          rows={3}
          aria-label={t('weather.heading')}
          defaultValue={d.hkWeatherDays.join('\n')}
          onBlur={(e) => {
            const days = e.target.value
              .split(/\s+/)
              .map((x) => x.trim())
              .filter((x) => /^\d{4}-\d{2}-\d{2}$/.test(x))
            void update({ deadlines: { hkWeatherDays: days } })
          }}
        />
      </div>
    </section>
  )
}
