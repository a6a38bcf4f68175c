import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinCatalogFrom } from '../../electron/adapters/node/resources'
import { loadBuiltinCompanies } from '../../electron/core/catalog/catalog'
import { hasMessage, renderMessage } from '../../electron/core/messages/render'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import type { Message } from '../../electron/core/shared/message'
import { expectOk, repoRoot, startCore, tempDir } from '../helpers/ports'

const builtin = loadBuiltinCompanies({ load: builtinCatalogFrom(repoRoot).load })
const fsCom = builtin.find((c) => c.id === 'fs-com')!
const own = (id: string) => ({ ...fsCom, id })
const exported = (more: Record<string, unknown>) => JSON.stringify({ format: 'rightful-catalog', version: 1, exportedOn: '2026-01-31', companies: [], ...more })

function keysOf(m: Message): string[] {
  const nested = Object.values(m.params ?? {}).flatMap((v) => (typeof v === 'object' ? (Array.isArray(v) ? (v as Message[]).flatMap(keysOf) : keysOf(v as Message)) : []))
  return [m.key, ...nested]
}

describe('catalog import rejections as messages', () => {
  it('gives each rejection of a Rightful export a message in six languages, with its English reason unchanged', async () => {
    const host = startCore()
    const dir = tempDir('rightful-import-')
    const files: Record<string, string> = {
      'a-not-export.json': JSON.stringify({ hello: 'world' }),
      'b-invalid.json': exported({ companies: [{ ...own('broken-co'), name: 42 }] }),
      'c-repeat.json': exported({ companies: [own('twice-co'), own('twice-co')] }),
      'd-layers.json': exported({
        layers: { imported: [own('fs-com')], added: [own('fs-com')], overrides: { 'no-such-co': { editedOn: '2026-01-31', fields: { name: 'X' } } }, contacts: {}, deleted: { 'gone-co': '2026-01-31' } },
      }),
    }
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text)
    host.picked.push(dir)
    const report = expectOk(await host.api.call('catalog:import', { format: 'rightful', kind: 'folder' }))
    const byKey = new Map<string, { entry: string; reason: string; message?: Message }>()
    for (const r of report.rejected) {
      expect(r.message, `${r.entry}: ${r.reason}`).toBeDefined()
      byKey.set(r.message!.key, r)
      for (const key of keysOf(r.message!)) expect(hasMessage(key), key).toBe(true)
      for (const language of uiLanguages) expect(renderMessage(r.message!, language)).not.toMatch(/\{\{|catalogImport\./)
    }
    expect([...byKey.keys()].sort()).toEqual(
      ['catalogImport.rejected.notExport', 'catalogImport.rejected.invalid', 'catalogImport.rejected.repeatedId', 'catalogImport.rejected.builtinId', 'catalogImport.rejected.noneToChange', 'catalogImport.rejected.noneToDelete'].sort(),
    )
    const repeated = byKey.get('catalogImport.rejected.repeatedId')!
    expect(renderMessage(repeated.message!, 'en')).toBe(repeated.reason)
    expect(renderMessage(repeated.message!, 'de')).toContain('„twice-co“')
    const builtinId = byKey.get('catalogImport.rejected.builtinId')!
    expect(renderMessage(builtinId.message!, 'en')).toBe(builtinId.reason)
    expect(renderMessage(builtinId.message!, 'fr')).toBe('le catalogue de Rightful contient déjà « fs-com »')
    // The invalid record names the field that is wrong, in every language.
    const invalid = byKey.get('catalogImport.rejected.invalid')!
    expect(invalid.reason).toMatch(/name/)
    for (const language of uiLanguages) expect(renderMessage(invalid.message!, language)).toContain('name')
  })
})
