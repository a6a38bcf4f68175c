/**
 * The catalog record as a JSON Schema (draft 2020-12), for people and tools outside Rightful that
 * write or check records: assets/schemas/company.schema.json is generated from this.
 */
import { z } from 'zod'
import { companySchema } from './schema'

export function companyJsonSchema(): Record<string, unknown> {
  // "input": what a file may hold (fields with defaults may be left out).
  const schema = z.toJSONSchema(companySchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>
  return {
    $schema: schema.$schema,
    $id: 'https://rightful.app/schemas/company.schema.json',
    title: 'Rightful catalog record',
    description:
      'A company in the Rightful catalog: whom to write to about personal data, and why. Every contact carries its provenance (a quoted policy, an imported data set, or the user) and a quality level.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  }
}
