/**
 * `--smtp` and its companion flags refused in the chosen language (issue 13): each refusal of
 * cli-mail.ts is a core message (`cli.usage.*` and its parameters), printed in --ui-lang, in
 * English by default, and nothing is sent or written.
 */
import { describe, expect, it } from 'vitest'
import { smtpSettingsFromUrl, SmtpUrlError } from '../../electron/adapters/node/cli-mail'
import { renderMessage } from '../../electron/core/messages/render'
import { uiLanguages } from '../../electron/core/messages/ui-languages'
import { runInFreshFolder as run } from '../helpers/cli-run'

/** `rightful bulk resume` with a mail server given on the command line (the flags are read before anything else). */
const resume = (smtp: string, ...more: string[]) => ['bulk', 'resume', '--smtp', smtp, ...more]

describe('--smtp refusals in the chosen language', () => {
  it('says each refusal in German, French, Spanish and Chinese', async () => {
    const notUrl = await run([...resume('nonsense'), '--ui-lang', 'de'])
    expect(notUrl.code).toBe(2)
    expect(notUrl.stderr).toContain('--smtp: „nonsense“ ist keine URL wie smtp://benutzer@smtp.example.org:587.')
    expect((await run([...resume('imap://alex@mail.example.org'), '--ui-lang', 'fr'])).stderr).toContain('--smtp : utilisez smtp://utilisateur@hôte:port (ou smtps:// pour TLS).')
    expect((await run([...resume('smtp://alex:secret@mail.example.org'), '--ui-lang', 'es'])).stderr).toContain('--smtp: no incluya la contraseña en la URL')
    expect((await run([...resume('smtp://alex@mail.example.org/inbox'), '--ui-lang', 'zh-Hans'])).stderr).toContain('--smtp：网址只包含用户、主机和端口。')
    expect((await run([...resume('smtp://alex@mail.example.org', '--tls', '--plain'), '--ui-lang', 'zh-Hant'])).stderr).toContain('請在 --tls、--starttls 和 --plain 中選擇一個。')
    // A field the settings schema refuses is said in the language too, with its flag.
    const from = await run([...resume('smtp://alex@mail.example.org', '--from', 'not-an-address'), '--ui-lang', 'de'])
    expect(from.code).toBe(2)
    expect(from.stderr).toContain('rightful: --from: Das ist keine E-Mail-Adresse.')
  })

  it('says them in English by default, as before', async () => {
    expect((await run(resume('nonsense'))).stderr).toContain('--smtp: "nonsense" is not a URL like smtp://user@smtp.example.org:587.')
    expect((await run(resume('smtp://alex:secret@mail.example.org'))).stderr).toContain(
      '--smtp: leave the password out of the URL (it would stay in your shell history); set RIGHTFUL_SMTP_PASSWORD or let rightful ask for it.',
    )
    expect((await run(resume('smtp://alex@mail.example.org', '--tls', '--starttls'))).stderr).toContain('Choose one of --tls, --starttls and --plain.')
  })

  it('carries a core message that every UI language has, never a sentence only in English', () => {
    const refusals = [
      () => smtpSettingsFromUrl('nonsense', {}),
      () => smtpSettingsFromUrl('http://mail.example.org', {}),
      () => smtpSettingsFromUrl('smtp://a:b@mail.example.org', {}),
      () => smtpSettingsFromUrl('smtp://a@mail.example.org/x', {}),
      () => smtpSettingsFromUrl('smtp://a@mail.example.org', { tls: true, plain: true }),
      () => smtpSettingsFromUrl('smtp://a@mail.example.org', { from: 'nobody' }),
      () => smtpSettingsFromUrl('smtp://a@mail.example.org', { certificate: 'not a certificate' }),
    ]
    for (const refuse of refusals) {
      let caught: unknown
      try {
        refuse()
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(SmtpUrlError)
      const { detail, message } = caught as SmtpUrlError
      expect(detail.key).toMatch(/^cli\.usage\./)
      expect(message).toBe(renderMessage(detail, 'en'))
      const english = renderMessage(detail, 'en')
      for (const language of uiLanguages) {
        const said = renderMessage(detail, language)
        expect(said, `${detail.key} in ${language}`).not.toContain('cli.usage')
        if (language !== 'en') expect(said, `${detail.key} in ${language}`).not.toBe(english)
      }
    }
  })
})
