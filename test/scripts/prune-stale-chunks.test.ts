import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/ports'
import { pruneStaleChunks } from '../../vite.resources'

describe('the CLI build removes the chunks of earlier builds (vite.resources.ts pruneStaleChunks)', () => {
  it('keeps what this build wrote and the resources, and removes older scripts and their maps', () => {
    const dir = tempDir()
    const files = ['cli.js', 'cli.js.map', 'core-NEW1.js', 'core-NEW1.js.map', 'core-OLD1.js', 'core-OLD1.js.map', 'mail-OLD2.js', 'notes.txt']
    for (const file of files) fs.writeFileSync(path.join(dir, file), file)
    fs.mkdirSync(path.join(dir, 'resources', 'templates'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'resources', 'templates', 'helper.js'), 'kept')
    const plugin = pruneStaleChunks()
    const hook = plugin.writeBundle as (options: { dir?: string }, bundle: Record<string, unknown>) => void
    hook.call(null, { dir }, { 'cli.js': {}, 'cli.js.map': {}, 'core-NEW1.js': {}, 'core-NEW1.js.map': {} })
    expect(fs.readdirSync(dir).sort()).toEqual(['cli.js', 'cli.js.map', 'core-NEW1.js', 'core-NEW1.js.map', 'notes.txt', 'resources'])
    expect(fs.readFileSync(path.join(dir, 'resources', 'templates', 'helper.js'), 'utf8')).toBe('kept')
  })
})
