/** CSV cells: RFC 4180 quoting, and no formula a spreadsheet would run. */
import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from '../../electron/core/requests/export-csv'

describe('csvCell', () => {
  it('leaves plain text as it is, and an empty cell empty', () => {
    expect(csvCell('FS.COM')).toBe('FS.COM')
    expect(csvCell('Müller & Söhne')).toBe('Müller & Söhne')
    expect(csvCell(null)).toBe('')
    expect(csvCell(42)).toBe('42')
  })

  it('quotes commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('A, B')).toBe('"A, B"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"')
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"')
  })

  it('puts an apostrophe before = + - @, a tab or a carriage return at the start', () => {
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+49 30 123')).toBe("'+49 30 123")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell('\r=cmd')).toBe(`"'\r=cmd"`)
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`)
    // Only at the start: inside a cell they are harmless.
    expect(csvCell('a=b')).toBe('a=b')
    expect(csvCell('Jean-Luc')).toBe('Jean-Luc')
  })
})

describe('toCsv', () => {
  it('ends every record with CRLF', () => {
    expect(toCsv([['a', 'b'], ['1', null]])).toBe('a,b\r\n1,\r\n')
    expect(toCsv([])).toBe('')
  })
})
