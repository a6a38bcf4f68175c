/**
 * Printing a letter with the system's print dialog: the PDF goes to a temporary file, opens in a
 * hidden window with Chromium's PDF viewer, and that window prints. The window has no preload and
 * no Node, cannot navigate, and is closed (and the file removed) once the dialog is done.
 */
import { app, BrowserWindow, type BaseWindow } from 'electron'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Printer } from '../core/api/ports'
import { writeFileAtomicSync } from '../core/storage/files'

export function createPdfPrinter(getParent: () => BaseWindow | null): Printer {
  return {
    async print({ title, bytes }) {
      const file = path.join(app.getPath('temp'), `rightful-print-${randomBytes(6).toString('hex')}.pdf`)
      writeFileAtomicSync(file, bytes)
      const parent = getParent()
      const window = new BrowserWindow({
        show: false,
        title,
        ...(parent ? { parent } : {}),
        webPreferences: {
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          webSecurity: true,
          // Chromium's PDF viewer is a plugin; this window shows nothing else.
          plugins: true,
          spellcheck: false,
        },
      })
      window.webContents.on('will-navigate', (event) => event.preventDefault())
      window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
      const cleanUp = () => {
        if (!window.isDestroyed()) window.destroy()
        fs.rmSync(file, { force: true })
      }
      try {
        await window.loadFile(file)
        return await new Promise((resolve) => {
          window.webContents.print({ silent: false, printBackground: true }, (success) => {
            cleanUp()
            resolve({ outcome: success ? 'printed' : 'cancelled' })
          })
        })
      } catch (error) {
        cleanUp()
        throw error
      }
    },
  }
}
