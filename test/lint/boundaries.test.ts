/** The lint rules that keep the layers apart (architecture.md) really fire. */
import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../helpers/ports'

const eslint = new ESLint({ cwd: repoRoot })

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message)
}

describe('layer boundaries', () => {
  it('keep Electron and electron-store out of the core', async () => {
    expect(await problems('electron/core/catalog/x.ts', "import { app } from 'electron'\nexport const a = app\n")).toHaveLength(1)
    expect(await problems('electron/core/x.ts', "import Store from 'electron-store'\nexport const s = Store\n")).toHaveLength(1)
    expect(await problems('electron/core/x.ts', "import fs from 'node:fs'\nexport const f = fs\n")).toEqual([])
  })

  it('allow ipcMain only where the API is registered, and ipcRenderer only in the preload', async () => {
    expect(await problems('electron/shell/window.ts', "import { ipcMain } from 'electron'\nexport const i = ipcMain\n")).toHaveLength(1)
    expect(await problems('electron/shell/ipc.ts', "import { ipcMain } from 'electron'\nexport const i = ipcMain\n")).toEqual([])
    expect(await problems('electron/main.ts', "import { ipcMain } from 'electron'\nipcMain.handle('x', () => 1)\n")).toHaveLength(1)
    expect(await problems('electron/main.ts', "import { ipcRenderer } from 'electron'\nexport const r = ipcRenderer\n")).toHaveLength(1)
  })

  it('let the renderer take only types or the pure modules from the core, and nothing from Node or Electron', async () => {
    const file = 'renderer/src/x.ts'
    expect(await problems(file, "import { createApi } from '@core/api/create-api'\nexport const c = createApi\n")).toHaveLength(1)
    expect(await problems(file, "import type { WindowApi } from '@core/api/contract'\nexport type W = WindowApi\n")).toEqual([])
    expect(await problems(file, "import { describeDate } from '@core/shared/calendar'\nexport const d = describeDate\n")).toEqual([])
    expect(await problems(file, "import { ipcRenderer } from 'electron'\nexport const r = ipcRenderer\n")).toHaveLength(1)
    expect(await problems(file, "import fs from 'node:fs'\nexport const f = fs\n")).toHaveLength(1)
  })

  it('let components call the core only through store actions', async () => {
    const call = "import { api } from '../../api'\nexport const c = () => api().catalog.list({})\n"
    const [said] = await problems('renderer/src/features/companies/X.tsx', call)
    expect(said).toContain('Components call the core through store actions (renderer/src/store), never window.api directly.')
    expect(await problems('renderer/src/ui/X.tsx', "import { api } from '../api'\nexport const c = api\n")).toHaveLength(1)
    // The rest of the renderer's rules still hold there.
    expect(await problems('renderer/src/features/companies/X.tsx', "import fs from 'node:fs'\nexport const f = fs\n")).toHaveLength(1)
    // unwrap and the error helpers are no calls; the store is where calls are made.
    expect(await problems('renderer/src/features/companies/X.tsx', "import { unwrap, messageOf } from '../../api'\nexport const u = [unwrap, messageOf]\n")).toEqual([])
    expect(await problems('renderer/src/store/x-slice.ts', "import { api } from '../api'\nexport const c = api\n")).toEqual([])
  })
})

describe('patterns in the parsers of outside text', () => {
  async function regexpProblems(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) })
    return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('regexp/')).map((m) => m.ruleId!)
  }

  it('may not backtrack or move super-linearly (issue 12: a look-behind over spaces took minutes on 1 MB)', async () => {
    const file = 'electron/core/catalog/policy-import/x.ts'
    expect(await regexpProblems(file, 'export const a = /\\s+#+\\s*$/\n')).toContain('regexp/no-super-linear-move')
    expect(await regexpProblems(file, 'export const b = /^\\s*\\|?\\s*:?-{2,}$/\n')).toContain('regexp/no-super-linear-backtracking')
    expect(await regexpProblems('electron/core/replies/x.ts', 'export const c = /^\\s*<?([^\\s<>@]+@[^\\s<>]+?)>?\\s*:/gm\n')).not.toEqual([])
    expect(await regexpProblems(file, 'export const d = /^\\s*(?:\\|\\s*)?:?-{2,}$/\n')).toEqual([])
  })
})
