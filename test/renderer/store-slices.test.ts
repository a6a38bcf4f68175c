/**
 * The window's store actions against a fake window.api (no core, no browser): each action calls
 * the channel it should with the input it should, applies what the core returned, and on a
 * failure tells the user (a toast) and changes nothing it should not. The slices are composed as
 * store.ts composes them, with the operations slice real and the toasts recorded.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { create } from 'zustand'
import type { State } from '../../renderer/src/store/types'
import { createAuthoritiesSlice } from '../../renderer/src/store/authorities-slice'
import { createBulkSlice } from '../../renderer/src/store/bulk-slice'
import { createCatalogSlice } from '../../renderer/src/store/catalog-slice'
import { createOperationsSlice } from '../../renderer/src/store/operations-slice'
import { createTemplatesSlice } from '../../renderer/src/store/templates-slice'

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } }
type Handler = (input: Record<string, unknown>) => Answer | Promise<Answer>

const ok = (data: unknown): Answer => ({ ok: true, data })
const failed = (code: string, message: string): Answer => ({ ok: false, error: { code, message } })

/** window.api made of these handlers ('domain:verb'); every call is recorded. */
function fakeApi(handlers: Record<string, Handler>) {
  const calls: Array<{ channel: string; input: Record<string, unknown> }> = []
  const domains = new Map<string, Record<string, (input: Record<string, unknown>) => Promise<Answer>>>()
  for (const [channel, handler] of Object.entries(handlers)) {
    const [domain, verb] = channel.split(':') as [string, string]
    const methods = domains.get(domain) ?? Object.create(null)
    methods[verb] = async (input: Record<string, unknown>) => {
      calls.push({ channel, input })
      return handler(input)
    }
    domains.set(domain, methods)
  }
  return { api: Object.fromEntries(domains), calls }
}

function storeWith(handlers: Record<string, Handler>) {
  const fake = fakeApi(handlers)
  ;(globalThis as { window?: unknown }).window = { api: fake.api }
  const toasts: Array<{ kind: string; text: string }> = []
  const store = create<State>()(
    (...args) =>
      ({
        route: { name: 'dashboard' },
        toast: (kind: string, text: string) => void toasts.push({ kind, text }),
        ...createOperationsSlice(...args),
        ...createCatalogSlice(...args),
        ...createBulkSlice(...args),
        ...createTemplatesSlice(...args),
        ...createAuthoritiesSlice(...args),
      }) as unknown as State,
  )
  return { store, calls: fake.calls, toasts }
}

const template = (id: string) => ({ id, type: 'access', lang: 'en', laws: ['gdpr'], title: `T ${id}`, origin: 'user', path: `${id}.md` })

beforeEach(() => {
  delete (globalThis as { window?: unknown }).window
})
afterEach(() => {
  delete (globalThis as { window?: unknown }).window
})

describe('templates slice', () => {
  it('loads the list, saves a copy and loads the list again; a refused save toasts and returns null', async () => {
    let saved = 0
    const { store, calls, toasts } = storeWith({
      'templates:list': () => ok(saved === 0 ? [template('a')] : [template('a'), template('b')]),
      'templates:saveUser': (input) => (input.name === 'bad' ? failed('INVALID_INPUT', 'The name is not valid.') : (saved++, ok(template('b')))),
    })
    expect(store.getState().templateList).toBeNull()
    await store.getState().loadTemplateList()
    expect(store.getState().templateList?.map((t) => t.id)).toEqual(['a'])

    const result = await store.getState().saveUserTemplate({ lang: 'en', name: 'mine', text: 'Hello' })
    expect(result?.id).toBe('b')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(store.getState().templateList?.map((t) => t.id)).toEqual(['a', 'b'])
    expect(calls.filter((c) => c.channel === 'templates:saveUser')[0]!.input).toEqual({ lang: 'en', name: 'mine', text: 'Hello' })

    expect(await store.getState().saveUserTemplate({ lang: 'en', name: 'bad', text: 'Hello' })).toBeNull()
    expect(toasts).toEqual([{ kind: 'error', text: 'The name is not valid.' }])
  })

  it('previews a text, or says why it cannot be filled, without a toast', async () => {
    const { store, toasts } = storeWith({
      'templates:preview': (input) => (String(input.text).includes('{{nope}}') ? failed('TEMPLATE_INVALID', 'The template uses {{nope}}, which no request has.') : ok({ subject: 'S', body: `B ${String(input.companyId)}` })),
    })
    expect(await store.getState().previewTemplate({ text: 'Hi', companyId: 'fs-com', law: 'gdpr' })).toEqual({ subject: 'S', body: 'B fs-com' })
    expect(await store.getState().previewTemplate({ text: '{{nope}}', companyId: 'fs-com', law: 'gdpr' })).toEqual({ error: 'The template uses {{nope}}, which no request has.' })
    expect(toasts).toEqual([])
  })
})

describe('catalog slice', () => {
  it('imports as an operation and searches again only when something was imported; a cancel comes back as it is', async () => {
    let answer: Answer = ok({ source: '/tmp/x', imported: 1 })
    const { store, calls } = storeWith({ 'catalog:import': () => answer, 'catalog:search': () => ok([]) })
    const result = await store.getState().importCompanies('datarequests', 'folder')
    expect(result.ok).toBe(true)
    const imported = calls.find((c) => c.channel === 'catalog:import')!
    expect(imported.input).toMatchObject({ format: 'datarequests', kind: 'folder', dryRun: false })
    expect(typeof imported.input.operation).toBe('string')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(calls.filter((c) => c.channel === 'catalog:search')).toHaveLength(1)
    // The operation is gone once the call has returned.
    expect(store.getState().operations.size).toBe(0)

    answer = failed('CANCELLED', 'Stopped.')
    const stopped = await store.getState().importCompanies('rightful', 'file')
    expect(stopped).toEqual({ ok: false, error: { code: 'CANCELLED', message: 'Stopped.' } })
    expect(calls.filter((c) => c.channel === 'catalog:search')).toHaveLength(1)
  })

  it('lists deleted companies (none after an error), exports (null and a toast after an error) and reads the sources', async () => {
    let broken = false
    const { store, toasts } = storeWith({
      'catalog:deleted': () => (broken ? failed('STORAGE_FAILED', 'Disk gone.') : ok([{ id: 'x', name: 'X', deletedOn: '2026-01-02' }])),
      'catalog:export': () => (broken ? failed('STORAGE_FAILED', 'Disk gone.') : ok({ path: '/tmp/c.json', companies: 3 })),
      'catalog:sources': () => (broken ? failed('STORAGE_FAILED', 'Disk gone.') : ok([])),
    })
    expect(await store.getState().deletedCompanies()).toEqual([{ id: 'x', name: 'X', deletedOn: '2026-01-02' }])
    expect(await store.getState().exportCompanies()).toEqual({ path: '/tmp/c.json', companies: 3 })
    expect(await store.getState().catalogSources()).toEqual([])
    broken = true
    expect(await store.getState().deletedCompanies()).toEqual([])
    expect(await store.getState().exportCompanies()).toBeNull()
    expect(await store.getState().catalogSources()).toEqual({ error: 'Disk gone.' })
    expect(toasts).toEqual([{ kind: 'error', text: 'Disk gone.' }])
  })
})

describe('bulk slice: packs', () => {
  it('counts the packs in a country, gives a pack’s company ids, and toasts a refusal', async () => {
    const { store, calls, toasts } = storeWith({
      'bulk:packs': (input) => ok([{ name: 'credit-agencies', title: 'Credit agencies', description: 'D', group: 'category', companies: input.country === 'DE' ? 18 : 31 }]),
      'bulk:packCompanies': (input) => (input.pack === 'nope' ? failed('INVALID_INPUT', 'There is no pack "nope".') : ok([{ id: 'schufa', name: 'SCHUFA' }])),
    })
    await store.getState().loadPacks('DE')
    expect(store.getState()).toMatchObject({ packsCountry: 'DE' })
    expect(store.getState().packs?.[0]?.companies).toBe(18)
    await store.getState().loadPacks('')
    expect(store.getState().packs?.[0]?.companies).toBe(31)
    // Everywhere: no country is sent at all.
    expect(calls.filter((c) => c.channel === 'bulk:packs').map((c) => c.input)).toEqual([{ country: 'DE' }, {}])
    expect(await store.getState().packCompanies('credit-agencies', 'DE')).toEqual(['schufa'])
    expect(await store.getState().packCompanies('nope', '')).toBeNull()
    expect(toasts).toEqual([{ kind: 'error', text: 'There is no pack "nope".' }])
  })
})

describe('authorities slice', () => {
  it('gives the proposal and every authority, or the reason in words', async () => {
    let broken = false
    const { store } = storeWith({
      'authorities:propose': () => (broken ? failed('NOT_FOUND', 'There is no request RF-2026-0009.') : ok({ proposals: [] })),
      'authorities:list': () => ok([{ id: 'de-bay' }]),
    })
    expect(await store.getState().authorityChoices('RF-2026-0001')).toEqual({ proposed: { proposals: [] }, all: [{ id: 'de-bay' }] })
    broken = true
    expect(await store.getState().authorityChoices('RF-2026-0009')).toEqual({ error: 'There is no request RF-2026-0009.' })
  })
})
