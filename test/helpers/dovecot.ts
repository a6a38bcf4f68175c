/**
 * A real IMAP server for tests: Debian's dovecot (dovecot-imapd), started from one config file in
 * a temp folder on a free loopback port, without systemd. Mail is kept as Maildir under that
 * folder, owned by the system user `vmail` (created when missing; that needs root).
 *
 *   const imap = await startDovecot()          // null (with the reason printed) when unavailable
 *   imap.deliver('alice@example.test', bytes)  // puts a message into the INBOX
 *   imap.messages('alice@example.test', 'Sent')
 *   await imap.stop()
 *
 * Skips, with a printed reason, where dovecot is not installed (apt-get install -y dovecot-imapd).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export type TestDovecot = {
  readonly host: '127.0.0.1'
  readonly port: number
  readonly dir: string
  /** Users and their passwords, as given. */
  readonly users: Readonly<Record<string, string>>
  /** A user's Maildir folder: 'INBOX' or a folder's name ('Sent'). */
  maildir(user: string, folder?: string): string
  /** Delivers a message into a user's folder (default INBOX), as the mail server would. */
  deliver(user: string, bytes: Uint8Array, folder?: string): string
  /** The raw messages in a user's folder, oldest first. */
  messages(user: string, folder?: string): Buffer[]
  stop(): Promise<void>
}

function which(command: string): string | null {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : null
}

/** Why dovecot cannot run here, or null. */
export function dovecotMissing(): string | null {
  if (!which('dovecot') && !fs.existsSync('/usr/sbin/dovecot')) return 'dovecot is not installed (apt-get install -y dovecot-imapd)'
  if (!fs.existsSync('/usr/lib/dovecot/imap')) return 'dovecot-imapd is not installed (apt-get install -y dovecot-imapd)'
  const hasVmail = spawnSync('id', ['vmail']).status === 0
  if (!hasVmail && process.getuid?.() !== 0) return 'the system user "vmail" is missing and creating it needs root'
  if (process.getuid?.() !== 0) return 'dovecot must be started as root to switch to the vmail user'
  return null
}

const dovecotBinary = () => which('dovecot') ?? '/usr/sbin/dovecot'
const doveadmBinary = () => which('doveadm') ?? '/usr/bin/doveadm'

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (open) return true
    await new Promise((resolve) => setTimeout(resolve, 30))
  }
  return false
}

/** Starts dovecot; null (with the reason logged) where it cannot run. */
export async function startDovecot(users: Record<string, string> = { 'alice@example.test': 'secret' }): Promise<TestDovecot | null> {
  const missing = dovecotMissing()
  if (missing) {
    console.log(`[skip] IMAP tests: ${missing}`)
    return null
  }
  if (spawnSync('id', ['vmail']).status !== 0) {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'vmail'], { stdio: 'pipe' })
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rightful-dovecot-'))
  // Dovecot's unprivileged processes must be able to reach the folder.
  fs.chmodSync(dir, 0o755)
  for (const sub of ['run', 'state', 'mail']) fs.mkdirSync(path.join(dir, sub), { recursive: true })
  fs.writeFileSync(
    path.join(dir, 'users'),
    Object.entries(users)
      .map(([user, pass]) => `${user}:{PLAIN}${pass}`)
      .join('\n') + '\n',
    { mode: 0o644 },
  )
  const port = await freePort()
  const config = `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=vmail gid=vmail home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
namespace inbox {
  inbox = yes
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Drafts {
    special_use = \\Drafts
  }
  mailbox Junk {
    special_use = \\Junk
  }
  mailbox Trash {
    special_use = \\Trash
  }
}
`
  const configFile = path.join(dir, 'dovecot.conf')
  fs.writeFileSync(configFile, config)

  const maildir = (user: string, folder = 'INBOX') => path.join(dir, 'mail', user, 'Maildir', folder === 'INBOX' ? '' : `.${folder}`)
  for (const user of Object.keys(users)) {
    for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(maildir(user), sub), { recursive: true })
  }
  execFileSync('chown', ['-R', 'vmail:vmail', path.join(dir, 'mail')])

  // The master daemonizes: its children must not hold our pipes open.
  execFileSync(dovecotBinary(), ['-c', configFile], { stdio: 'ignore' })
  if (!(await waitForPort(port, 60_000))) {
    const log = fs.existsSync(path.join(dir, 'dovecot.log')) ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : ''
    spawnSync(doveadmBinary(), ['-c', configFile, 'stop'])
    throw new Error(`dovecot did not start listening on 127.0.0.1:${port}:\n${log}`)
  }

  let stopped = false
  return {
    host: '127.0.0.1',
    port,
    dir,
    users,
    maildir,
    deliver(user, bytes, folder = 'INBOX') {
      const base = maildir(user, folder)
      for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(base, sub), { recursive: true })
      const name = `${Date.now()}.${randomBytes(6).toString('hex')}.rightful-test`
      const file = path.join(base, 'new', name)
      fs.writeFileSync(file, bytes)
      execFileSync('chown', ['-R', 'vmail:vmail', path.join(dir, 'mail', user)])
      return file
    },
    messages(user, folder = 'INBOX') {
      const base = maildir(user, folder)
      const files = ['new', 'cur'].flatMap((sub) => {
        const where = path.join(base, sub)
        return fs.existsSync(where) ? fs.readdirSync(where).map((name) => path.join(where, name)) : []
      })
      return files.sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs).map((file) => fs.readFileSync(file))
    },
    async stop() {
      if (stopped) return
      stopped = true
      spawnSync(doveadmBinary(), ['-c', configFile, 'stop'])
      // The master removes its pid file on exit; give it a moment.
      const until = Date.now() + 3000
      while (fs.existsSync(path.join(dir, 'run', 'master.pid')) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 30))
    },
  }
}

/** The flags of every message in a user's INBOX (or `folder`) on the test server at `port` (read-only: nothing is marked). */
export async function inboxFlags(port: number, login: string, password: string, folder = 'INBOX'): Promise<string[][]> {
  const { ImapFlow } = await import('imapflow')
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user: login, pass: password }, logger: false })
  client.on('error', () => undefined)
  await client.connect()
  const flags: string[][] = []
  try {
    await client.mailboxOpen(folder, { readOnly: true })
    for await (const message of client.fetch('1:*', { flags: true })) flags.push([...(message.flags ?? [])])
  } finally {
    await client.logout()
  }
  return flags
}
