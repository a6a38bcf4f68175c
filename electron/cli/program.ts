/**
 * The `rightful` program on commander: each command group registers its commands from its own
 * file; this one puts them together and says how a command line that fits none is refused.
 */
import { Command, CommanderError } from 'commander'
import { registerAuthorities } from './authorities'
import { registerBackup } from './backup'
import { registerBulk } from './bulk'
import { registerCatalog } from './catalog'
import { registerDeadline } from './deadline'
import { registerDiscover } from './discover'
import { registerDraft } from './draft'
import { registerNotices } from './notices'
import { registerRedact } from './redact'
import { registerReplies } from './replies'
import { registerRequests } from './requests'
import { registerSend } from './send'
import { helpKey, UsageError, type CliContext, type Finish } from './shared'

/** `rightful --help`: every command on one page. */
export const usage = `Usage: rightful <command> [options]

Commands:
  catalog list [--json]                       the companies Rightful knows
  catalog search <query> [--limit N] [--json] the companies that match, best first (name,
                                              brand, domain, e-mail or address; default 10);
                                              the same fields as catalog list
  catalog show <company> [--json]             a company's record (id or domain)
  catalog add --name <name> [--domain d] [--website URL] [--email e] [--purpose p]
        [--address "line 1; line 2" --country CC] [--phone n] [--fax n] [--new] [--json]
                                              add a company of your own (refused when
                                              one has its domain or e-mail address:
                                              change that one, or add with --new)
  catalog edit <company> [--name n] [--domain d] [--remove-domain d] [--email e]
        [--remove-email e] [--address … --country CC] [--phone n] [--website URL]
        [--request-language de] [--needs-id-document] [--json]
                                              change a company (kept as your change)
  catalog delete|restore|reset <company> [--json]
                                              delete, bring back, or drop your changes
  catalog add-contact <company> --email <address> [--purpose privacy] [--json]
                                              add a contact the catalog lacks
  catalog import <file or folder> --format datarequests|rightful [--dry-run] [--json]
                                              import company records; prints
                                              {"imported": N, "rejected": [{"entry", "reason"}]}
  catalog export --out <file.json> [--all] [--json]
                                              your catalog (imports, additions, changes)
  catalog import-policy <file> [--url <policy URL>] [--format text|markdown|html] [--json]
                                              read a privacy policy and propose a record
                                              (contacts with their quotes; saves nothing)
  catalog import-policy --url <policy URL> --fetch [--json]
                                              fetch the policy from its web address first
                                              (https, TLS verified, no cookies, <= 5 redirects,
                                              5 MB, 20 s; the only network use besides mail)
  draft --company <id or domain> --type <type> [--law <law>] [--lang <lang>]
        [--profile <file.json>] [--identifiers "Customer no. 12"] [--text "…"] [--json]
                                              write a request (stored as a draft)
        types: access, erasure, rectification, restriction, portability, objection,
               withdraw-consent, automated-decision, opt-out, limit, custom (needs
               --text); identity-pushback (after the company asked for ID) and
               extension-contest (after a late or unreasoned extension; --reasons yes|no:
               did its notice give reasons) with --of <reference>;
               and reminder, incomplete-answer or complaint with --of <reference> (complaint:
               --authority <id>, or --authority-name and --authority-email; neither: the
               first authority Rightful proposes; written in the authority's language
               unless --lang says otherwise); languages: en, de, fr, es, pt, ja, zh-Hans,
               zh-Hant (zh = zh-Hans; default en);
        without --law, the law Rightful proposes from your country and state, else
        from where the company is established (it asks when it cannot tell); a --type
        the law does not grant (e.g. opt-out under gdpr) is refused with the reason
  letter <same options as draft> --out <file.pdf> [--json]
                                              write a request as a PDF letter
  deadline --law <law> --country <CC or CC-REGION> --received <YYYY-MM-DD>
        [--type <type>] [--id-requested D --id-received D]
        [--clarification-asked D --clarification-answered D] [--ui-lang <lang>] [--json]
                                              the legal response deadline, explained in
                                              --ui-lang: en, de, fr, es, zh-Hans, zh-Hant
                                              (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
        laws: gdpr, uk-gdpr, ccpa, vcdpa, cpa-co, ctdpa, tdpsa, lgpd, pipeda,
              qc-privacy, ch-fadp, hk-pdpo, cn-pipl, jp-appi, au-privacy
  requests list [--json]                      your requests with status and due date
  requests show <RF-…> [--json]               a request with its events
  requests mark-sent <RF-…> --at <YYYY-MM-DD or time, e.g. 2026-02-03T09:15:00+01:00>
        --channel email|letter [--tracking <number>] [--json]
                                              record that a request went out (by hand)
  requests event <RF-…> --kind <kind> [--at <YYYY-MM-DD>] [--text "…"]
        [--until <YYYY-MM-DD>] [--json]       record what happened (default: today)
        kinds: delivered, acknowledged, identity-requested, identity-provided,
               clarification-asked, clarification-answered, extension-claimed
               (with --until), reply-received, data-received, partially-fulfilled,
               refused, completed, undeliverable, reminder-sent, complaint-filed,
               abandoned
  requests identity <RF-…> [--json]           what the law lets the company ask for to check
                                              who you are, its demand, the catalog's demands
  requests extension <RF-…> [--reasons yes|no] [--json]
                                              whether the company's extension claim holds
                                              (in time, with reasons, within the law's limit)
  requests bounce <RF-…> [--mark] [--json]    after a bounce: the address that failed and the
                                              company's other channels; --mark marks the
                                              address as bounced in your catalog
  requests discard <RF-…> [--json]            discard a draft (a sent request never)
  check <RF-…> [--tick <item>[=arrived|missing|not-applicable|none] …] [--accept <item>|all …]
        [--json]                              check the answer to an access request item by
                                              item: what the law says must come, Rightful's
                                              suggestion from the reply, and your ticks
                                              (--tick alone: arrived; --accept takes
                                              Rightful's suggestion); prints {reference, law,
                                              rows: [{id, cite, state, by, at, suggestion}],
                                              missing}
  follow-up <RF-…> [--json]                   write the letter "your answer is incomplete",
                                              listing the items ticked missing and the period
                                              that still runs (stored as a draft; also
                                              \`draft --type incomplete-answer --of <RF-…>\`)
  requests export --format csv --out <file.csv> [--json]
                                              every request as a spreadsheet (CSV)
  redact <image.png|.jpg> --reference <RF-…> --box x,y,w,h [--box …] --out <file.png|.pdf>
        [--lang <lang>] [--attach] [--json]   a copy of an ID document with black boxes (x,y,w,h
                                              as fractions of the image, 0-1, or pixels with
                                              "px": --box 10px,20px,200px,80px) and the
                                              watermark "Copy for <company>, <date>,
                                              <reference>", flattened (no hidden layer);
                                              --attach keeps it with the request as
                                              "identity provided" today
  backup --out <file> [--passphrase-env VAR] [--json]
                                              back up everything (no passwords) into one
                                              file; encrypted with the passphrase in the
                                              environment variable VAR; prints {path,
                                              requests, replies, bytes}
  restore <file> [--passphrase-env VAR] [--replace] [--json]
                                              restore a backup; a data folder that holds
                                              data is replaced only with --replace (what
                                              it held is kept in its before-restore-…
                                              folder)
  send <same options as draft> --smtp smtp://user@host:port [--tls|--starttls|--plain]
        [--from <address>] [--ca <cert.pem>] [--attach-letter] [--json]
                                              write the request and send it through your
                                              SMTP server; prints {reference, messageId,
                                              status: sent|failed|uncertain, error}; exit
                                              code 1 when it was not sent. Password:
                                              RIGHTFUL_SMTP_PASSWORD, else asked for.
  send --reference <RF-…> [--confirm-resend] [--smtp …] [--json]
                                              send a request again after a failure
  bulk --company <id> [--company <id> …] | --pack <name> [--country <CC>] --type <type>
        [--law <law>] [--lang <lang>] [--profile <file.json>] --smtp smtp://user@host:port
        [--tls|--starttls|--plain] [--rate N] [--letters <file.pdf>] [--no-send] [--json]
                                              one request per company (its law, language,
                                              contact, subject rule), sent as a batch at
                                              most N e-mails a minute (default 10); prints
                                              {batch, results: [{company, reference,
                                              status}]}; companies without e-mail: one PDF
                                              of letters (--letters); web-form-only brokers:
                                              the form's address (status "webform")
  bulk resume [BA-…] [--smtp …] [--confirm-resend <RF-…> …] [--retry-failed] [--json]
                                              go on with an interrupted or paused batch;
                                              nothing is sent twice; an e-mail whose outcome
                                              is unknown is sent again only when confirmed
  bulk list|packs [--country <CC>] [--json], bulk show <BA-…> [--json]
                                              the batches; the packs (us-data-brokers,
                                              credit-agencies …; --country: established
                                              in or serving that country)
  discover <mbox file, .eml file or folder of .eml files> [--json]
                                              the companies of the catalog that wrote to
                                              you, from the From and Date headers only:
                                              [{company, name, domain, messages, first,
                                              last}]; unknown senders are counted, never
                                              listed; personal (freemail) senders skipped
  discover --imap imaps://user@host:port [--tls|--starttls|--plain] [--mailbox INBOX | --all-folders] [--json]
  discover --saved-imap [--all-folders] [--json]
                                              the same in an IMAP inbox (or the one saved
                                              for replies), fetching only From and Date;
                                              --all-folders: every folder of received
                                              mail (not sent, drafts, junk or trash);
                                              password from RIGHTFUL_IMAP_PASSWORD, else
                                              asked for; never stored
  replies import <file.eml> [--reference <RF-…>] [--confirm] [--json]
                                              import a company's reply: prints {matched,
                                              matchedBy, needsConfirmation, classification:
                                              {kind, confidence, reason}, eventId}; with
                                              --confirm the suggested request and kind are
                                              taken as confirmed
  replies confirm <reply id> [--reference <RF-…>] [--kind <kind>] [--json]
                                              say which request a reply answers and what it is
        kinds: acknowledged, identity-requested, clarification-asked,
               extension-claimed, data-received, partially-fulfilled, refused,
               completed, bounce, reply-received
  replies list [--pending] [--json]           imported replies (--pending: still to be sorted)
  replies sync [--imap imaps://user@host:port [--tls|--starttls|--plain]]
        [--mailbox INBOX] [--json]            fetch replies from your IMAP inbox (only new
                                              messages that match a request). Password:
                                              RIGHTFUL_IMAP_PASSWORD, else asked for.
  authorities list [--law <law>] [--country <CC or CC-REGION>] [--json]
                                              the supervisory authorities complaints go to
  notices [list] [--json]                     what Rightful had to tell you (files or records
                                              it set aside); new ones are also printed on
                                              stderr after any command
  notices dismiss <id> | --all [--json]       mark them as seen

Options:
  --json       machine-readable output on stdout
  --ui-lang    the language of Rightful's own messages (errors, notices, the deadline's
               explanation): en, de, fr, es, zh-Hans, zh-Hant; default from LANGUAGE,
               LC_ALL, LC_MESSAGES, LANG, else en
  --help       this text; after a command (rightful catalog add --help), that command's
               options
  --version    the version

Data folder: ${'$'}RIGHTFUL_DATA_DIR, else the desktop app's own data folder.`

/**
 * The program for one run. Commander parses; each command's action checks its values and hands its
 * output to `finish`. Commander's own refusals become UsageErrors (see `usageErrorOf`).
 */
export function buildProgram(ctx: CliContext, finish: Finish): Command {
  const program = new Command('rightful')
    .description(helpKey('command', 'program'))
    // Each command reads its own options, after its name: `bulk --company …` and `bulk resume --smtp …` differ.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (text) => ctx.io.stdout(text), writeErr: () => {}, outputError: () => {} })
    .helpCommand(false)
    .usage('<command> [options]')
  registerCatalog(program, ctx, finish)
  registerDraft(program, ctx, finish)
  registerDeadline(program, ctx, finish)
  registerRequests(program, ctx, finish)
  registerRedact(program, ctx, finish)
  registerBackup(program, ctx, finish)
  registerSend(program, ctx, finish)
  registerBulk(program, ctx, finish)
  registerDiscover(program, ctx, finish)
  registerReplies(program, ctx, finish)
  registerAuthorities(program, ctx, finish)
  registerNotices(program, ctx, finish)
  // Anything else: not a command (the first word), or none at all.
  program
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .argument('[command]')
    .action(() => {
      const command = program.args[0]
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.')
    })
  return program
}

/** The names of the program's commands (`catalog`, `draft`, …). */
export function commandNames(program: Command): ReadonlySet<string> {
  return new Set(program.commands.map((command) => command.name()))
}

/**
 * Runs the command line through the program: 'help' when commander printed a help text; a refused
 * command line throws a UsageError.
 */
export async function parseCommandLine(program: Command, argv: ReadonlyArray<string>): Promise<'help' | 'ran'> {
  try {
    await program.parseAsync(argv, { from: 'user' })
    return 'ran'
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    const refused = usageErrorOf(error)
    if (refused) throw refused
    return 'help'
  }
}

/**
 * Commander's refusal of a command line as a UsageError in the CLI's words (a sentence, capital
 * first, full stop); null for the help it printed, which is no error.
 */
export function usageErrorOf(error: CommanderError): UsageError | null {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.help') return null
  // "error: unknown option '--jsn'\n(Did you mean --json?)": each line a sentence of its own.
  const sentences = error.message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim().replace(/^\((.*)\)$/, '$1'))
    .filter((line) => line.length > 0)
    .map((line) => `${line.charAt(0).toUpperCase()}${line.slice(1)}${/[.!?]$/.test(line) ? '' : '.'}`)
  return new UsageError(sentences.join(' '))
}
