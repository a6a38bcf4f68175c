import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiError, Result } from '../../electron/core/shared/result'
import type { StatusKind } from '../../electron/core/requests/status'
import { startDeadlineNotifier, type DeadlineNotifierOptions } from '../../electron/shell/notifications'
import { fake, FakeBrowserWindow, FakeNotification, resetFakeElectron } from './fake-electron'

type Pending = { id: string; reference: string; title: string; body: string }
type Answer = Result<unknown> | ((input: unknown) => Result<unknown> | Promise<Result<unknown>>)

const ok = (data: unknown): Result<unknown> => ({ ok: true, data })
const failed = (code: ApiError['code'], message: string): Result<unknown> => ({ ok: false, error: { code, message } })

const overdue: Pending = {
  id: 'RF-2026-0001:overdue:2026-03-01',
  reference: 'RF-2026-0001',
  title: 'Acme has not answered in time',
  body: 'The deadline for Acme (RF-2026-0001) was 1 March 2026.',
}
const soon: Pending = {
  id: 'RF-2026-0002:soon:2026-04-10',
  reference: 'RF-2026-0002',
  title: 'Deadline soon: Globex',
  body: 'Globex (RF-2026-0002) must answer by 10 April 2026.',
}

/** Request list items as far as the badge reads them. */
function listed(...kinds: StatusKind[]) {
  return kinds.map((kind, i) => ({ reference: `RF-2026-${String(i + 1).padStart(4, '0')}`, status: { kind } }))
}

/** An api whose invoke records every call and answers from `answers` (defaults: nothing due). */
function fakeApi(answers: Record<string, Answer> = {}) {
  const defaults: Record<string, Answer> = {
    'notifications:pending': ok([]),
    'notifications:markShown': (input) => ok({ marked: (input as { ids: string[] }).ids.length }),
    'requests:list': ok([]),
  }
  const invoke = vi.fn(async (channel: unknown, input: unknown): Promise<Result<unknown>> => {
    const answer = answers[channel as string] ?? defaults[channel as string]
    if (!answer) throw new Error(`unexpected call ${String(channel)}`)
    return typeof answer === 'function' ? answer(input) : answer
  })
  const calls = (channel?: string) => invoke.mock.calls.filter((call) => channel === undefined || call[0] === channel)
  return { invoke, calls }
}

/** Starts a notifier on the fake electron with recorded timers; the first check has finished. */
async function start(api: ReturnType<typeof fakeApi>, overrides: Partial<DeadlineNotifierOptions> = {}) {
  const window = new FakeBrowserWindow({})
  const timer = { handle: Symbol('interval'), callback: null as (() => void) | null, ms: 0 }
  const setInterval = vi.fn((callback: () => void, ms: number) => {
    timer.callback = callback
    timer.ms = ms
    return timer.handle
  })
  const clearInterval = vi.fn()
  const notifier = startDeadlineNotifier({
    api,
    getWindow: () => window,
    Notification: FakeNotification,
    app: fake().app,
    setInterval,
    clearInterval,
    ...overrides,
  })
  await notifier.check()
  return { notifier, window, timer, setInterval, clearInterval }
}

let errors: ReturnType<typeof vi.spyOn>

beforeEach(() => {
  resetFakeElectron()
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('the deadline notifier', () => {
  it('shows each pending notification once, with its title and body, then marks them shown', async () => {
    const api = fakeApi({ 'notifications:pending': ok([overdue, soon]) })
    const { notifier } = await start(api)

    const shown = fake().notifications
    expect(shown.map((n) => n.options)).toEqual([
      { title: overdue.title, body: overdue.body, silent: false },
      { title: soon.title, body: soon.body, silent: false },
    ])
    for (const notification of shown) expect(notification.show).toHaveBeenCalledTimes(1)
    expect(api.calls().map((call) => call[0])).toEqual(['notifications:pending', 'notifications:markShown', 'requests:list'])
    expect(api.calls('notifications:markShown')[0]?.[1]).toEqual({ ids: [overdue.id, soon.id] })
    expect(api.calls('notifications:pending')[0]?.[1]).toEqual({})

    // Even if the core offered them again, this session never shows them twice.
    await notifier.check()
    expect(fake().notifications).toHaveLength(2)
    expect(errors).not.toHaveBeenCalled()
    notifier.stop()
  })

  it('marks nothing and shows nothing when nothing is due', async () => {
    const api = fakeApi()
    const { notifier } = await start(api)
    expect(fake().notifications).toEqual([])
    expect(api.calls('notifications:markShown')).toEqual([])
    notifier.stop()
  })

  it('on a click, brings the window forward and asks the page to open the request', async () => {
    const api = fakeApi({ 'notifications:pending': ok([overdue, soon]) })
    const { notifier, window } = await start(api)
    window.isMinimized.mockReturnValue(true)

    fake().notifications[1]!.click()
    expect(window.restore).toHaveBeenCalledTimes(1)
    expect(window.show).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
    expect(window.webContents.send.mock.calls).toEqual([['app:open-request', soon.reference]])
    notifier.stop()
  })

  it('logs a notification the system refused to show (macOS, unsigned app) and carries on', async () => {
    const api = fakeApi({ 'notifications:pending': ok([overdue, soon]) })
    const { notifier } = await start(api)
    const [first, second] = fake().notifications
    first!.fail('Notifications are not allowed for this application')
    expect(errors).toHaveBeenCalledWith(expect.stringContaining('did not show'), overdue.reference, 'Notifications are not allowed for this application')
    // The other one still works, and both were counted as shown in the core (the dashboard shows the deadline).
    expect(second!.show).toHaveBeenCalled()
    expect(api.calls('notifications:markShown')).toHaveLength(1)
    await notifier.check()
    expect(fake().notifications).toHaveLength(2)
    notifier.stop()
  })

  it('does not restore a window that is not minimized', async () => {
    const { notifier, window } = await start(fakeApi({ 'notifications:pending': ok([overdue]) }))
    fake().notifications[0]!.click()
    expect(window.restore).not.toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
    expect(window.webContents.send).toHaveBeenCalledWith('app:open-request', overdue.reference)
    notifier.stop()
  })

  it('sends nothing to a destroyed window or page, or when there is no window', async () => {
    const api = fakeApi({ 'notifications:pending': ok([overdue]) })
    const { notifier, window } = await start(api)
    window.close()
    expect(() => fake().notifications[0]!.click()).not.toThrow()
    expect(window.focus).not.toHaveBeenCalled()
    expect(window.webContents.send).not.toHaveBeenCalled()
    notifier.stop()

    resetFakeElectron()
    const second = await start(fakeApi({ 'notifications:pending': ok([overdue]) }))
    second.window.webContents.destroy()
    fake().notifications[0]!.click()
    expect(second.window.webContents.send).not.toHaveBeenCalled()
    second.notifier.stop()

    resetFakeElectron()
    const third = await start(fakeApi({ 'notifications:pending': ok([overdue]) }), { getWindow: () => null })
    expect(() => fake().notifications[0]!.click()).not.toThrow()
    expect(third.window.webContents.send).not.toHaveBeenCalled()
    third.notifier.stop()
    expect(errors).not.toHaveBeenCalled()
  })

  it('sets the badge to the number of overdue requests plus those waiting for the user', async () => {
    const api = fakeApi({
      'requests:list': ok(
        listed('overdue', 'waiting-for-you', 'draft', 'awaiting-reply', 'overdue', 'no-deadline', 'completed', 'waiting-for-you', 'refused', 'abandoned', 'complaint-filed'),
      ),
    })
    const { notifier } = await start(api)
    expect(fake().app.setBadgeCount.mock.calls).toEqual([[4]])
    notifier.stop()

    resetFakeElectron()
    const none = await start(fakeApi({ 'requests:list': ok(listed('draft', 'completed')) }))
    expect(fake().app.setBadgeCount.mock.calls).toEqual([[0]])
    none.notifier.stop()
  })

  it('never throws over the badge: unsupported, refused or failing', async () => {
    const list = fakeApi({ 'requests:list': ok(listed('overdue')) })

    fake().app.setBadgeCount.mockReturnValue(false)
    await expect(start(list).then(({ notifier }) => notifier.stop())).resolves.toBeUndefined()
    expect(errors).not.toHaveBeenCalled()

    fake().app.setBadgeCount.mockImplementation(() => {
      throw new Error('no dock')
    })
    await expect(start(list).then(({ notifier }) => notifier.stop())).resolves.toBeUndefined()
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/badge/), expect.any(Error))

    // Windows has no setBadgeCount at all.
    await expect(start(list, { app: {} }).then(({ notifier }) => notifier.stop())).resolves.toBeUndefined()
  })

  it('logs a failed Result and carries on with the badge', async () => {
    const api = fakeApi({
      'notifications:pending': failed('STORAGE_FAILED', 'The settings could not be read.'),
      'requests:list': ok(listed('overdue')),
    })
    const { notifier } = await start(api)
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/notifications:pending failed/), 'STORAGE_FAILED', 'The settings could not be read.')
    expect(fake().notifications).toEqual([])
    expect(fake().app.setBadgeCount).toHaveBeenCalledWith(1)
    notifier.stop()
  })

  it('logs an invoke that throws, and the check still resolves', async () => {
    const api = fakeApi({
      'notifications:pending': () => {
        throw new Error('boom')
      },
      'requests:list': () => Promise.reject(new Error('bang')),
    })
    const { notifier } = await start(api)
    await expect(notifier.check()).resolves.toBeUndefined()
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/notifications:pending threw/), expect.objectContaining({ message: 'boom' }))
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/requests:list threw/), expect.objectContaining({ message: 'bang' }))
    expect(fake().app.setBadgeCount).not.toHaveBeenCalled()
    notifier.stop()
  })

  it('when marking fails, logs it, does not show them again, and marks them on the next check', async () => {
    let markFails = true
    const api = fakeApi({
      'notifications:pending': ok([overdue]),
      'notifications:markShown': (input) =>
        markFails ? failed('STORAGE_FAILED', 'disk full') : ok({ marked: (input as { ids: string[] }).ids.length }),
    })
    const { notifier } = await start(api)
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/markShown failed/), 'STORAGE_FAILED', 'disk full')

    markFails = false
    await notifier.check()
    expect(fake().notifications).toHaveLength(1)
    expect(api.calls('notifications:markShown').map((call) => call[1])).toEqual([{ ids: [overdue.id] }, { ids: [overdue.id] }])
    notifier.stop()
  })

  it('shows nothing and marks nothing where notifications are unsupported, but still sets the badge', async () => {
    fake().notificationsSupported = false
    const api = fakeApi({ 'notifications:pending': ok([overdue, soon]), 'requests:list': ok(listed('waiting-for-you')) })
    const { notifier } = await start(api)
    expect(fake().notifications).toEqual([])
    expect(api.calls('notifications:markShown')).toEqual([])
    expect(fake().app.setBadgeCount).toHaveBeenCalledWith(1)
    notifier.stop()
  })

  it('checks on every interval, half an hour by default, and stop() clears the interval', async () => {
    const api = fakeApi()
    const { notifier, timer, setInterval, clearInterval } = await start(api)
    expect(setInterval).toHaveBeenCalledTimes(1)
    expect(timer.ms).toBe(30 * 60_000)
    expect(api.calls('notifications:pending')).toHaveLength(1)

    timer.callback?.()
    await notifier.check()
    expect(api.calls('notifications:pending')).toHaveLength(2)

    notifier.stop()
    notifier.stop()
    expect(clearInterval.mock.calls).toEqual([[timer.handle]])
    await notifier.check()
    timer.callback?.()
    expect(api.calls('notifications:pending')).toHaveLength(2)
  })

  it('uses the global timers when none are given', async () => {
    vi.useFakeTimers()
    const api = fakeApi()
    const notifier = startDeadlineNotifier({ api, getWindow: () => null, Notification: FakeNotification, app: fake().app, intervalMs: 1_000 })
    await vi.advanceTimersByTimeAsync(0)
    expect(api.calls('notifications:pending')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(3_000)
    expect(api.calls('notifications:pending')).toHaveLength(4)
    notifier.stop()
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(3_000)
    expect(api.calls('notifications:pending')).toHaveLength(4)
  })

  it('joins a check that is still running instead of starting a second one', async () => {
    let release: (value: Result<unknown>) => void = () => {}
    const api = fakeApi({ 'notifications:pending': () => new Promise<Result<unknown>>((resolve) => (release = resolve)) })
    const notifier = startDeadlineNotifier({
      api,
      getWindow: () => null,
      Notification: FakeNotification,
      app: fake().app,
      setInterval: () => 0,
      clearInterval: () => {},
    })
    const first = notifier.check()
    const second = notifier.check()
    expect(second).toBe(first)
    release(ok([overdue]))
    await first
    expect(api.calls('notifications:pending')).toHaveLength(1)
    expect(fake().notifications).toHaveLength(1)
    notifier.stop()
  })
})
