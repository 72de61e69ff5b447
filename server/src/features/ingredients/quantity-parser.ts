/**
 * Text clean-up and number reading for ingredient lines: unicode and HTML fractions, dashes,
 * integers, decimals (also "1,5"), fractions, mixed numbers ("1 1/2", "1-1/2", "1½") and number words.
 */

const unicodeFractions: Record<string, string> = {
  '½': '1/2',
  '⅓': '1/3',
  '⅔': '2/3',
  '¼': '1/4',
  '¾': '3/4',
  '⅕': '1/5',
  '⅖': '2/5',
  '⅗': '3/5',
  '⅘': '4/5',
  '⅙': '1/6',
  '⅚': '5/6',
  '⅛': '1/8',
  '⅜': '3/8',
  '⅝': '5/8',
  '⅞': '7/8',
  '⅐': '1/7',
  '⅑': '1/9',
  '⅒': '1/10',
};

const htmlEntities: Record<string, string> = {
  '&frac12;': '½',
  '&frac14;': '¼',
  '&frac34;': '¾',
  '&frac13;': '⅓',
  '&frac23;': '⅔',
  '&frac18;': '⅛',
  '&amp;': '&',
  '&nbsp;': ' ',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
};

const unicodeFractionPattern = new RegExp(`(\\d?)([${Object.keys(unicodeFractions).join('')}])`, 'g');

/**
 * One spelling for everything the tokenizer cares about: HTML entities decoded, unicode fractions as
 * "1/2" (separated from a preceding digit: "1½" → "1 1/2"), the fraction slash as "/", dashes as "-",
 * curly quotes straight, whitespace collapsed.
 */
export function normalizeIngredientText(text: string): string {
  return text
    .replace(/&(?:frac\d\d|amp|nbsp|quot|#39|apos);/g, (entity) => htmlEntities[entity] ?? entity)
    .replace(unicodeFractionPattern, (_match, digit: string, fraction: string) => `${digit ? `${digit} ` : ''}${unicodeFractions[fraction] ?? fraction}`)
    .replace(/(\d)\s*\u2044\s*(\d)/g, '$1/$2')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** A number as written in one token: "2", "1.5", ".5", "1,5", "1,000", "3/4". Null if it is not one. */
export function parseNumber(token: string): number | null {
  if (/^\d+\/\d+$/.test(token)) {
    const [top, bottom] = token.split('/').map(Number) as [number, number];
    return bottom === 0 ? null : top / bottom;
  }
  if (/^\d{1,3}(,\d{3})+$/.test(token)) return Number(token.replaceAll(',', ''));
  if (/^\d*,\d{1,2}$/.test(token)) return Number(token.replace(',', '.'));
  if (/^(\d+\.?\d*|\.\d+)$/.test(token)) return Number(token);
  return null;
}

/** True for "1/2", "3/4": a proper fraction that may follow a whole number ("1 1/2"). */
export function isProperFraction(token: string): boolean {
  const value = /^\d+\/\d+$/.test(token) ? parseNumber(token) : null;
  return value !== null && value < 1;
}

export const numberWords: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  half: 0.5,
  quarter: 0.25,
  third: 1 / 3,
  couple: 2,
};
