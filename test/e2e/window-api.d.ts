// The page's window.api, as the preload (or the harness bridge) exposes it.
import type { WindowApi } from '../../electron/core/api/contract'

declare global {
  interface Window {
    readonly api: WindowApi
  }
}
