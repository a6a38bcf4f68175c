/**
 * The request list as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote
 * or line break in double quotes, quotes doubled). A spreadsheet runs a cell that starts with
 * = + - @, a tab or a carriage return as a formula, and company names come from anyone: such a
 * cell gets a leading apostrophe, so it is shown as the text it is. Pure functions.
 */
import { plainDateOf } from '../shared/calendar'
import type { RequestListItem } from './view'

/** One cell: neutralised against formulas, quoted where RFC 4180 requires it. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows to CSV text, each line ended by CRLF. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')
}

export const requestCsvHeader = ['Reference', 'Company', 'Company ID', 'Type', 'Law', 'Status', 'Written', 'Sent on', 'Channel', 'Due', 'Extended due', 'Follows up'] as const

/** The requests as the dashboard lists them, one row each. */
export function requestsCsv(items: ReadonlyArray<RequestListItem>): string {
  return toCsv([
    requestCsvHeader,
    ...items.map((item) => [
      item.reference,
      item.companyName,
      item.companyId,
      item.type,
      item.law,
      item.status.kind,
      plainDateOf(new Date(item.createdAt)),
      item.sentOn,
      item.channel,
      item.due,
      item.extendedDue,
      item.followUpOf,
    ]),
  ])
}
