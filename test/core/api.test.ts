import { describe, expect, it } from 'vitest'
import { apiChannels } from '../../electron/core/api/channels'
import { contract } from '../../electron/core/api/contract'
import { mergeHandlers } from '../../electron/core/api/create-api'
import { startCore } from '../helpers/ports'

describe('the API contract', () => {
  it('has one schema per channel and nothing else', () => {
    expect(Object.keys(contract).sort()).toEqual([...apiChannels].sort())
    for (const channel of apiChannels) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/)
  })

  it('answers an unknown method and bad input with errors as data', async () => {
    const { api } = startCore()
    expect(await api.invoke('catalog:drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    expect(await api.invoke(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    const extra = await api.invoke('catalog:search', { query: 'fs', sneaky: true })
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const wrongType = await api.invoke('catalog:search', { query: 5 })
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'query' }] } })
    const notObject = await api.invoke('profile:save', 'Alex')
    expect(notObject).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('rejects a second handler for the same method, and a method without one', () => {
    const one = { 'app:status': () => ({}) } as never
    expect(() => mergeHandlers([one, one])).toThrow(/Two handlers/)
    expect(() => mergeHandlers([one])).toThrow(/No handler/)
  })

  it('computes a deadline through the API, and reports an unknown country as data', async () => {
    const { api } = startCore()
    expect(await api.call('deadlines:compute', { law: 'gdpr', country: 'DE-BY', received: '2026-01-31' })).toMatchObject({
      ok: true,
      data: { due: '2026-03-02', extendedDue: '2026-04-30' },
    })
    expect(await api.call('deadlines:compute', { law: 'gdpr', country: 'QQ', received: '2026-01-31' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_COUNTRY' },
    })
  })
})
