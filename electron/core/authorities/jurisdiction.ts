/**
 * A request keeps the company's place as a holiday jurisdiction: "DE", "DE-BY", "US-CA". These are
 * ISO 3166 codes for the places that matter here (German Länder, Spanish communities, US states).
 */
export function parseJurisdiction(jurisdiction: string | null): { country: string | null; region: string | null } {
  if (!jurisdiction) return { country: null, region: null }
  const match = /^([A-Z]{2})(?:-([A-Z0-9]{1,3}))?$/.exec(jurisdiction)
  if (!match) return { country: null, region: null }
  return { country: match[1]!, region: match[2] ? `${match[1]}-${match[2]}` : null }
}
