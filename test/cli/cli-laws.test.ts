/**
 * The CLI and the laws outside the GDPR: a resident of a state whose own law Rightful does not
 * support is told so and gets no GDPR letter by default; the new letter languages work by flag,
 * and the old "zh" still means simplified Chinese.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { repoRoot, tempDir } from '../helpers/ports'

async function run(argv: string[], dataDir: string) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { RIGHTFUL_DATA_DIR: dataDir }, cwd: dataDir }, { resourcesRoot: repoRoot })
  return { code, stdout, stderr }
}

function profile(dir: string, name: string, extra: Record<string, unknown>): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, JSON.stringify({ name: 'Sam Rivera', email: 'sam@example.com', address: '1 Main Street\nAustin, TX 78701', ...extra }))
  return file
}

describe('rightful draft for a law Rightful does not support', () => {
  it('tells an Oregonian writing to a US company that Oregon has its own law, and writes nothing', async () => {
    const dir = tempDir()
    const oregonian = profile(dir, 'or.json', { country: 'US', region: 'US-OR' })
    const result = await run(['draft', '--company', 'fs.com', '--type', 'access', '--profile', oregonian, '--json'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/Oregon has a privacy law of its own, the Oregon Consumer Privacy Act, which Rightful has no letters for yet/)
    expect(result.stderr).toMatch(/Give --law to choose one of: .*gdpr/)
    expect(result.stdout).toBe('')
    const list = await run(['requests', 'list', '--json'], dir)
    expect(JSON.parse(list.stdout)).toEqual([])
    // Chosen knowingly, a law is used.
    const chosen = await run(['draft', '--company', 'fs.com', '--type', 'access', '--law', 'gdpr', '--profile', oregonian, '--json'], dir)
    expect(chosen.code, chosen.stderr).toBe(0)
    expect(JSON.parse(chosen.stdout).law).toBe('gdpr')
  })

  it('writes a Texan a TDPSA letter by default, citing the Act', async () => {
    const dir = tempDir()
    const texan = profile(dir, 'tx.json', { country: 'US', region: 'US-TX' })
    const result = await run(['draft', '--company', 'fs.com', '--type', 'opt-out', '--profile', texan, '--json'], dir)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toBe('')
    const draft = JSON.parse(result.stdout) as { law: string; subject: string; body: string }
    expect(draft.law).toBe('tdpsa')
    expect(draft.subject).toMatch(/TDPSA §541\.051\(b\)\(5\)/)
    expect(draft.body).toContain('targeted advertising (§541.051(b)(5)(A))')
    expect(draft.body).toContain('Tex. Bus. & Com. Code §541.052(e)')
  })

  it('writes in the new languages, and reads --lang zh as zh-Hans', async () => {
    const dir = tempDir()
    const me = profile(dir, 'me.json', { country: 'US', region: 'US-CA' })
    const subject = async (...argv: string[]) => {
      const result = await run(['draft', '--company', 'foscam', '--profile', me, '--json', ...argv], dir)
      expect(result.code, result.stderr).toBe(0)
      return JSON.parse(result.stdout) as { subject: string; lang?: string }
    }
    expect((await subject('--type', 'access', '--law', 'lgpd', '--lang', 'pt')).subject).toMatch(/^Proteção de dados: acesso/)
    expect((await subject('--type', 'access', '--law', 'jp-appi', '--lang', 'ja')).subject).toMatch(/個人情報保護法第33条/)
    expect((await subject('--type', 'access', '--law', 'hk-pdpo', '--lang', 'zh-Hant')).subject).toMatch(/^查閱資料要求/)
    expect((await subject('--type', 'access', '--law', 'cn-pipl', '--lang', 'zh')).subject).toMatch(/个人信息保护法/)
    const wrong = await run(['draft', '--company', 'foscam', '--type', 'access', '--law', 'cn-pipl', '--lang', 'zh-TW', '--profile', me], dir)
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/--lang must be one of: en, de, fr, es, pt, ja, zh-Hans, zh-Hant/)
  })
})
