import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

import { fake, resetFakeElectron } from './fake-electron'
import { createPdfPrinter } from '../../electron/shell/print'

describe('printing a letter', () => {
  let temp: string
  beforeEach(() => {
    resetFakeElectron()
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-print-'))
    fake().app.paths.temp = temp
  })

  it('opens the PDF in a hidden, locked-down window, shows the print dialog, then cleans up', async () => {
    const printer = createPdfPrinter(() => null)
    const result = await printer.print({ title: 'RF-2026-0001 FS.COM', suggestedName: 'x.pdf', bytes: new TextEncoder().encode('%PDF-1.7 test') })
    expect(result).toEqual({ outcome: 'printed' })
    const window = fake().windows.at(-1)!
    expect(window.options).toMatchObject({ show: false, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, plugins: true } })
    expect(window.options.webPreferences).not.toHaveProperty('preload')
    const loaded = window.loadFile.mock.calls[0]![0]
    expect(loaded.startsWith(temp)).toBe(true)
    expect(window.webContents.print).toHaveBeenCalledWith({ silent: false, printBackground: true }, expect.any(Function))
    expect(window.destroy).toHaveBeenCalled()
    expect(fs.existsSync(loaded)).toBe(false)
    expect(window.webContents.attempt('will-navigate', 'https://example.com')).toBe(true)
  })

  it('says when the user cancelled', async () => {
    fake().printAnswer = false
    const result = await createPdfPrinter(() => null).print({ title: 't', suggestedName: 'x.pdf', bytes: new Uint8Array([37]) })
    expect(result).toEqual({ outcome: 'cancelled' })
    expect(fs.readdirSync(temp)).toEqual([])
  })
})
