/** Layout checks run in the page: nothing sticks out sideways, table columns do not overlap. */
import type { Page } from '@playwright/test'

/**
 * What makes the page wider than the window or cuts content off sideways, one line each (none: []):
 * the page itself scrolling sideways, any scroll or clip container whose content is wider than it
 * (except text deliberately shortened with an ellipsis, and a text field's own value, which
 * scrolls inside the field as fields do), and any visible element that reaches past the window's
 * edges. SVG content is left to its <svg> (a chart scales as a whole).
 */
export async function sidewaysProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : ''
      const classes = typeof element.className === 'string' && element.className.trim() ? `.${element.className.trim().split(/\s+/).join('.')}` : ''
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `<${element.tagName.toLowerCase()}${id}${classes}> "${text}"`
    }
    const root = document.scrollingElement ?? document.documentElement
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} px`)
    const width = document.documentElement.clientWidth
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const style = getComputedStyle(element)
      if (style.display === 'none' || style.visibility === 'hidden' || (element.closest('svg') && element.tagName.toLowerCase() !== 'svg')) continue
      const rect = element.getBoundingClientRect()
      // Visually hidden text for screen readers is 1 px wide by design.
      if (rect.width <= 1 || rect.height <= 1) continue
      if (rect.right > width + 1 || rect.left < -1) problems.push(`${describe(element)} reaches past the window: ${Math.round(rect.left)}..${Math.round(rect.right)} of ${width} px`)
      // A text field scrolls a long value inside itself, as fields do: not the page's layout.
      const field = element.matches('input, textarea, select')
      const clips = ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && !field
      if (clips && element instanceof HTMLElement && element.scrollWidth > element.clientWidth + 1 && style.textOverflow !== 'ellipsis') {
        problems.push(`${describe(element)} is ${element.scrollWidth} px wide inside ${element.clientWidth} px (cut off or scrolls sideways)`)
      }
    }
    return problems.slice(0, 20)
  })
}

/**
 * The dashboard's table: in each row, every cell's content stays inside its cell (an ellipsis is
 * allowed for names) and each cell ends before the next begins. One line per problem.
 */
export async function tableProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const rows = Array.from(document.querySelectorAll('[role="table"] [role="row"]'))
    if (rows.length === 0) problems.push('no table rows')
    for (const row of rows) {
      const cells = Array.from(row.querySelectorAll<HTMLElement>('[role="cell"], [role="columnheader"]')).filter((cell) => getComputedStyle(cell).display !== 'none')
      const name = row.getAttribute('data-reference') ?? 'header'
      let previousRight = -Infinity
      for (const cell of cells) {
        const box = cell.getBoundingClientRect()
        const range = document.createRange()
        range.selectNodeContents(cell)
        const content = range.getBoundingClientRect()
        const ellipsis = getComputedStyle(cell).textOverflow === 'ellipsis'
        const label = `${name}: "${(cell.textContent ?? '').trim()}"`
        if (box.left < previousRight - 0.5) problems.push(`${label} starts at ${Math.round(box.left)}, before the previous cell ends (${Math.round(previousRight)})`)
        if (!ellipsis && (content.right > box.right + 0.5 || content.left < box.left - 0.5)) {
          problems.push(`${label} is wider than its cell: ${Math.round(content.left)}..${Math.round(content.right)} in ${Math.round(box.left)}..${Math.round(box.right)}`)
        }
        const line = row.getBoundingClientRect()
        if (content.top < line.top - 0.5 || content.bottom > line.bottom + 0.5) problems.push(`${label} is taller than its row (wrapped lines spill over)`)
        previousRight = box.right
      }
    }
    return problems.slice(0, 20)
  })
}
