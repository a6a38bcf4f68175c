/**
 * Electron implementations of the core's ports: saving through the system's save dialog, and
 * handing https:/mailto: URLs to the operating system.
 */
import { app, clipboard, dialog, shell, type BaseWindow, type FileFilter } from 'electron'
import fs from 'node:fs'
import path from 'node:path'
import type { ExternalOpener, FilePicker, FileSink, SaveKind } from '../core/api/ports'
import { writeFileAtomicSync } from '../core/storage/files'
import { isSafeExternalUrl, isWebmailComposeUrl } from './trusted-url'

const filters: Record<SaveKind, FileFilter[]> = {
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
  eml: [{ name: 'E-mail message', extensions: ['eml'] }],
  ics: [{ name: 'Calendar', extensions: ['ics'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  backup: [{ name: 'Rightful backup', extensions: ['rightful-backup'] }],
  csv: [{ name: 'Spreadsheet (CSV)', extensions: ['csv'] }],
  png: [{ name: 'PNG image', extensions: ['png'] }],
}

const pickFilesOptions: Record<'attachments' | 'replies', { title: string; filters: FileFilter[] }> = {
  // Any kind: what companies send comes as PDF, ZIP, CSV …
  attachments: { title: 'Choose files to keep with this request', filters: [] },
  // Saved e-mails first; "All files" for mail programs that save without the extension.
  replies: {
    title: 'Choose e-mails received from companies',
    filters: [...filters.eml, { name: 'All files', extensions: ['*'] }],
  },
}

/** Lets the user choose files to keep with a request, or saved e-mails to import as replies. */
export function createDialogFilePicker(getWindow: () => BaseWindow | null): FilePicker {
  return {
    async pickFiles(purpose) {
      const { title, filters: fileFilters } = pickFilesOptions[purpose]
      const options = {
        title,
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
        ...(fileFilters.length > 0 ? { filters: [...fileFilters] } : {}),
      }
      const window = getWindow()
      const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return choice.canceled ? [] : choice.filePaths
    },
    async pickImport(kind) {
      const options =
        kind === 'folder'
          ? { title: 'Choose a folder of company records', properties: ['openDirectory'] as Array<'openDirectory'> }
          : { title: 'Choose a file of company records', properties: ['openFile'] as Array<'openFile'>, filters: filters.json }
      const window = getWindow()
      const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return choice.canceled ? null : (choice.filePaths[0] ?? null)
    },
    async pickBackup() {
      const options = {
        title: 'Choose a Rightful backup to restore',
        properties: ['openFile'] as Array<'openFile'>,
        filters: [...filters.backup, { name: 'All files', extensions: ['*'] }],
      }
      const window = getWindow()
      const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return choice.canceled ? null : (choice.filePaths[0] ?? null)
    },
    async pickMailbox(kind) {
      const options =
        kind === 'folder'
          ? { title: 'Choose a folder of saved e-mails (.eml)', properties: ['openDirectory'] as Array<'openDirectory'> }
          : {
              title: 'Choose a mailbox file (mbox or .eml)',
              properties: ['openFile'] as Array<'openFile'>,
              filters: [{ name: 'Mailbox', extensions: ['mbox', 'mbx', 'eml'] }, { name: 'All files', extensions: ['*'] }],
            }
      const window = getWindow()
      const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return choice.canceled ? null : (choice.filePaths[0] ?? null)
    },
  }
}

/**
 * Asks where to save (starting in the user's Documents folder, attached to `getWindow()` when
 * there is one) and writes the bytes atomically. Resolves to null when the user cancels.
 */
export function createDialogFileSink(getWindow: () => BaseWindow | null): FileSink {
  const choosePath = async ({ suggestedName, kind }: { suggestedName: string; kind: SaveKind }): Promise<string | null> => {
    // The name is only a suggestion; it must never steer the dialog into another folder.
    const defaultPath = path.join(app.getPath('documents'), path.basename(suggestedName))
    const options = { defaultPath, filters: filters[kind] }
    const window = getWindow()
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
    return choice.canceled || !choice.filePath ? null : choice.filePath
  }
  return {
    choosePath,
    async save({ suggestedName, kind, bytes }) {
      const target = await choosePath({ suggestedName, kind })
      if (target) writeFileAtomicSync(target, bytes)
      return target
    },
  }
}

/** The longest URL this system hands over intact: Windows cuts mailto: URLs near 2,000. */
export function maxUrlLengthFor(platform: NodeJS.Platform): number {
  return platform === 'win32' ? 2_000 : 32_000
}

/** Opens https: and mailto: URLs with the system's handler; anything else is refused (throws). */
export function createShellOpener(platform: NodeJS.Platform = process.platform): ExternalOpener {
  const maxUrlLength = maxUrlLengthFor(platform)
  return {
    maxUrlLength,
    async open(url) {
      if (!isSafeExternalUrl(url)) throw new Error('Only https: and mailto: links can be opened outside Rightful.')
      if (url.length > maxUrlLength) throw new Error(`This link is too long for this system (${url.length} characters; at most ${maxUrlLength}).`)
      await shell.openExternal(url)
    },
    async openWebmail(url) {
      if (!isWebmailComposeUrl(url)) throw new Error('Only the compose pages of Gmail, Outlook.com and Yahoo Mail can be opened this way.')
      if (url.length > maxUrlLength) throw new Error(`This link is too long for this system (${url.length} characters; at most ${maxUrlLength}).`)
      await shell.openExternal(url)
    },
    async copyText(text) {
      clipboard.writeText(text)
    },
    async reveal(file) {
      // Shown in the file manager, never opened: a file from a company could be anything.
      shell.showItemInFolder(file)
    },
    async openFolder(dir) {
      // Only a folder: opening a file would run whatever program the system picks for it.
      if (!fs.statSync(dir).isDirectory()) throw new Error(`${dir} is not a folder.`)
      const problem = await shell.openPath(dir)
      if (problem) throw new Error(problem)
    },
  }
}
