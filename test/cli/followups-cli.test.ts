// @module-tag process
/**
 * `rightful requests identity|extension|bounce`, the pushback and contest drafts, and `rightful
 * redact`: the same core as the window, on RIGHTFUL_DATA_DIR (the CLI runs on the real clock).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { expectOk, repoRoot, sampleProfile, startCore, tempDir, testClock } from '../helpers/ports'

async function run(argv: string[], dataDir: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir, LANG: 'C' }, cwd: dataDir }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr }
}

/** A request to FS.COM sent today by e-mail, in a data folder of its own. */
async function sentToday(): Promise<{ dataDir: string; reference: string; today: string }> {
  const host = startCore({ clock: testClock(new Date().toISOString()) })
  expectOk(await host.api.call('profile:save', sampleProfile))
  const { record } = expectOk(await host.api.call('requests:create', { companyId: 'fs-com', type: 'access', law: 'gdpr', lang: 'en' }))
  const today = record.events[0]!.on
  expectOk(await host.api.call('requests:markSent', { reference: record.reference, on: today, channel: 'email' }))
  return { dataDir: host.dataDir, reference: record.reference, today }
}

describe('rightful requests identity and the pushback draft', () => {
  it('says the rule, records the demand, writes the pushback', async () => {
    const { dataDir, reference } = await sentToday()
    const before = await run(['requests', 'identity', reference, '--json'], dataDir)
    expect(before.code).toBe(0)
    expect(JSON.parse(before.stdout)).toMatchObject({ reference, demand: null, rule: { id: 'gdpr', citation: 'Art. 12(6) GDPR; recital 64' } })
    const refused = await run(['draft', '--type', 'identity-pushback', '--of', reference, '--json'], dataDir)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/no demand for identity/)

    expect((await run(['requests', 'event', reference, '--kind', 'identity-requested', '--text', 'a copy of your passport'], dataDir)).code).toBe(0)
    const text = await run(['requests', 'identity', reference], dataDir)
    expect(text.stdout).toMatch(/reasonable doubts about your identity/)
    expect(text.stdout).toMatch(/: a copy of your passport/)
    expect(text.stdout).toContain(`rightful draft --type identity-pushback --of ${reference}`)
    const german = await run(['requests', 'identity', reference, '--ui-lang', 'de'], dataDir)
    expect(german.stdout).toMatch(/begründeten Zweifeln an Ihrer Identität/)

    const draft = await run(['draft', '--type', 'identity-pushback', '--of', reference, '--json'], dataDir)
    expect(draft.code).toBe(0)
    const written = JSON.parse(draft.stdout)
    expect(written.subject).toBe(`Data protection request: identity check for ${reference}, Art. 12(6) GDPR – ${written.reference}`)
    expect(written.body).toContain('(a copy of your passport)')
    const shown = JSON.parse((await run(['requests', 'show', written.reference, '--json'], dataDir)).stdout).record
    expect(shown).toMatchObject({ type: 'identity-pushback', followUpOf: reference })
    const wrong = await run(['draft', '--type', 'identity-pushback', '--of', reference, '--lang', 'de'], dataDir)
    expect(wrong.code).toBe(2)
  })
})

describe('rightful requests extension and the contest draft', () => {
  it('checks the claim with the user’s word on reasons, and writes the contest only when it does not hold', async () => {
    const { dataDir, reference } = await sentToday()
    expect(JSON.parse((await run(['requests', 'extension', reference, '--json'], dataDir)).stdout).verdict).toBe('none-claimed')
    expect((await run(['requests', 'event', reference, '--kind', 'extension-claimed', '--text', 'We need more time.'], dataDir)).code).toBe(0)
    const unknown = await run(['requests', 'extension', reference], dataDir)
    expect(unknown.stdout).toMatch(/Did it give reasons for the delay\?/)
    const noReasons = await run(['requests', 'extension', reference, '--reasons', 'no', '--json'], dataDir)
    expect(JSON.parse(noReasons.stdout)).toMatchObject({ verdict: 'no-reasons', contestable: true, citation: 'Art. 12(3) GDPR' })
    expect((await run(['requests', 'extension', reference, '--reasons', 'maybe'], dataDir)).code).toBe(2)

    const valid = await run(['draft', '--type', 'extension-contest', '--of', reference, '--reasons', 'yes'], dataDir)
    expect(valid.code).toBe(1)
    const contest = await run(['draft', '--type', 'extension-contest', '--of', reference, '--reasons', 'no', '--json'], dataDir)
    expect(contest.code).toBe(0)
    expect(JSON.parse(contest.stdout).body).toContain('Your notice gave no reasons for the delay')
    expect((await run(['draft', '--type', 'access', '--company', 'fs-com', '--reasons', 'no'], dataDir)).code).toBe(2)
  })
})

describe('rightful requests bounce', () => {
  it('lists the other channels and marks the address in the user’s catalog', async () => {
    const { dataDir, reference } = await sentToday()
    expect((await run(['requests', 'bounce', reference, '--mark'], dataDir)).code).toBe(1)
    expect((await run(['requests', 'event', reference, '--kind', 'undeliverable', '--text', '550 user unknown'], dataDir)).code).toBe(0)
    const advice = await run(['requests', 'bounce', reference], dataDir)
    expect(advice.stdout).toMatch(/legal@fs\.com bounced on/)
    expect(advice.stdout).toMatch(/letter to FS\.COM INC, 380 Centerpoint Blvd/)
    const marked = await run(['requests', 'bounce', reference, '--mark', '--json'], dataDir)
    expect(marked.code).toBe(0)
    expect(JSON.parse(marked.stdout)).toMatchObject({ marked: true, address: 'legal@fs.com' })
    const company = JSON.parse((await run(['catalog', 'show', 'fs-com', '--json'], dataDir)).stdout)
    expect(company.emails.find((e: { address: string }) => e.address === 'legal@fs.com').problem.kind).toBe('bounced')
  })
})

describe('rightful redact', () => {
  it('writes a flattened PDF copy with boxes in pixels, keeps it with the request, and refuses a bad box', async () => {
    const { dataDir, reference } = await sentToday()
    const dir = tempDir()
    const png = new PNG({ width: 400, height: 300 })
    for (let i = 0; i < png.data.length; i += 4) png.data.set([250, (i / 4) % 256, 40, 255], i)
    const image = path.join(dir, 'passport.png')
    fs.writeFileSync(image, PNG.sync.write(png))
    const out = path.join(dir, 'passport-redacted.pdf')
    const done = await run(['redact', image, '--reference', reference, '--box', '40px,30px,120px,60px', '--box', '0.5,0.5,0.2,0.2', '--out', out, '--attach', '--json'], dataDir)
    expect(done.stderr).toBe('')
    expect(done.code).toBe(0)
    const json = JSON.parse(done.stdout)
    expect(json).toMatchObject({ path: out, format: 'pdf', width: 400, height: 300, boxes: 2, plainEmail: false })
    expect(json.watermark).toMatch(new RegExp(`^Copy for FS\\.COM, .+, ${reference}$`))
    expect(json.attachedEvent).toMatch(/^ev-/)
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' }).trim()).toBe('')
    const shown = JSON.parse((await run(['requests', 'show', reference, '--json'], dataDir)).stdout)
    expect(shown.record.events.at(-1)).toMatchObject({ kind: 'identity-provided', attachments: [expect.objectContaining({ sha256: json.sha256 })] })

    const bad = await run(['redact', image, '--reference', reference, '--box', '0.9,0.1,0.5,0.1', '--out', path.join(dir, 'x.png')], dataDir)
    expect(bad.code).toBe(2)
    expect(fs.existsSync(path.join(dir, 'x.png'))).toBe(false)
    expect((await run(['redact', image, '--reference', reference, '--box', '1,2,3', '--out', path.join(dir, 'y.png')], dataDir)).code).toBe(2)
    expect((await run(['redact', image, '--reference', reference, '--out', path.join(dir, 'z.gif')], dataDir)).code).toBe(2)
  })
})
