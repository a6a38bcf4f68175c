import { describe, expect, it } from 'vitest'
import { plainDateOf } from '../../electron/core/shared/calendar'

/** The day as Intl gives it, made afresh each time (what plainDateOf did before it kept its formatters). */
function intlDay(instant: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)!.value
  return `${get('year')}-${get('month')}-${get('day')}`
}

describe('plainDateOf', () => {
  const instants = Array.from({ length: 2000 }, (_, i) => new Date(Date.UTC(1995, 0, 1) + i * (11 * 86_400_000 + 7 * 3_600_000 + 13 * 60_000)))

  it("gives this computer's day without a zone, as Intl does", () => {
    for (const instant of instants) expect(plainDateOf(instant), instant.toISOString()).toBe(intlDay(instant))
  })

  it("gives a zone's day, the same on every call with its formatter kept", () => {
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Australia/Lord_Howe']) {
      for (const instant of instants.slice(0, 300)) expect(plainDateOf(instant, zone), `${zone} ${instant.toISOString()}`).toBe(intlDay(instant, zone))
    }
    // Just before and after midnight in Berlin (UTC+1 in winter).
    expect(plainDateOf(new Date('2026-01-31T22:59:59Z'), 'Europe/Berlin')).toBe('2026-01-31')
    expect(plainDateOf(new Date('2026-01-31T23:00:00Z'), 'Europe/Berlin')).toBe('2026-02-01')
  })
})
