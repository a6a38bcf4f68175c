// @module-tag corpus
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinAuthoritiesFrom } from '../../electron/adapters/node/resources'
import { complaintRecipient, loadAuthorities } from '../../electron/core/authorities/authorities'
import { proposeAuthorities, type CompetenceQuestion } from '../../electron/core/authorities/competence'
import { parseJurisdiction } from '../../electron/core/authorities/jurisdiction'
import { authorityFileSchema, eeaCountries, type Authority } from '../../electron/core/authorities/schema'
import { laws } from '../../electron/core/requests/model'
import { runCli } from '../../electron/cli'
import { expectOk, repoRoot, sampleProfile, startCore, tempDir } from '../helpers/ports'

const source = builtinAuthoritiesFrom(repoRoot)
const authorities = loadAuthorities(source)
const byId = new Map(authorities.map((a) => [a.id, a]))

const propose = (question: Partial<CompetenceQuestion> & Pick<CompetenceQuestion, 'law'>) =>
  proposeAuthorities(authorities, { userCountry: null, companyCountry: null, ...question })
const ids = (question: Partial<CompetenceQuestion> & Pick<CompetenceQuestion, 'law'>) => propose(question).map((p) => p.authority.id)

const germanLaender = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'].map((l) => `DE-${l}`)

describe('the authority files', () => {
  it('are all valid records with unique ids and official sources', () => {
    const files = source.load()
    expect(files.length).toBeGreaterThanOrEqual(5)
    for (const { file, data } of files) {
      const parsed = authorityFileSchema.safeParse(data)
      expect(parsed.success, `${file}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`).toBe(true)
    }
    expect(new Set(authorities.map((a) => a.id)).size).toBe(authorities.length)
    for (const authority of authorities) {
      // An unverified record must say what is unconfirmed (the schema enforces it; check it is read so).
      if (!authority.provenance.verified) expect(authority.provenance.note, authority.id).toBeTruthy()
      expect(authority.provenance.checked, authority.id).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(authority.contacts.postal ?? authority.contacts.email ?? authority.contacts.complaintForm ?? authority.contacts.phone, `${authority.id} has no way to reach it`).toBeTruthy()
      if (authority.contacts.postal) expect(authority.contacts.postal.country, authority.id).toBe(authority.country)
      for (const competence of authority.competence) {
        for (const region of competence.regions) expect(region.slice(0, 2), `${authority.id} ${region}`).toBe(authority.country)
      }
    }
  })

  it('reject a record that breaks the rules', () => {
    const good = authorities[0]!
    const bad = [
      { ...good, id: 'Not A Slug' },
      { ...good, country: 'Deutschland' },
      { ...good, competence: [{ ...good.competence[0]!, laws: ['gdpr-2'] }] },
      { ...good, competence: [{ ...good.competence[0]!, regions: ['Bavaria'] }] },
      { ...good, contacts: { ...good.contacts, phone: '0981 180093-0' } },
      { ...good, contacts: { ...good.contacts, website: 'javascript:alert(1)' } },
      { ...good, provenance: { ...good.provenance, verified: false, note: null } },
      { ...good, unknownField: true },
    ]
    for (const record of bad) expect(authorityFileSchema.safeParse([record]).success, JSON.stringify(record).slice(0, 80)).toBe(false)
    expect(() => loadAuthorities({ load: () => [{ file: 'a.json', data: [good] }, { file: 'b.json', data: [good] }] })).toThrow(/appears in both a.json and b.json/)
  })

  it('cover every EU/EEA country with a national authority, and each German Land', () => {
    expect(eeaCountries).toHaveLength(30)
    for (const country of eeaCountries) {
      const inCountry = authorities.filter((a) => a.country === country && a.competence.some((c) => c.laws.includes('gdpr')))
      expect(inCountry.length, country).toBeGreaterThan(0)
    }
    for (const land of germanLaender) {
      const competent = authorities.filter((a) => a.competence.some((c) => c.regions.includes(land) && c.sectors.includes('private')))
      expect(competent.map((a) => a.id), land).toHaveLength(1)
    }
    expect(byId.get('de-bfdi')).toBeDefined()
  })

  it('cover the authorities outside the EU the issue names, and every law', () => {
    for (const id of ['gb-ico', 'ch-fdpic', 'hk-pcpd', 'cn-cac', 'us-ca-cppa', 'us-ca-ag', 'us-va-ag', 'us-co-ag', 'us-ct-ag', 'ca-opc', 'br-anpd', 'jp-ppc', 'au-oaic']) {
      expect(byId.has(id), id).toBe(true)
    }
    for (const law of laws) {
      expect(
        authorities.some((a) => a.competence.some((c) => c.laws.includes(law))),
        law,
      ).toBe(true)
    }
    // The EDPS supervises EU institutions only; no complaint about a company goes there.
    expect(authorities.some((a) => /european data protection supervisor/i.test(a.nameEn))).toBe(false)
  })
})

describe('which authority is competent', () => {
  it('GDPR: the authority where the user lives first, the company\'s lead authority as the alternative', () => {
    const proposals = propose({ law: 'gdpr', userCountry: 'FR', companyCountry: 'IE' })
    expect(proposals.map((p) => [p.authority.id, p.basis])).toEqual([
      ['fr-cnil', 'residence'],
      ['ie-dpc', 'establishment'],
    ])
    expect(proposals[0]!.reason).toMatch(/live in France.*Art\. 77/)
    expect(proposals[1]!.reason).toMatch(/Ireland.*lead authority.*Art\. 56/)
    expect(ids({ law: 'gdpr', userCountry: 'NL', companyCountry: 'NL' })).toEqual(['nl-ap'])
  })

  it('GDPR: a user outside the EEA goes to the authority of the company\'s establishment; nobody in the EEA, nobody proposed', () => {
    expect(ids({ law: 'gdpr', userCountry: 'US', companyCountry: 'IE' })).toEqual(['ie-dpc'])
    expect(ids({ law: 'gdpr', userCountry: 'US', companyCountry: 'US' })).toEqual([])
    expect(ids({ law: 'gdpr', userCountry: null, companyCountry: null })).toEqual([])
  })

  it('GDPR in Germany: the Land of the user\'s residence for companies, the BfDI only for telecoms and post', () => {
    const bavaria = propose({ law: 'gdpr', userCountry: 'DE', userRegion: 'DE-BY', companyCountry: 'US' })
    expect(bavaria.map((p) => p.authority.id)).toEqual(['de-by-baylda', 'de-bfdi'])
    expect(bavaria[0]!.reason).toMatch(/Bavaria/)
    expect(bavaria[0]!.choose).toBe(false)
    expect(bavaria[1]!.onlyIf).toMatch(/telecommunications or postal/)
    // A Bavarian public body is the BayLfD's, not the BayLDA's.
    expect(ids({ law: 'gdpr', userCountry: 'DE', userRegion: 'DE-BY', companyCountry: null, sector: 'public' })[0]).toBe('de-by-baylfd')
    // Every Land leads to its own authority.
    for (const land of germanLaender) {
      const first = propose({ law: 'gdpr', userCountry: 'DE', userRegion: land, companyCountry: null })[0]!
      expect(first.authority.competence.some((c) => c.regions.includes(land)), land).toBe(true)
    }
  })

  it('GDPR in Germany without the user\'s Land: the company\'s Land first, then a choice among the Länder', () => {
    const proposals = propose({ law: 'gdpr', userCountry: 'DE', companyCountry: 'DE', companyRegion: 'DE-HH' })
    expect(proposals[0]!.authority.id).toBe('de-hh-hmbbfdi')
    expect(proposals[0]!.choose).toBe(false)
    const choices = proposals.filter((p) => p.choose)
    expect(choices).toHaveLength(15)
    expect(proposals.at(-1)!.authority.id).toBe('de-bfdi')
    // Nothing known but the country: all sixteen to choose from, never one picked silently.
    const unknown = propose({ law: 'gdpr', userCountry: 'DE', companyCountry: 'US' })
    expect(unknown.filter((p) => p.choose)).toHaveLength(16)
    expect(unknown[0]!.choose).toBe(true)
    expect(unknown[0]!.reason).toMatch(/each Land has its own authority/)
  })

  it('GDPR in a different Land: the user\'s Land first, the company\'s Land as the alternative', () => {
    expect(ids({ law: 'gdpr', userCountry: 'DE', userRegion: 'DE-BE', companyCountry: 'DE', companyRegion: 'DE-BY' })).toEqual(['de-be-bbdi', 'de-by-baylda', 'de-bfdi'])
  })

  it('GDPR in Spain: the AEPD for companies, the Catalan and Basque authorities only for their public sector', () => {
    expect(ids({ law: 'gdpr', userCountry: 'ES', userRegion: 'ES-CT', companyCountry: 'ES' })).toEqual(['es-aepd'])
    expect(ids({ law: 'gdpr', userCountry: 'ES', userRegion: 'ES-CT', companyCountry: 'ES', sector: 'public' })).toEqual(['es-ct-apdcat', 'es-aepd'])
    expect(ids({ law: 'gdpr', userCountry: 'ES', userRegion: 'ES-PV', companyCountry: null, sector: 'public' })[0]).toBe('es-pv-avpd')
  })

  it('UK GDPR: the ICO, and never for the EU GDPR', () => {
    expect(ids({ law: 'uk-gdpr', userCountry: 'GB', companyCountry: 'GB' })).toEqual(['gb-ico'])
    expect(ids({ law: 'gdpr', userCountry: 'GB', companyCountry: 'GB' })).toEqual([])
  })

  it('CCPA: the CPPA, which takes complaints, before the Attorney General, who enforces in court', () => {
    const proposals = propose({ law: 'ccpa', userCountry: 'US', userRegion: 'US-CA', companyCountry: 'US' })
    expect(proposals.map((p) => p.authority.id)).toEqual(['us-ca-cppa', 'us-ca-ag'])
    expect(proposals[0]!.reason).toMatch(/complaints/)
    expect(proposals[1]!.reason).toMatch(/[Ee]nforces the CCPA in court/)
  })

  it('every other law: its own authority', () => {
    const expected: Record<string, string> = {
      vcdpa: 'us-va-ag',
      'cpa-co': 'us-co-ag',
      ctdpa: 'us-ct-ag',
      tdpsa: 'us-tx-ag',
      lgpd: 'br-anpd',
      pipeda: 'ca-opc',
      'ch-fadp': 'ch-fdpic',
      'hk-pdpo': 'hk-pcpd',
      'cn-pipl': 'cn-cac',
      'jp-appi': 'jp-ppc',
      'au-privacy': 'au-oaic',
    }
    for (const [law, id] of Object.entries(expected)) {
      expect(ids({ law: law as CompetenceQuestion['law'], userCountry: null, companyCountry: null }), law).toEqual([id])
    }
  })

  it('reads a request\'s company place, and names the authority for the complaint\'s language', () => {
    expect(parseJurisdiction('DE-BY')).toEqual({ country: 'DE', region: 'DE-BY' })
    expect(parseJurisdiction('FR')).toEqual({ country: 'FR', region: null })
    expect(parseJurisdiction('nonsense')).toEqual({ country: null, region: null })
    const hdpa = byId.get('gr-hdpa')!
    expect(complaintRecipient(hdpa, 'en').name).toBe(hdpa.nameEn)
    expect(complaintRecipient(hdpa, 'en').postal?.recipient).toBe(hdpa.name)
    expect(complaintRecipient(byId.get('fr-cnil')!, 'en').name).toBe('Commission nationale de l\'informatique et des libertés')
    expect(complaintRecipient(byId.get('hk-pcpd')!, 'zh').name).toBe('個人資料私隱專員公署')
  })
})

describe('the authorities API and the complaint', () => {
  async function sentRequest(profile = sampleProfile) {
    const host = startCore()
    expectOk(await host.api.call('profile:save', profile))
    const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))
    return { host, reference: record.reference }
  }

  it('lists every authority and proposes for explicit facts', async () => {
    const { api } = startCore()
    const list = expectOk(await api.call('authorities:list', {}))
    expect(list).toHaveLength(authorities.length)
    expect(list.find((a) => a.id === 'de-by-baylda')).toMatchObject({ country: 'DE', regions: ['DE-BY'], laws: ['gdpr'] })
    const view = expectOk(await api.call('authorities:propose', { law: 'ccpa', userRegion: 'US-CA' }))
    expect(view.question).toMatchObject({ law: 'ccpa', userCountry: 'US', userRegion: 'US-CA', sector: 'private' })
    expect(view.proposals.map((p) => p.authority.id)).toEqual(['us-ca-cppa', 'us-ca-ag'])
    const bad = await api.call('authorities:propose', { law: 'gdpr', userCountry: 'Germany' } as never)
    expect(bad.ok).toBe(false)
  })

  it('proposes for a request from the sender\'s country, and takes the user\'s Land when given', async () => {
    const { host, reference } = await sentRequest({ ...sampleProfile, country: 'FR' })
    const view = expectOk(await host.api.call('authorities:propose', { reference }))
    expect(view.question).toMatchObject({ law: 'gdpr', userCountry: 'FR', companyCountry: 'US', companyRegion: 'US-DE' })
    expect(view.proposals.map((p) => p.authority.id)).toEqual(['fr-cnil'])
    const german = await sentRequest()
    const berlin = expectOk(await german.host.api.call('authorities:propose', { reference: german.reference, userRegion: 'DE-BE' }))
    expect(berlin.proposals[0]!.authority.id).toBe('de-be-bbdi')
  })

  it('takes the Land from the profile the request was written with', async () => {
    const { host, reference } = await sentRequest({ ...sampleProfile, region: 'DE-HH' })
    const view = expectOk(await host.api.call('authorities:propose', { reference }))
    expect(view.question).toMatchObject({ userCountry: 'DE', userRegion: 'DE-HH' })
    expect(view.proposals[0]).toMatchObject({ authority: { id: 'de-hh-hmbbfdi' }, basis: 'residence', choose: false })
    // The sender is kept with the request: a later move does not change where this complaint goes.
    expectOk(await host.api.call('profile:save', { ...sampleProfile, region: 'DE-BY' }))
    expect(expectOk(await host.api.call('authorities:propose', { reference })).proposals[0]!.authority.id).toBe('de-hh-hmbbfdi')
  })

  it('uses a Land added to the profile later for a request written without one', async () => {
    const { host, reference } = await sentRequest()
    expect(expectOk(await host.api.call('authorities:propose', { reference })).proposals.every((p) => p.choose || p.basis !== 'residence')).toBe(true)
    expectOk(await host.api.call('profile:save', { ...sampleProfile, region: 'DE-BY' }))
    expect(expectOk(await host.api.call('authorities:propose', { reference })).proposals[0]).toMatchObject({ authority: { id: 'de-by-baylda' }, choose: false })
    // Not from a profile in another country.
    expectOk(await host.api.call('profile:save', { ...sampleProfile, country: 'US', region: 'US-CA' }))
    expect(expectOk(await host.api.call('authorities:propose', { reference })).question.userRegion).toBeNull()
  })

  it('writes a complaint to a built-in authority with its e-mail and postal address', async () => {
    const { host, reference } = await sentRequest()
    const view = expectOk(await host.api.call('requests:createFollowUp', { reference, type: 'complaint', authorityId: 'de-be-bbdi' }))
    expect(view.record.type).toBe('complaint')
    expect(view.record.company).toMatchObject({ id: 'authority:de-be-bbdi', name: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit' })
    expect(view.record.draft.to).toBe('mailbox@datenschutz-berlin.de')
    expect(view.record.draft.recipientAddress).toEqual({ recipient: 'Berliner Beauftragte für Datenschutz und Informationsfreiheit', lines: ['Alt-Moabit 59-61', '10555 Berlin'], country: 'DE' })
    expect(view.record.draft.body).toContain('Berliner Beauftragte für Datenschutz und Informationsfreiheit')
    const unknown = await host.api.call('requests:createFollowUp', { reference, type: 'complaint', authorityId: 'xx-nobody' })
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND')
    const both = await host.api.call('requests:createFollowUp', { reference, type: 'complaint', authorityId: 'de-be-bbdi', authority: { name: 'X', email: null, postal: null } })
    expect(!both.ok && both.error.code).toBe('INVALID_INPUT')
  })

  it('says clearly when the authority files are missing, without breaking the rest', async () => {
    const host = startCore()
    const broken = { ...host.ports, authorities: builtinAuthoritiesFrom(tempDir()) }
    const { createApi } = await import('../../electron/core/api/create-api')
    const api = createApi(broken)
    expect(expectOk(await api.call('app:status', {})).version).toBe('0.0.0-test')
    const result = await api.call('authorities:list', {})
    expect(!result.ok && result.error.code).toBe('AUTHORITIES_UNAVAILABLE')
  })
})

describe('rightful authorities and complaints from the command line', () => {
  async function run(argv: string[], dataDir = tempDir()) {
    let stdout = ''
    let stderr = ''
    const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir }, cwd: dataDir }, { resourcesRoot: repoRoot })
    return { code, stdout, stderr }
  }

  it('lists authorities by law and country', async () => {
    const ccpa = await run(['authorities', 'list', '--law', 'ccpa', '--json'])
    expect(ccpa.code, ccpa.stderr).toBe(0)
    expect((JSON.parse(ccpa.stdout) as Array<{ id: string }>).map((a) => a.id)).toEqual(['us-ca-cppa', 'us-ca-ag'])
    const bavaria = JSON.parse((await run(['authorities', 'list', '--country', 'DE-BY', '--json'])).stdout) as Array<{ id: string }>
    expect(bavaria.map((a) => a.id).sort()).toEqual(['de-bfdi', 'de-by-baylda', 'de-by-baylfd'])
    const germany = JSON.parse((await run(['authorities', 'list', '--country', 'de', '--json'])).stdout) as Array<{ id: string }>
    expect(germany).toHaveLength(18)
    expect((await run(['authorities', 'list', '--law', 'nope'])).code).toBe(2)
    expect((await run(['authorities', 'list', '--country', 'Germany'])).code).toBe(2)
  })

  it('drafts a complaint to --authority, or to the first proposed authority', async () => {
    const dir = tempDir()
    const { createNodePorts, folderSink } = await import('../../electron/adapters/node/node-ports')
    const { createApi } = await import('../../electron/core/api/create-api')
    const api = createApi(createNodePorts({ dataDir: dir, resourcesRoot: repoRoot, appVersion: 't', files: folderSink(dir) }))
    expectOk(await api.call('profile:save', { ...sampleProfile, country: 'IE' }))
    const { record } = expectOk(await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await api.call('requests:markSent', { reference: record.reference, on: new Date().toISOString().slice(0, 10), channel: 'email' }))

    const proposed = await run(['draft', '--type', 'complaint', '--of', record.reference, '--json'], dir)
    expect(proposed.code, proposed.stderr).toBe(0)
    expect(JSON.parse(proposed.stdout).to).toBe('info@dataprotection.ie')
    const chosen = await run(['draft', '--type', 'complaint', '--of', record.reference, '--authority', 'de-hh-hmbbfdi', '--json'], dir)
    expect(chosen.code, chosen.stderr).toBe(0)
    expect(JSON.parse(chosen.stdout).to).toBe('mailbox@datenschutz.hamburg.de')
    for (const argv of [
      ['draft', '--type', 'complaint', '--of', record.reference, '--authority', 'xx-nobody'],
      ['draft', '--type', 'complaint', '--of', record.reference, '--authority', 'gb-ico', '--authority-name', 'ICO'],
      ['draft', '--type', 'reminder', '--of', record.reference, '--authority', 'gb-ico'],
      ['draft', '--type', 'access', '--company', 'fs-com', '--authority', 'gb-ico'],
    ]) {
      expect((await run(argv, dir)).code, argv.join(' ')).toBe(2)
    }
    // A German sender whose Land is unknown must choose: the CLI lists the choices instead of guessing.
    expectOk(await api.call('profile:save', sampleProfile))
    const second = expectOk(await api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
    expectOk(await api.call('requests:markSent', { reference: second.record.reference, on: new Date().toISOString().slice(0, 10), channel: 'email' }))
    const choose = await run(['draft', '--type', 'complaint', '--of', second.record.reference], dir)
    expect(choose.code).toBe(2)
    expect(choose.stderr).toMatch(/de-by-baylda/)
  })
})

/**
 * datarequests.org's records (CC0), read from the shared folder, never copied: our records must
 * agree with them on e-mail, phone and postcode, except where we know they differ and say why.
 */
const snapshotDir = path.resolve(repoRoot, '..', 'shared', 'datarequests', 'supervisory-authorities')

/** Their slug → our id. Records of theirs we leave out, with the reason. */
const snapshotIds: Record<string, string> = {
  atdsb: 'at-dsb', beapd: 'be-apd-gba', bgcpdp: 'bg-cpdp', chedoeb: 'ch-fdpic', cydp: 'cy-dpc', czcuooz: 'cz-uoou', debawueldb: 'de-bw-lfdi',
  debaylda: 'de-by-baylda', debayldb: 'de-by-baylfd', deberlbdi: 'de-be-bbdi', debfdi: 'de-bfdi', debralda: 'de-bb-lda', debrelfdi: 'de-hb-lfdi',
  dehessbdi: 'de-he-hbdi', dehmbbfdi: 'de-hh-hmbbfdi', demvldi: 'de-mv-lfdi', dendslfd: 'de-ni-lfd', denrwldi: 'de-nw-ldi', derlpbdi: 'de-rp-lfdi',
  desaarudz: 'de-sl-udz', desaechsdsb: 'de-sn-sdtb', desalbd: 'de-st-lfd', deshuld: 'de-sh-uld', detlfdi: 'de-th-tlfdi', dkdi: 'dk-datatilsynet',
  eeaki: 'ee-aki', esaepa: 'es-aepd', fitst: 'fi-tietosuoja', frcnil: 'fr-cnil', gbico: 'gb-ico', grdpa: 'gr-hdpa', hrazop: 'hr-azop',
  hunaih: 'hu-naih', iedpc: 'ie-dpc', isdpa: 'is-personuvernd', itgpdp: 'it-garante', lidss: 'li-dss', ltada: 'lt-vdai', lucnpd: 'lu-cnpd',
  lvdvi: 'lv-dvi', mtidpc: 'mt-idpc', nlap: 'nl-ap', nods: 'no-datatilsynet', plgiodo: 'pl-uodo', ptcnpd: 'pt-cnpd', roanspdcp: 'ro-anspdcp',
  sedi: 'se-imy', siiprs: 'si-ip', skunoou: 'sk-uoou',
}
const leftOut: Record<string, string> = {
  deekdbfd: 'church authority (Protestant Church in Germany): supervises the church, not companies',
  dekathbayddsb: 'Catholic church authority', dekathdsz: 'Catholic church authority', dekathffdsz: 'Catholic church authority',
  dekathnordddsb: 'Catholic church authority', dekathostddsb: 'Catholic church authority',
  derf: 'broadcasting data protection officer of public broadcasters', derfdw: 'data protection officer of Deutsche Welle',
}
/** Where we differ from the snapshot on purpose: field → what the snapshot says. Our records' notes say why. */
const knownDifferences: Record<string, Partial<Record<'email' | 'phone' | 'postcode', string>>> = {
  'ie-dpc': { phone: '+353 1800 437 737' }, // both numbers are the DPC's; we give the office line
  'it-garante': { email: 'protocollo@pec.gpdp.it' }, // certified-mail box; ordinary mail goes to protocollo@gpdp.it
  'nl-ap': { email: 'info@autoriteitpersoonsgegevens.nl', phone: '+31 70 888 8500' }, // AP takes complaints by form or post now
  'es-aepd': { phone: '+34 900 293 183' }, // we give the switchboard; not sure which is current
  'hu-naih': { postcode: '1363' }, // theirs is the post-office box, ours the street address
  'de-by-baylda': { postcode: '91504' }, // theirs is the post-office box (Postfach 1349), ours the street address (Promenade 18)
}

const digits = (phone: string | null | undefined) => (phone ?? '').replace(/\D/g, '')
/** The last postcode-like token: a post-office box number comes before the postcode. */
const postcodeOf = (text: string) =>
  [...text.matchAll(/\b(?:[A-Z]{1,2}-?)?\d{4,5}\b|\b\d{3} \d{2}\b|\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b|\b[A-Z]{3} \d{4}\b/g)].at(-1)?.[0]?.replace(/^[A-Z]+-/, '') ?? null

describe.skipIf(!fs.existsSync(snapshotDir))('cross-check against the datarequests.org snapshot', () => {
  it('agrees on e-mail, phone and postcode, except the differences we know and explain', () => {
    const files = fs.readdirSync(snapshotDir).filter((f) => f.endsWith('.json'))
    const surprises: string[] = []
    for (const file of files) {
      const theirs = JSON.parse(fs.readFileSync(path.join(snapshotDir, file), 'utf8')) as { slug: string; email?: string; phone?: string; address: string }
      if (leftOut[theirs.slug]) continue
      const id = snapshotIds[theirs.slug]
      if (!id) {
        surprises.push(`${theirs.slug}: a snapshot record we neither map nor leave out`)
        continue
      }
      const ours: Authority | undefined = byId.get(id)
      if (!ours) {
        surprises.push(`${theirs.slug}: maps to ${id}, which we do not have`)
        continue
      }
      const known = knownDifferences[id] ?? {}
      if (theirs.email && ours.contacts.email && theirs.email.toLowerCase() !== ours.contacts.email.toLowerCase() && known.email !== theirs.email) {
        surprises.push(`${id}: e-mail ${ours.contacts.email}, snapshot ${theirs.email}`)
      }
      if (theirs.phone && ours.contacts.phone && digits(theirs.phone) !== digits(ours.contacts.phone) && known.phone !== theirs.phone) {
        surprises.push(`${id}: phone ${ours.contacts.phone}, snapshot ${theirs.phone}`)
      }
      const theirCode = postcodeOf(theirs.address)
      const ourCode = ours.contacts.postal ? postcodeOf(ours.contacts.postal.lines.join('\n')) : null
      if (theirCode && ourCode && theirCode !== ourCode && known.postcode !== theirCode) {
        surprises.push(`${id}: postcode ${ourCode}, snapshot ${theirCode}`)
      }
    }
    if (files.length === 0) console.log('[authorities] the snapshot folder is empty: nothing to cross-check')
    expect(surprises).toEqual([])
    // Every known difference must still be one: a stale entry here hides nothing.
    for (const [id, fields] of Object.entries(knownDifferences)) {
      const slug = Object.entries(snapshotIds).find(([, ours]) => ours === id)?.[0]
      if (!slug || !fs.existsSync(path.join(snapshotDir, `${slug}.json`))) continue
      const theirs = JSON.parse(fs.readFileSync(path.join(snapshotDir, `${slug}.json`), 'utf8')) as { email?: string; phone?: string }
      if (fields.email) expect(theirs.email, id).toBe(fields.email)
      if (fields.phone) expect(theirs.phone, id).toBe(fields.phone)
    }
  })
})

if (!fs.existsSync(snapshotDir)) {
  console.log(`[authorities] cross-check skipped: the datarequests.org snapshot is not at ${snapshotDir}`)
}
