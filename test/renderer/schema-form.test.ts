/**
 * The forms' resolver: the core's own schema checks what a form holds before anything is sent,
 * and each problem lands on its field in the window's language (the schema's own words by their
 * key, the others from the problem's code and limits). A valid form hands on its own values.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { FieldErrors, ResolverOptions } from 'react-hook-form'
import { profileSchema } from '@core/profile/profile'
import { applyUiLanguage } from '../../renderer/src/i18n/i18n'
import { profileOf, type ProfileDraft } from '../../renderer/src/features/profile/ProfileFields'
import { coreSchemaResolver, fieldErrorText, showCoreOutcome } from '../../renderer/src/ui/schema-form'
import { companyEditSchema, contactInputSchema } from '@core/catalog/schema'
import { contactInputOf, contactPathBack, type ContactFormValues } from '../../renderer/src/features/companies/AddContactForm'
import { editOf } from '@core/catalog/edit-form'
import { formValuesOf, rowPathBack, toEdit, type CompanyFormValues } from '../../renderer/src/features/companies/CompanyEditPage'

const options = <V extends Record<string, unknown>>(): ResolverOptions<V> => ({ fields: {}, shouldUseNativeValidation: false })
const draft = (patch: Partial<ProfileDraft> = {}): ProfileDraft => ({
  name: 'Alex Example',
  email: 'alex@example.org',
  address: 'Musterstraße 12\n10115 Berlin',
  country: 'DE',
  region: '',
  ...patch,
})
const resolveProfile = (values: ProfileDraft) => coreSchemaResolver<ProfileDraft>(profileSchema, profileOf)(values, undefined, options<ProfileDraft>())

describe('coreSchemaResolver', () => {
  afterEach(() => applyUiLanguage('en'))

  it('hands on the form’s own values when the schema takes them', async () => {
    const values = draft()
    const result = await resolveProfile(values)
    expect(result.errors).toEqual({})
    expect(result.values).toBe(values)
  })

  it('puts each problem on its field with the schema’s own words, in English and in German', async () => {
    const bad = draft({ name: '  ', email: 'not an address', address: 'x' })
    const en = await resolveProfile(bad)
    expect(fieldErrorText(en.errors, 'name')).toBe('Enter your name.')
    expect(fieldErrorText(en.errors, 'email')).toMatch(/e-mail/i)
    expect(fieldErrorText(en.errors, 'address')).toMatch(/^Enter your whole postal address/)
    expect(fieldErrorText(en.errors, 'country')).toBeUndefined()
    expect(en.values).toEqual({})

    applyUiLanguage('de')
    const de = await resolveProfile(bad)
    const name = fieldErrorText(de.errors, 'name')
    expect(name).toBeTruthy()
    expect(name).not.toBe('Enter your name.')
    expect(fieldErrorText(de.errors, 'address')).not.toMatch(/^Enter/)
  })

  it('says a problem the schema has no words for from its code and limits, in the window’s language', async () => {
    const schema = z.strictObject({ code: z.string().max(3), count: z.number() })
    type V = { code: string; count: number }
    const resolve = coreSchemaResolver<V>(schema)
    const en = await resolve({ code: 'abcdef', count: undefined as unknown as number }, undefined, options<V>())
    const long = fieldErrorText(en.errors, 'code')
    expect(long).toContain('3')
    expect(fieldErrorText(en.errors, 'count')).toBeTruthy()
    applyUiLanguage('de')
    const de = await resolve({ code: 'abcdef', count: 1 }, undefined, options<V>())
    expect(fieldErrorText(de.errors, 'code')).toContain('3')
    expect(fieldErrorText(de.errors, 'code')).not.toBe(long)
    expect(fieldErrorText(de.errors, 'count')).toBeUndefined()
  })

  it('reads nested paths and never a key inherited from Object', async () => {
    const errors = { emails: [{ address: { type: 'custom', message: 'Bad.' } }] } as unknown as FieldErrors
    expect(fieldErrorText(errors, 'emails.0.address')).toBe('Bad.')
    expect(fieldErrorText(errors, 'emails.1.address')).toBeUndefined()
    expect(fieldErrorText(errors, 'constructor')).toBeUndefined()
    expect(fieldErrorText(errors, '__proto__.toString')).toBeUndefined()
  })
})

describe('showCoreOutcome', () => {
  it('places the core’s refusals on their fields, focuses the first, and returns the rest for the form', () => {
    const set: Array<[string, string]> = []
    const focused: string[] = []
    const form = {
      setError: (path: string, error: { message?: string }) => void set.push([path, error.message ?? '']),
      setFocus: (path: string) => void focused.push(path),
    }
    const fields = new Map([
      ['address', 'Enter your whole postal address.'],
      ['region', 'Rightful does not know this region.'],
    ])
    expect(showCoreOutcome(form as never, { ok: false, fields, form: 'Also this.' })).toBe('Also this.')
    expect(set).toEqual([...fields])
    expect(focused).toEqual(['address'])
    expect(showCoreOutcome(form as never, { ok: true })).toBeNull()
    expect(set).toHaveLength(2)
  })
})

describe('the company form', () => {
  afterEach(() => applyUiLanguage('en'))
  const base = { ...editOf(view()), id: undefined }
  function view() {
    return {
      id: 'x', name: 'X', legalNames: [], brands: [], domains: [], website: null, emails: [], postalAddresses: [], phones: [], webForms: [],
      establishment: [], countriesServed: ['all'], categories: [], requirements: { language: null, idDocument: null, suggestedChannel: null },
    } as unknown as Parameters<typeof editOf>[0]
  }
  const values = (patch: Partial<CompanyFormValues> = {}): CompanyFormValues => ({
    ...formValuesOf(base),
    name: 'Corner Shop GmbH',
    emails: [
      { address: '', purpose: 'privacy', status: 'current' },
      { address: ' datenschutz at cornershop ', purpose: 'privacy', status: 'current' },
    ],
    postalAddresses: [{ recipient: 'Corner Shop GmbH', lines: 'Hauptstraße 1\n\n10115 Berlin', country: 'DE', region: null, status: 'current' }],
    ...patch,
  })
  const resolve = (v: CompanyFormValues) => coreSchemaResolver<CompanyFormValues>(companyEditSchema, (x) => toEdit(x, base), rowPathBack)(v, undefined, options<CompanyFormValues>())

  it('makes what the core takes: empty rows out, texts split, domains bare, established where its address is', () => {
    const edit = toEdit(values({ domains: 'https://www.Shop.example/about\n', countriesServed: 'de, all', website: ' ' }), base)
    expect(edit.emails.map((e) => e.address)).toEqual(['datenschutz at cornershop'])
    expect(edit.postalAddresses[0]!.lines).toEqual(['Hauptstraße 1', '10115 Berlin'])
    expect(edit.domains).toEqual(['shop.example'])
    expect(edit.countriesServed).toEqual(['DE', 'all'])
    expect(edit.establishment).toEqual(['DE'])
    expect(edit.website).toBeNull()
    expect(companyEditSchema.safeParse({ ...edit, emails: [] }).success).toBe(true)
  })

  it('puts a problem of a kept row on the row the form shows it in', async () => {
    const result = await resolve(values({ website: 'cornershop.example' }))
    expect(fieldErrorText(result.errors, 'emails.1.address')).toBe('This is not an e-mail address.')
    expect(fieldErrorText(result.errors, 'emails.0.address')).toBeUndefined()
    expect(fieldErrorText(result.errors, 'website')).toBe('Give the whole web address, starting with https://.')
    expect(rowPathBack('phones.0.number', values({ phones: [{ number: '', kind: 'phone', status: 'current' }, { number: '12', kind: 'fax', status: 'current' }] }))).toBe('phones.1.number')
    expect(rowPathBack('name', values())).toBe('name')
  })

  it('says an address without its country in German too', async () => {
    applyUiLanguage('de')
    const result = await resolve(values({ emails: [], postalAddresses: [{ recipient: 'X', lines: 'Hauptstraße 1\n10115 Berlin', country: '', region: null, status: 'current' }] }))
    const words = fieldErrorText(result.errors, 'postalAddresses.0.country')
    expect(words).toBeTruthy()
    expect(words).not.toBe('Choose the country of this address.')
  })
})

describe('the contact form', () => {
  const resolve = (v: ContactFormValues) =>
    coreSchemaResolver<ContactFormValues>(contactInputSchema, (x) => contactInputOf(x, 'faasoft', 'Faasoft'), contactPathBack)(v, undefined, options<ContactFormValues>())

  it('asks for one of the two when both are empty, as a problem of the whole form', async () => {
    const result = await resolve({ email: ' ', postal: '\n', country: '' })
    expect(fieldErrorText(result.errors, 'root')).toBe('Give an e-mail address or a postal address.')
    expect(fieldErrorText(result.errors, 'email')).toBeUndefined()
  })

  it('puts an address without its country on the country, and a bad address on the e-mail field', async () => {
    const result = await resolve({ email: 'privacy at faasoft', postal: 'Road 1\n12345 Town', country: '' })
    expect(fieldErrorText(result.errors, 'country')).toBeTruthy()
    expect(fieldErrorText(result.errors, 'email')).toBe('This is not an e-mail address.')
    const fine = await resolve({ email: 'privacy@faasoft.example', postal: '', country: '' })
    expect(fine.errors).toEqual({})
    expect(contactInputOf({ email: ' privacy@faasoft.example ', postal: ' Road 1 \n\n12345 Town', country: 'CN' }, 'faasoft', 'Faasoft')).toEqual({
      companyId: 'faasoft',
      email: 'privacy@faasoft.example',
      postal: { recipient: 'Faasoft', lines: ['Road 1', '12345 Town'], country: 'CN' },
    })
  })
})
