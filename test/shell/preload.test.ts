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

describe('the preload', () => {
  beforeAll(async () => {
    resetFakeElectron()
    await import('../../electron/preload')
  })

  it("exposes 'api' through contextBridge, once, and nothing else", () => {
    const expose = fake().contextBridge.exposeInMainWorld
    expect(expose).toHaveBeenCalledTimes(1)
    expect(expose.mock.calls[0]?.[0]).toBe('api')
  })

  it('does not expose ipcRenderer or any of its functions', () => {
    const exposed = fake().contextBridge.exposeInMainWorld.mock.calls[0]?.[1]
    const ipcRenderer = fake().ipcRenderer
    const leaked = reachable(exposed).filter((value) => value === ipcRenderer || Object.values(ipcRenderer).includes(value as never))
    expect(leaked).toEqual([])
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
