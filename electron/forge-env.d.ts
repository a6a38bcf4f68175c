/** Globals defined by Electron Forge's Vite plugin (and by vite.main.config.ts standalone). */

/** The renderer dev server's URL while running `electron-forge start`; undefined in a build. */
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined
/** The renderer's name, which is also its folder under .vite/renderer/. */
declare const MAIN_WINDOW_VITE_NAME: string
