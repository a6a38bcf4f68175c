/** The gate: whole-data operations (backup, restore) run with no other API call in progress. */
import { describe, expect, it } from 'vitest'
import { createGate } from '../../electron/core/api/gate'

/** A promise the test settles by hand. */
function deferred<T = void>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('the API gate', () => {
  it('lets ordinary calls run side by side', async () => {
    const gate = createGate()
    const log: string[] = []
    const a = deferred()
    const b = deferred()
    const first = gate.shared(async () => (log.push('a start'), await a.promise, log.push('a end')))
    const second = gate.shared(async () => (log.push('b start'), await b.promise, log.push('b end')))
    await tick()
    expect(log).toEqual(['a start', 'b start'])
    b.resolve()
    a.resolve()
    await Promise.all([first, second])
    expect(log).toEqual(['a start', 'b start', 'b end', 'a end'])
  })

  it('starts an exclusive run only after the calls in progress, and holds back those that come meanwhile', async () => {
    const gate = createGate()
    const log: string[] = []
    const running = deferred()
    const exclusiveDone = deferred()
    const inProgress = gate.shared(async () => (log.push('call 1 start'), await running.promise, log.push('call 1 end')))
    await tick()
    const exclusive = gate.exclusive(async () => (log.push('restore start'), await exclusiveDone.promise, log.push('restore end'), 'restored'))
    await tick()
    const later = gate.shared(async () => log.push('call 2'))
    await tick()
    expect(log).toEqual(['call 1 start'])
    running.resolve()
    await tick()
    await tick()
    expect(log).toEqual(['call 1 start', 'call 1 end', 'restore start'])
    exclusiveDone.resolve()
    expect(await exclusive).toBe('restored')
    await Promise.all([inProgress, later])
    expect(log).toEqual(['call 1 start', 'call 1 end', 'restore start', 'restore end', 'call 2'])
  })

  it('opens again after an exclusive run fails, and runs two exclusive ones one after the other', async () => {
    const gate = createGate()
    await expect(gate.exclusive(async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full')
    expect(await gate.shared(async () => 'still works')).toBe('still works')
    const log: string[] = []
    const hold = deferred()
    const one = gate.exclusive(async () => (log.push('one start'), await hold.promise, log.push('one end')))
    const two = gate.exclusive(async () => log.push('two'))
    await tick()
    expect(log).toEqual(['one start'])
    hold.resolve()
    await Promise.all([one, two])
    expect(log).toEqual(['one start', 'one end', 'two'])
  })
})
