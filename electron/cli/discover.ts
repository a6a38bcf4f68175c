/** `rightful discover <mbox, .eml or folder>` (or --imap): the catalog's companies that wrote, read from the headers only. */
import type { Command } from 'commander'
import type { ApiInput, ApiOutput } from '../core/api/contract'
import { imapAccountFromUrl, imapOptions, imapPassword, savedImapLogin } from './mail-flags'
import { fileOrFolder, jsonOption, leaf, outWords, unwrap, usage, type CliContext, type Finish } from './shared'

/** Registers `discover`. */
export function registerDiscover(program: Command, ctx: CliContext, finish: Finish): void {
  const { io, makeApi, ui } = ctx
  const options = {
    ...imapOptions,
    'saved-imap': { type: 'boolean', help: 'savedImap' },
    'all-folders': { type: 'boolean', help: 'allFolders' },
    ...jsonOption,
  } as const
  leaf(program, finish, { name: 'discover', summary: 'discover', args: '[mailbox]', operands: 1, options }, async (values, positionals) => {
    let result: ApiOutput<'discover:scan'>
    if (values.imap !== undefined || values['saved-imap']) {
      if (positionals[0]) throw usage('mailboxOrImap')
      if (values.imap !== undefined && values['saved-imap']) throw usage('imapOrSaved')
      if (values['all-folders'] && values.mailbox !== undefined) throw usage('mailboxOrAll')
      const api = makeApi()
      const folders = values['all-folders'] ? ({ folders: 'all' } as const) : {}
      let input: ApiInput<'discover:scan'> = { kind: 'imap', ...folders }
      if (values.imap !== undefined) {
        const account = imapAccountFromUrl(values.imap, values)
        input = { kind: 'imap', account, password: await imapPassword(io, account.user, ui), ...folders }
      } else {
        if (values.tls || values.starttls || values.plain || values.mailbox !== undefined) throw usage('goWithImap')
        const login = await savedImapLogin(api, io, ui)
        if (login) input = { kind: 'imap', ...login, ...folders }
      }
      result = unwrap(await api.call('discover:scan', input))
    } else {
      if (values.tls || values.starttls || values.plain || values.mailbox !== undefined) throw usage('goWithImap')
      if (values['all-folders']) throw usage('allFoldersWithImap')
      if (!positionals[0]) throw usage('discoverNeedsSource')
      const { source, kind } = fileOrFolder(positionals[0], io.cwd)
      result = unwrap(await makeApi(undefined, source).call('discover:scan', { kind }))
      if (!result) throw usage('nothingReadFrom', { source })
    }
    if (!result) throw usage('nothingRead')
    const json = result.companies.map(({ company, name, domain, messages, first, last }) => ({ company, name, domain, messages, first, last }))
    const summaryEnglish = `${result.messages.toLocaleString('en')} messages read: ${result.matched.toLocaleString('en')} from ${result.companies.length} compan${result.companies.length === 1 ? 'y' : 'ies'} Rightful knows, ${result.unknown.toLocaleString('en')} from senders it does not know (not listed), ${result.freemail.toLocaleString('en')} from personal addresses (skipped)${result.unreadable > 0 ? `, ${result.unreadable.toLocaleString('en')} without a readable sender` : ''}.`
    const folderLine =
      result.folders.length > 1 || result.foldersLeftOut > 0
        ? [
            result.foldersLeftOut > 0
              ? outWords(ui, `Folders read: ${result.folders.join(', ')} (${result.foldersLeftOut} more not read: one scan reads at most ${result.folders.length}).`, 'discover.foldersLeftOut', { folders: result.folders.join(', '), more: result.foldersLeftOut, most: result.folders.length })
              : outWords(ui, `Folders read: ${result.folders.join(', ')}.`, 'discover.folders', { folders: result.folders.join(', ') }),
          ]
        : []
    const text = [
      ...result.companies.map((c) => `${c.company.padEnd(24)} ${c.name.padEnd(28)} ${String(c.messages).padStart(6)}  ${c.first ?? '?'} … ${c.last ?? '?'}`),
      outWords(ui, summaryEnglish, result.unreadable > 0 ? 'discover.summaryUnreadable' : 'discover.summary', {
        count: result.messages,
        matched: result.matched,
        companies: result.companies.length,
        unknown: result.unknown,
        freemail: result.freemail,
        unreadable: result.unreadable,
      }),
      ...folderLine,
    ].join('\n')
    return { json, text }
  })
}
