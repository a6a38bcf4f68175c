/**
 * Who has my data, from the IMAP inbox set up for replies: the window offers the inbox once it is
 * set up, reads only who wrote and when, and lists the companies of the catalog among the senders
 * (never an unknown or a personal one). Real renderer, real core, Debian's dovecot on loopback.
 */
import { startDovecot } from '../helpers/dovecot'
import { expect, snapshot, test } from './fixtures'

test('finds the companies that wrote to the IMAP inbox, from its From and Date lines', async ({ page, harness }) => {
  const imap = await startDovecot({ 'alex@example.test': 'secret' })
  test.skip(!imap, 'dovecot is not available here (apt-get install dovecot-imapd; needs root)')
  try {
    const senders: Array<[string, string]> = [
      ['Spotify <no-reply@mail.spotify.com>', '3 Mar 2026 10:00:00 +0000'],
      ['Spotify <news@email.spotify.com>', '5 Jan 2026 08:00:00 +0100'],
      ['Netflix <info@members.netflix.com>', '2 Jan 2026 09:00:00 +0000'],
      ['Amazon.de <versandbestaetigung@amazon.de>', '10 Jan 2026 09:00:00 +0100'],
      ['Shop <orders@tiny-unknown-shop.example>', '3 Mar 2026 10:00:00 +0000'],
      ['Alex Friend <alex.friend@gmail.com>', '3 Mar 2026 10:00:00 +0000'],
    ]
    for (const [from, date] of senders) imap!.deliver('alex@example.test', Buffer.from(`From: ${from}\r\nDate: ${date}\r\nSubject: Hello\r\n\r\nBody.\r\n`))

    await page.goto(harness.current.url)
    await page.getByRole('button', { name: 'Who has my data' }).click()
    // Not set up yet: only the files are offered.
    await expect(page.getByRole('button', { name: 'Choose a mailbox file…' })).toBeVisible()
    await expect(page.getByRole('button', { name: /Look through my inbox/ })).toHaveCount(0)

    const saved = await harness.current.api.call('replies:saveImap', {
      settings: { host: '127.0.0.1', port: imap!.port, security: 'none', user: 'alex@example.test', useSmtpLogin: false, mailbox: 'INBOX', trustedCertificate: null },
      password: 'secret',
    })
    expect(saved.ok).toBe(true)
    await page.reload()
    await page.getByRole('button', { name: 'Who has my data' }).click()
    await page.getByRole('button', { name: 'Look through my inbox on 127.0.0.1' }).click()

    const table = page.getByRole('table', { name: 'Companies that wrote to you' })
    await expect(table.locator('tbody tr')).toHaveCount(3)
    await expect(page.getByTestId('discover-summary')).toContainText('6 messages read: 4 from 3 companies in the catalog')
    await expect(page.getByTestId('discover-summary')).toContainText('1 from senders Rightful does not know (not listed) and 1 from personal addresses')
    await expect(table.locator('tr[data-company="spotify"]')).toContainText('2')
    await expect(table).not.toContainText('tiny-unknown-shop')
    await expect(table).not.toContainText('gmail')
    await snapshot(page, 'bulk-discover-imap')

    // All folders: the archive is read too, the junk folder never.
    imap!.deliver('alex@example.test', Buffer.from('From: Netflix <info@members.netflix.com>\r\nDate: 4 Mar 2026 09:00:00 +0000\r\nSubject: Old\r\n\r\nBody.\r\n'), 'Archive')
    imap!.deliver('alex@example.test', Buffer.from('From: Zalando <info@zalando.de>\r\nDate: 4 Mar 2026 09:00:00 +0000\r\nSubject: Spam\r\n\r\nBody.\r\n'), 'Junk')
    await page.getByRole('checkbox', { name: 'All folders' }).check()
    await page.getByRole('button', { name: 'Look through my inbox on 127.0.0.1' }).click()
    await expect(page.getByTestId('discover-folders')).toContainText('2 folders read: INBOX and Archive')
    await expect(page.getByTestId('discover-summary')).toContainText('7 messages read: 5 from 3 companies in the catalog')
    await expect(table.locator('tr[data-company="netflix"]')).toContainText('2')
    await expect(table).not.toContainText('Zalando')
    await snapshot(page, 'bulk-discover-imap-all-folders')
  } finally {
    await imap?.stop()
  }
})
