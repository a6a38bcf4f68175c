/**
 * The core's folders stay in one downhill order (issue 16): the lint rule of eslint/core-layers.mjs
 * refuses an import of a folder of the same layer or above, and, checked apart from that rule, the
 * folders of electron/core import one another in no circle.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { coreLayers } from '../../eslint/core-layers.mjs'
import { coreDir, sourceFiles } from '../helpers/core-sources'
import { repoRoot } from '../helpers/ports'

const eslint = new ESLint({ cwd: repoRoot })

async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'core/layers').map((m) => m.message)
}


/** Relative specifiers of imports, re-exports, dynamic imports and import types in a source text. */
function specifiersOf(source: string): string[] {
  const found: string[] = []
  for (const match of source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(match[1])
  return found
}

/** The folder graph of electron/core: folder -> folders its files import. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>()
  for (const file of sourceFiles(coreDir)) {
    const from = path.relative(coreDir, file).split(path.sep)
    const own = from.length > 1 ? from[0] : ''
    for (const spec of specifiersOf(fs.readFileSync(file, 'utf8'))) {
      const rel = path.relative(coreDir, path.resolve(path.dirname(file), spec))
      if (rel.startsWith('..')) continue
      const parts = rel.split(path.sep)
      const target = parts.length > 1 ? parts[0] : ''
      if (target === own) continue
      if (!graph.has(own)) graph.set(own, new Set())
      graph.get(own)?.add(target)
    }
  }
  return graph
}

/** A circle in a graph, as the folders along it, or null. */
function circleIn(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const trail: string[] = []
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null
    if (state.get(node) === 'open') return [...trail.slice(trail.indexOf(node)), node]
    state.set(node, 'open')
    trail.push(node)
    for (const next of graph.get(node) ?? []) {
      const circle = visit(next)
      if (circle) return circle
    }
    trail.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of graph.keys()) {
    const circle = visit(node)
    if (circle) return circle
  }
  return null
}

describe('the core in one order', () => {
  it('refuses an import of a higher layer, of the same layer, and from the core root', async () => {
    const [up] = await layerProblems('electron/core/deadlines/x.ts', "import type { RequestRecord } from '../requests/model'\nexport type R = RequestRecord\n")
    expect(up).toContain('electron/core/deadlines (layer 2) may not import electron/core/requests (layer 4, above it)')
    expect(await layerProblems('electron/core/catalog/x.ts', "import { openSettingsStore } from '../settings/settings'\nexport const o = openSettingsStore\n")).toEqual([
      expect.stringContaining('layer 3, the same'),
    ])
    expect(await layerProblems('electron/core/catalog/policy-import/x.ts', "export const load = () => import('../../api/create-api')\n")).toHaveLength(1)
    expect(await layerProblems('electron/core/templates/x.ts', "export { createApi } from '@core/api/create-api'\n")).toHaveLength(1)
    expect(await layerProblems('electron/core/x.ts', "import { ok } from './shared/result'\nexport const o = ok\n")).toEqual([expect.stringContaining("none in the core's root")])
    expect(await layerProblems('electron/core/newfolder/x.ts', "import { slugOf } from '../catalog/slug'\nexport const s = slugOf\n")).toEqual([expect.stringContaining('"newfolder" has no layer')])
  })

  it('lets a folder import its own files and every lower layer', async () => {
    expect(await layerProblems('electron/core/requests/x.ts', "import { isLanguage } from '@core/shared/kinds'\nimport { computeDeadline } from '../deadlines/engine'\nimport { summarize } from './model'\nexport const f = [isLanguage, computeDeadline, summarize]\n")).toEqual([])
    expect(await layerProblems('electron/core/api/x.ts', "import { openCatalog } from '../catalog/catalog'\nexport const o = openCatalog\n")).toEqual([])
    expect(await layerProblems('electron/main-x.ts', "import { createApi } from './core/api/create-api'\nexport const c = createApi\n")).toEqual([])
  })

  it('names every folder of electron/core in exactly one layer', () => {
    const folders = fs.readdirSync(coreDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
    const layered = coreLayers.flat()
    expect(new Set(layered).size).toBe(layered.length)
    expect([...folders].sort()).toEqual([...layered].sort())
    expect(fs.readdirSync(coreDir).filter((name) => name.endsWith('.ts'))).toEqual([])
  })

  it('has no circle among the folders of electron/core', () => {
    const graph = folderGraph()
    expect(graph.get('api')?.size ?? 0).toBeGreaterThan(10)
    expect(circleIn(graph)).toBeNull()
  })

  it('finds a circle where there is one (the check itself can fail)', () => {
    const graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]])
    expect(circleIn(graph)).toEqual(['a', 'b', 'c', 'a'])
  })
})
