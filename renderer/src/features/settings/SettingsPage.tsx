import { useEffect } from 'react'
import { deadlineSettingInfo } from '@core/deadlines/setting-info'
import type { DeadlineSettings } from '@core/deadlines/settings'
import { useStore } from '../../store/store'
import { MailSettings } from './MailSettings'
import { ImapSettingsCard } from '../replies/ImapSettingsCard'
import { webmailLabel } from '../../ui/format'
import type { Settings } from '@core/settings/settings'
import { assertNever } from '@core/assert-never'

/** The way the user chose to send, in words. */
function sendingText(sending: Settings['sending']): string {
  switch (sending.method) {
    case 'smtp':
      return 'You send requests through your own mail server.'
    case 'mail-program':
      return 'You send requests with your mail program.'
    case 'webmail':
      return `You send requests in ${sending.webmail ? webmailLabel[sending.webmail] : 'webmail'}.`
    case 'letter':
      return 'You send requests as printed letters.'
    case null:
      return 'You have not said how you send requests: each draft leads with what is set up (your mail server, else your mail program).'
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
  return verified ? null : <span className="tag tag-muted" title="Not checked against a primary source">interpretation, unverified</span>
}

/** The deadline interpretations and reminders, each with what it rests on. */
export function SettingsPage() {
  const settings = useStore((s) => s.settings)
  const load = useStore((s) => s.loadSettings)
  const update = useStore((s) => s.updateSettings)
  const navigate = useStore((s) => s.navigate)

  useEffect(() => {
    void load()
  }, [load])

  if (!settings) return <p className="muted page">Loading…</p>
  const d = settings.deadlines

  return (
    <section className="page narrow settings-page">
      <header className="page-header">
        <div>
          <h1>Settings</h1>
          <p className="lede">
            How Rightful sends your e-mail, counts deadlines where the law can be read more than one way, when it reminds you, and where your data is
            kept and backed up.
          </p>
        </div>
      </header>

      <div className="card" data-testid="setup-card">
        <h2>Getting started</h2>
        <p className="small">
          <strong>{sendingText(settings.sending)}</strong> That decides the main button on each draft; the other ways stay one click away.
        </p>
        <button type="button" className="button" onClick={() => navigate({ name: 'onboarding' })}>
          Set up Rightful again
        </button>
      </div>
      <DataCard />

      <div className="card">
        <h2>Reminders</h2>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.notifications.enabled}
            onChange={(e) => void update({ notifications: { enabled: e.target.checked } })}
          />
          <span>Notify me about deadlines while Rightful is open</span>
        </label>
        <label className="field inline-field">
          <span className="field-label">Days before a deadline</span>
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
        <p className="muted small">Nothing runs when Rightful is closed; it tells you what it missed when you open it.</p>
      </div>

      <MailSettings />
      <ImapSettingsCard />

      <div className="card">
        <h2>Counting deadlines</h2>
        <p className="muted small">
          The defaults follow the stricter reading, so a company is never given more time than the law may give it. Change one only if you
          know your case needs it.
        </p>
        {booleans.map((key) => (
          <label key={key} className="check setting" data-setting={key}>
            <input type="checkbox" checked={d[key]} onChange={(e) => void update({ deadlines: { [key]: e.target.checked } })} />
            <span>
              {deadlineSettingInfo[key].label} <Verified verified={deadlineSettingInfo[key].verified} />
              <span className="muted small block">{deadlineSettingInfo[key].basis}</span>
            </span>
          </label>
        ))}
        <label className="field inline-field">
          <span className="field-label">{deadlineSettingInfo.cnBenchmarkDays.label}</span>
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
        <h2>Letters by post</h2>
        <p className="muted small">
          The clock starts when the company receives a letter. Until you record the delivery, Rightful assumes these working days and counts
          from the latest. <Verified verified={false} />
        </p>
        {ranges.map((key) => (
          <div key={key} className="range-setting">
            <span>{deadlineSettingInfo[key].label}</span>
            <input
              type="number"
              aria-label={`${deadlineSettingInfo[key].label}: fewest`}
              min={0}
              max={60}
              value={d[key][0]}
              onChange={(e) => {
                const value = Number(e.target.value)
                if (Number.isInteger(value) && value >= 0 && value <= d[key][1]) void update({ deadlines: { [key]: [value, d[key][1]] } })
              }}
            />
            <span>to</span>
            <input
              type="number"
              aria-label={`${deadlineSettingInfo[key].label}: most`}
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
        <h2>Hong Kong weather days</h2>
        <p className="muted small">
          {deadlineSettingInfo.hkWeatherDays.basis} Enter each day with a typhoon signal No. 8 or black-rainstorm warning as YYYY-MM-DD, one per
          line.
        </p>
        <textarea
          rows={3}
          aria-label="Hong Kong weather days"
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
