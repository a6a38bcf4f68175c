import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { isTrustedSender, isTrustedSenderId, trustSender, type SenderEvent } from '../../electron/shell/trusted-senders'
import type { AppOrigin } from '../../electron/shell/trusted-url'

const appOrigin: AppOrigin = { kind: 'url', url: 'http://localhost:5173' }
let nextId = 1000

function contents() {
  return Object.assign(new EventEmitter(), { id: nextId++ })
}

function eventFrom(id: number, frame: SenderEvent['senderFrame']): SenderEvent {
  return { sender: { id }, senderFrame: frame }
}

describe('trusted senders', () => {
  it('trusts the main frame of a registered webContents on the app page', () => {
    const wc = contents()
    trustSender(wc)
    expect(isTrustedSenderId(wc.id)).toBe(true)
    expect(isTrustedSender(eventFrom(wc.id, { url: 'http://localhost:5173/', parent: null }), appOrigin)).toBe(true)
  })

  it('forgets a webContents once it is destroyed', () => {
    const wc = contents()
    trustSender(wc)
    wc.emit('destroyed')
    expect(isTrustedSenderId(wc.id)).toBe(false)
    expect(isTrustedSender(eventFrom(wc.id, { url: 'http://localhost:5173/', parent: null }), appOrigin)).toBe(false)
  })

  it('refuses an unknown webContents, a subframe, a foreign page and a missing frame', () => {
    const wc = contents()
    trustSender(wc)
    const mainFrame = { url: 'http://localhost:5173/', parent: null }
    expect(isTrustedSender(eventFrom(nextId + 50, mainFrame), appOrigin)).toBe(false)
    expect(isTrustedSender(eventFrom(wc.id, { url: 'http://localhost:5173/', parent: mainFrame }), appOrigin)).toBe(false)
    expect(isTrustedSender(eventFrom(wc.id, { url: 'https://evil.example/', parent: null }), appOrigin)).toBe(false)
    expect(isTrustedSender(eventFrom(wc.id, { url: 'http://localhost:5174/', parent: null }), appOrigin)).toBe(false)
    expect(isTrustedSender(eventFrom(wc.id, null), appOrigin)).toBe(false)
  })

  it('treats a frame that throws when read as untrusted', () => {
    const wc = contents()
    trustSender(wc)
    const event = {
      sender: { id: wc.id },
      get senderFrame(): SenderEvent['senderFrame'] {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    }
    expect(isTrustedSender(event, appOrigin)).toBe(false)
  })

  it('trusts the built app only from app://rightful, not from file:// or another app: host', () => {
    const built: AppOrigin = { kind: 'app' }
    const wc = contents()
    trustSender(wc)
    const from = (url: string) => isTrustedSender(eventFrom(wc.id, { url, parent: null }), built)
    expect(from('app://rightful/index.html')).toBe(true)
    expect(from('app://rightful/index.html#/settings')).toBe(true)
    expect(from('file:///opt/Rightful/resources/app.asar/.vite/renderer/main_window/index.html')).toBe(false)
    expect(from('app://evil/index.html')).toBe(false)
    expect(from('app://rightful.evil/index.html')).toBe(false)
    expect(from('http://localhost:5173/')).toBe(false)
    expect(isTrustedSender(eventFrom(wc.id, { url: 'app://rightful/index.html', parent: { url: 'app://rightful/index.html' } }), built)).toBe(false)
  })
})
