/**
 * The preload: exposes `window.api`, one function per API channel, and nothing else. It runs
 * sandboxed as one bundled file, so it imports only electron, the channel list and the builder;
 * `ipcRenderer` itself never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { apiChannels } from './core/api/channels'
import { buildWindowApi } from './shell/window-api'

contextBridge.exposeInMainWorld(
  'api',
  buildWindowApi(apiChannels, (channel, input) => ipcRenderer.invoke(channel, input)),
)
