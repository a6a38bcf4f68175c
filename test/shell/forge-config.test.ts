/**
 * The packaging configuration: the fuses the packaged Electron is built with, and which installer
 * each operating system gets (the README's "Build installers" says the same).
 */
import { FuseV1Options, FuseVersion } from '@electron/fuses'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import config, { fuses } from '../../forge.config'
import { repoRoot } from '../helpers/ports'

type MakerLike = { name: string; platforms: string[]; configOrConfigFetcher?: { options?: { name?: string } } }
type PluginLike = { name: string; fusesConfig?: Record<string, unknown> }

describe('forge.config.ts', () => {
  it('flips the fuses of the Forge template, and takes file:// its extra privileges', () => {
    expect(fuses).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    })
    const plugin = (config.plugins as PluginLike[] | undefined)?.find((p) => p.name === 'fuses')
    expect(plugin?.fusesConfig).toBe(fuses)
  })

  it('builds the core as its own bundles beside main.js, with the names the main process forks', () => {
    const plugin = (config.plugins as Array<{ name: string; config?: { build?: Array<{ entry: string; config: string; target: string }> } }> | undefined)?.find((p) => p.name === 'vite')
    const entries = plugin?.config?.build ?? []
    // Forge names each output after its entry: core.ts gives core.js, compute-worker.ts compute-worker.js.
    expect(entries.map((e) => [path.basename(e.entry, '.ts'), e.target])).toEqual([
      ['main', 'main'],
      ['preload', 'preload'],
      ['core', 'main'],
      ['compute-worker', 'main'],
    ])
    const main = fs.readFileSync(path.join(repoRoot, 'electron', 'main.ts'), 'utf8')
    expect(main).toContain("path.join(__dirname, 'core.js')")
    expect(main).toContain("path.join(__dirname, 'compute-worker.js')")
  })

  it('packs the app into an asar archive, the integrity fuse checks', () => {
    expect(config.packagerConfig?.asar).toBe(true)
  })

  it('makes squirrel on Windows, dmg and zip on macOS, deb, rpm and zip on Linux', () => {
    const makers = (config.makers as MakerLike[] | undefined) ?? []
    const on = (platform: string) => makers.filter((m) => m.platforms.includes(platform)).map((m) => m.name).sort()
    expect(on('win32')).toEqual(['squirrel', 'zip'])
    expect(on('darwin')).toEqual(['dmg', 'zip'])
    expect(on('linux')).toEqual(['deb', 'rpm', 'zip'])
  })

  it('names the .desktop file the Linux installers write, so the app finds it for its badge', () => {
    const makers = (config.makers as MakerLike[] | undefined) ?? []
    const names = makers.filter((m) => m.name === 'deb' || m.name === 'rpm').map((m) => m.configOrConfigFetcher?.options?.name)
    expect(names).toEqual(['rightful', 'rightful'])
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { desktopName?: string }
    expect(pkg.desktopName).toBe('rightful.desktop')
  })
})
