/**
 * Where the GDPR applies: a pure module (no dependencies), shared by the core and the renderer.
 */

/** The countries where the GDPR applies: the 27 EU member states and Iceland, Liechtenstein, Norway. */
export const eeaCountries = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL',
  'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
] as const

export function isEeaCountry(country: string | null | undefined): boolean {
  return !!country && (eeaCountries as ReadonlyArray<string>).includes(country)
}
