/** `rightful redact`: a copy of an ID document with black boxes and a watermark, flattened. */
import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { languages, normalizeLanguage } from '../core/requests/model'
import { jsonOption, leaf, oneOf, outWords, referenceArgument, required, unwrap, flagProblem, usage, type CliContext, type Finish } from './shared'

/** `--box x,y,w,h`: fractions of the image (0-1), or pixels when each ends in "px". */
function boxFlag(value: string, size: { width: number; height: number }) {
  const parts = value.split(',').map((p) => p.trim())
  const pixels = parts.every((p) => /^\d+(\.\d+)?px$/.test(p))
  const numbers = parts.map((p) => Number(p.replace(/px$/, '')))
  if (parts.length !== 4 || numbers.some((n) => !Number.isFinite(n) || n < 0) || (!pixels && parts.some((p) => p.endsWith('px')))) {
    throw usage('boxFormat', { value })
  }
  const [x, y, w, h] = pixels ? [numbers[0]! / size.width, numbers[1]! / size.height, numbers[2]! / size.width, numbers[3]! / size.height] : numbers
  return { x: x!, y: y!, width: w!, height: h! }
}

/** Registers `redact`. */
export function registerRedact(program: Command, ctx: CliContext, finish: Finish): void {
  const options = {
    reference: { type: 'string', value: 'RF-…', help: 'reference' },
    box: { type: 'string', multiple: true, value: 'x,y,w,h', help: 'box' },
    out: { type: 'string', value: 'file.png|.pdf', help: 'out4' },
    lang: { type: 'string', value: 'lang', help: 'lang3' },
    attach: { type: 'boolean', help: 'attach' },
    ...jsonOption,
  } as const
  leaf(program, finish, { name: 'redact', summary: 'redact', args: '[image]', operands: 1, options }, async (values, positionals) => {
    const { io, makeApi } = ctx
    const image = path.resolve(io.cwd, required(positionals[0], 'image (the first argument)'))
    if (!fs.existsSync(image)) throw usage('doesNotExist', { path: image })
    const reference = referenceArgument(values.reference, 'redact --reference')
    const out = path.resolve(io.cwd, required(values.out, 'out'))
    const format = oneOf(path.extname(out).slice(1).toLowerCase(), 'out (its extension)', ['png', 'pdf'] as const)
    if (!fs.existsSync(path.dirname(out))) throw usage('outFolderMissing', { folder: path.dirname(out) })
    const lang = values.lang === undefined ? {} : { lang: oneOf(normalizeLanguage(values.lang) as string, 'lang', languages) }
    const api = makeApi(out, image)
    const [staged] = unwrap(await api.call('attachments:pick', {}))
    const opened = unwrap(await api.call('evidence:open', { token: staged!.token }))
    const boxes = (values.box ?? []).map((b) => boxFlag(b, opened))
    const result = await api.call('evidence:redact', { reference, token: staged!.token, boxes, format, save: true, ...lang })
    if (!result.ok && result.error.code === 'INVALID_INPUT' && /box/i.test(result.error.message)) throw flagProblem('box', result.error)
    const copy = unwrap(result)
    let attached: string | null = null
    if (values.attach) {
      const today = unwrap(await api.call('app:status', {})).today
      const view = unwrap(await api.call('requests:addEvent', { reference, kind: 'identity-provided', on: today, note: `Redacted copy: ${copy.name}`, attachments: [copy.token] }))
      attached = view.record.events.at(-1)!.id
    }
    const warning = copy.plainEmail ? ` ${outWords(ctx.ui, 'Warning: your saved mail server sends without encryption (no TLS): send this copy another way, or set up TLS first.', 'redact.plainEmail')}` : ''
    return {
      json: { path: copy.savedTo, format: copy.format, width: copy.width, height: copy.height, boxes: copy.boxes, sha256: copy.sha256, watermark: copy.watermark, plainEmail: copy.plainEmail, attachedEvent: attached },
      text: `${outWords(ctx.ui, `Redacted copy (${copy.boxes} box${copy.boxes === 1 ? '' : 'es'}, watermark "${copy.watermark}") written to ${copy.savedTo}.`, 'redact.written', { count: copy.boxes, watermark: copy.watermark, path: String(copy.savedTo) })}${attached ? ` ${outWords(ctx.ui, `Kept with ${reference} as "identity provided".`, 'redact.attached', { reference })}` : ''}${warning}`,
    }
  })
}
