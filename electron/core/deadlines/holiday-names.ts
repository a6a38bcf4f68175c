/**
 * Holiday names in the UI languages where date-holidays has none and the country's own name is
 * English (the United States, the United Kingdom, Ireland, Australia, Canada): Rightful's own
 * words, so that a German reader of a Californian deadline reads "Präsidententag", not "Presidents'
 * Day". Only a name the data left in English is replaced: where date-holidays has a name in the
 * language, or the country's own name is not English, that name stays. A name is looked up for its
 * country first (the same English name can mean another day elsewhere: "National Holiday" is
 * Quebec's Fête nationale in Canada, German Unity Day in Germany), then for any of these countries.
 */
import type { HolidayNames } from './holidays'

type Names = Omit<HolidayNames, 'en'>

const names = (de: string, fr: string, es: string, zhHans: string, zhHant: string): Names => ({ de, fr, es, zhHans, zhHant })

/** The countries whose own holiday names are English, where the names below apply. */
const englishSpeaking = new Set(['US', 'GB', 'IE', 'AU', 'CA', 'NZ'])

/** By English name (any of the countries above), or by "CC|name" for one country only. */
const table = new Map<string, Names>([
  ["New Year's Day", names('Neujahr', 'jour de l’An', 'Año Nuevo', '元旦', '元旦')],
  ["New Year's Eve", names('Silvester', 'Saint-Sylvestre', 'Nochevieja', '除夕', '除夕')],
  ['Good Friday', names('Karfreitag', 'Vendredi saint', 'Viernes Santo', '耶稣受难日', '耶穌受難日')],
  ['Easter Saturday', names('Karsamstag', 'Samedi saint', 'Sábado Santo', '复活节前夕', '復活節前夕')],
  ['Easter Sunday', names('Ostersonntag', 'dimanche de Pâques', 'Domingo de Pascua', '复活节', '復活節')],
  ['Easter Monday', names('Ostermontag', 'lundi de Pâques', 'Lunes de Pascua', '复活节星期一', '復活節星期一')],
  ['Christmas Eve', names('Heiligabend', 'veille de Noël', 'Nochebuena', '平安夜', '平安夜')],
  ['Christmas Day', names('1. Weihnachtstag', 'jour de Noël', 'Día de Navidad', '圣诞节', '聖誕節')],
  ['Boxing Day', names('2. Weihnachtstag', 'lendemain de Noël', 'Día después de Navidad', '节礼日', '節禮日')],
  ['Day after Christmas', names('Tag nach Weihnachten', 'lendemain de Noël', 'Día después de Navidad', '圣诞节翌日', '聖誕節翌日')],
  ['Labour Day', names('Tag der Arbeit', 'fête du Travail', 'Día del Trabajo', '劳动节', '勞動節')],
  ['May Day', names('Maifeiertag', 'fête du 1er mai', 'Primero de Mayo', '五一节', '五一節')],
  ['Thanksgiving', names('Erntedankfest', 'Action de grâce', 'Día de Acción de Gracias', '感恩节', '感恩節')],
  ['Thanksgiving Day', names('Erntedankfest', 'Action de grâce', 'Día de Acción de Gracias', '感恩节', '感恩節')],
  ['Day after Thanksgiving Day', names('Tag nach dem Erntedankfest', 'lendemain de l’Action de grâce', 'Día después de Acción de Gracias', '感恩节翌日', '感恩節翌日')],
  ['Day after Thanksgiving', names('Tag nach dem Erntedankfest', 'lendemain de l’Action de grâce', 'Día después de Acción de Gracias', '感恩节翌日', '感恩節翌日')],
  ['Day After Thanksgiving', names('Tag nach dem Erntedankfest', 'lendemain de l’Action de grâce', 'Día después de Acción de Gracias', '感恩节翌日', '感恩節翌日')],
  ['Family Day', names('Familientag', 'jour de la Famille', 'Día de la Familia', '家庭日', '家庭日')],
  // The United States.
  ['Martin Luther King Jr. Day', names('Martin-Luther-King-Tag', 'journée Martin Luther King', 'Día de Martin Luther King', '马丁·路德·金纪念日', '馬丁·路德·金紀念日')],
  ["Washington's Birthday", names('Washingtons Geburtstag', 'anniversaire de Washington', 'Natalicio de Washington', '华盛顿诞辰纪念日', '華盛頓誕辰紀念日')],
  ['George Washington Day', names('George-Washington-Tag', 'jour de George Washington', 'Día de George Washington', '华盛顿诞辰纪念日', '華盛頓誕辰紀念日')],
  ["Presidents' Day", names('Präsidententag', 'jour des Présidents', 'Día de los Presidentes', '总统日', '總統日')],
  ['Presidents Day', names('Präsidententag', 'jour des Présidents', 'Día de los Presidentes', '总统日', '總統日')],
  ["President's Day", names('Präsidententag', 'jour des Présidents', 'Día de los Presidentes', '总统日', '總統日')],
  ['Washington-Lincoln Day', names('Washington-Lincoln-Tag', 'jour de Washington et de Lincoln', 'Día de Washington y Lincoln', '华盛顿-林肯纪念日', '華盛頓-林肯紀念日')],
  ["Lincoln's Birthday", names('Lincolns Geburtstag', 'anniversaire de Lincoln', 'Natalicio de Lincoln', '林肯诞辰纪念日', '林肯誕辰紀念日')],
  ['César Chávez Day', names('César-Chávez-Tag', 'journée César Chávez', 'Día de César Chávez', '查维斯纪念日', '查維斯紀念日')],
  ['Frances Xavier Cabrini Day', names('Frances-Xavier-Cabrini-Tag', 'journée Frances Xavier Cabrini', 'Día de Francisca Javier Cabrini', '卡布里尼纪念日', '卡布里尼紀念日')],
  ['Memorial Day', names('Gefallenengedenktag', 'jour du souvenir des soldats tombés', 'Día de los Caídos', '阵亡将士纪念日', '陣亡將士紀念日')],
  ['Juneteenth', names('Juneteenth (Gedenktag der Sklavenbefreiung)', 'Juneteenth (jour de l’émancipation)', 'Juneteenth (Día de la Emancipación)', '六月节', '六月節')],
  ['Independence Day', names('Unabhängigkeitstag', 'fête de l’Indépendance', 'Día de la Independencia', '独立日', '獨立日')],
  ['Columbus Day', names('Kolumbus-Tag', 'jour de Christophe Colomb', 'Día de Colón', '哥伦布日', '哥倫布日')],
  ['Veterans Day', names('Veteranentag', 'journée des anciens combattants', 'Día de los Veteranos', '退伍军人节', '退伍軍人節')],
  ['Election Day', names('Wahltag', 'jour des élections', 'Día de las Elecciones', '选举日', '選舉日')],
  ['Emancipation Day', names('Tag der Sklavenbefreiung', 'jour de l’émancipation', 'Día de la Emancipación', '解放日', '解放日')],
  // The United Kingdom and Ireland.
  ['Early May bank holiday', names('Bankfeiertag Anfang Mai', 'jour férié de début mai', 'festivo de principios de mayo', '五月初银行假日', '五月初銀行假日')],
  ['Early May bank holiday (VE day)', names('Bankfeiertag Anfang Mai (Tag der Befreiung)', 'jour férié de début mai (jour de la Victoire)', 'festivo de principios de mayo (Día de la Victoria)', '五月初银行假日（欧战胜利纪念日）', '五月初銀行假日（歐戰勝利紀念日）')],
  ['Spring bank holiday', names('Bankfeiertag im Frühjahr', 'jour férié de printemps', 'festivo de primavera', '春季银行假日', '春季銀行假日')],
  ['Summer bank holiday', names('Bankfeiertag im Sommer', 'jour férié d’été', 'festivo de verano', '夏季银行假日', '夏季銀行假日')],
  ['January 2nd', names('2. Januar', '2 janvier', '2 de enero', '1月2日', '1月2日')],
  ['St Andrew’s Day', names('Andreastag', 'Saint-André', 'Día de San Andrés', '圣安德鲁日', '聖安德魯日')],
  ['St Patrick’s Day', names('Patrickstag', 'Saint-Patrick', 'Día de San Patricio', '圣帕特里克节', '聖派翠克節')],
  ['St. Patrick’s Day', names('Patrickstag', 'Saint-Patrick', 'Día de San Patricio', '圣帕特里克节', '聖派翠克節')],
  ['St. Brigid’s Day', names('Brigidatag', 'Sainte-Brigitte', 'Día de Santa Brígida', '圣布里吉德节', '聖布里吉德節')],
  ['St. Stephen’s Day', names('Stephanstag', 'Saint-Étienne', 'Día de San Esteban', '圣斯德望节', '聖斯德望節')],
  ['Battle of the Boyne (Orangemen’s Day)', names('Jahrestag der Schlacht am Boyne', 'anniversaire de la bataille de la Boyne', 'aniversario de la batalla del Boyne', '博因河战役纪念日', '博因河戰役紀念日')],
  ['First Monday in May', names('erster Montag im Mai', 'premier lundi de mai', 'primer lunes de mayo', '五月第一个星期一', '五月第一個星期一')],
  ['First Monday in June', names('erster Montag im Juni', 'premier lundi de juin', 'primer lunes de junio', '六月第一个星期一', '六月第一個星期一')],
  ['First Monday in August', names('erster Montag im August', 'premier lundi d’août', 'primer lunes de agosto', '八月第一个星期一', '八月第一個星期一')],
  ['Last Monday in October', names('letzter Montag im Oktober', 'dernier lundi d’octobre', 'último lunes de octubre', '十月最后一个星期一', '十月最後一個星期一')],
  // Australia.
  ['Australia Day', names('Australischer Nationalfeiertag', 'fête nationale australienne', 'Día de Australia', '澳大利亚国庆日', '澳洲國慶日')],
  ['Anzac Day', names('Anzac-Tag', 'journée de l’Anzac', 'Día de Anzac', '澳新军团日', '澳紐軍團日')],
  ["King's Birthday", names('Geburtstag des Königs', 'anniversaire du roi', 'cumpleaños del rey', '国王诞辰', '國王誕辰')],
  ["Queen's Birthday", names('Geburtstag der Königin', 'anniversaire de la reine', 'cumpleaños de la reina', '女王诞辰', '女王誕辰')],
  ['Bank Holiday', names('Bankfeiertag', 'jour férié bancaire', 'festivo bancario', '银行假日', '銀行假日')],
  ['AFL Grand Final Friday', names('Freitag vor dem AFL-Endspiel', 'vendredi de la finale de l’AFL', 'viernes de la final de la AFL', '澳式足球总决赛前周五', '澳式足球總決賽前週五')],
  ['Melbourne Cup', names('Melbourne-Cup-Tag', 'jour de la Melbourne Cup', 'día de la Melbourne Cup', '墨尔本杯赛马日', '墨爾本盃賽馬日')],
  ['Canberra Day', names('Canberra-Tag', 'jour de Canberra', 'Día de Canberra', '堪培拉日', '坎培拉日')],
  ['Reconciliation Day', names('Tag der Versöhnung', 'journée de la réconciliation', 'Día de la Reconciliación', '和解日', '和解日')],
  ['Adelaide Cup Day', names('Adelaide-Cup-Tag', 'jour de l’Adelaide Cup', 'día de la Adelaide Cup', '阿德莱德杯赛马日', '阿德萊德盃賽馬日')],
  ['Proclamation Day', names('Tag der Proklamation', 'jour de la Proclamation', 'Día de la Proclamación', '宣告日', '宣告日')],
  ['Western Australia Day', names('Tag Westaustraliens', 'jour de l’Australie-Occidentale', 'Día de Australia Occidental', '西澳大利亚日', '西澳日')],
  ['Eight Hours Day', names('Tag des Achtstundentags', 'fête de la journée de huit heures', 'Día de las Ocho Horas', '八小时工作制纪念日', '八小時工作制紀念日')],
  ['Picnic Day', names('Picknicktag', 'jour du Pique-nique', 'Día del Pícnic', '野餐日', '野餐日')],
  // Canada (the provinces' own days; the federal ones are in holidays.ts).
  ['Victoria Day', names('Victoriatag', 'fête de Victoria', 'Día de Victoria', '维多利亚日', '維多利亞日')],
  ['Canada Day', names('Kanadatag', 'fête du Canada', 'Día de Canadá', '加拿大日', '加拿大日')],
  ['Remembrance Day', names('Gedenktag für die Kriegstoten', 'jour du Souvenir', 'Día del Recuerdo', '阵亡将士纪念日', '陣亡將士紀念日')],
  ["National Patriots' Day", names('Nationaler Tag der Patrioten', 'Journée nationale des patriotes', 'Día Nacional de los Patriotas', '国家爱国者日', '國家愛國者日')],
  ['CA|Thanksgiving', names('Erntedankfest', 'Action de grâces', 'Día de Acción de Gracias', '感恩节', '感恩節')],
  ['Gold Cup Parade Day', names('Tag der Gold-Cup-Parade', 'jour du défilé de la Gold Cup', 'Día del Desfile de la Gold Cup', '金杯巡游日', '金盃巡遊日')],
  ['CA|National Holiday', names('Nationalfeiertag Québecs', 'fête nationale du Québec', 'Fiesta Nacional de Quebec', '魁北克国庆日', '魁北克國慶日')],
  ['British Columbia Day', names('British-Columbia-Tag', 'jour de la Colombie-Britannique', 'Día de la Columbia Británica', '卑诗省日', '卑詩省日')],
  ['Civic Holiday', names('Bürgerfeiertag', 'congé civique', 'festivo cívico', '公民假日', '公民假日')],
  ['Heritage Day', names('Tag des Kulturerbes', 'jour du Patrimoine', 'Día del Patrimonio', '传统日', '傳統日')],
  ['Louis Riel Day', names('Louis-Riel-Tag', 'journée Louis-Riel', 'Día de Louis Riel', '路易·瑞尔日', '路易·瑞爾日')],
  ['Islander Day', names('Tag der Inselbewohner', 'fête des Insulaires', 'Día de los Isleños', '岛民日', '島民日')],
  ['New Brunswick Day', names('New-Brunswick-Tag', 'jour du Nouveau-Brunswick', 'Día de Nuevo Brunswick', '新不伦瑞克日', '新不倫瑞克日')],
  ['Saskatchewan Day', names('Saskatchewan-Tag', 'jour de la Saskatchewan', 'Día de Saskatchewan', '萨斯喀彻温日', '薩斯喀徹溫日')],
  ['Nunavut Day', names('Nunavut-Tag', 'jour du Nunavut', 'Día de Nunavut', '努纳武特日', '努納武特日')],
  ['National Indigenous Peoples Day', names('Nationaler Tag der indigenen Völker', 'Journée nationale des peuples autochtones', 'Día Nacional de los Pueblos Indígenas', '全国原住民日', '全國原住民日')],
  ['Discovery Day', names('Tag der Entdeckung', 'jour de la Découverte', 'Día del Descubrimiento', '发现日', '發現日')],
])

/** Zh readers of "X (substitute day)": date-holidays writes the English name and its own Chinese for the rest. */
const substitute = / \(substitute day\)$/

/** The replacement for a day with this English name in this country, when Rightful has one. */
function ownNames(country: string, english: string): Names | null {
  if (!englishSpeaking.has(country)) return null
  return table.get(`${country}|${english}`) ?? table.get(english) ?? null
}

const substituteWords: Names = names(' (Ersatztag)', ' (jour de remplacement)', ' (día sustitutivo)', '（补假）', '（補假）')

/**
 * A holiday's names with the English left by the data replaced by Rightful's own words, for a
 * country whose own names are English; the names unchanged otherwise.
 */
export function withOwnNames(country: string, holiday: HolidayNames): HolidayNames {
  const base = holiday.en.replace(substitute, '')
  const own = ownNames(country, base)
  if (!own) return holiday
  const isSubstitute = base !== holiday.en
  const pick = (language: keyof Names): string => {
    const given = holiday[language]
    // Only what the data left in English: the English name itself, or it with a suffix of the data's own.
    if (given !== holiday.en && !(isSubstitute && given.startsWith(base))) return given
    return isSubstitute ? own[language] + substituteWords[language] : own[language]
  }
  return { en: holiday.en, de: pick('de'), fr: pick('fr'), es: pick('es'), zhHans: pick('zhHans'), zhHant: pick('zhHant') }
}
