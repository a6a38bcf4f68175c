/**
 * Simplified and Traditional Chinese for holiday names. date-holidays has one Chinese ("zh") for
 * both scripts and mixes them (耶穌受難節 beside 劳动节); Hong Kong's and Taiwan's own names are
 * Traditional, with a Simplified one among them (农历新年假期). A zh-Hans reader gets Simplified and
 * a zh-Hant reader Traditional, converted character by character with the small table below: the
 * characters that differ between the scripts among those the holiday data uses, Japan's own names
 * included (a test checks that every character of the data is either in it or written alike in both
 * scripts). Not a general converter: a character outside the table stays as it is.
 */

/** Each pair: the Simplified form, then the Traditional one. */
const pairs = [
  '稣穌', '难難', '节節', '复復', '劳勞', '动動', '圣聖', '诞誕', '换換', '国國', '际際', '妇婦', '儿兒', '军軍', '庆慶',
  '农農', '历曆', '别別', '区區', '纪紀', '阳陽', '后後', '个個', '宪憲', '记記', '谢謝', '华華', '开開', '双雙',
  // In Japan's own names, which a Chinese reader gets where the data has no Chinese one.
  '银銀', '业業', '仪儀', '体體', '礼禮',
] as const

/**
 * Forms that belong to neither script's standard: 淸 (an old form of 清, in Taiwan's data) and 労
 * (Japanese, in Japan's names): each script gets its own.
 */
const variants = new Map([
  ['淸', { simplified: '清', traditional: '清' }],
  ['労', { simplified: '劳', traditional: '勞' }],
])

const toSimplifiedMap = new Map<string, string>()
const toTraditionalMap = new Map<string, string>()
for (const pair of pairs) {
  const [simplified, traditional] = [...pair] as [string, string]
  toSimplifiedMap.set(traditional, simplified)
  toTraditionalMap.set(simplified, traditional)
}
for (const [form, { simplified, traditional }] of variants) {
  toSimplifiedMap.set(form, simplified)
  toTraditionalMap.set(form, traditional)
}

const convert = (text: string, table: ReadonlyMap<string, string>): string => {
  let out = ''
  for (const char of text) out += table.get(char) ?? char
  return out
}

/** A holiday name in Simplified characters (those of the table). */
export function toSimplified(text: string): string {
  return convert(text, toSimplifiedMap)
}

/** A holiday name in Traditional characters (those of the table). */
export function toTraditional(text: string): string {
  return convert(text, toTraditionalMap)
}

/** The characters of `text` that a Simplified text would not have (Traditional forms and variants of the table), joined; '' when none. */
export function traditionalOnly(text: string): string {
  return [...new Set([...text].filter((char) => toSimplifiedMap.has(char)))].join('')
}

/** The characters of `text` that a Traditional text would not have (Simplified forms and variants of the table), joined; '' when none. */
export function simplifiedOnly(text: string): string {
  return [...new Set([...text].filter((char) => toTraditionalMap.has(char) && toTraditionalMap.get(char) !== char))].join('')
}
