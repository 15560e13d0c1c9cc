/**
 * Static reference data for the demo after-sales network: one row per country (130 rows).
 *
 * City tuple: [name, lat, lng, IANA zone, phone area prefix (national significant number prefix), postal pattern?]
 * Postal patterns: '#' = random digit, '@' = random upper-case letter, anything else literal.
 * Weekend patterns:
 *  - SAT_SUN  Mon-Fri full days + Saturday morning
 *  - FRI_SAT  Sun-Thu full days (Gulf / North Africa / Levant / IL / BD / MV)
 *  - FRI      Sat-Wed full days + Thursday morning (IR)
 *  - FRI_SUN  Mon-Thu full days + Saturday morning (BN)
 *  - SAT      Sun-Thu full days + Friday morning (NP)
 */

export type WeekendPattern = 'SAT_SUN' | 'FRI_SAT' | 'FRI' | 'FRI_SUN' | 'SAT';

export type CityRow = readonly [name: string, lat: number, lng: number, zone: string, area: string, postal?: string];

export interface CountryRow {
  readonly code: string;
  readonly region: RegionCode;
  /** ITU calling code without '+'. */
  readonly cc: string;
  /** Length of the national significant number (area prefix included). */
  readonly nsn: number;
  readonly weekend: WeekendPattern;
  /** Key into NAME_GROUPS. */
  readonly lang: string;
  /** Dealer outlets (SERVICE_CENTER + FAST_REPAIR_SHOP); HQ / regional centers come on top. */
  readonly outlets: number;
  /** Location jitter in degrees (small for city-states and islands). */
  readonly jitter?: number;
  readonly cities: readonly CityRow[];
}

export type RegionCode = 'CHN' | 'CIS' | 'WEU' | 'MDE' | 'AFR' | 'LAN' | 'LAS' | 'APAC' | 'SAS';

export interface RegionRow {
  readonly code: RegionCode;
  readonly name: string;
  /** Country hosting the REGIONAL_CENTER (located in that country's first city). */
  readonly hub: string;
}

export const REGION_ROWS: readonly RegionRow[] = [
  { code: 'CHN', name: 'Greater China & Mongolia', hub: 'CN' },
  { code: 'CIS', name: 'CIS & Eastern Europe', hub: 'RU' },
  { code: 'WEU', name: 'Western Europe', hub: 'DE' },
  { code: 'MDE', name: 'Middle East', hub: 'AE' },
  { code: 'AFR', name: 'Africa', hub: 'ZA' },
  { code: 'LAN', name: 'Latin America North', hub: 'MX' },
  { code: 'LAS', name: 'Latin America South', hub: 'BR' },
  { code: 'APAC', name: 'Asia-Pacific', hub: 'SG' },
  { code: 'SAS', name: 'South Asia', hub: 'PK' },
];

/** HQ country; the HQ sits in that country's first city. */
export const HQ_COUNTRY = 'CN';

export const COUNTRY_ROWS: readonly CountryRow[] = [
  // ---------------------------------------------------------------- Greater China & Mongolia
  { code: 'CN', region: 'CHN', cc: '86', nsn: 10, weekend: 'SAT_SUN', lang: 'zh', outlets: 260, cities: [
    ['Shanghai', 31.23, 121.47, 'Asia/Shanghai', '21', '2001##'],
    ['Beijing', 39.9, 116.41, 'Asia/Shanghai', '10', '1000##'],
    ['Guangzhou', 23.13, 113.26, 'Asia/Shanghai', '20', '5100##'],
    ['Chengdu', 30.57, 104.07, 'Asia/Shanghai', '28', '6100##'],
  ] },
  { code: 'HK', region: 'CHN', cc: '852', nsn: 8, weekend: 'SAT_SUN', lang: 'yue', outlets: 3, jitter: 0.03, cities: [
    ['Kowloon', 22.32, 114.18, 'Asia/Hong_Kong', '2'],
    ['Tsuen Wan', 22.37, 114.11, 'Asia/Hong_Kong', '2'],
  ] },
  { code: 'MO', region: 'CHN', cc: '853', nsn: 8, weekend: 'SAT_SUN', lang: 'yue', outlets: 1, jitter: 0.01, cities: [
    ['Macau', 22.2, 113.55, 'Asia/Macau', '28'],
  ] },
  { code: 'MN', region: 'CHN', cc: '976', nsn: 8, weekend: 'SAT_SUN', lang: 'mn', outlets: 5, cities: [
    ['Ulaanbaatar', 47.92, 106.92, 'Asia/Ulaanbaatar', '11', '14###'],
    ['Darkhan', 49.49, 105.92, 'Asia/Ulaanbaatar', '137', '45###'],
  ] },
  // ---------------------------------------------------------------- CIS & Eastern Europe
  { code: 'RU', region: 'CIS', cc: '7', nsn: 10, weekend: 'SAT_SUN', lang: 'ru', outlets: 70, cities: [
    ['Moscow', 55.76, 37.62, 'Europe/Moscow', '495', '1#####'],
    ['Saint Petersburg', 59.94, 30.31, 'Europe/Moscow', '812', '19####'],
    ['Novosibirsk', 55.03, 82.92, 'Asia/Novosibirsk', '383', '630###'],
    ['Yekaterinburg', 56.84, 60.61, 'Asia/Yekaterinburg', '343', '620###'],
  ] },
  { code: 'KZ', region: 'CIS', cc: '7', nsn: 10, weekend: 'SAT_SUN', lang: 'ca', outlets: 16, cities: [
    ['Almaty', 43.24, 76.89, 'Asia/Almaty', '727', 'A05@#@#'],
    ['Astana', 51.17, 71.45, 'Asia/Almaty', '7172', 'Z05@#@#'],
    ['Shymkent', 42.34, 69.59, 'Asia/Almaty', '7252', 'X15@#@#'],
    ['Aktobe', 50.28, 57.17, 'Asia/Aqtobe', '7132', 'D00@#@#'],
  ] },
  { code: 'UZ', region: 'CIS', cc: '998', nsn: 9, weekend: 'SAT_SUN', lang: 'ca', outlets: 10, cities: [
    ['Tashkent', 41.3, 69.24, 'Asia/Tashkent', '71', '100###'],
    ['Samarkand', 39.65, 66.96, 'Asia/Samarkand', '66', '140###'],
  ] },
  { code: 'KG', region: 'CIS', cc: '996', nsn: 9, weekend: 'SAT_SUN', lang: 'ca', outlets: 3, cities: [
    ['Bishkek', 42.87, 74.59, 'Asia/Bishkek', '312', '720###'],
  ] },
  { code: 'TJ', region: 'CIS', cc: '992', nsn: 9, weekend: 'SAT_SUN', lang: 'ca', outlets: 2, cities: [
    ['Dushanbe', 38.56, 68.79, 'Asia/Dushanbe', '37', '734###'],
  ] },
  { code: 'TM', region: 'CIS', cc: '993', nsn: 8, weekend: 'SAT_SUN', lang: 'ca', outlets: 1, cities: [
    ['Ashgabat', 37.96, 58.33, 'Asia/Ashgabat', '12', '744###'],
  ] },
  { code: 'AZ', region: 'CIS', cc: '994', nsn: 9, weekend: 'SAT_SUN', lang: 'ca', outlets: 4, cities: [
    ['Baku', 40.41, 49.87, 'Asia/Baku', '12', 'AZ1###'],
  ] },
  { code: 'AM', region: 'CIS', cc: '374', nsn: 8, weekend: 'SAT_SUN', lang: 'hy', outlets: 3, cities: [
    ['Yerevan', 40.18, 44.51, 'Asia/Yerevan', '10', '00##'],
  ] },
  { code: 'GE', region: 'CIS', cc: '995', nsn: 9, weekend: 'SAT_SUN', lang: 'ka', outlets: 3, cities: [
    ['Tbilisi', 41.72, 44.79, 'Asia/Tbilisi', '32', '01##'],
    ['Batumi', 41.64, 41.63, 'Asia/Tbilisi', '422', '60##'],
  ] },
  { code: 'BY', region: 'CIS', cc: '375', nsn: 9, weekend: 'SAT_SUN', lang: 'ru', outlets: 7, cities: [
    ['Minsk', 53.9, 27.56, 'Europe/Minsk', '17', '220###'],
    ['Gomel', 52.43, 30.98, 'Europe/Minsk', '232', '246###'],
    ['Brest', 52.1, 23.73, 'Europe/Minsk', '162', '224###'],
  ] },
  { code: 'MD', region: 'CIS', cc: '373', nsn: 8, weekend: 'SAT_SUN', lang: 'ro', outlets: 1, cities: [
    ['Chisinau', 47.01, 28.86, 'Europe/Chisinau', '22', 'MD-20##'],
  ] },
  { code: 'UA', region: 'CIS', cc: '380', nsn: 9, weekend: 'SAT_SUN', lang: 'uk', outlets: 3, cities: [
    ['Kyiv', 50.45, 30.52, 'Europe/Kyiv', '44', '0####'],
    ['Lviv', 49.84, 24.03, 'Europe/Kyiv', '32', '79###'],
  ] },
  { code: 'PL', region: 'CIS', cc: '48', nsn: 9, weekend: 'SAT_SUN', lang: 'pl', outlets: 4, cities: [
    ['Warsaw', 52.23, 21.01, 'Europe/Warsaw', '22', '0#-###'],
    ['Krakow', 50.06, 19.94, 'Europe/Warsaw', '12', '3#-###'],
    ['Poznan', 52.41, 16.93, 'Europe/Warsaw', '61', '6#-###'],
  ] },
  { code: 'RO', region: 'CIS', cc: '40', nsn: 9, weekend: 'SAT_SUN', lang: 'ro', outlets: 4, cities: [
    ['Bucharest', 44.43, 26.1, 'Europe/Bucharest', '21', '0#####'],
    ['Cluj-Napoca', 46.77, 23.59, 'Europe/Bucharest', '264', '400###'],
  ] },
  { code: 'BG', region: 'CIS', cc: '359', nsn: 8, weekend: 'SAT_SUN', lang: 'bg', outlets: 2, cities: [
    ['Sofia', 42.7, 23.32, 'Europe/Sofia', '2', '1###'],
    ['Plovdiv', 42.14, 24.75, 'Europe/Sofia', '32', '4###'],
  ] },
  { code: 'HU', region: 'CIS', cc: '36', nsn: 8, weekend: 'SAT_SUN', lang: 'hu', outlets: 3, cities: [
    ['Budapest', 47.5, 19.04, 'Europe/Budapest', '1', '1###'],
    ['Debrecen', 47.53, 21.63, 'Europe/Budapest', '52', '40##'],
  ] },
  { code: 'CZ', region: 'CIS', cc: '420', nsn: 9, weekend: 'SAT_SUN', lang: 'cs', outlets: 3, cities: [
    ['Prague', 50.08, 14.44, 'Europe/Prague', '2', '1## ##'],
    ['Brno', 49.2, 16.61, 'Europe/Prague', '5', '6## ##'],
  ] },
  { code: 'SK', region: 'CIS', cc: '421', nsn: 9, weekend: 'SAT_SUN', lang: 'cs', outlets: 2, cities: [
    ['Bratislava', 48.15, 17.11, 'Europe/Bratislava', '2', '8## ##'],
    ['Kosice', 48.72, 21.26, 'Europe/Bratislava', '55', '040 ##'],
  ] },
  { code: 'RS', region: 'CIS', cc: '381', nsn: 9, weekend: 'SAT_SUN', lang: 'yu', outlets: 3, cities: [
    ['Belgrade', 44.79, 20.45, 'Europe/Belgrade', '11', '11###'],
    ['Novi Sad', 45.27, 19.83, 'Europe/Belgrade', '21', '21###'],
  ] },
  { code: 'HR', region: 'CIS', cc: '385', nsn: 9, weekend: 'SAT_SUN', lang: 'yu', outlets: 1, cities: [
    ['Zagreb', 45.81, 15.98, 'Europe/Zagreb', '1', '10###'],
  ] },
  { code: 'SI', region: 'CIS', cc: '386', nsn: 8, weekend: 'SAT_SUN', lang: 'yu', outlets: 1, cities: [
    ['Ljubljana', 46.06, 14.51, 'Europe/Ljubljana', '1', '1###'],
  ] },
  { code: 'BA', region: 'CIS', cc: '387', nsn: 8, weekend: 'SAT_SUN', lang: 'yu', outlets: 1, cities: [
    ['Sarajevo', 43.86, 18.41, 'Europe/Sarajevo', '33', '71###'],
  ] },
  { code: 'MK', region: 'CIS', cc: '389', nsn: 8, weekend: 'SAT_SUN', lang: 'yu', outlets: 1, cities: [
    ['Skopje', 41.99, 21.43, 'Europe/Skopje', '2', '1###'],
  ] },
  { code: 'AL', region: 'CIS', cc: '355', nsn: 8, weekend: 'SAT_SUN', lang: 'sq', outlets: 1, cities: [
    ['Tirana', 41.33, 19.82, 'Europe/Tirane', '4', '10##'],
  ] },
  { code: 'ME', region: 'CIS', cc: '382', nsn: 8, weekend: 'SAT_SUN', lang: 'yu', outlets: 1, cities: [
    ['Podgorica', 42.44, 19.26, 'Europe/Podgorica', '20', '81###'],
  ] },
  { code: 'LT', region: 'CIS', cc: '370', nsn: 8, weekend: 'SAT_SUN', lang: 'balt', outlets: 1, cities: [
    ['Vilnius', 54.69, 25.28, 'Europe/Vilnius', '5', 'LT-0####'],
  ] },
  { code: 'LV', region: 'CIS', cc: '371', nsn: 8, weekend: 'SAT_SUN', lang: 'balt', outlets: 1, cities: [
    ['Riga', 56.95, 24.11, 'Europe/Riga', '67', 'LV-10##'],
  ] },
  { code: 'EE', region: 'CIS', cc: '372', nsn: 7, weekend: 'SAT_SUN', lang: 'balt', outlets: 1, cities: [
    ['Tallinn', 59.44, 24.75, 'Europe/Tallinn', '6', '1####'],
  ] },
  // ---------------------------------------------------------------- Western Europe
  { code: 'GB', region: 'WEU', cc: '44', nsn: 10, weekend: 'SAT_SUN', lang: 'en', outlets: 8, cities: [
    ['London', 51.51, -0.13, 'Europe/London', '20', 'SE# #@@'],
    ['Manchester', 53.48, -2.24, 'Europe/London', '161', 'M## #@@'],
    ['Birmingham', 52.49, -1.89, 'Europe/London', '121', 'B## #@@'],
    ['Glasgow', 55.86, -4.25, 'Europe/London', '141', 'G## #@@'],
  ] },
  { code: 'IE', region: 'WEU', cc: '353', nsn: 8, weekend: 'SAT_SUN', lang: 'ga', outlets: 1, cities: [
    ['Dublin', 53.35, -6.26, 'Europe/Dublin', '1', 'D## @###'],
  ] },
  { code: 'FR', region: 'WEU', cc: '33', nsn: 9, weekend: 'SAT_SUN', lang: 'fr', outlets: 5, cities: [
    ['Paris', 48.86, 2.35, 'Europe/Paris', '1', '750##'],
    ['Lyon', 45.76, 4.84, 'Europe/Paris', '4', '6900#'],
    ['Marseille', 43.3, 5.37, 'Europe/Paris', '4', '130##'],
    ['Toulouse', 43.6, 1.44, 'Europe/Paris', '5', '310##'],
  ] },
  { code: 'DE', region: 'WEU', cc: '49', nsn: 10, weekend: 'SAT_SUN', lang: 'de', outlets: 6, cities: [
    ['Frankfurt', 50.11, 8.68, 'Europe/Berlin', '69', '603##'],
    ['Berlin', 52.52, 13.4, 'Europe/Berlin', '30', '1####'],
    ['Munich', 48.14, 11.58, 'Europe/Berlin', '89', '80###'],
    ['Hamburg', 53.55, 9.99, 'Europe/Berlin', '40', '22###'],
  ] },
  { code: 'NL', region: 'WEU', cc: '31', nsn: 9, weekend: 'SAT_SUN', lang: 'nl', outlets: 3, cities: [
    ['Amsterdam', 52.37, 4.9, 'Europe/Amsterdam', '20', '10## @@'],
    ['Rotterdam', 51.92, 4.48, 'Europe/Amsterdam', '10', '30## @@'],
    ['Utrecht', 52.09, 5.12, 'Europe/Amsterdam', '30', '35## @@'],
  ] },
  { code: 'BE', region: 'WEU', cc: '32', nsn: 8, weekend: 'SAT_SUN', lang: 'fr', outlets: 2, cities: [
    ['Brussels', 50.85, 4.35, 'Europe/Brussels', '2', '1###'],
    ['Antwerp', 51.22, 4.4, 'Europe/Brussels', '3', '2###'],
  ] },
  { code: 'LU', region: 'WEU', cc: '352', nsn: 8, weekend: 'SAT_SUN', lang: 'fr', outlets: 1, jitter: 0.04, cities: [
    ['Luxembourg', 49.61, 6.13, 'Europe/Luxembourg', '4', 'L-1###'],
  ] },
  { code: 'AT', region: 'WEU', cc: '43', nsn: 10, weekend: 'SAT_SUN', lang: 'de', outlets: 2, cities: [
    ['Vienna', 48.21, 16.37, 'Europe/Vienna', '1', '1###'],
    ['Graz', 47.07, 15.44, 'Europe/Vienna', '316', '80##'],
  ] },
  { code: 'CH', region: 'WEU', cc: '41', nsn: 9, weekend: 'SAT_SUN', lang: 'de', outlets: 2, cities: [
    ['Zurich', 47.38, 8.54, 'Europe/Zurich', '44', '80##'],
    ['Geneva', 46.2, 6.14, 'Europe/Zurich', '22', '12##'],
  ] },
  { code: 'IT', region: 'WEU', cc: '39', nsn: 10, weekend: 'SAT_SUN', lang: 'it', outlets: 7, cities: [
    ['Milan', 45.46, 9.19, 'Europe/Rome', '02', '201##'],
    ['Rome', 41.9, 12.5, 'Europe/Rome', '06', '001##'],
    ['Naples', 40.85, 14.27, 'Europe/Rome', '081', '801##'],
    ['Turin', 45.07, 7.69, 'Europe/Rome', '011', '101##'],
  ] },
  { code: 'ES', region: 'WEU', cc: '34', nsn: 9, weekend: 'SAT_SUN', lang: 'es', outlets: 8, cities: [
    ['Madrid', 40.42, -3.7, 'Europe/Madrid', '91', '280##'],
    ['Barcelona', 41.39, 2.17, 'Europe/Madrid', '93', '080##'],
    ['Valencia', 39.47, -0.38, 'Europe/Madrid', '96', '460##'],
    ['Seville', 37.39, -5.98, 'Europe/Madrid', '95', '410##'],
  ] },
  { code: 'PT', region: 'WEU', cc: '351', nsn: 9, weekend: 'SAT_SUN', lang: 'pt', outlets: 2, cities: [
    ['Lisbon', 38.72, -9.14, 'Europe/Lisbon', '21', '1###-###'],
    ['Porto', 41.15, -8.61, 'Europe/Lisbon', '22', '4###-###'],
  ] },
  { code: 'GR', region: 'WEU', cc: '30', nsn: 10, weekend: 'SAT_SUN', lang: 'el', outlets: 3, cities: [
    ['Athens', 37.98, 23.73, 'Europe/Athens', '21', '1## ##'],
    ['Thessaloniki', 40.64, 22.94, 'Europe/Athens', '231', '5## ##'],
  ] },
  { code: 'CY', region: 'WEU', cc: '357', nsn: 8, weekend: 'SAT_SUN', lang: 'el', outlets: 1, cities: [
    ['Nicosia', 35.17, 33.36, 'Asia/Nicosia', '22', '1###'],
    ['Limassol', 34.68, 33.04, 'Asia/Nicosia', '25', '3###'],
  ] },
  { code: 'SE', region: 'WEU', cc: '46', nsn: 9, weekend: 'SAT_SUN', lang: 'nord', outlets: 2, cities: [
    ['Stockholm', 59.33, 18.07, 'Europe/Stockholm', '8', '1## ##'],
    ['Gothenburg', 57.71, 11.97, 'Europe/Stockholm', '31', '4## ##'],
  ] },
  { code: 'NO', region: 'WEU', cc: '47', nsn: 8, weekend: 'SAT_SUN', lang: 'nord', outlets: 3, cities: [
    ['Oslo', 59.91, 10.75, 'Europe/Oslo', '2', '0###'],
    ['Bergen', 60.39, 5.32, 'Europe/Oslo', '5', '5###'],
  ] },
  { code: 'DK', region: 'WEU', cc: '45', nsn: 8, weekend: 'SAT_SUN', lang: 'nord', outlets: 1, cities: [
    ['Copenhagen', 55.68, 12.57, 'Europe/Copenhagen', '3', '2###'],
  ] },
  { code: 'FI', region: 'WEU', cc: '358', nsn: 9, weekend: 'SAT_SUN', lang: 'nord', outlets: 1, cities: [
    ['Helsinki', 60.17, 24.94, 'Europe/Helsinki', '9', '00###'],
  ] },
  { code: 'IS', region: 'WEU', cc: '354', nsn: 7, weekend: 'SAT_SUN', lang: 'nord', outlets: 1, cities: [
    ['Reykjavik', 64.15, -21.94, 'Atlantic/Reykjavik', '5', '1##'],
  ] },
  // ---------------------------------------------------------------- Middle East
  { code: 'SA', region: 'MDE', cc: '966', nsn: 9, weekend: 'FRI_SAT', lang: 'ar', outlets: 22, cities: [
    ['Riyadh', 24.71, 46.68, 'Asia/Riyadh', '11', '1####'],
    ['Jeddah', 21.49, 39.19, 'Asia/Riyadh', '12', '2####'],
    ['Dammam', 26.43, 50.1, 'Asia/Riyadh', '13', '3####'],
    ['Medina', 24.47, 39.61, 'Asia/Riyadh', '14', '4####'],
  ] },
  // The UAE moved to a Saturday-Sunday weekend in January 2022.
  { code: 'AE', region: 'MDE', cc: '971', nsn: 8, weekend: 'SAT_SUN', lang: 'ar', outlets: 12, cities: [
    ['Dubai', 25.2, 55.27, 'Asia/Dubai', '4'],
    ['Abu Dhabi', 24.45, 54.38, 'Asia/Dubai', '2'],
    ['Sharjah', 25.35, 55.42, 'Asia/Dubai', '6'],
  ] },
  { code: 'KW', region: 'MDE', cc: '965', nsn: 8, weekend: 'FRI_SAT', lang: 'ar', outlets: 4, jitter: 0.06, cities: [
    ['Kuwait City', 29.38, 47.99, 'Asia/Kuwait', '2', '1####'],
  ] },
  { code: 'QA', region: 'MDE', cc: '974', nsn: 8, weekend: 'FRI_SAT', lang: 'ar', outlets: 3, jitter: 0.05, cities: [
    ['Doha', 25.29, 51.53, 'Asia/Qatar', '44'],
  ] },
  { code: 'BH', region: 'MDE', cc: '973', nsn: 8, weekend: 'FRI_SAT', lang: 'ar', outlets: 2, jitter: 0.03, cities: [
    ['Manama', 26.23, 50.59, 'Asia/Bahrain', '17'],
  ] },
  { code: 'OM', region: 'MDE', cc: '968', nsn: 8, weekend: 'FRI_SAT', lang: 'ar', outlets: 4, cities: [
    ['Muscat', 23.59, 58.41, 'Asia/Muscat', '24', '1##'],
    ['Sohar', 24.35, 56.71, 'Asia/Muscat', '26', '3##'],
  ] },
  { code: 'JO', region: 'MDE', cc: '962', nsn: 8, weekend: 'FRI_SAT', lang: 'ar', outlets: 4, cities: [
    ['Amman', 31.95, 35.93, 'Asia/Amman', '6', '11###'],
    ['Irbid', 32.56, 35.85, 'Asia/Amman', '2', '21###'],
  ] },
  { code: 'IQ', region: 'MDE', cc: '964', nsn: 8, weekend: 'FRI_SAT', lang: 'ar', outlets: 10, cities: [
    ['Baghdad', 33.32, 44.37, 'Asia/Baghdad', '1', '10###'],
    ['Basra', 30.51, 47.78, 'Asia/Baghdad', '40', '61###'],
    ['Erbil', 36.19, 44.01, 'Asia/Baghdad', '66', '44###'],
  ] },
  { code: 'LB', region: 'MDE', cc: '961', nsn: 7, weekend: 'SAT_SUN', lang: 'ar', outlets: 3, cities: [
    ['Beirut', 33.89, 35.5, 'Asia/Beirut', '1', '1### ####'],
  ] },
  { code: 'IR', region: 'MDE', cc: '98', nsn: 10, weekend: 'FRI', lang: 'fa', outlets: 14, cities: [
    ['Tehran', 35.69, 51.39, 'Asia/Tehran', '21', '1####-#####'],
    ['Mashhad', 36.3, 59.6, 'Asia/Tehran', '51', '9####-#####'],
    ['Isfahan', 32.65, 51.67, 'Asia/Tehran', '31', '8####-#####'],
    ['Tabriz', 38.08, 46.29, 'Asia/Tehran', '41', '5####-#####'],
  ] },
  { code: 'TR', region: 'MDE', cc: '90', nsn: 10, weekend: 'SAT_SUN', lang: 'tr', outlets: 12, cities: [
    ['Istanbul', 41.01, 28.98, 'Europe/Istanbul', '212', '34###'],
    ['Ankara', 39.93, 32.86, 'Europe/Istanbul', '312', '06###'],
    ['Izmir', 38.42, 27.14, 'Europe/Istanbul', '232', '35###'],
    ['Bursa', 40.19, 29.06, 'Europe/Istanbul', '224', '16###'],
  ] },
  { code: 'IL', region: 'MDE', cc: '972', nsn: 8, weekend: 'FRI_SAT', lang: 'he', outlets: 4, cities: [
    ['Tel Aviv', 32.09, 34.78, 'Asia/Jerusalem', '3', '6######'],
    ['Haifa', 32.79, 34.99, 'Asia/Jerusalem', '4', '3######'],
  ] },
  // ---------------------------------------------------------------- Africa
  { code: 'EG', region: 'AFR', cc: '20', nsn: 9, weekend: 'FRI_SAT', lang: 'eg', outlets: 16, cities: [
    ['Cairo', 30.04, 31.24, 'Africa/Cairo', '2', '11###'],
    ['Alexandria', 31.2, 29.92, 'Africa/Cairo', '3', '21###'],
    ['Giza', 30.01, 31.21, 'Africa/Cairo', '2', '12###'],
  ] },
  { code: 'LY', region: 'AFR', cc: '218', nsn: 9, weekend: 'FRI_SAT', lang: 'mg', outlets: 3, cities: [
    ['Tripoli', 32.89, 13.19, 'Africa/Tripoli', '21'],
    ['Benghazi', 32.12, 20.09, 'Africa/Tripoli', '61'],
  ] },
  { code: 'TN', region: 'AFR', cc: '216', nsn: 8, weekend: 'SAT_SUN', lang: 'mg', outlets: 4, cities: [
    ['Tunis', 36.81, 10.18, 'Africa/Tunis', '71', '10##'],
    ['Sfax', 34.74, 10.76, 'Africa/Tunis', '74', '30##'],
  ] },
  { code: 'DZ', region: 'AFR', cc: '213', nsn: 8, weekend: 'FRI_SAT', lang: 'mg', outlets: 10, cities: [
    ['Algiers', 36.75, 3.06, 'Africa/Algiers', '21', '16###'],
    ['Oran', 35.7, -0.63, 'Africa/Algiers', '41', '31###'],
    ['Constantine', 36.37, 6.61, 'Africa/Algiers', '31', '25###'],
  ] },
  { code: 'MA', region: 'AFR', cc: '212', nsn: 9, weekend: 'SAT_SUN', lang: 'mg', outlets: 7, cities: [
    ['Casablanca', 33.57, -7.59, 'Africa/Casablanca', '522', '20###'],
    ['Rabat', 34.02, -6.84, 'Africa/Casablanca', '537', '10###'],
    ['Marrakesh', 31.63, -8.01, 'Africa/Casablanca', '524', '40###'],
    ['Tangier', 35.76, -5.83, 'Africa/Casablanca', '539', '90###'],
  ] },
  { code: 'SD', region: 'AFR', cc: '249', nsn: 9, weekend: 'FRI_SAT', lang: 'ar', outlets: 2, cities: [
    ['Khartoum', 15.5, 32.56, 'Africa/Khartoum', '183', '11###'],
  ] },
  { code: 'ET', region: 'AFR', cc: '251', nsn: 9, weekend: 'SAT_SUN', lang: 'am', outlets: 3, cities: [
    ['Addis Ababa', 9.03, 38.74, 'Africa/Addis_Ababa', '11', '1000'],
  ] },
  { code: 'KE', region: 'AFR', cc: '254', nsn: 9, weekend: 'SAT_SUN', lang: 'eaf', outlets: 4, cities: [
    ['Nairobi', -1.29, 36.82, 'Africa/Nairobi', '20', '00###'],
    ['Mombasa', -4.04, 39.67, 'Africa/Nairobi', '41', '80###'],
  ] },
  { code: 'TZ', region: 'AFR', cc: '255', nsn: 9, weekend: 'SAT_SUN', lang: 'eaf', outlets: 3, cities: [
    ['Dar es Salaam', -6.79, 39.21, 'Africa/Dar_es_Salaam', '22', '1####'],
    ['Arusha', -3.39, 36.68, 'Africa/Dar_es_Salaam', '27', '23###'],
  ] },
  { code: 'UG', region: 'AFR', cc: '256', nsn: 9, weekend: 'SAT_SUN', lang: 'eaf', outlets: 2, cities: [
    ['Kampala', 0.35, 32.58, 'Africa/Kampala', '41'],
  ] },
  { code: 'RW', region: 'AFR', cc: '250', nsn: 9, weekend: 'SAT_SUN', lang: 'eaf', outlets: 1, cities: [
    ['Kigali', -1.94, 30.06, 'Africa/Kigali', '252'],
  ] },
  { code: 'NG', region: 'AFR', cc: '234', nsn: 8, weekend: 'SAT_SUN', lang: 'waf', outlets: 7, cities: [
    ['Lagos', 6.52, 3.38, 'Africa/Lagos', '1', '100###'],
    ['Abuja', 9.08, 7.4, 'Africa/Lagos', '9', '900###'],
    ['Port Harcourt', 4.82, 7.03, 'Africa/Lagos', '84', '500###'],
  ] },
  { code: 'GH', region: 'AFR', cc: '233', nsn: 9, weekend: 'SAT_SUN', lang: 'waf', outlets: 3, cities: [
    ['Accra', 5.6, -0.19, 'Africa/Accra', '30', 'GA-###-####'],
    ['Kumasi', 6.69, -1.62, 'Africa/Accra', '32', 'AK-###-####'],
  ] },
  { code: 'CI', region: 'AFR', cc: '225', nsn: 10, weekend: 'SAT_SUN', lang: 'faf', outlets: 2, cities: [
    ['Abidjan', 5.36, -4.01, 'Africa/Abidjan', '2722'],
  ] },
  { code: 'SN', region: 'AFR', cc: '221', nsn: 9, weekend: 'SAT_SUN', lang: 'faf', outlets: 2, cities: [
    ['Dakar', 14.72, -17.45, 'Africa/Dakar', '33', '1####'],
  ] },
  { code: 'CM', region: 'AFR', cc: '237', nsn: 9, weekend: 'SAT_SUN', lang: 'faf', outlets: 2, cities: [
    ['Douala', 4.05, 9.77, 'Africa/Douala', '233'],
    ['Yaounde', 3.85, 11.5, 'Africa/Douala', '222'],
  ] },
  { code: 'AO', region: 'AFR', cc: '244', nsn: 9, weekend: 'SAT_SUN', lang: 'pt', outlets: 3, cities: [
    ['Luanda', -8.84, 13.23, 'Africa/Luanda', '222'],
  ] },
  { code: 'ZA', region: 'AFR', cc: '27', nsn: 9, weekend: 'SAT_SUN', lang: 'saf', outlets: 16, cities: [
    ['Johannesburg', -26.2, 28.05, 'Africa/Johannesburg', '11', '2###'],
    ['Cape Town', -33.92, 18.42, 'Africa/Johannesburg', '21', '8###'],
    ['Durban', -29.86, 31.03, 'Africa/Johannesburg', '31', '40##'],
    ['Pretoria', -25.75, 28.19, 'Africa/Johannesburg', '12', '0###'],
  ] },
  { code: 'NA', region: 'AFR', cc: '264', nsn: 9, weekend: 'SAT_SUN', lang: 'saf', outlets: 1, cities: [
    ['Windhoek', -22.56, 17.08, 'Africa/Windhoek', '61', '9000'],
  ] },
  { code: 'BW', region: 'AFR', cc: '267', nsn: 7, weekend: 'SAT_SUN', lang: 'saf', outlets: 1, cities: [
    ['Gaborone', -24.63, 25.92, 'Africa/Gaborone', '3'],
  ] },
  { code: 'ZW', region: 'AFR', cc: '263', nsn: 9, weekend: 'SAT_SUN', lang: 'saf', outlets: 1, cities: [
    ['Harare', -17.83, 31.05, 'Africa/Harare', '242'],
  ] },
  { code: 'ZM', region: 'AFR', cc: '260', nsn: 9, weekend: 'SAT_SUN', lang: 'saf', outlets: 1, cities: [
    ['Lusaka', -15.39, 28.32, 'Africa/Lusaka', '211', '10101'],
  ] },
  { code: 'MZ', region: 'AFR', cc: '258', nsn: 8, weekend: 'SAT_SUN', lang: 'pt', outlets: 1, cities: [
    ['Maputo', -25.97, 32.57, 'Africa/Maputo', '21', '11##'],
  ] },
  { code: 'MU', region: 'AFR', cc: '230', nsn: 7, weekend: 'SAT_SUN', lang: 'fr', outlets: 1, jitter: 0.03, cities: [
    ['Port Louis', -20.16, 57.5, 'Indian/Mauritius', '2', '11###'],
  ] },
  // ---------------------------------------------------------------- Latin America North
  { code: 'MX', region: 'LAN', cc: '52', nsn: 10, weekend: 'SAT_SUN', lang: 'es', outlets: 30, cities: [
    ['Mexico City', 19.43, -99.13, 'America/Mexico_City', '55', '0####'],
    ['Guadalajara', 20.67, -103.35, 'America/Mexico_City', '33', '44###'],
    ['Monterrey', 25.69, -100.32, 'America/Monterrey', '81', '64###'],
    ['Tijuana', 32.51, -117.04, 'America/Tijuana', '664', '22###'],
  ] },
  { code: 'GT', region: 'LAN', cc: '502', nsn: 8, weekend: 'SAT_SUN', lang: 'es', outlets: 3, cities: [
    ['Guatemala City', 14.63, -90.51, 'America/Guatemala', '2', '010##'],
  ] },
  { code: 'SV', region: 'LAN', cc: '503', nsn: 8, weekend: 'SAT_SUN', lang: 'es', outlets: 2, cities: [
    ['San Salvador', 13.69, -89.22, 'America/El_Salvador', '22', 'CP 11##'],
  ] },
  { code: 'HN', region: 'LAN', cc: '504', nsn: 8, weekend: 'SAT_SUN', lang: 'es', outlets: 2, cities: [
    ['Tegucigalpa', 14.07, -87.19, 'America/Tegucigalpa', '22', '11###'],
    ['San Pedro Sula', 15.5, -88.03, 'America/Tegucigalpa', '25', '21###'],
  ] },
  { code: 'NI', region: 'LAN', cc: '505', nsn: 8, weekend: 'SAT_SUN', lang: 'es', outlets: 1, cities: [
    ['Managua', 12.11, -86.24, 'America/Managua', '22', '1####'],
  ] },
  { code: 'CR', region: 'LAN', cc: '506', nsn: 8, weekend: 'SAT_SUN', lang: 'es', outlets: 3, cities: [
    ['San Jose', 9.93, -84.08, 'America/Costa_Rica', '22', '10###'],
  ] },
  { code: 'PA', region: 'LAN', cc: '507', nsn: 7, weekend: 'SAT_SUN', lang: 'es', outlets: 3, cities: [
    ['Panama City', 8.98, -79.52, 'America/Panama', '2', '08##'],
  ] },
  { code: 'DO', region: 'LAN', cc: '1', nsn: 10, weekend: 'SAT_SUN', lang: 'es', outlets: 4, cities: [
    ['Santo Domingo', 18.49, -69.93, 'America/Santo_Domingo', '809', '10###'],
    ['Santiago de los Caballeros', 19.45, -70.69, 'America/Santo_Domingo', '809', '51###'],
  ] },
  { code: 'JM', region: 'LAN', cc: '1', nsn: 10, weekend: 'SAT_SUN', lang: 'en', outlets: 1, cities: [
    ['Kingston', 18.02, -76.8, 'America/Jamaica', '876', 'KN##'],
  ] },
  { code: 'TT', region: 'LAN', cc: '1', nsn: 10, weekend: 'SAT_SUN', lang: 'en', outlets: 1, jitter: 0.05, cities: [
    ['Port of Spain', 10.65, -61.51, 'America/Port_of_Spain', '868', '1####'],
  ] },
  { code: 'CO', region: 'LAN', cc: '57', nsn: 10, weekend: 'SAT_SUN', lang: 'es', outlets: 10, cities: [
    ['Bogota', 4.71, -74.07, 'America/Bogota', '601', '110###'],
    ['Medellin', 6.24, -75.58, 'America/Bogota', '604', '050###'],
    ['Cali', 3.45, -76.53, 'America/Bogota', '602', '760###'],
    ['Barranquilla', 10.96, -74.8, 'America/Bogota', '605', '080###'],
  ] },
  { code: 'VE', region: 'LAN', cc: '58', nsn: 10, weekend: 'SAT_SUN', lang: 'es', outlets: 4, cities: [
    ['Caracas', 10.48, -66.9, 'America/Caracas', '212', '10##'],
    ['Maracaibo', 10.65, -71.64, 'America/Caracas', '261', '40##'],
    ['Valencia', 10.16, -68.0, 'America/Caracas', '241', '20##'],
  ] },
  { code: 'EC', region: 'LAN', cc: '593', nsn: 8, weekend: 'SAT_SUN', lang: 'es', outlets: 7, cities: [
    ['Quito', -0.18, -78.47, 'America/Guayaquil', '2', '170###'],
    ['Guayaquil', -2.17, -79.92, 'America/Guayaquil', '4', '090###'],
  ] },
  { code: 'GY', region: 'LAN', cc: '592', nsn: 7, weekend: 'SAT_SUN', lang: 'en', outlets: 1, cities: [
    ['Georgetown', 6.8, -58.16, 'America/Guyana', '22'],
  ] },
  // ---------------------------------------------------------------- Latin America South
  { code: 'BR', region: 'LAS', cc: '55', nsn: 10, weekend: 'SAT_SUN', lang: 'pt', outlets: 32, cities: [
    ['São Paulo', -23.55, -46.63, 'America/Sao_Paulo', '11', '0####-###'],
    ['Rio de Janeiro', -22.91, -43.17, 'America/Sao_Paulo', '21', '2####-###'],
    ['Belo Horizonte', -19.92, -43.94, 'America/Sao_Paulo', '31', '3####-###'],
    ['Manaus', -3.12, -60.02, 'America/Manaus', '92', '690##-###'],
  ] },
  { code: 'AR', region: 'LAS', cc: '54', nsn: 10, weekend: 'SAT_SUN', lang: 'es', outlets: 9, cities: [
    ['Buenos Aires', -34.6, -58.38, 'America/Argentina/Buenos_Aires', '11', 'C1###@@@'],
    ['Cordoba', -31.42, -64.18, 'America/Argentina/Cordoba', '351', 'X5###@@@'],
    ['Rosario', -32.95, -60.64, 'America/Argentina/Cordoba', '341', 'S2###@@@'],
    ['Mendoza', -32.89, -68.83, 'America/Argentina/Mendoza', '261', 'M55##@@@'],
  ] },
  { code: 'CL', region: 'LAS', cc: '56', nsn: 9, weekend: 'SAT_SUN', lang: 'es', outlets: 22, cities: [
    ['Santiago', -33.45, -70.67, 'America/Santiago', '2', '8######'],
    ['Valparaiso', -33.05, -71.62, 'America/Santiago', '32', '23#####'],
    ['Concepcion', -36.83, -73.05, 'America/Santiago', '41', '40#####'],
    ['Antofagasta', -23.65, -70.4, 'America/Santiago', '55', '12#####'],
  ] },
  { code: 'PE', region: 'LAS', cc: '51', nsn: 8, weekend: 'SAT_SUN', lang: 'es', outlets: 16, cities: [
    ['Lima', -12.05, -77.04, 'America/Lima', '1', '15###'],
    ['Arequipa', -16.41, -71.54, 'America/Lima', '54', '04###'],
    ['Trujillo', -8.11, -79.03, 'America/Lima', '44', '13###'],
  ] },
  { code: 'BO', region: 'LAS', cc: '591', nsn: 8, weekend: 'SAT_SUN', lang: 'es', outlets: 4, cities: [
    ['Santa Cruz de la Sierra', -17.78, -63.18, 'America/La_Paz', '3'],
    ['La Paz', -16.5, -68.15, 'America/La_Paz', '2'],
  ] },
  { code: 'PY', region: 'LAS', cc: '595', nsn: 9, weekend: 'SAT_SUN', lang: 'es', outlets: 4, cities: [
    ['Asuncion', -25.26, -57.58, 'America/Asuncion', '21', '1###'],
  ] },
  { code: 'UY', region: 'LAS', cc: '598', nsn: 8, weekend: 'SAT_SUN', lang: 'es', outlets: 4, cities: [
    ['Montevideo', -34.9, -56.16, 'America/Montevideo', '2', '11###'],
  ] },
  // ---------------------------------------------------------------- Asia-Pacific
  { code: 'AU', region: 'APAC', cc: '61', nsn: 9, weekend: 'SAT_SUN', lang: 'en', outlets: 16, cities: [
    ['Sydney', -33.87, 151.21, 'Australia/Sydney', '2', '2###'],
    ['Melbourne', -37.81, 144.96, 'Australia/Melbourne', '3', '3###'],
    ['Brisbane', -27.47, 153.03, 'Australia/Brisbane', '7', '4###'],
    ['Perth', -31.95, 115.86, 'Australia/Perth', '8', '6###'],
  ] },
  { code: 'NZ', region: 'APAC', cc: '64', nsn: 8, weekend: 'SAT_SUN', lang: 'en', outlets: 4, cities: [
    ['Auckland', -36.85, 174.76, 'Pacific/Auckland', '9', '10##'],
    ['Christchurch', -43.53, 172.64, 'Pacific/Auckland', '3', '80##'],
  ] },
  { code: 'ID', region: 'APAC', cc: '62', nsn: 10, weekend: 'SAT_SUN', lang: 'id', outlets: 13, cities: [
    ['Jakarta', -6.21, 106.85, 'Asia/Jakarta', '21', '1####'],
    ['Surabaya', -7.25, 112.75, 'Asia/Jakarta', '31', '60###'],
    ['Medan', 3.6, 98.67, 'Asia/Jakarta', '61', '20###'],
    ['Makassar', -5.15, 119.43, 'Asia/Makassar', '411', '90###'],
  ] },
  { code: 'MY', region: 'APAC', cc: '60', nsn: 9, weekend: 'SAT_SUN', lang: 'ms', outlets: 10, cities: [
    ['Kuala Lumpur', 3.14, 101.69, 'Asia/Kuala_Lumpur', '3', '5####'],
    ['George Town', 5.41, 100.34, 'Asia/Kuala_Lumpur', '4', '10###'],
    ['Johor Bahru', 1.49, 103.74, 'Asia/Kuala_Lumpur', '7', '80###'],
    ['Kuching', 1.55, 110.34, 'Asia/Kuching', '82', '93###'],
  ] },
  { code: 'SG', region: 'APAC', cc: '65', nsn: 8, weekend: 'SAT_SUN', lang: 'sg', outlets: 2, jitter: 0.05, cities: [
    ['Singapore', 1.35, 103.82, 'Asia/Singapore', '6', '######'],
  ] },
  { code: 'TH', region: 'APAC', cc: '66', nsn: 8, weekend: 'SAT_SUN', lang: 'th', outlets: 9, cities: [
    ['Bangkok', 13.76, 100.5, 'Asia/Bangkok', '2', '10###'],
    ['Chiang Mai', 18.79, 98.98, 'Asia/Bangkok', '53', '50###'],
    ['Khon Kaen', 16.43, 102.83, 'Asia/Bangkok', '43', '40###'],
    ['Chonburi', 13.36, 100.98, 'Asia/Bangkok', '38', '20###'],
  ] },
  { code: 'VN', region: 'APAC', cc: '84', nsn: 10, weekend: 'SAT_SUN', lang: 'vi', outlets: 6, cities: [
    ['Ho Chi Minh City', 10.82, 106.63, 'Asia/Ho_Chi_Minh', '28', '70####'],
    ['Hanoi', 21.03, 105.85, 'Asia/Ho_Chi_Minh', '24', '10####'],
    ['Da Nang', 16.05, 108.2, 'Asia/Ho_Chi_Minh', '236', '55####'],
  ] },
  { code: 'PH', region: 'APAC', cc: '63', nsn: 9, weekend: 'SAT_SUN', lang: 'tl', outlets: 9, cities: [
    ['Manila', 14.6, 120.98, 'Asia/Manila', '2', '1###'],
    ['Cebu City', 10.32, 123.89, 'Asia/Manila', '32', '6000'],
    ['Davao City', 7.19, 125.46, 'Asia/Manila', '82', '8000'],
  ] },
  { code: 'KH', region: 'APAC', cc: '855', nsn: 8, weekend: 'SAT_SUN', lang: 'km', outlets: 2, cities: [
    ['Phnom Penh', 11.56, 104.93, 'Asia/Phnom_Penh', '23', '12###'],
  ] },
  { code: 'LA', region: 'APAC', cc: '856', nsn: 8, weekend: 'SAT_SUN', lang: 'lo', outlets: 1, cities: [
    ['Vientiane', 17.97, 102.63, 'Asia/Vientiane', '21', '01###'],
  ] },
  { code: 'MM', region: 'APAC', cc: '95', nsn: 8, weekend: 'SAT_SUN', lang: 'my', outlets: 2, cities: [
    ['Yangon', 16.87, 96.2, 'Asia/Yangon', '1', '11###'],
  ] },
  { code: 'BN', region: 'APAC', cc: '673', nsn: 7, weekend: 'FRI_SUN', lang: 'ms', outlets: 1, jitter: 0.03, cities: [
    ['Bandar Seri Begawan', 4.9, 114.94, 'Asia/Brunei', '2', 'BS####'],
  ] },
  { code: 'KR', region: 'APAC', cc: '82', nsn: 9, weekend: 'SAT_SUN', lang: 'ko', outlets: 1, cities: [
    ['Seoul', 37.57, 126.98, 'Asia/Seoul', '2', '0####'],
  ] },
  { code: 'JP', region: 'APAC', cc: '81', nsn: 9, weekend: 'SAT_SUN', lang: 'ja', outlets: 1, cities: [
    ['Tokyo', 35.68, 139.69, 'Asia/Tokyo', '3', '1##-####'],
    ['Osaka', 34.69, 135.5, 'Asia/Tokyo', '6', '5##-####'],
  ] },
  { code: 'FJ', region: 'APAC', cc: '679', nsn: 7, weekend: 'SAT_SUN', lang: 'en', outlets: 1, jitter: 0.03, cities: [
    ['Suva', -18.14, 178.44, 'Pacific/Fiji', '3'],
  ] },
  { code: 'PG', region: 'APAC', cc: '675', nsn: 7, weekend: 'SAT_SUN', lang: 'en', outlets: 1, jitter: 0.04, cities: [
    ['Port Moresby', -9.44, 147.18, 'Pacific/Port_Moresby', '3', '111'],
    ['Lae', -6.72, 146.99, 'Pacific/Port_Moresby', '47', '411'],
  ] },
  // ---------------------------------------------------------------- South Asia
  { code: 'PK', region: 'SAS', cc: '92', nsn: 10, weekend: 'SAT_SUN', lang: 'ur', outlets: 10, cities: [
    ['Karachi', 24.86, 67.01, 'Asia/Karachi', '21', '74###'],
    ['Lahore', 31.55, 74.34, 'Asia/Karachi', '42', '54###'],
    ['Islamabad', 33.68, 73.05, 'Asia/Karachi', '51', '44###'],
    ['Faisalabad', 31.42, 73.08, 'Asia/Karachi', '41', '38###'],
  ] },
  { code: 'IN', region: 'SAS', cc: '91', nsn: 10, weekend: 'SAT_SUN', lang: 'hi', outlets: 4, cities: [
    ['New Delhi', 28.61, 77.21, 'Asia/Kolkata', '11', '110###'],
    ['Mumbai', 19.08, 72.88, 'Asia/Kolkata', '22', '400###'],
    ['Bengaluru', 12.97, 77.59, 'Asia/Kolkata', '80', '560###'],
    ['Chennai', 13.08, 80.27, 'Asia/Kolkata', '44', '600###'],
  ] },
  { code: 'BD', region: 'SAS', cc: '880', nsn: 9, weekend: 'FRI_SAT', lang: 'bn', outlets: 3, cities: [
    ['Dhaka', 23.81, 90.41, 'Asia/Dhaka', '2', '12##'],
    ['Chittagong', 22.36, 91.78, 'Asia/Dhaka', '31', '41##'],
  ] },
  { code: 'LK', region: 'SAS', cc: '94', nsn: 9, weekend: 'SAT_SUN', lang: 'si', outlets: 3, cities: [
    ['Colombo', 6.93, 79.86, 'Asia/Colombo', '11', '00###'],
    ['Kandy', 7.29, 80.63, 'Asia/Colombo', '81', '20###'],
  ] },
  { code: 'NP', region: 'SAS', cc: '977', nsn: 8, weekend: 'SAT', lang: 'ne', outlets: 2, cities: [
    ['Kathmandu', 27.72, 85.32, 'Asia/Kathmandu', '1', '44###'],
  ] },
  { code: 'MV', region: 'SAS', cc: '960', nsn: 7, weekend: 'FRI_SAT', lang: 'dv', outlets: 1, jitter: 0.005, cities: [
    ['Male', 4.175, 73.509, 'Indian/Maldives', '3', '20###'],
  ] },
];
