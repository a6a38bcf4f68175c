// @module-tag corpus
// @module-tag property
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maxNoteLength, readBrokerNote } from '../../electron/core/catalog/broker-notes'
import { brokersFile, brokersWithNotes, scoreNotes, type NoteLabel } from '../helpers/broker-notes-score'
import { repoRoot } from '../helpers/ports'

const brokers = brokersWithNotes()
if (!brokers) console.log(`[skip reason] ${brokersFile} is absent: the broker-note reader is not measured on the held-out notes.`)
const heldOut = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'catalog', 'broker-notes-heldout.json'), 'utf8')) as { labels: NoteLabel[] }

describe('reading the broker list notes', () => {
  it('finds a bounce, the address and the date', () => {
    const facts = readBrokerNote('Email privacy@example-broker.com hard-bounced (2026-08-21) - address/domain invalid.', { email: '' })
    expect(facts.problems).toEqual([{ address: 'privacy@example-broker.com', kind: 'bounced' }])
    expect(facts.on).toBe('2026-08-21')
    expect(facts.webFormOnly).toBe(false)
  })

  it('tells an address that refuses requests from the one it points to', () => {
    const facts = readBrokerNote('legal@example.co replied that requests must go through their verification platform; privacy.team@example.co if the link fails (reply received 2026-08-20).', {
      email: '',
    })
    expect(facts.problems).toEqual([{ address: 'legal@example.co', kind: 'refuses-requests' }])
    expect(facts.alternatives).toEqual(['privacy.team@example.co'])
    expect(facts.webFormOnly).toBe(true)
  })

  it('reads "web form only" in its several wordings, and not where the inbox is said to work', () => {
    for (const note of [
      "Doesn't process removal requests via email - use the opt-out form at the opt_out_url.",
      'Reply says to submit removal via this form instead of email (2026-08-21).',
      'Auto-reply says they are "unable to accept opt out or other privacy requests via email" (2026-08-21) - use the opt_out_url form instead.',
      'Email bounced on 2026-08-20; use the opt_out_url web form instead - no working email found for this broker.',
    ]) {
      expect(readBrokerNote(note, { email: '' }).webFormOnly, note).toBe(true)
    }
    expect(readBrokerNote('Reply confirms this inbox is monitored and points to the existing opt_out_url as the self-service option (2026-08-21).', { email: 'a@b.example' }).webFormOnly).toBe(false)
  })

  it('reads a merger, a rename, an end and a domain that changed hands', () => {
    const merged = readBrokerNote('Example Signals was merged into Big Data Holdings as of 2025-10-01 and no longer exists separately - all requests now go through their portal.', { email: '' })
    expect(merged.successor).toBe('Big Data Holdings')
    expect(merged.defunct).toBe(false)
    expect(merged.webFormOnly).toBe(false)
    expect(readBrokerNote('Rebranded as Newname; use the privacy request form at opt_out_url instead of email.', { email: '' }).renamedTo).toBe('Newname')
    const gone = readBrokerNote('Domain example-lists.com is parked/for sale on GoDaddy (checked 2026-08-20) - company defunct.', { email: '' })
    expect([gone.defunct, gone.doNotContact]).toEqual([true, false])
    const resold = readBrokerNote('DO NOT CONTACT: example.com has been resold and now hosts unrelated content (checked 2026-08-20).', { email: '' })
    expect([resold.defunct, resold.doNotContact]).toEqual([true, true])
  })

  it('reads device identifiers, aliases and phone numbers, and not a third party number', () => {
    expect(readBrokerNote('Opt-out form requires a Mobile Advertising ID; no name/email path offered.', { email: '' }).deviceId).toBe(true)
    expect(readBrokerNote('Website data can still be requested via name/email, so NOT recategorized as device-id-only (IDFA only for apps).', { email: '' }).deviceId).toBe(false)
    expect(readBrokerNote('The separate other-entry entry (same opt_out_url) was merged into this one.', { email: '' }).aliases).toEqual(['other-entry'])
    expect(readBrokerNote('Use the form, or call 1-866-555-0199 (2026-08-21).', { email: '' }).phones).toEqual(['1-866-555-0199'])
    expect(readBrokerNote('They offer only an FTC prescreen opt-out (optoutprescreen.com or 1-888-555-0100).', { email: '' }).phones).toEqual([])
  })

  it('reads any note, however hostile, in bounded time and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), fc.string({ maxLength: 60 }), (note, email) => {
        const facts = readBrokerNote(note, { email })
        expect(facts.problems.length + facts.alternatives.length).toBeLessThanOrEqual(note.length)
      }),
      { numRuns: 300 },
    )
    // Long runs of the characters the patterns look for.
    for (const unit of ['a@b.', 'call ', 'merged into A ', 'https://x', '-', ' ', 'not accept ']) {
      const facts = readBrokerNote(unit.repeat(Math.ceil((maxNoteLength * 3) / unit.length)), { email: '' })
      expect(facts).toBeDefined()
    }
  })

  it.skipIf(!brokers)('is right on the held-out notes, labelled by hand before the rules were written', () => {
    const { score, mismatches } = scoreNotes(brokers!, heldOut.labels)
    const line = Object.entries(score)
      .map(([fact, s]) => `${fact} ${s.truePositives}/${s.truePositives + s.missed} found, ${s.falsePositives} wrong`)
      .join('; ')
    console.log(`[broker notes, ${heldOut.labels.length} held-out records] ${line}${mismatches.length ? `\n  ${mismatches.join('\n  ')}` : ''}`)
    // Nothing claimed that the labels do not say; at most one fact per kind missed.
    for (const [fact, s] of Object.entries(score)) {
      expect(s.falsePositives, fact).toBe(0)
      expect(s.missed, fact).toBeLessThanOrEqual(1)
    }
  })
})
