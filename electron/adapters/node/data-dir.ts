/** Where the user's data folder is, for the hosts that run in plain Node (the CLI, the harness). */
import os from 'node:os'
import path from 'node:path'

/** The folder Electron's app.getPath('userData') gives the desktop app, so the CLI finds its data. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir()
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'))
  return path.join(appData, 'Rightful')
}

/** RIGHTFUL_DATA_DIR when set (tests use it), else the desktop app's own data folder. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.RIGHTFUL_DATA_DIR?.trim()
  return fromEnv ? path.resolve(fromEnv) : defaultDataDir(env)
}
