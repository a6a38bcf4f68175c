/**
 * The preload: exposes `window.api`, one function per API channel, and `window.rightfulEvents`,
 * one method per message the main process pushes, and nothing else. It runs sandboxed as one
 * bundled file, so it imports only electron, the channel list and the builders; `ipcRenderer`
 * itself never reaches the page, nor does an IPC event.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { apiChannels } from './core/api/channels'
import { buildPushApi, buildWindowApi } from './shell/window-api'

contextBridge.exposeInMainWorld(
  'api',
  buildWindowApi(apiChannels, (channel, input) => ipcRenderer.invoke(channel, input)),
)

contextBridge.exposeInMainWorld(
  'rightfulEvents',
  buildPushApi((channel, listener) => {
    // Our own wrapper: the page's callback gets the payload alone, never the event.
    const wrapper = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, wrapper)
    return () => {
      ipcRenderer.removeListener(channel, wrapper)
    }
  }),
)
