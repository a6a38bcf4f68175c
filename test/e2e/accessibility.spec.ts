/**
 * Every main screen (ui-states.ts) checked as people with disabilities meet it:
 * - axe finds no violation of the WCAG 2.0/2.1/2.2 A and AA rules it runs, nor of its best
 *   practices, in the light and in the dark colour scheme;
 * - at 200% zoom (a 1280 px window is then 640 px wide) nothing is cut off or needs scrolling
 *   sideways, the sections fold behind a Menu button that still reaches them, and axe still
 *   finds nothing.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { sidewaysProblems } from './layout-checks'
import { uiStates } from './ui-states'

/** The rule sets checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice']

const colorSchemes = ['light', 'dark'] as const

type Violation = { id: string; impact?: string | null; help: string; nodes: ReadonlyArray<{ target: unknown; failureSummary?: string }> }

/** Each violation, one block per element: rule, impact, what it asks for, where, and why. */
function describe(violations: ReadonlyArray<Violation>): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    at ${JSON.stringify(n.target)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`))
    .join('\n')
}

/** axe's findings on the page as it is now, described; '' when there are none. */
async function audit(page: Page): Promise<string> {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze()
  return describe(results.violations)
}

async function useScheme(page: Page, scheme: (typeof colorSchemes)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme })
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark')
}

// Each screen has its own harness: the screens may be checked side by side.
test.describe.configure({ mode: 'parallel' })

for (const state of uiStates) {
  test(`accessible in both schemes and at 200% zoom: ${state.name}`, async ({ page, harness }) => {
    // Four axe runs over a whole screen take a while on a loaded machine.
    test.slow()
    await state.reach({ page, harness })
    for (const scheme of colorSchemes) {
      await useScheme(page, scheme)
      expect(await audit(page), `axe, ${scheme} scheme`).toBe('')
    }

    // 200% zoom: the same screen in a window half as wide.
    await page.setViewportSize({ width: 640, height: 800 })
    await expect.poll(() => sidewaysProblems(page), { message: 'at 640 px wide' }).toEqual([])
    if (state.kind === 'page') {
      const nav = page.getByRole('navigation', { name: 'Sections' })
      const menu = nav.getByRole('button', { name: 'Menu' })
      await expect(menu).toBeVisible()
      await expect(menu).toHaveAttribute('aria-expanded', 'false')
      await expect(nav.getByRole('button', { name: 'Settings', exact: true })).toBeHidden()
      await menu.click()
      await expect(menu).toHaveAttribute('aria-expanded', 'true')
      for (const section of ['Requests', 'Companies', 'Your details', 'Templates', 'Settings']) {
        await expect(nav.getByRole('button', { name: section })).toBeVisible()
      }
      await expect.poll(() => sidewaysProblems(page), { message: 'at 640 px wide, menu open' }).toEqual([])
      expect(await audit(page), 'axe at 640 px, menu open').toBe('')
      await menu.click()
      await expect(nav.getByRole('button', { name: 'Settings', exact: true })).toBeHidden()
    } else {
      expect(await audit(page), 'axe at 640 px').toBe('')
    }
  })
}
