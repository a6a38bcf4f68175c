/**
 * `rightful --help` in the user's language (--ui-lang, else the environment's): the commands and
 * flags are written as typed, in every language; what each does is a message of the core's
 * resources (`cli.help.*`), rendered like every other word of the CLI and wrapped to the terminal's
 * usual width (a Chinese character takes two columns).
 */
import { laws } from './core/requests/model'
import { renderMessage } from './core/messages/render'
import type { UiLanguage } from './core/messages/ui-languages'
import { userEventKinds } from './core/requests/events'
import { replyKinds } from './core/replies/rules'

/** One command: its syntax lines as typed, what it does (a key under cli.help), and a note below it. */
type Entry = { readonly syntax: ReadonlyArray<string>; readonly key: string; readonly note?: { readonly key: string; readonly list?: ReadonlyArray<string> } }

/** Where a command's words start. */
const column = 46
const width = 92

const commands: ReadonlyArray<Entry> = [
  { syntax: ['catalog list [--json]'], key: 'catalogList' },
  { syntax: ['catalog search <query> [--limit N] [--json]'], key: 'catalogSearch' },
  { syntax: ['catalog show <company> [--json]'], key: 'catalogShow' },
  {
    syntax: ['catalog add --name <name> [--domain d] [--website URL] [--email e] [--purpose p]', '      [--address "line 1; line 2" --country CC] [--phone n] [--fax n] [--new] [--json]'],
    key: 'catalogAdd',
  },
  {
    syntax: [
      'catalog edit <company> [--name n] [--domain d] [--remove-domain d] [--email e]',
      '      [--remove-email e] [--address … --country CC] [--phone n] [--website URL]',
      '      [--request-language de] [--needs-id-document] [--json]',
    ],
    key: 'catalogEdit',
  },
  { syntax: ['catalog delete|restore|reset <company> [--json]'], key: 'catalogDelete' },
  { syntax: ['catalog add-contact <company> --email <address> [--purpose privacy] [--json]'], key: 'catalogAddContact' },
  { syntax: ['catalog import <file or folder> --format datarequests|rightful [--dry-run] [--json]'], key: 'catalogImport' },
  { syntax: ['catalog export --out <file.json> [--all] [--json]'], key: 'catalogExport' },
  { syntax: ['catalog import-policy <file> [--url <policy URL>] [--format text|markdown|html] [--json]'], key: 'importPolicy' },
  { syntax: ['catalog import-policy --url <policy URL> --fetch [--json]'], key: 'importPolicyFetch' },
  {
    syntax: ['draft --company <id or domain> --type <type> [--law <law>] [--lang <lang>]', '      [--profile <file.json>] [--identifiers "Customer no. 12"] [--text "…"] [--json]'],
    key: 'draft',
    note: { key: 'draftNotes' },
  },
  { syntax: ['letter <same options as draft> --out <file.pdf> [--json]'], key: 'letter' },
  {
    syntax: [
      'deadline --law <law> --country <CC or CC-REGION> --received <YYYY-MM-DD>',
      '      [--type <type>] [--id-requested D --id-received D]',
      '      [--clarification-asked D --clarification-answered D] [--ui-lang <lang>] [--json]',
    ],
    key: 'deadline',
    note: { key: 'lawsNote', list: laws },
  },
  { syntax: ['requests list [--json]'], key: 'requestsList' },
  { syntax: ['requests show <RF-…> [--json]'], key: 'requestsShow' },
  {
    syntax: ['requests mark-sent <RF-…> --at <YYYY-MM-DD or time, e.g. 2026-02-03T09:15:00+01:00>', '      --channel email|letter [--tracking <number>] [--json]'],
    key: 'markSent',
  },
  {
    syntax: ['requests event <RF-…> --kind <kind> [--at <YYYY-MM-DD>] [--text "…"]', '      [--until <YYYY-MM-DD>] [--json]'],
    key: 'event',
    note: { key: 'kindsNote', list: userEventKinds },
  },
  { syntax: ['requests identity <RF-…> [--json]'], key: 'identity' },
  { syntax: ['requests extension <RF-…> [--reasons yes|no] [--json]'], key: 'extension' },
  { syntax: ['requests bounce <RF-…> [--mark] [--json]'], key: 'bounce' },
  { syntax: ['requests discard <RF-…> [--json]'], key: 'discard' },
  { syntax: ['check <RF-…> [--tick <item>[=arrived|missing|not-applicable|none] …] [--accept <item>|all …]', '      [--json]'], key: 'check' },
  { syntax: ['follow-up <RF-…> [--json]'], key: 'followUp' },
  { syntax: ['requests export --format csv --out <file.csv> [--json]'], key: 'export' },
  { syntax: ['redact <image.png|.jpg> --reference <RF-…> --box x,y,w,h [--box …] --out <file.png|.pdf>', '      [--lang <lang>] [--attach] [--json]'], key: 'redact' },
  { syntax: ['backup --out <file> [--passphrase-env VAR] [--json]'], key: 'backup' },
  { syntax: ['restore <file> [--passphrase-env VAR] [--replace] [--json]'], key: 'restore' },
  {
    syntax: ['send <same options as draft> --smtp smtp://user@host:port [--tls|--starttls|--plain]', '      [--from <address>] [--ca <cert.pem>] [--attach-letter] [--json]'],
    key: 'send',
  },
  { syntax: ['send --reference <RF-…> [--confirm-resend] [--smtp …] [--json]'], key: 'sendAgain' },
  {
    syntax: [
      'bulk --company <id> [--company <id> …] | --pack <name> [--country <CC>] --type <type>',
      '      [--law <law>] [--lang <lang>] [--profile <file.json>] --smtp smtp://user@host:port',
      '      [--tls|--starttls|--plain] [--rate N] [--letters <file.pdf>] [--no-send] [--json]',
    ],
    key: 'bulk',
  },
  { syntax: ['bulk resume [BA-…] [--smtp …] [--confirm-resend <RF-…> …] [--retry-failed] [--json]'], key: 'bulkResume' },
  { syntax: ['bulk list|packs [--country <CC>] [--json], bulk show <BA-…> [--json]'], key: 'bulkList' },
  { syntax: ['discover <mbox file, .eml file or folder of .eml files> [--json]'], key: 'discover' },
  {
    syntax: ['discover --imap imaps://user@host:port [--tls|--starttls|--plain] [--mailbox INBOX | --all-folders] [--json]', 'discover --saved-imap [--all-folders] [--json]'],
    key: 'discoverImap',
  },
  { syntax: ['replies import <file.eml> [--reference <RF-…>] [--confirm] [--json]'], key: 'repliesImport' },
  { syntax: ['replies confirm <reply id> [--reference <RF-…>] [--kind <kind>] [--json]'], key: 'repliesConfirm', note: { key: 'kindsNote', list: replyKinds } },
  { syntax: ['replies list [--pending] [--json]'], key: 'repliesList' },
  { syntax: ['replies sync [--imap imaps://user@host:port [--tls|--starttls|--plain]]', '      [--mailbox INBOX] [--json]'], key: 'repliesSync' },
  { syntax: ['authorities list [--law <law>] [--country <CC or CC-REGION>] [--json]'], key: 'authorities' },
  { syntax: ['notices [list] [--json]'], key: 'notices' },
  { syntax: ['notices dismiss <id> | --all [--json]'], key: 'noticesDismiss' },
]

const options: ReadonlyArray<readonly [string, string]> = [
  ['--json', 'optJson'],
  ['--ui-lang', 'optUiLang'],
  ['--help', 'optHelp'],
  ['--version', 'optVersion'],
]

/** Columns a text takes on a terminal: CJK characters and full-width punctuation take two. */
function columns(text: string): number {
  let n = 0
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1
  return n
}

/** Words wrapped to `room` columns: at spaces, or between any two Chinese characters. */
export function wrap(text: string, room: number): string[] {
  const pieces = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef][，。；：、）」』”]?|[（「『“]?[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+[，。；：、）」』”]*\s*|\s+/gu) ?? [text]
  const lines: string[] = []
  let line = ''
  for (const piece of pieces) {
    if (line && columns(line + piece.trimEnd()) > room) {
      lines.push(line.trimEnd())
      line = piece.trimStart()
    } else line += piece
  }
  if (line.trim()) lines.push(line.trimEnd())
  return lines
}

const say = (key: string, ui: UiLanguage, list?: ReadonlyArray<string>) =>
  renderMessage({ key: `cli.help.${key}`, ...(list ? { params: { list: list.join(ui.startsWith('zh') ? '、' : ', ') } } : {}) }, ui)

/** The whole help text in a UI language. */
export function helpText(ui: UiLanguage): string {
  const out: string[] = [say('usage', ui), '', say('commands', ui)]
  const pad = ' '.repeat(column)
  for (const entry of commands) {
    const words = wrap(say(entry.key, ui), width - column)
    const [first, ...rest] = entry.syntax
    const head = `  ${first}`
    // The words start beside the first syntax line when it leaves room, else under the last one.
    if (entry.syntax.length === 1 && columns(head) < column - 1) {
      out.push(head.padEnd(column) + words[0])
      for (const more of words.slice(1)) out.push(pad + more)
    } else {
      out.push(head, ...rest.map((line) => `  ${line}`))
      for (const more of words) out.push(pad + more)
    }
    if (entry.note) for (const line of wrap(say(entry.note.key, ui, entry.note.list), width - 8)) out.push(`        ${line}`)
  }
  out.push('', say('options', ui))
  for (const [flag, key] of options) {
    const words = wrap(say(key, ui), width - 15)
    out.push(`  ${flag.padEnd(11)}  ${words[0]}`, ...words.slice(1).map((line) => `${' '.repeat(15)}${line}`))
  }
  out.push('', say('dataFolder', ui))
  return out.join('\n')
}
