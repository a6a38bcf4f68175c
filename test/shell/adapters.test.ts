import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDialogFilePicker, createDialogFileSink, createShellOpener, maxUrlLengthFor } from '../../electron/shell/adapters'
import { fake, resetFakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

let dir: string
const bytes = new Uint8Array([37, 80, 68, 70])

beforeEach(() => {
  resetFakeElectron()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-sink-'))
  fake().app.paths.documents = path.join(dir, 'Documents')
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the save-dialog FileSink', () => {
  it('asks where to save, starting in Documents with the right filter, and writes the bytes', async () => {
    const target = path.join(dir, 'chosen', 'letter.pdf')
    fake().dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    const window = { id: 1 }
    const saved = await createDialogFileSink(() => window as never).save({ suggestedName: 'RF-2026-0001.pdf', kind: 'pdf', bytes })
    expect(saved).toBe(target)
    expect(fs.readFileSync(target)).toEqual(Buffer.from(bytes))
    expect(fake().dialog.showSaveDialog).toHaveBeenCalledWith(window, {
      defaultPath: path.join(dir, 'Documents', 'RF-2026-0001.pdf'),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    })
    expect(fs.readdirSync(path.dirname(target))).toEqual(['letter.pdf'])
  })

  it('offers e-mail messages for .eml, and works without a window', async () => {
    const target = path.join(dir, 'mail.eml')
    fake().dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    await createDialogFileSink(() => null).save({ suggestedName: 'RF-2026-0001.eml', kind: 'eml', bytes })
    expect(fake().dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join(dir, 'Documents', 'RF-2026-0001.eml'),
      filters: [{ name: 'E-mail message', extensions: ['eml'] }],
    })
    expect(fs.existsSync(target)).toBe(true)
  })

  it('resolves to null and writes nothing when cancelled', async () => {
    fake().dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    expect(await createDialogFileSink(() => null).save({ suggestedName: 'x.pdf', kind: 'pdf', bytes })).toBeNull()
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('asks where a backup goes, with its filter, and writes nothing itself', async () => {
    const target = path.join(dir, 'backups', 'mine.rightful-backup')
    fake().dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    expect(await createDialogFileSink(() => null).choosePath({ suggestedName: 'rightful-backup-2026-01-31.rightful-backup', kind: 'backup' })).toBe(target)
    expect(fake().dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join(dir, 'Documents', 'rightful-backup-2026-01-31.rightful-backup'),
      filters: [{ name: 'Rightful backup', extensions: ['rightful-backup'] }],
    })
    expect(fs.existsSync(path.dirname(target))).toBe(false)
    fake().dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' })
    expect(await createDialogFileSink(() => null).choosePath({ suggestedName: 'x.rightful-backup', kind: 'backup' })).toBeNull()
  })

  it('keeps a suggested name from steering the dialog to another folder', async () => {
    await createDialogFileSink(() => null).save({ suggestedName: '../../etc/evil.pdf', kind: 'pdf', bytes })
    const options = fake().dialog.showSaveDialog.mock.calls[0]?.[0] as { defaultPath: string }
    expect(options.defaultPath).toBe(path.join(dir, 'Documents', 'evil.pdf'))
  })
})

describe('the open-dialog FilePicker', () => {
  it('offers any file to keep with a request, several at once', async () => {
    const window = { id: 1 }
    fake().dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/a/data.zip', '/home/a/letter.pdf'] })
    expect(await createDialogFilePicker(() => window as never).pickFiles('attachments')).toEqual(['/home/a/data.zip', '/home/a/letter.pdf'])
    expect(fake().dialog.showOpenDialog).toHaveBeenCalledWith(window, { title: 'Choose files to keep with this request', properties: ['openFile', 'multiSelections'] })
  })

  it('asks for saved e-mails when importing replies, .eml first', async () => {
    fake().dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/a/reply.eml'] })
    expect(await createDialogFilePicker(() => null).pickFiles('replies')).toEqual(['/home/a/reply.eml'])
    expect(fake().dialog.showOpenDialog).toHaveBeenCalledWith({
      title: 'Choose e-mails received from companies',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'E-mail message', extensions: ['eml'] },
        { name: 'All files', extensions: ['*'] },
      ],
    })
  })

  it('asks for a backup to restore, backups first', async () => {
    fake().dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/a/mine.rightful-backup'] })
    expect(await createDialogFilePicker(() => null).pickBackup()).toBe('/home/a/mine.rightful-backup')
    expect(fake().dialog.showOpenDialog).toHaveBeenCalledWith({
      title: 'Choose a Rightful backup to restore',
      properties: ['openFile'],
      filters: [
        { name: 'Rightful backup', extensions: ['rightful-backup'] },
        { name: 'All files', extensions: ['*'] },
      ],
    })
    fake().dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await createDialogFilePicker(() => null).pickBackup()).toBeNull()
  })

  it('returns nothing when cancelled', async () => {
    expect(await createDialogFilePicker(() => null).pickFiles('replies')).toEqual([])
    expect(await createDialogFilePicker(() => null).pickImport('folder')).toBeNull()
    expect(fake().dialog.showOpenDialog).toHaveBeenLastCalledWith({ title: 'Choose a folder of company records', properties: ['openDirectory'] })
  })
})

describe('the shell ExternalOpener', () => {
  it('opens https: and mailto: URLs with the system', async () => {
    const opener = createShellOpener('linux')
    await opener.open('https://example.com/privacy')
    await opener.open('mailto:privacy@example.com?subject=Hi')
    expect(fake().shell.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.com/privacy', 'mailto:privacy@example.com?subject=Hi'])
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'http://example.com/', 'smb://host/share', 'not a url'])('refuses %s', async (url) => {
    await expect(createShellOpener('linux').open(url)).rejects.toThrow(/https: and mailto:/)
    expect(fake().shell.openExternal).not.toHaveBeenCalled()
  })

  it('opens only the webmail compose pages with openWebmail, and copies text to the clipboard', async () => {
    const opener = createShellOpener('linux')
    const gmail = 'https://mail.google.com/mail/?view=cm&fs=1&to=privacy@fs.com&su=Access&body=Hello'
    await opener.openWebmail(gmail)
    expect(fake().shell.openExternal.mock.calls.map(([url]) => url)).toEqual([gmail])
    for (const url of ['https://example.com/privacy', 'https://mail.google.com.evil.example/mail/?to=a', 'mailto:a@example.com', 'http://mail.google.com/mail/?to=a']) {
      await expect(opener.openWebmail(url), url).rejects.toThrow(/Gmail, Outlook.com and Yahoo Mail/)
    }
    expect(fake().shell.openExternal).toHaveBeenCalledTimes(1)
    await expect(createShellOpener('win32').openWebmail(`https://outlook.live.com/mail/0/deeplink/compose?to=a@b.example&body=${'x'.repeat(2100)}`)).rejects.toThrow(/too long/)
    await opener.copyText('Dear Sir or Madam,\nä & #')
    expect(fake().clipboard.writeText).toHaveBeenCalledWith('Dear Sir or Madam,\nä & #')
  })

  it('opens a folder in the file manager, and never a file', async () => {
    const opener = createShellOpener('linux')
    await opener.openFolder(dir)
    expect(fake().shell.openPath).toHaveBeenCalledWith(dir)
    const file = path.join(dir, 'run-me.sh')
    fs.writeFileSync(file, '#!/bin/sh\n')
    await expect(opener.openFolder(file)).rejects.toThrow(/is not a folder/)
    expect(fake().shell.openPath).toHaveBeenCalledTimes(1)
    fake().shell.openPath.mockResolvedValueOnce('Failed to open path')
    await expect(opener.openFolder(dir)).rejects.toThrow('Failed to open path')
  })

  it('knows how long a URL the system takes', async () => {
    expect(maxUrlLengthFor('win32')).toBe(2000)
    expect(createShellOpener('win32').maxUrlLength).toBe(2000)
    expect(createShellOpener('linux').maxUrlLength).toBe(32000)
    expect(createShellOpener('darwin').maxUrlLength).toBe(32000)
    await expect(createShellOpener('win32').open(`mailto:a@example.com?body=${'x'.repeat(2000)}`)).rejects.toThrow(/too long/)
    expect(fake().shell.openExternal).not.toHaveBeenCalled()
  })
})
