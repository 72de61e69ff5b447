/**
 * Derives the everyday name of an SR28 food from its long description, which USDA writes
 * head-first: "Onions, raw" → "onion", "Oil, olive, salad or cooking" → "olive oil",
 * "Spices, pepper, black" → "black pepper", "Chicken, broilers or fryers, breast, meat only, raw"
 * → "chicken breast". The hand-written table (curated-foods.ts) corrects the common foods this
 * cannot get right ("Egg, whole, raw, fresh" → "egg").
 */

/** Heads that only say which kind of food follows: the food is named by the next segment. */
const categoryHeads = new Set([
  'spices', 'nuts', 'seeds', 'fish', 'mollusks', 'crustaceans', 'game meat', 'beverages', 'snacks', 'candies', 'leavening agents',
  'seaweed', 'sweeteners', 'desserts', 'usda commodity', 'alcoholic beverage', 'salad dressing', 'frozen novelties', 'toppings',
  'formulated bar', 'meal replacement', 'vegetarian foods', 'luncheon meat', 'dessert', 'cereals', 'tomato products', 'pork products',
]);

/** Heads written after their variety: "Cheese, cheddar" → "cheddar cheese", "Beans, black" → "black bean". */
const headWords: Record<string, string> = {
  'wheat flour': 'flour',
  'wheat flours': 'flour',
  'ice creams': 'ice cream',
};

/** Meats named with their cut: "Pork, fresh, loin, tenderloin…" → "pork tenderloin". */
const meatHeads = new Set(['beef', 'pork', 'lamb', 'veal', 'chicken', 'turkey', 'duck', 'goose', 'goat', 'rabbit', 'bison']);
const meatCuts = [
  'breast', 'thigh', 'wing', 'drumstick', 'leg', 'back', 'liver', 'heart', 'gizzard', 'giblets', 'neck', 'tenderloin', 'loin', 'shoulder',
  'belly', 'spareribs', 'short ribs', 'back ribs', 'ribs', 'rib', 'chop', 'brisket', 'chuck', 'flank', 'sirloin', 'round', 'shank',
  'tongue', 'oxtails', 'tail', 'skirt steak', 'rump', 'cheeks', 'hocks', 'feet', 'kidneys', 'ham', 'bacon', 'tripe', 'sweetbreads',
];

/** Words that make a segment a state or a process ("raw", "cooked, boiled") rather than a variety. */
const stateWords = new Set(
  `raw fresh cooked boiled drained baked broiled roasted fried pan braised stewed simmered grilled steamed microwaved sauteed heated
  unheated toasted blanched canned frozen dried dehydrated freeze unprepared prepared ready to serve drink eat cook made from recipe with
  without salt added water solids liquids and or all types type varieties variety commercial commercially mixed species year round average
  enriched unenriched fortified unfortified regular plain whole ground chopped sliced diced shredded grated peeled unpeeled skin flesh seeds
  mature immature pods meat only separable lean fat trimmed composite cuts retail includes excluding refuse bone boneless skinless
  unsalted salted fluid dry mix powder pasteurized ultrapasteurized low reduced nonfat free lite sweetened unsweetened vitamin calcium
  bleached unbleached degermed instant quick nfs domestic imported wild farmed in of the a as purchased pack packed solid form
  syrup juice heavy light extra style home commodity usda ns not further specified sodium calorie diet content no table`
    .split(/\s+/)
    .filter(Boolean),
);

/** Splits a long description at the commas outside parentheses and drops the parenthesised text. */
export function descriptionSegments(longDescription: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of longDescription) {
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      segments.push(current);
      current = '';
    } else if (depth === 0) current += char;
  }
  segments.push(current);
  return segments.map((segment) => segment.replace(/\s+/g, ' ').trim()).filter((segment) => segment !== '');
}

const lower = (text: string) => text.toLowerCase().replace(/[^a-z0-9%'/ -]+/g, ' ').replace(/-/g, ' ').replace(/\s+/g, ' ').trim();

/** Capitalised words in SR28 descriptions that are not brands. */
const notBrands = new Set(['USDA', 'NFS', 'BBQ', 'NFSMI', 'NLEA', 'DHA', 'ARA', 'MSG', 'II', 'III', 'LS', 'HCL', 'UHT', 'DV']);

/** A brand is written in capitals ("KELLOGG'S", "McDONALD'S", "CAMPBELL'S Red and White"). */
export function isBrandSegment(segment: string): boolean {
  return segment.split(/\s+/).some((word) => /[A-Z]{3,}/.test(word) && !notBrands.has(word.replace(/[^A-Za-z]/g, '')));
}

function isStateSegment(segment: string): boolean {
  const words = lower(segment).split(' ');
  return words.some((word) => stateWords.has(word) || /\d/.test(word));
}

/** A short segment naming a variety ("cheddar", "red wine", "navels"), found among the first three after the head. */
function firstVariety(segments: string[]): string | null {
  for (const segment of segments.slice(0, 3)) {
    if (isBrandSegment(segment)) continue;
    const words = lower(segment).split(' ');
    if (words.length <= 3 && !isStateSegment(segment)) return lower(segment);
  }
  return null;
}

function meatName(meat: string, rest: string[]): string {
  const text = rest.map(lower);
  if (text.some((segment) => segment.split(' ').includes('ground'))) return `ground ${meat}`;
  let cut: string | null = null;
  for (const segment of text) {
    if (/ and /.test(segment)) continue;
    for (const candidate of meatCuts) if (new RegExp(`\\b${candidate}\\b`).test(segment)) {
      cut = candidate;
      break;
    }
  }
  return cut ? `${meat} ${cut}` : meat;
}

export interface DerivedFoodNames {
  /** The everyday name ("cheddar cheese", "atlantic salmon"). */
  commonName: string;
  /** The kind without its variety ("cheese", "salmon"), when a variety was put before it. */
  genericName: string | null;
}

function namesFromSegments(segments: string[], depth: number): DerivedFoodNames {
  const [first = '', ...rest] = segments.filter((segment, index) => index === 0 || !isBrandSegment(segment));
  const head = lower(first);
  if (depth === 0 && categoryHeads.has(head) && rest.length > 0) return namesFromSegments(rest, 1);
  if (meatHeads.has(head)) return { commonName: meatName(head, rest), genericName: null };
  const headWord = headWords[head] ?? head;
  if (head === 'squash' && /^(summer|winter)$/.test(lower(rest[0] ?? ''))) {
    const kind = firstVariety(rest.slice(1));
    if (kind === 'zucchini') return { commonName: 'zucchini', genericName: null };
    const season = `${lower(rest[0] ?? '')} squash`;
    return kind && kind !== 'all varieties' ? { commonName: `${kind} squash`, genericName: season } : { commonName: season, genericName: 'squash' };
  }
  if (head === 'peppers' && lower(rest[0] ?? '') === 'sweet') {
    const colour = firstVariety(rest.slice(1));
    return { commonName: colour ? `${colour} bell pepper` : 'bell pepper', genericName: 'bell pepper' };
  }
  const variety = firstVariety(rest);
  if (!variety) return { commonName: headWord, genericName: null };
  const singularHead = headWord.replace(/s$/, '');
  // "Milk, buttermilk" is buttermilk; "Soup, chicken broth" is chicken broth.
  if (variety.includes(singularHead) || /\b(broth|stock|bouillon|consomme|chowder|bisque|gumbo|stew)\b/.test(variety)) {
    return { commonName: variety, genericName: null };
  }
  return { commonName: `${variety} ${headWord}`, genericName: headWord };
}

/** The everyday names of a food from its SR28 long description (not yet matching keys). */
export function deriveFoodNames(longDescription: string): DerivedFoodNames {
  return namesFromSegments(descriptionSegments(longDescription), 0);
}

/** How a description says a food was kept or prepared, as recipes say it ("dried thyme", "canned tomatoes"). */
const statePrefixes: Array<[RegExp, string]> = [
  [/\b(dried|dehydrated)\b/, 'dried'],
  [/\bcanned\b/, 'canned'],
  [/\bfrozen\b/, 'frozen'],
  [/\bcooked\b/, 'cooked'],
  [/\broasted\b/, 'roasted'],
  [/\btoasted\b/, 'toasted'],
  [/\bsmoked\b/, 'smoked'],
  [/\bground\b/, 'ground'],
];

/** The food's names with the state its description gives: "Spices, thyme, dried" → "dried thyme". */
export function stateAliases(longDescription: string, names: string[]): string[] {
  const text = longDescription.toLowerCase();
  const aliases: string[] = [];
  for (const [pattern, prefix] of statePrefixes) {
    if (!pattern.test(text)) continue;
    for (const name of names) if (!name.startsWith(`${prefix} `)) aliases.push(`${prefix} ${name}`);
  }
  return aliases;
}
