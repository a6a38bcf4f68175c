import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { apiChannels } from '../../electron/core/api/channels'
import { fake, resetFakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const preloadFile = path.resolve(__dirname, '..', '..', 'electron', 'preload.ts')

/** Every value reachable from `root` (functions and objects), to look for leaked Electron objects. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>()
  const visit = (value: unknown) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return
    seen.add(value)
    for (const key of Object.getOwnPropertyNames(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)
      if (descriptor && 'value' in descriptor) visit(descriptor.value)
    }
  }
  visit(root)
  return [...seen]
}

type Events = { onOpenRequest(callback: (reference: string) => void): () => void }

/** What the preload exposed as `window.rightfulEvents`. */
function exposedEvents(): Events {
  const call = fake().contextBridge.exposeInMainWorld.mock.calls.find((c) => c[0] === 'rightfulEvents')
  if (!call) throw new Error("'rightfulEvents' was not exposed")
  return call[1] as Events
}

describe('the preload', () => {
  beforeAll(async () => {
    resetFakeElectron()
    await import('../../electron/preload')
  })

  it("exposes 'api' and 'rightfulEvents' through contextBridge, once each, and nothing else", () => {
    const expose = fake().contextBridge.exposeInMainWorld
    expect(expose.mock.calls.map((call) => call[0])).toEqual(['api', 'rightfulEvents'])
  })

  it('does not expose ipcRenderer or any of its functions', () => {
    const ipcRenderer = fake().ipcRenderer
    for (const [, exposed] of fake().contextBridge.exposeInMainWorld.mock.calls) {
      const leaked = reachable(exposed).filter((value) => value === ipcRenderer || Object.values(ipcRenderer).includes(value as never))
      expect(leaked).toEqual([])
    }
  })

  it("gives 'rightfulEvents' only onOpenRequest and onProgress, frozen", () => {
    const events = exposedEvents()
    expect(Object.keys(events)).toEqual(['onOpenRequest', 'onProgress'])
    expect(Object.isFrozen(events)).toBe(true)
  })

  it('subscribes with its own wrapper, passes the reference alone, and removes that wrapper again', () => {
    const { on, removeListener } = fake().ipcRenderer
    on.mockClear()
    removeListener.mockClear()
    const callback = vi.fn()
    const unsubscribe = exposedEvents().onOpenRequest(callback)

    expect(on).toHaveBeenCalledTimes(1)
    const [channel, wrapper] = on.mock.calls[0] as unknown as [string, (...args: unknown[]) => void]
    expect(channel).toBe('app:open-request')
    expect(wrapper).not.toBe(callback)

    const event = { sender: fake().ipcRenderer, senderId: 0 }
    wrapper(event, 'RF-2026-0001')
    wrapper(event, 'not a reference')
    wrapper(event, { reference: 'RF-2026-0001' })
    expect(callback.mock.calls).toEqual([['RF-2026-0001']])

    unsubscribe()
    unsubscribe()
    expect(removeListener.mock.calls).toEqual([['app:open-request', wrapper]])
  })

  it('sends each call as ipcRenderer.invoke(channel, input)', async () => {
    const exposed = fake().contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as Record<string, Record<string, (...a: unknown[]) => unknown>>
    const invoke = fake().ipcRenderer.invoke
    for (const channel of apiChannels) {
      invoke.mockClear()
      const [domain = '', verb = ''] = channel.split(':')
      await exposed[domain]?.[verb]?.({ probe: 1 }, 'ignored')
      expect(invoke.mock.calls).toEqual([[channel, { probe: 1 }]])
    }
    expect(fake().ipcRenderer.send).not.toHaveBeenCalled()
    expect(fake().ipcRenderer.sendSync).not.toHaveBeenCalled()
  })

  it('imports only electron, the channel list and the window-api builder', () => {
    const source = fs.readFileSync(preloadFile, 'utf8')
    const imports = [...source.matchAll(/(?:import|from)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1])
    expect(imports.sort()).toEqual(['./core/api/channels', './shell/window-api', 'electron'])
    expect(source).not.toMatch(/require\s*\(/)
  })

  it('pulls in no run-time code beyond that: the builder and the channel list import only types', () => {
    for (const file of ['shell/window-api.ts', 'core/api/channels.ts']) {
      const source = fs.readFileSync(path.resolve(__dirname, '..', '..', 'electron', file), 'utf8')
      const runtimeImports = source.split('\n').filter((line) => /^\s*(import|export)\b.*\bfrom\b/.test(line) && !/^\s*(import|export) type\b/.test(line))
      expect(runtimeImports).toEqual([])
    }
  })
})
