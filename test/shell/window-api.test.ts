import { describe, expect, it, vi } from 'vitest'
import { apiChannels, type ApiChannel } from '../../electron/core/api/channels'
import { referencePattern } from '../../electron/core/requests/model'
import { buildPushApi, buildWindowApi, type SubscribePush } from '../../electron/shell/window-api'

type Method = (...args: unknown[]) => Promise<unknown>

function methodOf(api: unknown, channel: string): Method {
  const [domain = '', verb = ''] = channel.split(':')
  return (api as Record<string, Record<string, Method>>)[domain]?.[verb] as Method
}

describe('buildWindowApi', () => {
  it('creates one function per channel, grouped by domain, and nothing else', () => {
    const api = buildWindowApi(apiChannels, vi.fn(async () => null))
    for (const channel of apiChannels) expect(methodOf(api, channel)).toBeTypeOf('function')
    const count = Object.values(api).reduce((n, methods) => n + Object.keys(methods).length, 0)
    expect(count).toBe(apiChannels.length)
    expect(Object.keys(api).sort()).toEqual([...new Set(apiChannels.map((c) => c.split(':')[0]))].sort())
  })

  it('forwards exactly one argument to its own channel', async () => {
    const invoke = vi.fn(async (channel: ApiChannel, input: unknown) => ({ channel, input }))
    const api = buildWindowApi(apiChannels, invoke)
    for (const channel of apiChannels) {
      invoke.mockClear()
      const input = { marker: channel }
      await expect(methodOf(api, channel)(input, 'extra', { more: true })).resolves.toEqual({ channel, input })
      expect(invoke).toHaveBeenCalledTimes(1)
      expect(invoke.mock.calls[0]).toEqual([channel, input])
    }
  })

  it('freezes what it builds', () => {
    const api = buildWindowApi(apiChannels, vi.fn(async () => null)) as unknown as Record<string, Record<string, unknown>>
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.isFrozen(api.catalog)).toBe(true)
    expect(() => {
      api.catalog!.search = () => 'hijacked'
    }).toThrow(TypeError)
  })

  it('refuses malformed and repeated channels', () => {
    const invoke = vi.fn(async () => null)
    expect(() => buildWindowApi(['catalog' as ApiChannel], invoke)).toThrow(/domain:verb/)
    expect(() => buildWindowApi(['a:b:c' as ApiChannel], invoke)).toThrow(/domain:verb/)
    expect(() => buildWindowApi([':search' as ApiChannel], invoke)).toThrow(/domain:verb/)
    expect(() => buildWindowApi(['catalog:search', 'catalog:search'], invoke)).toThrow(/twice/)
  })
})

/** A subscribe that records listeners per channel, like ipcRenderer.on/removeListener would. */
function fakeSubscribe() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const unsubscribed = vi.fn()
  const subscribe = vi.fn<SubscribePush>((channel, listener) => {
    const set = listeners.get(channel) ?? new Set()
    listeners.set(channel, set)
    set.add(listener)
    return () => {
      unsubscribed(channel)
      set.delete(listener)
    }
  })
  const push = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener(payload)
  }
  return { subscribe, unsubscribed, push, count: (channel: string) => listeners.get(channel)?.size ?? 0 }
}

describe('buildPushApi', () => {
  it('has onOpenRequest and onProgress only, frozen', () => {
    const events = buildPushApi(fakeSubscribe().subscribe)
    expect(Object.keys(events)).toEqual(['onOpenRequest', 'onProgress'])
    expect(Object.isFrozen(events)).toBe(true)
  })

  it("calls back with a long operation's progress, copied field by field, for 'app:progress' only", () => {
    const bus = fakeSubscribe()
    const callback = vi.fn()
    const unsubscribe = buildPushApi(bus.subscribe).onProgress(callback)
    expect(bus.subscribe.mock.calls.map((call) => call[0])).toEqual(['app:progress'])
    const report = { operation: 'op-abc12345', channel: 'catalog:import', stage: 'reading', done: 3, total: 10, message: 'Reading file 4 of 10…', cancellable: true }
    bus.push('app:progress', { ...report, extra: 'never passed on', __proto__: { polluted: true } })
    bus.push('app:progress', { ...report, total: null })
    for (const junk of [null, 'x', { ...report, done: -1 }, { ...report, total: Number.NaN }, { ...report, operation: '' }, { ...report, message: 'x'.repeat(1001) }, { ...report, cancellable: 'yes' }]) {
      bus.push('app:progress', junk)
    }
    bus.push('app:open-request', report)
    expect(callback.mock.calls).toEqual([[report], [{ ...report, total: null }]])
    expect(Object.keys(callback.mock.calls[0]![0] as object)).toEqual(['operation', 'channel', 'stage', 'done', 'total', 'message', 'cancellable'])
    unsubscribe()
    expect(() => buildPushApi(bus.subscribe).onProgress('not a function' as never)).toThrow(TypeError)
  })

  it("calls back with the reference alone, for 'app:open-request' only", () => {
    const bus = fakeSubscribe()
    const callback = vi.fn()
    buildPushApi(bus.subscribe).onOpenRequest(callback)
    expect(bus.subscribe.mock.calls.map((call) => call[0])).toEqual(['app:open-request'])

    bus.push('app:open-request', 'RF-2026-0001')
    bus.push('app:open-request', 'RF-2026-12345')
    bus.push('app:something-else', 'RF-2026-0002')
    expect(callback.mock.calls).toEqual([['RF-2026-0001'], ['RF-2026-12345']])
  })

  it('drops every payload that is not a request reference', () => {
    const bus = fakeSubscribe()
    const callback = vi.fn()
    buildPushApi(bus.subscribe).onOpenRequest(callback)
    const junk: unknown[] = [
      undefined,
      null,
      42,
      {},
      ['RF-2026-0001'],
      { reference: 'RF-2026-0001' },
      '',
      'RF-2026-001',
      'RF-26-0001',
      'rf-2026-0001',
      ' RF-2026-0001',
      'RF-2026-0001\n',
      'RF-2026-0001/../x',
      'javascript:alert(1)',
    ]
    for (const payload of junk) bus.push('app:open-request', payload)
    expect(callback).not.toHaveBeenCalled()
  })

  it("accepts what the core's reference pattern accepts", () => {
    for (const sample of ['RF-2026-0001', 'RF-1999-9999', 'RF-2026-000123', 'RF-2026-01', 'RF-2026-0001x', 'XRF-2026-0001']) {
      const bus = fakeSubscribe()
      const callback = vi.fn()
      buildPushApi(bus.subscribe).onOpenRequest(callback)
      bus.push('app:open-request', sample)
      expect(callback.mock.calls.length === 1, sample).toBe(referencePattern.test(sample))
    }
  })

  it('unsubscribes once, however often the page calls it, and each subscription on its own', () => {
    const bus = fakeSubscribe()
    const events = buildPushApi(bus.subscribe)
    const first = vi.fn()
    const second = vi.fn()
    const stopFirst = events.onOpenRequest(first)
    events.onOpenRequest(second)
    expect(bus.count('app:open-request')).toBe(2)

    stopFirst()
    stopFirst()
    expect(bus.unsubscribed).toHaveBeenCalledTimes(1)
    bus.push('app:open-request', 'RF-2026-0001')
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledWith('RF-2026-0001')
  })

  it('refuses a callback that is not a function, without subscribing', () => {
    const bus = fakeSubscribe()
    const events = buildPushApi(bus.subscribe)
    expect(() => events.onOpenRequest('alert(1)' as never)).toThrow(TypeError)
    expect(bus.subscribe).not.toHaveBeenCalled()
  })
})
