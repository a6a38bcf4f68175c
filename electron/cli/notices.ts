/** `rightful notices [list]` and `notices dismiss`: what was set aside or moved aside, kept until dismissed (here or in the app). */
import type { Command } from 'commander'
import { renderMessage } from '../core/messages/render'
import { helpKey, jsonOption, leaf, outWords, unwrap, DomainFailure, usage, UsageError, type CliContext, type Finish, type Output } from './shared'
import { message } from '../core/shared/message'

/** Registers `notices` (alone: the list) and its commands. */
export function registerNotices(program: Command, ctx: CliContext, finish: Finish): void {
  const { makeApi, ui } = ctx
  const list = async (): Promise<Output> => {
    const { notices } = unwrap(await makeApi().call('app:status', {}))
    const text = notices.length ? notices.map((n) => `${n.id}  ${n.at.slice(0, 10)}  ${ui === 'en' || !n.detail ? n.message : renderMessage(n.detail, ui)}`).join('\n') : outWords(ui, 'Nothing to tell.', 'notices.none')
    return { json: notices, text }
  }
  const notices = program
    .command('notices')
    .description(helpKey('command', 'notices'))
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .argument('[command]')
    .usage('[list | dismiss <id>] [options]')
  // `rightful notices` and `rightful notices --json` list them; anything else is not a command.
  notices.action(async () => {
    const [sub, ...rest] = notices.args
    if (sub !== undefined && sub !== '--json') throw new UsageError(`Unknown command "notices ${sub}": use \`notices list\` or \`notices dismiss <id>\`.`, message('cli.usage.unknownSubcommand', { command: `notices ${sub}`, list: 'notices list, notices dismiss <id>' }))
    const extra = rest.find((arg) => arg !== '--json')
    if (extra !== undefined) throw extra.startsWith('-') ? usage('unknownOption', { option: extra }) : usage('unexpectedArgument', { argument: extra })
    finish(await list())
  })

  leaf(notices, finish, { name: 'list', summary: 'noticesList', options: jsonOption }, list)

  leaf(
    notices,
    finish,
    { name: 'dismiss', summary: 'noticesDismiss', args: '[id]', operands: 1, options: { all: { type: 'boolean', help: 'all2' }, ...jsonOption } },
    async (values, positionals) => {
      if (!values.all && !positionals[0]) throw usage('noticeIdOrAll')
      if (values.all && positionals[0]) throw usage('noticeIdNotBoth')
      const api = makeApi()
      const ids = values.all ? unwrap(await api.call('app:status', {})).notices.map((n) => n.id) : [positionals[0]!]
      const dismissed: string[] = []
      for (const id of ids) if (unwrap(await api.call('app:dismissNotice', { id })).dismissed) dismissed.push(id)
      if (!values.all && dismissed.length === 0) throw new DomainFailure({ code: 'NOT_FOUND', message: `There is no notice ${positionals[0]}.` })
      return { json: { dismissed }, text: outWords(ui, `${dismissed.length} notice${dismissed.length === 1 ? '' : 's'} dismissed.`, 'notices.dismissed', { count: dismissed.length }) }
    },
  )
}
