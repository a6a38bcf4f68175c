import { describe, expect, it, vi } from 'vitest'
import { apiChannels, type ApiChannel } from '../../electron/core/api/channels'
import { buildWindowApi } from '../../electron/shell/window-api'

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
