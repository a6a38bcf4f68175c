/**
 * The one way a company's name becomes its id in the catalog, for a company the user adds and for
 * one saved from its privacy policy alike: "Faasoft Ltd." → "faasoft-ltd", "FS.COM (Fiberstore)" →
 * "fs-com-fiberstore". Accents and other combining marks are dropped, every other run of
 * characters that is no ASCII letter or digit becomes one hyphen, and the result is at most 60
 * characters; a name with nothing left gives "company".
 */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'company'
}
