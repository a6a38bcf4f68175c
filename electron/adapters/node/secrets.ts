/**
 * Secret stores for hosts without Electron's safeStorage. Neither ever writes a secret anywhere:
 * the harness and tests keep it in memory; the CLI takes the SMTP password from
 * RIGHTFUL_SMTP_PASSWORD or asks for it on the terminal, once per run.
 */
import { CoreError } from '../../core/shared/result'
import { message } from '../../core/shared/message'
import { smtpPasswordSecret } from '../../core/mail/mail-settings'
import type { SecretStore } from '../../core/api/ports'

/** Secrets for the lifetime of this process only (the harness, tests). */
export function memorySecrets(initial: Record<string, string> = {}): SecretStore {
  const values = new Map(Object.entries(initial))
  return {
    persistent: false,
    protection: async () => 'memory',
    get: async (name) => values.get(name) ?? null,
    set: async (name, value) => void values.set(name, value),
    delete: async (name) => void values.delete(name),
  }
}

/**
 * The CLI's secrets: the SMTP password from the environment, else from a prompt on a terminal;
 * without either, a clear error. Whatever is given is kept in memory for this run only.
 */
export function cliSecrets(options: {
  env: NodeJS.ProcessEnv
  /** Asks on the terminal without echo; null when there is no terminal. */
  prompt: ((question: string) => Promise<string>) | null
  /** The question the prompt asks, in the reader's language (English by default). */
  question?: string
}): SecretStore {
  const given = new Map<string, string>()
  return {
    persistent: false,
    protection: async () => 'memory',
    async get(name) {
      const known = given.get(name)
      if (known !== undefined) return known
      if (name !== smtpPasswordSecret) return null
      const fromEnv = options.env.RIGHTFUL_SMTP_PASSWORD
      if (fromEnv !== undefined && fromEnv !== '') return fromEnv
      if (!options.prompt) {
        throw new CoreError(
          'SMTP_PASSWORD_MISSING',
          'The SMTP password is needed: set RIGHTFUL_SMTP_PASSWORD in the environment, or run rightful in a terminal to be asked for it. It is never stored.',
          undefined,
          message('cli.out.smtpPasswordNeeded'),
        )
      }
      const answer = await options.prompt(options.question ?? 'SMTP password (not shown, not stored): ')
      if (!answer) throw new CoreError('SMTP_PASSWORD_MISSING', 'No SMTP password was given.', undefined, message('cli.usage.noSmtpPassword'))
      given.set(name, answer)
      return answer
    },
    async set(name, value) {
      given.set(name, value)
    },
    async delete(name) {
      given.delete(name)
    },
  }
}

/**
 * Reads one line from a terminal without echoing it; the question goes to stderr so that stdout
 * stays JSON only. Resolves to '' when the user presses Ctrl-D; rejects on Ctrl-C.
 */
export function promptHidden(
  question: string,
  io: { input: NodeJS.ReadStream; output: NodeJS.WriteStream } = { input: process.stdin, output: process.stderr },
): Promise<string> {
  const { input, output } = io
  return new Promise((resolve, reject) => {
    output.write(question)
    const wasRaw = input.isRaw
    input.setRawMode?.(true)
    input.resume()
    input.setEncoding('utf8')
    let value = ''
    const finish = (error: Error | null) => {
      input.removeListener('data', onData)
      input.setRawMode?.(wasRaw)
      input.pause()
      output.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(null)
        if (char === '\u0003') return finish(new Error('cancelled'))
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1)
        else value += char
      }
    }
    input.on('data', onData)
  })
}
