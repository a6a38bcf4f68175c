/**
 * Writes assets/schemas/company.schema.json, the JSON Schema of a catalog record, from the zod
 * schema the core validates with. `npm run catalog:schema`; a test checks the file is current.
 */
import fs from 'node:fs'
import path from 'node:path'
import { companyJsonSchema } from '../electron/core/catalog/json-schema'

const file = path.resolve(__dirname, '..', 'assets', 'schemas', 'company.schema.json')
fs.writeFileSync(file, `${JSON.stringify(companyJsonSchema(), null, 2)}\n`)
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`)
