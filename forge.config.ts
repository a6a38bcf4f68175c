import type { ForgeConfig } from '@electron-forge/shared-types'
import { MakerDeb } from '@electron-forge/maker-deb'
import { MakerDMG } from '@electron-forge/maker-dmg'
import { MakerRpm } from '@electron-forge/maker-rpm'
import { MakerSquirrel } from '@electron-forge/maker-squirrel'
import { MakerZIP } from '@electron-forge/maker-zip'
import { FusesPlugin } from '@electron-forge/plugin-fuses'
import { VitePlugin } from '@electron-forge/plugin-vite'
import { FuseV1Options, FuseVersion } from '@electron/fuses'

/** The fuses the packaged app is built with (exported for the test that checks them). */
export const fuses = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const

const description = 'Exercise your data-protection rights: find the privacy contact, write the request, track the deadline. Offline.'

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Rightful',
    executableName: 'rightful',
    appBundleId: 'org.rightful.desktop',
    appCategoryType: 'public.app-category.productivity',
    // The platform picks icon.icns, icon.ico or icon.png.
    icon: 'assets/icons/icon',
    // Main, preload and renderer are bundled into .vite/ with the resources (templates, fonts,
    // catalog) they read; the Vite plugin leaves everything else out of the package.
    asar: true,
  },
  rebuildConfig: {},
  makers: [
    new MakerSquirrel({ name: 'Rightful', setupIcon: 'assets/icons/icon.ico', description }),
    new MakerZIP({}, ['darwin', 'linux', 'win32']),
    new MakerDMG({ icon: 'assets/icons/icon.icns', format: 'ULFO' }),
    new MakerDeb({
      options: { name: 'rightful', productName: 'Rightful', icon: 'assets/icons/icon.png', categories: ['Office', 'Utility'], description },
    }),
    new MakerRpm({ options: { name: 'rightful', productName: 'Rightful', icon: 'assets/icons/icon.png', categories: ['Office', 'Utility'], description } }),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
        // The core's own utility process and its policy reader (core.js, compute-worker.js beside main.js).
        { entry: 'electron/core-host/core.ts', config: 'vite.core.config.ts', target: 'main' },
        { entry: 'electron/core-host/compute-worker.ts', config: 'vite.core.config.ts', target: 'main' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    // Electron's fuses, flipped at package time: no running as plain Node, no NODE_OPTIONS or
    // inspector flags, cookies encrypted, only the integrity-checked app.asar loads, and file://
    // pages get no more than a browser gives them (the app is served on app://rightful/, see
    // electron/shell/app-protocol.ts). The others keep Electron's defaults.
    new FusesPlugin(fuses),
  ],
}

export default config
