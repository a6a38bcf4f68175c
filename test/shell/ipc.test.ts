import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiChannels } from '../../electron/core/api/channels'
import { registerApi, removeStrayListeners, strayChannels } from '../../electron/shell/ipc'
import { isTrustedSender, trustSender, type SenderEvent } from '../../electron/shell/trusted-senders'
import type { AppOrigin } from '../../electron/shell/trusted-url'
import { startCore, type TestHost } from '../helpers/ports'
import { FakeIpcMain } from './fake-electron'

const appOrigin: AppOrigin = { kind: 'url', url: 'http://localhost:5173' }
const appPage = 'http://localhost:5173/'

/** A webContents the app created (trusted) and one it did not. */
const ours = Object.assign(new EventEmitter(), { id: 501 })
const stranger = Object.assign(new EventEmitter(), { id: 502 })
trustSender(ours)

function event(id: number, url: string, parent: unknown = null): SenderEvent {
  return { sender: { id }, senderFrame: { url, parent } }
}

const isTrusted = (e: SenderEvent) => isTrustedSender(e, appOrigin)

let ipcMain: FakeIpcMain
const spyApi = () => ({ invoke: vi.fn(async (_channel: unknown, _input: unknown) => ({ ok: true as const, data: 'from core' })) })

beforeEach(() => {
  ipcMain = new FakeIpcMain()
})

describe('registerApi', () => {
  it('registers every channel exactly once, and nothing else', () => {
    registerApi(ipcMain, spyApi(), isTrusted)
    const registered = ipcMain.handle.mock.calls.map(([channel]) => channel)
    expect([...registered].sort()).toEqual([...apiChannels].sort())
    expect(new Set(registered).size).toBe(registered.length)
  })

  it('removes every handler when unregistered, so it can be registered again', () => {
    const unregister = registerApi(ipcMain, spyApi(), isTrusted)
    unregister()
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(apiChannels.length)
    expect(() => registerApi(ipcMain, spyApi(), isTrusted)).not.toThrow()
  })

  it.each([
    ['an unknown webContents', event(stranger.id, appPage)],
    ['a subframe', event(ours.id, appPage, { url: appPage })],
    ['a foreign page', event(ours.id, 'https://evil.example/')],
    ['another local port', event(ours.id, 'http://localhost:8080/')],
    ['a frame that is gone', { sender: { id: ours.id }, senderFrame: null }],
  ])('answers %s with UNTRUSTED_SENDER and never calls the core', async (_name, untrusted) => {
    const api = spyApi()
    registerApi(ipcMain, api, isTrusted)
    for (const channel of apiChannels) {
      const result = await ipcMain.invoke(channel, untrusted, { query: 'x' })
      expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    }
    expect(api.invoke).not.toHaveBeenCalled()
  })

  it('treats a sender check that throws as untrusted', async () => {
    const api = spyApi()
    registerApi(ipcMain, api, () => {
      throw new Error('boom')
    })
    expect(await ipcMain.invoke('app:status', event(ours.id, appPage), {})).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } })
    expect(api.invoke).not.toHaveBeenCalled()
  })

  it('forwards exactly one argument object from a trusted sender', async () => {
    const api = spyApi()
    registerApi(ipcMain, api, isTrusted)
    const input = { query: 'fs', limit: 5 }
    const result = await ipcMain.invoke('catalog:search', event(ours.id, appPage), input, { sneaky: true }, 'more')
    expect(result).toEqual({ ok: true, data: 'from core' })
    expect(api.invoke).toHaveBeenCalledTimes(1)
    expect(api.invoke.mock.calls[0]).toEqual(['catalog:search', input])
  })

  it('turns a core that throws into an INTERNAL result', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    registerApi(ipcMain, { invoke: async () => Promise.reject(new Error('disk on fire')) }, isTrusted)
    expect(await ipcMain.invoke('app:status', event(ours.id, appPage), {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(log).toHaveBeenCalled()
    log.mockRestore()
  })
})

describe('registerApi with the real core', () => {
  let host: TestHost
  beforeAll(() => {
    host = startCore()
  })
  beforeEach(() => {
    ipcMain = new FakeIpcMain()
    registerApi(ipcMain, host.api, isTrusted)
  })
  afterAll(() => {
    fs.rmSync(host.dataDir, { recursive: true, force: true })
    fs.rmSync(host.outDir, { recursive: true, force: true })
  })

  it('returns INVALID_INPUT as data for a trusted call with bad input', async () => {
    const wrongType = await ipcMain.invoke('catalog:search', event(ours.id, appPage), { query: 5 })
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'query' }] } })
    const extraKey = await ipcMain.invoke('catalog:search', event(ours.id, appPage), { query: 'a', sneaky: true })
    expect(extraKey).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const notAnObject = await ipcMain.invoke('profile:save', event(ours.id, appPage), 'Alex')
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('answers a trusted, valid call with data', async () => {
    const status = await ipcMain.invoke('app:status', event(ours.id, appPage), {})
    expect(status).toMatchObject({ ok: true, data: { version: '0.0.0-test', dataDir: host.dataDir } })
    const noArgument = await ipcMain.invoke('catalog:list', event(ours.id, appPage))
    expect(noArgument).toMatchObject({ ok: true })
  })
})

describe('removeStrayListeners', () => {
  it("drops electron-store's renderer helper from ipcMain", () => {
    const main = new FakeIpcMain()
    main.on('electron-store-get-data', () => undefined)
    main.on('something-else', () => undefined)
    removeStrayListeners(main)
    expect(strayChannels).toContain('electron-store-get-data')
    expect(main.listenerCount('electron-store-get-data')).toBe(0)
    expect(main.listenerCount('something-else')).toBe(1)
  })
})
