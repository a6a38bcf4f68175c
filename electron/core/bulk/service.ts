/**
 * Bulk requests: plan a batch (one request per company, each with that company's law, language,
 * contact and subject rule, through the single-request path), review it, then send its e-mails
 * one by one through the outbox at a capped rate, print its letters as one PDF, and tick off its
 * web forms. The send loop can be paused, cancelled and resumed after a crash; the outbox makes
 * sure nothing is sent twice and that an e-mail whose outcome is unknown asks first.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { CoreError, type ErrorCode } from '../shared/result'
import type { Catalog } from '../catalog/catalog'
import type { CompanyView } from '../catalog/schema'
import { comparePlainDates, plainDateOf, type PlainDate } from '../shared/calendar'
import { letterFor } from '../letters/letter-for-request'
import { renderLettersPdf } from '../letters/render'
import type { OutboxItem } from '../mail/mail-types'
import { isCancelled, type Operation } from '../shared/operation'
import type { FontSource, FileSink } from '../shared/ports'
import type { Profile } from '../profile/profile'
import { proposeLaw } from '../requests/law-proposal'
import { isFollowUpType, languages, type Language, type Law, type RequestType } from '../shared/kinds'
import type { AttachmentStage } from '../requests/attachments'
import { keptFileName } from '../requests/attachments'
import type { RequestService } from '../requests/service'
import { createFileExclusiveSync, writeFileAtomicSync } from '../storage/files'
import { companiesOfPack } from './packs'
import { countItems, defaultRatePerMinute, maxBatchCompanies, type Batch, type BatchSummary, type BatchView, type BulkItem } from './model'
import type { BatchStore } from './store'
import { coreError } from '../messages/errors'
import { message, type Message, type MessageParam } from '../shared/message'
import { renderMessage } from '../messages/render'

/** The single-send path of the mail domain, as bulk uses it. */
export type BulkMail = {
  /** Sends the request's e-mail through the outbox; throws a CoreError when it was not accepted. */
  send(reference: string, confirmResend: boolean): Promise<void>
  /** The request's outbox entry (settled: an attempt whose process died shows as uncertain), or null. */
  outbox(reference: string): Promise<OutboxItem | null>
}

/** Failures of the server or the account, not of one message: the batch stops and waits for the user. */
const serverFailures: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'SMTP_NOT_CONFIGURED',
  'SMTP_PASSWORD_MISSING',
  'SMTP_AUTH_FAILED',
  'SMTP_TLS_FAILED',
  'SMTP_CONNECTION_FAILED',
  'SECRETS_UNAVAILABLE',
  'STORAGE_FAILED',
  'DATA_FOLDER_BUSY',
])

const asError = (error: unknown): { code: ErrorCode; message: string; detail?: Message } =>
  error instanceof CoreError
    ? { code: error.code, message: error.message.slice(0, 4000), ...(error.detail ? { detail: error.detail } : {}) }
    : { code: 'INTERNAL', message: String((error as Error)?.message ?? error).slice(0, 4000) }

/** An item's error from the message `key` with `params`: its English words and the message beside them. */
const itemError = (code: ErrorCode, key: string, params?: Readonly<Record<string, MessageParam>>): { code: ErrorCode; message: string; detail: Message } => {
  const detail = message(key, params)
  return { code, message: renderMessage(detail, 'en'), detail }
}

/** A law proposal's sentences as one message. */
const sentences = (parts: ReadonlyArray<Message>): Message =>
  parts.length >= 3 ? message('error.bulk.sentences.three', { a: parts[0]!, b: parts[1]!, c: parts[2]! }) : parts.length === 2 ? message('error.bulk.sentences.two', { a: parts[0]!, b: parts[1]! }) : (parts[0] ?? message('issue.zod.invalid'))

export type BulkService = ReturnType<typeof createBulkService>

export function createBulkService(deps: {
  store: BatchStore
  catalog: Catalog
  requests: RequestService
  profiles: { get(): Profile | null }
  attachments: AttachmentStage
  mail: BulkMail
  fonts: FontSource
  files: FileSink
  dataDir: string
  now: () => Date
  /** Waits (the rate cap); tests may pass a faster clock. */
  sleep?: (ms: number) => Promise<void>
}) {
  const now = () => deps.now()
  const today = () => plainDateOf(now())
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const view = (batch: Batch): BatchView => ({ batch, counts: countItems(batch) })

  /** The item as it is now: e-mails and letters from their request and outbox entry, never from the batch alone. */
  const settleItem = async (item: BulkItem): Promise<BulkItem> => {
    if (!item.reference || item.excluded) return item
    if (item.channel !== 'email' && item.channel !== 'post') return item
    let sent: boolean
    try {
      sent = deps.requests.get(item.reference).record.sent !== null
    } catch (error) {
      if (error instanceof CoreError && error.code === 'NOT_FOUND') {
        return { ...item, status: 'skipped', error: itemError('NOT_FOUND', 'error.bulk.item.discarded', { reference: item.reference }) }
      }
      throw error
    }
    if (sent) return { ...item, status: 'sent', error: null }
    if (item.channel === 'post') return { ...item, status: 'letter' }
    const entry = await deps.mail.outbox(item.reference)
    if (!entry) return item.status === 'failed' ? item : { ...item, status: 'queued' }
    switch (entry.state) {
      case 'sent':
        return { ...item, status: 'sent', error: null }
      case 'uncertain':
        return { ...item, status: 'uncertain', error: entry.error ? { code: entry.error.code, message: entry.error.message, ...(entry.error.detail ? { detail: entry.error.detail } : {}) } : itemError('SEND_UNCERTAIN', 'error.bulk.item.uncertain', { reference: item.reference }) }
      case 'failed':
        return { ...item, status: 'failed', error: entry.error ? { code: entry.error.code, message: entry.error.message, ...(entry.error.detail ? { detail: entry.error.detail } : {}) } : item.error }
      case 'queued':
      case 'sending':
        return { ...item, status: 'queued' }
    }
  }

  /** Brings every item up to date with its request and outbox entry; writes only what changed. */
  const settle = async (id: string): Promise<Batch> => {
    const batch = deps.store.get(id)
    const fresh = new Map<string, BulkItem>()
    for (const item of batch.items) {
      const next = await settleItem(item)
      if (JSON.stringify(next) !== JSON.stringify(item)) fresh.set(item.company, next)
    }
    if (fresh.size === 0) return batch
    return deps.store.update(id, (current) => ({ ...current, items: current.items.map((item) => (fresh.has(item.company) ? { ...fresh.get(item.company)!, excluded: item.excluded, done: item.done } : item)) }))
  }

  const setItem = (id: string, company: string, change: (item: BulkItem) => BulkItem): Batch =>
    deps.store.update(id, (batch) => ({ ...batch, items: batch.items.map((item) => (item.company === company ? change(item) : item)) }))

  /** Where a company's request goes, before any request is written. */
  const planItem = (company: CompanyView | null, id: string, input: { law: Law | null; lang: Language | null }, profile: Profile): BulkItem => {
    const base: BulkItem = { company: id, name: company?.name ?? id, channel: 'none', reference: null, law: null, lang: null, contact: null, webForm: null, status: 'skipped', error: null, excluded: false, lastAttemptAt: null, done: null }
    if (!company) return { ...base, error: itemError('NOT_FOUND', 'error.bulk.item.noCompany', { id }) }
    if (company.standing.kind === 'defunct') return { ...base, error: itemError('INVALID_STATE', company.standing.doNotContact ? 'error.bulk.item.defunctDoNotContact' : 'error.bulk.item.defunct', { company: company.name }) }
    if (company.standing.kind === 'merged') return { ...base, error: itemError('INVALID_STATE', 'error.bulk.item.merged', { company: company.name, into: company.standing.into.name }) }
    const form = company.webForms.find((f) => f.status === 'current') ?? null
    if (form && (company.requirements.webFormOnly || (!company.privacyEmail && !company.letterAddress))) {
      return { ...base, channel: 'webform', webForm: form.url, contact: form.url, status: 'webform' }
    }
    if (!company.privacyEmail && !company.letterAddress) {
      return { ...base, error: itemError('NO_CONTACT', 'error.bulk.item.noContact', { company: company.name }) }
    }
    let law = input.law
    if (!law) {
      const proposal = proposeLaw({ userCountry: profile.country ?? null, userRegion: profile.region ?? null, companyCountries: company.establishment })
      if (!proposal.law) return { ...base, error: { code: 'INVALID_INPUT', message: proposal.reason, detail: sentences(proposal.message) } }
      law = proposal.law
    }
    const demanded = company.requirements.language?.code
    const lang = input.lang ?? ((languages as ReadonlyArray<string>).includes(demanded ?? '') ? (demanded as Language) : 'en')
    const email = company.privacyEmail
    return {
      ...base,
      channel: email ? 'email' : 'post',
      law,
      lang,
      contact: email ?? [company.letterAddress!.recipient, ...company.letterAddress!.lines].join(', ').slice(0, 1000),
      status: email ? 'queued' : 'letter',
    }
  }

  /** Writes the item's request through the single-request path (once); the batch records its reference. */
  const writeRequest = (id: string, item: BulkItem, type: RequestType, profile: Profile | undefined): Batch => {
    try {
      const created = deps.requests.create({ companyId: item.company, type, law: item.law!, lang: item.lang!, ...(profile ? { profile } : {}) })
      const record = created.record
      const channel = record.draft.to ? 'email' : 'post'
      return setItem(id, item.company, (current) => ({ ...current, reference: record.reference, channel, contact: record.draft.to ?? current.contact, status: channel === 'email' ? 'queued' : 'letter', error: null }))
    } catch (error) {
      if (error instanceof CoreError && error.code === 'PROFILE_MISSING') throw error
      return setItem(id, item.company, (current) => ({ ...current, status: 'skipped', error: asError(error) }))
    }
  }

  const summary = (batch: Batch): BatchSummary => ({ id: batch.id, createdAt: batch.createdAt, type: batch.type, pack: batch.pack, packCountry: batch.packCountry, state: batch.state, counts: countItems(batch) })

  return {
    /** Plans and writes a batch: one request per company (web forms and skipped companies get none). */
    async create(
      input: { companies?: ReadonlyArray<string>; pack?: string; country?: string; type: RequestType; law?: Law; lang?: Language; rate?: number; profile?: Profile },
      operation: Operation,
    ): Promise<BatchView> {
      if (isFollowUpType(input.type) || input.type === 'custom') {
        throw coreError('INVALID_INPUT', `error.bulk.oneAtATime.${input.type}`)
      }
      const profile = input.profile ?? deps.profiles.get()
      if (!profile) throw coreError('PROFILE_MISSING', 'error.bulk.profileMissing')
      const all = deps.catalog.list()
      let ids: string[]
      if (input.pack) {
        ids = companiesOfPack(input.pack, all, input.country).map((c) => c.id)
      } else {
        ids = [...new Set(input.companies ?? [])]
      }
      if (ids.length === 0) throw coreError('INVALID_INPUT', 'error.bulk.pickOne')
      if (ids.length > maxBatchCompanies) throw coreError('INVALID_INPUT', 'error.bulk.tooMany', { max: maxBatchCompanies })
      const byId = new Map(all.map((c) => [c.id, c] as const))
      const resolve = (id: string): CompanyView | null => {
        const known = byId.get(id)
        if (known) return known
        try {
          return deps.catalog.resolve(id)
        } catch {
          return null
        }
      }
      const planned: BulkItem[] = []
      const seen = new Set<string>()
      for (const [index, id] of ids.entries()) {
        if (index % 50 === 0) await operation.checkpoint({ stage: 'planning', done: index, total: ids.length, message: `Looking at company ${index + 1} of ${ids.length}`, detail: message('progress.lookingAtCompany', { done: index + 1, total: ids.length }), cancellable: true })
        const company = resolve(id)
        const key = company?.id ?? id
        if (seen.has(key)) continue
        seen.add(key)
        planned.push(planItem(company, key, { law: input.law ?? null, lang: input.lang ?? null }, profile))
      }
      const stamp = now().toISOString()
      // The plan first: a batch stopped while its requests are written finishes them when it is sent.
      let batch = deps.store.create(Number(today().slice(0, 4)), (id) => ({
        version: 1,
        id,
        createdAt: stamp,
        updatedAt: stamp,
        type: input.type,
        pack: input.pack ?? null,
        packCountry: input.pack && input.country ? input.country : null,
        rate: input.rate ?? defaultRatePerMinute,
        state: 'review',
        stoppedBy: null,
        letters: null,
        items: planned,
      }))
      const toWrite = batch.items.filter((item) => (item.channel === 'email' || item.channel === 'post') && item.reference === null)
      for (const [index, item] of toWrite.entries()) {
        // Past this point every step is whole: a cancel keeps the plan and the requests written so far.
        try {
          await operation.checkpoint({ stage: 'writing', done: index, total: toWrite.length, message: `Writing request ${index + 1} of ${toWrite.length}`, detail: message('progress.writingRequest', { done: index + 1, total: toWrite.length }), cancellable: true })
        } catch (error) {
          if (!isCancelled(error)) throw error
          throw coreError('CANCELLED', 'error.bulk.writingStopped', { batch: batch.id, written: index, total: toWrite.length })
        }
        batch = writeRequest(batch.id, item, input.type, input.profile)
      }
      return view(batch)
    },

    async get(id: string): Promise<BatchView> {
      return view(await settle(id))
    },

    list(): BatchSummary[] {
      return deps.store.list().map(summary)
    },

    /** Leaves a company out of the batch (or takes it back) while it has not been sent. */
    exclude(id: string, company: string, excluded: boolean): BatchView {
      const batch = deps.store.update(id, (current) => {
        if (current.state === 'cancelled') throw coreError('INVALID_STATE', 'error.bulk.cancelled', { batch: id })
        const item = current.items.find((i) => i.company === company)
        if (!item) throw coreError('NOT_FOUND', 'error.bulk.noCompany', { batch: id, company })
        if (item.status === 'sent' || item.status === 'done') throw coreError('INVALID_STATE', 'error.bulk.contacted', { company: item.name })
        return { ...current, items: current.items.map((i) => (i.company === company ? { ...i, excluded } : i)) }
      })
      return view(batch)
    },

    /** Asks a running send to stop after the e-mail it is sending (or stops waiting ones at once). */
    pause(id: string): BatchView {
      return view(deps.store.update(id, (batch) => (batch.state === 'sending' || batch.state === 'review' ? { ...batch, state: 'paused' } : batch)))
    },

    /** No further e-mail of this batch is sent; the written requests stay as drafts. */
    cancel(id: string): BatchView {
      return view(deps.store.update(id, (batch) => (batch.state === 'finished' ? batch : { ...batch, state: 'cancelled' })))
    },

    /**
     * Sends the batch's e-mails that wait, one at a time, at most `rate` a minute. `confirmResend`:
     * the references whose last attempt may have reached the server and which the user checked
     * (not in their Sent folder); `retryFailed`: try the refused ones again.
     */
    async send(input: { batch: string; confirmResend: ReadonlyArray<string>; retryFailed: boolean; rate?: number }, operation: Operation): Promise<BatchView> {
      let batch = await settle(input.batch)
      if (batch.state === 'cancelled') throw coreError('INVALID_STATE', 'error.bulk.cancelledDrafts', { batch: batch.id })
      const confirm = new Set(input.confirmResend)
      batch = deps.store.update(batch.id, (current) => ({ ...current, state: 'sending', stoppedBy: null, rate: input.rate ?? current.rate }))
      const profile = deps.profiles.get() ?? undefined
      // A plan written before a stop: its missing requests are written now.
      for (const item of batch.items.filter((i) => !i.excluded && (i.channel === 'email' || i.channel === 'post') && i.reference === null && i.status !== 'skipped')) {
        batch = writeRequest(batch.id, item, batch.type, profile)
      }
      const due = (item: BulkItem) =>
        !item.excluded &&
        item.channel === 'email' &&
        item.reference !== null &&
        (item.status === 'queued' || (item.status === 'failed' && (input.retryFailed || serverFailures.has(item.error?.code ?? 'INTERNAL'))) || (item.status === 'uncertain' && confirm.has(item.reference)))
      const work = batch.items.filter(due).map((i) => i.company)
      const interval = 60_000 / batch.rate
      // The cap holds across restarts: the last attempt of this batch counts, wherever it was made.
      let lastAt = Math.max(0, ...batch.items.map((i) => (i.lastAttemptAt ? Date.parse(i.lastAttemptAt) : 0)))
      let lastTick = lastAt > 0 ? performance.now() - Math.max(0, now().getTime() - lastAt) : -Infinity
      const stopped = (): Batch | null => {
        const current = deps.store.get(batch.id)
        return current.state === 'paused' || current.state === 'cancelled' ? current : null
      }
      const step = (done: number) => ({
        stage: 'sending',
        done,
        total: work.length,
        message: `Sending e-mail ${Math.min(done + 1, work.length)} of ${work.length}`,
        detail: message('progress.sendingEmail', { done: Math.min(done + 1, work.length), total: work.length }),
        cancellable: true,
      })
      try {
        for (const [index, company] of work.entries()) {
          await operation.checkpoint(step(index))
          // The rate cap: wait in short steps, so that a pause or a cancel is heard at once.
          while (performance.now() - lastTick < interval) {
            const halt = stopped()
            if (halt) return view(await settle(halt.id))
            await sleep(Math.min(250, interval - (performance.now() - lastTick)))
            await operation.checkpoint(step(index))
          }
          const halt = stopped()
          if (halt) return view(await settle(halt.id))
          const item = deps.store.get(batch.id).items.find((i) => i.company === company)
          if (!item || !due(item)) continue
          const reference = item.reference!
          lastTick = performance.now()
          lastAt = now().getTime()
          batch = setItem(batch.id, company, (current) => ({ ...current, lastAttemptAt: new Date(lastAt).toISOString() }))
          try {
            await deps.mail.send(reference, confirm.has(reference))
            batch = setItem(batch.id, company, (current) => ({ ...current, status: 'sent', error: null }))
          } catch (error) {
            const failure = asError(error)
            const status = failure.code === 'SEND_UNCERTAIN' || failure.code === 'CONFIRM_RESEND' ? 'uncertain' : failure.code === 'SEND_IN_PROGRESS' ? 'queued' : 'failed'
            batch = setItem(batch.id, company, (current) => ({ ...current, status, error: failure }))
            if (serverFailures.has(failure.code)) {
              // Every other e-mail would fail the same way: stop, and say why.
              batch = deps.store.update(batch.id, (current) => ({ ...current, state: 'paused', stoppedBy: failure }))
              return view(await settle(batch.id))
            }
            if (failure.code === 'INVALID_STATE') batch = await settle(batch.id)
          }
        }
      } catch (error) {
        if (!isCancelled(error)) throw error
        const paused = deps.store.update(batch.id, (current) => (current.state === 'sending' ? { ...current, state: 'paused' } : current))
        const counts = countItems(paused)
        throw coreError('CANCELLED', 'error.bulk.sendingStopped', { batch: paused.id, sent: counts.sent, waiting: counts.queued })
      }
      operation.report({ stage: 'done', done: work.length, total: work.length, message: 'Sent', detail: message('progress.sent'), cancellable: false })
      const final = await settle(batch.id)
      return view(deps.store.update(final.id, (current) => (current.state === 'sending' ? { ...current, state: countItems(current).queued > 0 ? 'paused' : 'finished' } : current)))
    },

    /** Writes the batch's letters (companies without e-mail) into one PDF, kept with the batch and saved where the user chooses. */
    async letters(id: string): Promise<{ path: string | null; count: number }> {
      const batch = await settle(id)
      const items = batch.items.filter((i) => !i.excluded && i.channel === 'post' && i.reference && i.status === 'letter')
      if (items.length === 0) throw coreError('INVALID_STATE', 'error.bulk.noLetters', { batch: id })
      const createdAt = now()
      const inputs = items.map((item) => letterFor(deps.requests.get(item.reference!).record, { date: today(), createdAt }))
      const bytes = await renderLettersPdf(inputs, deps.fonts, { title: `Letters of ${id}`, author: inputs[0]!.sender.name, subject: `${items.length} data protection requests`, createdAt })
      const kept = path.join(deps.store.filesDir(id), 'letters.pdf')
      fs.mkdirSync(path.dirname(kept), { recursive: true })
      writeFileAtomicSync(kept, bytes)
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      deps.store.update(id, (current) => ({ ...current, letters: { file: path.relative(deps.dataDir, kept).split(path.sep).join('/'), count: items.length, sha256, writtenAt: createdAt.toISOString() } }))
      const saved = await deps.files.save({ suggestedName: `${id}-letters.pdf`, kind: 'pdf', bytes })
      return { path: saved, count: items.length }
    },

    /** Records the batch's printed letters as posted on `on`: their deadlines start. */
    async markLettersSent(id: string, on: PlainDate): Promise<BatchView> {
      const batch = await settle(id)
      for (const item of batch.items.filter((i) => !i.excluded && i.channel === 'post' && i.reference && i.status === 'letter')) {
        deps.requests.markSent({ reference: item.reference!, on, channel: 'post' })
      }
      return view(await settle(id))
    },

    /** Ticks off a web form: the day it was filled in, and an optional evidence file (a staged attachment). */
    webformDone(id: string, company: string, on: PlainDate, evidence: string | null): BatchView {
      if (comparePlainDates(on, today()) > 0) throw coreError('INVALID_INPUT', 'error.bulk.formFuture')
      const current = deps.store.get(id)
      const item = current.items.find((i) => i.company === company)
      if (!item || item.channel !== 'webform') throw coreError('NOT_FOUND', 'error.bulk.noWebform', { batch: id, company })
      let kept: NonNullable<BulkItem['done']>['evidence'] = null
      if (evidence) {
        const [file] = deps.attachments.read([evidence])
        const dir = deps.store.filesDir(id)
        fs.mkdirSync(dir, { recursive: true })
        const target = path.join(dir, keptFileName(`${company}-`, file!.name))
        try {
          createFileExclusiveSync(target, file!.bytes)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw coreError('STORAGE_FAILED', 'error.bulk.evidence', { reason: String((error as Error).message) })
          writeFileAtomicSync(target, file!.bytes)
        }
        kept = { name: file!.name, size: file!.bytes.byteLength, sha256: createHash('sha256').update(file!.bytes).digest('hex'), file: path.relative(deps.dataDir, target).split(path.sep).join('/') }
      }
      return view(setItem(id, company, (i) => ({ ...i, status: 'done', done: { on, evidence: kept ?? i.done?.evidence ?? null } })))
    },
  }
}
