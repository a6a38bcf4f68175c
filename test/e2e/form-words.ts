/**
 * For the forms' specs: the words a form shows, read from the locale files (core and window), and
 * the error tied to a field by its aria-describedby.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

const root = path.resolve(__dirname, '..', '..')

/** A locale file: nested keys down to words. */
export type Tree = { readonly [key: string]: string | Tree }

/** A locale file of the repository (path from its root). */
export const read = (file: string): Tree => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Tree

/** The words at a dotted key of a locale file; throws where there are none. */
export const at = (tree: Tree, dotted: string): string => {
  let node: string | Tree = tree
  for (const part of dotted.split('.')) node = (node as Tree)[part]!
  if (typeof node !== 'string') throw new Error(`no words at ${dotted}`)
  return node
}

/** The error tied to a field by its aria-describedby (the field must say it is invalid). */
export async function errorOf(page: Page, field: Locator): Promise<Locator> {
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  const describedBy = await field.getAttribute('aria-describedby')
  expect(describedBy).toBeTruthy()
  return page.locator(`[id="${describedBy!.split(' ')[0]}"]`)
}
