/**
 * Letter languages as BCP 47 tags (en, de, fr, es, pt, ja, zh-Hans, zh-Hant), and the old "zh"
 * still read as zh-Hans wherever a language comes in: requests saved before, user templates, the
 * API. A request saved with "zh" opens as it was and is followed up in simplified Chinese.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { languageSchema, languages, requestRecordSchema } from '../../electron/core/requests/model'
import { expectOk, sampleProfile, startCore } from '../helpers/ports'

describe('letter languages', () => {
  it('are the eight tags, and "zh" is read as zh-Hans', () => {
    expect(languages).toEqual(['en', 'de', 'fr', 'es', 'pt', 'ja', 'zh-Hans', 'zh-Hant'])
    expect(languageSchema.parse('zh')).toBe('zh-Hans')
    expect(languageSchema.parse('zh-Hant')).toBe('zh-Hant')
    for (const wrong of ['zh-TW', 'ZH', 'jp', 'pt-BR', '', 42, null]) expect(languageSchema.safeParse(wrong).success, String(wrong)).toBe(false)
  })

  it('opens a request saved with "zh" as zh-Hans, and follows it up in simplified Chinese', async () => {
    const first = startCore()
    expectOk(await first.api.call('profile:save', sampleProfile))
    const { record } = expectOk(await first.api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'cn-pipl', lang: 'zh-Hans' }))
    expect(record.draft.subject).toMatch(/个人信息保护法/)
    expectOk(await first.api.call('requests:markSent', { reference: record.reference, on: '2026-01-31', channel: 'email' }))

    // The file as an older Rightful wrote it: "lang": "zh".
    const file = path.join(first.dataDir, 'requests', `${record.reference}.json`)
    expect(fs.existsSync(file), file).toBe(true)
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
    expect(saved.lang).toBe('zh-Hans')
    fs.writeFileSync(file, JSON.stringify({ ...saved, lang: 'zh' }, null, 2))
    expect(requestRecordSchema.parse({ ...saved, lang: 'zh' }).lang).toBe('zh-Hans')

    const again = startCore({ dataDir: first.dataDir, clock: first.clock })
    const opened = expectOk(await again.api.call('requests:get', { reference: record.reference }))
    expect(opened.record.lang).toBe('zh-Hans')
    expect(opened.record.sent?.subject).toBe(record.draft.subject)

    again.clock.set('2026-04-01T09:00:00Z')
    const reminder = expectOk(await again.api.call('requests:createFollowUp', { reference: record.reference, type: 'reminder' }))
    expect(reminder.record.lang).toBe('zh-Hans')
    expect(reminder.record.draft.body).toMatch(/个人信息保护法/)
    expect(reminder.record.draft.body).toContain(record.reference)
  })

  it('accepts "zh" from the API as zh-Hans and refuses an unknown tag without writing anything', async () => {
    const { api } = startCore()
    expectOk(await api.call('profile:save', sampleProfile))
    const old = expectOk(await api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'cn-pipl', lang: 'zh' }))
    expect(old.record.lang).toBe('zh-Hans')
    const wrong = await api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'cn-pipl', lang: 'zh-TW' as never })
    expect(wrong.ok ? null : wrong.error.code).toBe('INVALID_INPUT')
    expect(expectOk(await api.call('requests:list', {}))).toHaveLength(1)
  })

  it('writes Hong Kong letters in traditional Chinese and Japanese letters in Japanese', async () => {
    const { api } = startCore()
    expectOk(await api.call('profile:save', sampleProfile))
    const hk = expectOk(await api.call('requests:create', { companyId: 'b2s', type: 'access', law: 'hk-pdpo', lang: 'zh-Hant' }))
    expect(hk.record.draft.subject).toMatch(/^查閱資料要求/)
    expect(hk.record.draft.body).toContain('資料使用者')
    expect(hk.record.draft.body).toContain('個人資料')
    const ja = expectOk(await api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'jp-appi', lang: 'ja' }))
    expect(ja.record.draft.body).toContain('個人情報の保護に関する法律')
    const pt = expectOk(await api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'lgpd', lang: 'pt' }))
    expect(pt.record.draft.body).toContain('Lei Geral de Proteção de Dados Pessoais')
  })
})

describe('user templates saved before zh-Hans', () => {
  it('are still found in their "zh" folder, as zh-Hans', async () => {
    const host = startCore()
    expectOk(await host.api.call('profile:save', sampleProfile))
    const builtin = expectOk(await host.api.call('templates:get', { id: 'builtin:zh-Hans/access-china' }))
    const dir = path.join(host.dataDir, 'templates', 'zh')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'my-access.md'), builtin.text.replace('lang: zh-Hans', 'lang: zh').replace('尊敬的', '我的模板：尊敬的'))
    const again = startCore({ dataDir: host.dataDir, clock: host.clock })
    const listed = expectOk(await again.api.call('templates:list', {})).find((t) => t.id === 'user:zh-Hans/my-access')
    expect(listed?.lang).toBe('zh-Hans')
    const { record } = expectOk(await again.api.call('requests:create', { companyId: 'foscam', type: 'access', law: 'cn-pipl', lang: 'zh-Hans' }))
    expect(record.draft.body).toContain('我的模板：')
  })
})

describe('the faces of a Japanese letter', () => {
  it('sets Japanese in Noto Sans JP, so that kanji take their Japanese forms, and Chinese in Noto Sans SC', async () => {
    const { fontsForLetter } = await import('../../electron/core/letters/letter-fonts')
    const { fontsFrom } = await import('../../electron/adapters/node/resources')
    const { repoRoot } = await import('../helpers/ports')
    const source = fontsFrom(repoRoot)
    const japanese = fontsForLetter(source, ['保有個人データの開示請求', 'Foscam'], 'ja')
    expect(japanese.japanese).toBe(true)
    expect([...japanese.faces.keys()]).toEqual(['ja-regular', 'ja-bold'])
    expect(japanese.runs('個人情報の保護に関する法律 Art. 33', 'regular')).toEqual([{ face: 'ja-regular', text: '個人情報の保護に関する法律 Art. 33' }])
    // Kana alone tell a Japanese text, whatever the tag says.
    expect(fontsForLetter(source, ['ご担当者様'], 'en').japanese).toBe(true)
    const chinese = fontsForLetter(source, ['个人信息查阅申请'], 'zh-CN')
    expect(chinese.japanese).toBe(false)
    expect([...chinese.faces.keys()]).toEqual(['cjk-regular', 'cjk-bold'])
    const traditional = fontsForLetter(source, ['查閱資料要求（《個人資料（私隱）條例》第18條）'], 'zh-HK')
    expect([...traditional.faces.keys()]).toEqual(['cjk-regular', 'cjk-bold'])
    for (const char of '查閱資料條例私隱') expect(traditional.base.hasGlyphForCodePoint(char.codePointAt(0)!), char).toBe(true)
  })
})
