/** The core's TypeScript sources, for the tests that read them (error sites, user words, layers). */
import fs from 'node:fs'
import path from 'node:path'

export const coreDir = path.resolve(__dirname, '../../electron/core')

/** Every .ts file under a folder (declaration files left out), sorted. */
export function sourceFiles(dir: string = coreDir): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) found.push(...sourceFiles(full))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(full)
  }
  return found.sort()
}
