/**
 * Scores the broker-note reader against hand labels: per fact, how many the reader found that the
 * labels have (true positives), found that they lack (false positives), and missed.
 */
import fs from 'node:fs'
import path from 'node:path'
import YAML from 'yaml'
import { readBrokerNote, type BrokerNoteFacts } from '../../electron/core/catalog/broker-notes'

export const brokersFile = process.env.RIGHTFUL_BROKERS_FILE ?? path.resolve(__dirname, '../../../shared/brokers/brokers.yaml')

export type NoteLabel = {
  readonly id: string
  readonly webFormOnly?: boolean
  readonly problems?: ReadonlyArray<{ readonly address: string; readonly kind: string }>
  readonly alternatives?: ReadonlyArray<string>
  readonly successor?: string
  readonly defunct?: boolean
  readonly doNotContact?: boolean
  readonly deviceId?: boolean
  readonly aliases?: ReadonlyArray<string>
  readonly phones?: ReadonlyArray<string>
  readonly webForms?: ReadonlyArray<string>
}

export type FactScore = { truePositives: number; falsePositives: number; missed: number }
export type NoteScore = Record<'webFormOnly' | 'problems' | 'problemKinds' | 'alternatives' | 'successor' | 'defunct' | 'deviceId' | 'aliases' | 'phones' | 'webForms', FactScore>

export type BrokerWithNote = { readonly id: string; readonly email: string; readonly notes: string }

/** The brokers of the list that have notes; null when the list is not there. */
export function brokersWithNotes(file = brokersFile): BrokerWithNote[] | null {
  if (!fs.existsSync(file)) return null
  const list = (YAML.parse(fs.readFileSync(file, 'utf8')) as { brokers: Array<Record<string, unknown>> }).brokers
  return list
    .filter((b) => typeof b.notes === 'string' && b.notes.length > 0)
    .map((b) => ({ id: String(b.id), email: typeof b.email === 'string' ? b.email : '', notes: String(b.notes) }))
}

export function scoreNotes(brokers: ReadonlyArray<BrokerWithNote>, labels: ReadonlyArray<NoteLabel>): { score: NoteScore; mismatches: string[] } {
  const empty = (): FactScore => ({ truePositives: 0, falsePositives: 0, missed: 0 })
  const score: NoteScore = {
    webFormOnly: empty(), problems: empty(), problemKinds: empty(), alternatives: empty(), successor: empty(),
    defunct: empty(), deviceId: empty(), aliases: empty(), phones: empty(), webForms: empty(),
  }
  const mismatches: string[] = []
  const byId = new Map(brokers.map((b) => [b.id, b]))
  const sets = (fact: keyof NoteScore, id: string, found: ReadonlyArray<string>, wanted: ReadonlyArray<string>) => {
    const f = new Set(found.map((x) => x.toLowerCase()))
    const w = new Set(wanted.map((x) => x.toLowerCase()))
    for (const x of f) {
      if (w.has(x)) score[fact].truePositives += 1
      else {
        score[fact].falsePositives += 1
        mismatches.push(`${id} ${fact}: found ${x}, not labelled`)
      }
    }
    for (const x of w) {
      if (!f.has(x)) {
        score[fact].missed += 1
        mismatches.push(`${id} ${fact}: missed ${x}`)
      }
    }
  }
  const flag = (fact: keyof NoteScore, id: string, found: boolean, wanted: boolean) => sets(fact, id, found ? ['yes'] : [], wanted ? ['yes'] : [])
  for (const label of labels) {
    const broker = byId.get(label.id)
    if (!broker) throw new Error(`The labels name ${label.id}, which the list does not have.`)
    const facts: BrokerNoteFacts = readBrokerNote(broker.notes, { email: broker.email })
    flag('webFormOnly', label.id, facts.webFormOnly, label.webFormOnly ?? false)
    sets('problems', label.id, facts.problems.map((p) => p.address), (label.problems ?? []).map((p) => p.address))
    sets('problemKinds', label.id, facts.problems.map((p) => `${p.address} ${p.kind}`), (label.problems ?? []).map((p) => `${p.address} ${p.kind}`))
    sets('alternatives', label.id, facts.alternatives, label.alternatives ?? [])
    sets('successor', label.id, facts.successor ? [facts.successor] : [], label.successor ? [label.successor] : [])
    flag('defunct', label.id, facts.defunct, label.defunct ?? false)
    flag('deviceId', label.id, facts.deviceId, label.deviceId ?? false)
    sets('aliases', label.id, facts.aliases, label.aliases ?? [])
    sets('phones', label.id, facts.phones, label.phones ?? [])
    sets('webForms', label.id, facts.webForms, label.webForms ?? [])
  }
  return { score, mismatches }
}
