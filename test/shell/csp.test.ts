import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, developmentCsp, productionCsp } from '../../electron/shell/csp'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/)
      return [name, values] as const
    }),
  )
}

describe('the Content-Security-Policy', () => {
  it('is strict in production', () => {
    expect(productionCsp).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    )
    expect(contentSecurityPolicy(false)).toBe(productionCsp)
  })

  it('relaxes only styles and the dev server connection in development', () => {
    expect(contentSecurityPolicy(true)).toBe(developmentCsp)
    const prod = directives(productionCsp)
    const dev = directives(developmentCsp)
    expect([...dev.keys()]).toEqual([...prod.keys()])
    for (const [name, values] of prod) {
      if (name === 'style-src') expect(dev.get(name)).toEqual([...values, "'unsafe-inline'"])
      else if (name === 'connect-src') expect(dev.get(name)).toEqual([...values, 'ws://localhost:*', 'http://localhost:*'])
      else expect(dev.get(name)).toEqual(values)
    }
  })

  it('never allows eval, and never inline scripts', () => {
    for (const policy of [productionCsp, developmentCsp]) {
      expect(policy).not.toContain('unsafe-eval')
      expect(directives(policy).get('script-src')).toEqual(["'self'"])
    }
  })

  it('allows only the origin of the page itself (app://rightful in the app), data: images, and nothing else', () => {
    const sources = [...directives(productionCsp).values()].flat()
    expect(new Set(sources)).toEqual(new Set(["'none'", "'self'", 'data:']))
    expect(directives(productionCsp).get('img-src')).toEqual(["'self'", 'data:'])
    expect(productionCsp).not.toMatch(/file:|app:|\*/)
  })
})
