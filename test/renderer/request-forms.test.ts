/**
 * The request, sending, reply, template, batch and policy forms check what they would send with
 * the core's own schema of that API method: react-hook-form's submit runs the form's resolver,
 * and an invalid value puts its words on its field and never reaches the submit handler (so
 * window.api is not called); a valid form hands the handler the same payload as before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFormControl, type FieldValues, type Resolver, type ResolverOptions } from 'react-hook-form'
import type { PolicyProposal } from '@core/catalog/policy-import/proposal'
import { createRequestInputSchema } from '@core/requests/inputs'
import { applyUiLanguage } from '../../renderer/src/i18n/i18n'
import { coreSchemaResolver, fieldErrorText } from '../../renderer/src/ui/schema-form'
import { newRequestInputOf, newRequestPathBack, type NewRequestChoice, type NewRequestValues } from '../../renderer/src/features/requests/NewRequestPage'
import { sendInputOf, sendPathBack, type SendContext, type SendValues } from '../../renderer/src/features/requests/SendPanel'
import { sendMailInputSchema } from '@core/mail/send-input'
import { draftResolver, type DraftValues } from '../../renderer/src/features/requests/RequestPage'
import { replyChoiceResolver, replyConfirmInputOf, type ReplyChoiceValues } from '../../renderer/src/features/replies/ReplyCard'
import { templateResolver, type TemplateValues } from '../../renderer/src/features/templates/TemplatePage'
import { batchInputOf, batchPathBack, type BatchValues } from '../../renderer/src/features/bulk/BulkNewPage'
import { createBatchInputSchema } from '@core/bulk/create-input'
import {
  addressesWithoutCountry,
  extractInputOf,
  policyInputPathBack,
  reviewDefaults,
  reviewPathBack,
  savePolicyInputOf,
  type FetchValues,
  type ReadValues,
  type ReviewValues,
} from '../../renderer/src/features/companies/PolicyImportPage'
import { extractPolicyInputSchema, fetchPolicyInputSchema, savePolicyInputSchema } from '@core/catalog/policy-import/inputs'

const options = <V extends FieldValues>(): ResolverOptions<V> => ({ fields: {}, shouldUseNativeValidation: false })

/**
 * Submits values through react-hook-form with the form's resolver, as the page's submit does:
 * returns what the submit handler received (null when it was not called) and the field errors.
 */
async function submit<V extends FieldValues>(resolver: Resolver<V>, values: NoInfer<V>) {
  const { control, handleSubmit } = createFormControl<V>({ defaultValues: values as never, resolver })
  const handler = vi.fn()
  await handleSubmit(handler)()
  return { received: handler.mock.calls.length > 0 ? (handler.mock.calls[0]![0] as V) : null, errors: control._formState.errors }
}

afterEach(() => applyUiLanguage('en'))

describe('the new request', () => {
  const choice: NewRequestChoice = { companyId: 'fs-com', law: 'gdpr', type: 'access', lang: 'en', post: false }
  const values = (patch: Partial<NewRequestValues> = {}): NewRequestValues => ({ law: '', lang: '', type: 'access', text: '', identifiers: '', ...patch })
  const resolver = (settled: NewRequestChoice) => coreSchemaResolver<NewRequestValues>(createRequestInputSchema, (v) => newRequestInputOf(v, settled), newRequestPathBack)

  it('says identifiers too long beside them, in English and German, and writes nothing', async () => {
    const long = values({ identifiers: 'x'.repeat(2001) })
    const en = await submit(resolver(choice), long)
    expect(en.received).toBeNull()
    expect(fieldErrorText(en.errors, 'identifiers')).toContain('2000')
    applyUiLanguage('de')
    const de = await submit(resolver(choice), long)
    expect(de.received).toBeNull()
    expect(fieldErrorText(de.errors, 'identifiers')).toContain('2000')
    expect(fieldErrorText(de.errors, 'identifiers')).not.toBe(fieldErrorText(en.errors, 'identifiers'))
  })

  it('puts a missing law on the law, and a problem of the company on the form', async () => {
    const result = await submit(resolver({ ...choice, law: null, companyId: '' }), values())
    expect(result.received).toBeNull()
    expect(fieldErrorText(result.errors, 'law')).toBeTruthy()
    expect(fieldErrorText(result.errors, 'root')).toBeTruthy()
  })

  it('hands on a valid request with the payload requests:create always got', async () => {
    const typed = values({ identifiers: '  Customer 123  ', text: 'ignored for access' })
    const result = await submit(resolver(choice), typed)
    expect(result.received).toEqual(typed)
    expect(newRequestInputOf(typed, choice)).toEqual({ companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en', identifiers: 'Customer 123', text: null })
    // A kind that takes the user's words keeps them as typed; a letter says so.
    expect(newRequestInputOf(values({ text: ' My words ' }), { ...choice, type: 'custom', post: true })).toEqual({
      companyId: 'fs-com',
      type: 'custom',
      law: 'gdpr',
      lang: 'en',
      identifiers: null,
      text: ' My words ',
      channel: 'post',
    })
    expect(createRequestInputSchema.safeParse(newRequestInputOf(typed, choice)).success).toBe(true)
  })
})

describe('the send panel', () => {
  const context: SendContext = { reference: 'RF-2026-0001', canAttach: true, lastLetter: true }
  const resolver = (c: SendContext) => coreSchemaResolver<SendValues>(sendMailInputSchema, (v) => sendInputOf(v, c), sendPathBack)

  it('sends nothing for a request whose reference the core would refuse', async () => {
    const result = await submit(resolver({ ...context, reference: 'not-a-reference' }), { letter: null, confirmResend: false })
    expect(result.received).toBeNull()
    expect(fieldErrorText(result.errors, 'root')).toBe('A reference looks like RF-2026-0001.')
  })

  it('hands on the letter as the last attempt had it, or as ticked, and never without a postal address', async () => {
    const result = await submit(resolver(context), { letter: null, confirmResend: true })
    expect(result.received).toEqual({ letter: null, confirmResend: true })
    expect(sendInputOf({ letter: null, confirmResend: true }, context)).toEqual({ reference: 'RF-2026-0001', attachLetter: true, confirmResend: true })
    expect(sendInputOf({ letter: false, confirmResend: false }, context).attachLetter).toBe(false)
    expect(sendInputOf({ letter: true, confirmResend: false }, { ...context, canAttach: false }).attachLetter).toBe(false)
  })
})

describe('the draft editor', () => {
  const draft = (patch: Partial<DraftValues> = {}): DraftValues => ({ base: '2026-01-31T10:00:00.000Z', reference: 'RF-2026-0001', subject: 'Access request', body: 'Dear team,', ...patch })

  it('says an empty subject and an empty text beside them, in the window’s language, and saves nothing', async () => {
    const en = await submit(draftResolver, draft({ subject: '  ', body: '\n' }))
    expect(en.received).toBeNull()
    expect(fieldErrorText(en.errors, 'subject')).toBe('The subject line cannot be empty.')
    expect(fieldErrorText(en.errors, 'body')).toBe('The text cannot be empty.')
    applyUiLanguage('de')
    const de = await submit(draftResolver, draft({ subject: '' }))
    expect(fieldErrorText(de.errors, 'subject')).toBeTruthy()
    expect(fieldErrorText(de.errors, 'subject')).not.toBe('The subject line cannot be empty.')
    expect(fieldErrorText(de.errors, 'body')).toBeUndefined()
  })

  it('hands on an edited draft as typed', async () => {
    const edited = draft({ subject: 'Auskunft', body: 'Sehr geehrte Damen und Herren,' })
    expect((await submit(draftResolver, edited)).received).toEqual(edited)
  })
})

describe('the reply card', () => {
  const choice = (patch: Partial<ReplyChoiceValues> = {}): ReplyChoiceValues => ({ replyId: 'rp-0123456789ab', give: 'target', target: 'RF-2026-0001', kind: 'reply-received', ...patch })

  it('says a request that is not one beside the picker, and records nothing', async () => {
    const result = await submit(replyChoiceResolver, choice({ target: 'RF-26' }))
    expect(result.received).toBeNull()
    expect(fieldErrorText(result.errors, 'target')).toBe('A reference looks like RF-2026-0001.')
  })

  it('hands on the request, or the kind, whichever is confirmed', async () => {
    expect((await submit(replyChoiceResolver, choice())).received).toEqual(choice())
    expect(replyConfirmInputOf(choice())).toEqual({ replyId: 'rp-0123456789ab', reference: 'RF-2026-0001' })
    expect(replyConfirmInputOf(choice({ give: 'kind', kind: 'extension-claimed' }))).toEqual({ replyId: 'rp-0123456789ab', kind: 'extension-claimed' })
    // A kind only the picker's list offers: anything else is the core's refusal beside it.
    const odd = await submit(replyChoiceResolver, choice({ give: 'kind', kind: 'constructor' as ReplyChoiceValues['kind'] }))
    expect(odd.received).toBeNull()
    expect(fieldErrorText(odd.errors, 'kind')).toBeTruthy()
  })
})

describe('the template editor', () => {
  it('says an empty name and an empty text beside them, and saves nothing', async () => {
    const result = await submit(templateResolver, { lang: 'en', name: '   ', text: '' })
    expect(result.received).toBeNull()
    expect(fieldErrorText(result.errors, 'name')).toBeTruthy()
    expect(fieldErrorText(result.errors, 'text')).toBeTruthy()
  })

  it('hands on the copy as typed (the payload templates:saveUser always got)', async () => {
    const copy: TemplateValues = { lang: 'de', name: 'my-access', text: 'Betreff: {{reference}}' }
    expect((await submit(templateResolver, copy)).received).toEqual(copy)
  })
})

describe('the new batch', () => {
  const companies = ['fs-com', 'b2s-com']
  const resolver = (list: ReadonlyArray<string>) => coreSchemaResolver<BatchValues>(createBatchInputSchema, (v) => batchInputOf(v, list), batchPathBack)

  it('says a rate out of bounds, or none, beside it and writes nothing', async () => {
    for (const rate of [0, 601, 2.5, Number.NaN]) {
      const result = await submit(resolver(companies), { type: 'access', rate })
      expect(result.received).toBeNull()
      expect(fieldErrorText(result.errors, 'rate')).toBeTruthy()
    }
    const none = await submit(resolver([]), { type: 'access', rate: 10 })
    expect(none.received).toBeNull()
    expect(fieldErrorText(none.errors, 'root')).toBeTruthy()
  })

  it('hands on one kind to the companies at the rate typed', async () => {
    expect((await submit(resolver(companies), { type: 'erasure', rate: 60 })).received).toEqual({ type: 'erasure', rate: 60 })
    expect(batchInputOf({ type: 'erasure', rate: 60 }, companies)).toEqual({ companies, type: 'erasure', rate: 60 })
  })
})

describe('learning from a policy', () => {
  const proposal = {
    companyName: { name: 'Corner Shop GmbH', start: 0, end: 16 },
    privacyEmails: [{ address: 'privacy@shop.example' }, { address: 'dpo@shop.example' }],
    otherEmails: [{ address: 'sales@shop.example', purpose: 'general' }],
    excludedEmails: [],
    postalAddresses: [
      { text: 'Hauptstraße 1, 10115 Berlin', role: 'company', country: 'DE' },
      { text: 'Road 2, Town', role: 'company', country: null },
    ],
    phones: [{ number: '+49 30 123', kind: 'phone' }],
    subjectRule: null,
    deletionInstruction: { text: 'Write to us.' },
    minAge: null,
  } as unknown as PolicyProposal
  const input = { text: 'Our privacy policy …', format: 'text' as const, sourceUrl: '', fetched: null }
  const reviewResolver = coreSchemaResolver<ReviewValues>(savePolicyInputSchema, (v) => savePolicyInputOf(v, proposal, input), reviewPathBack)

  it('fetches nothing for an address too long, and reads nothing with a source that is not a web address', async () => {
    const fetchResolver = coreSchemaResolver<FetchValues>(fetchPolicyInputSchema, (v) => ({ url: v.url.trim() }), policyInputPathBack)
    const long = await submit(fetchResolver, { url: `https://shop.example/${'a'.repeat(2048)}` })
    expect(long.received).toBeNull()
    expect(fieldErrorText(long.errors, 'url')).toBe('A web address can have at most 2,048 characters.')
    const readResolver = coreSchemaResolver<ReadValues>(extractPolicyInputSchema, (v) => extractInputOf(v, null), policyInputPathBack)
    const source = await submit<ReadValues>(readResolver, { text: 'Our policy', sourceUrl: 'shop dot example', format: 'auto' })
    expect(source.received).toBeNull()
    expect(fieldErrorText(source.errors, 'sourceUrl')).toBeTruthy()
    const fine: ReadValues = { text: '<p>Our policy</p>', sourceUrl: ' https://shop.example/privacy ', format: 'auto' }
    expect((await submit(readResolver, fine)).received).toEqual(fine)
    expect(extractInputOf(fine, null)).toEqual({ text: '<p>Our policy</p>', format: 'html', sourceUrl: 'https://shop.example/privacy' })
  })

  it('says an empty name beside it and saves nothing', async () => {
    const result = await submit(reviewResolver, { ...reviewDefaults(proposal), name: '  ' })
    expect(result.received).toBeNull()
    expect(fieldErrorText(result.errors, 'name')).toBeTruthy()
  })

  it('hands on what was kept, in the order it was ticked, as catalog:savePolicy always got it', async () => {
    const defaults = reviewDefaults(proposal)
    expect(defaults).toMatchObject({ name: 'Corner Shop GmbH', privacy: ['privacy@shop.example'], addresses: [0], phones: ['+49 30 123'], keep: { subject: false, deletion: true, minAge: false } })
    const kept: ReviewValues = { ...defaults, others: ['sales@shop.example'], addresses: [1, 0], countries: ['', 'AT'], into: 'corner-shop' }
    expect((await submit(reviewResolver, kept)).received).toEqual(kept)
    expect(addressesWithoutCountry(kept, proposal)).toEqual([])
    expect(addressesWithoutCountry({ ...kept, countries: ['', ''] }, proposal)).toEqual([1])
    expect(savePolicyInputOf(kept, proposal, input)).toEqual({
      text: 'Our privacy policy …',
      format: 'text',
      into: 'corner-shop',
      choices: {
        name: 'Corner Shop GmbH',
        privacyEmails: ['privacy@shop.example'],
        otherEmails: ['sales@shop.example'],
        postalAddresses: [{ index: 1, country: 'AT' }, { index: 0 }],
        phones: ['+49 30 123'],
        keepSubjectRule: false,
        keepDeletion: true,
        keepMinAge: false,
      },
    })
    // A country the core refuses lands on that address's picker.
    expect(reviewPathBack('choices.postalAddresses.0.country', kept)).toBe('countries.1')
    expect(reviewPathBack('choices.name', kept)).toBe('name')
    expect(reviewPathBack('text', kept)).toBe('root')
  })
})

describe('the resolver used alone', () => {
  it('returns no values with the errors, so react-hook-form never submits them', async () => {
    const result = await draftResolver({ base: '', reference: 'RF-2026-0001', subject: '', body: 'x' }, undefined, options<DraftValues>())
    expect(result.values).toEqual({})
  })
})
