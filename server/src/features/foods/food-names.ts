/**
 * Food name keys. The catalogue's `common_name` and `aliases` are stored as keys (folded and
 * singular), and every name a recipe gives is turned into keys the same way, so "Tomatoes",
 * "tomato" and "TOMATOES" meet on "tomato". The build script (server/scripts/build-food-data.ts)
 * uses these same functions, so the shipped catalogue and the matcher never disagree.
 */

/** Words that end in "s" without being plurals (or whose singular would read wrongly). */
const invariantWords = new Set([
  'asparagus', 'citrus', 'couscous', 'hummus', 'molasses', 'swiss', 'gras', 'jus', 'ras', 'species', 'schnapps', 'octopus',
  'hibiscus', 'haricots', 'lees', 'bitters', 'grits', 'oats', 'greens', 'brussels', 'sprinkles', 'glass', 'bass', 'cress',
  'watercress', 'lemongrass', 'pastis', 'plus',
]);

/** Plurals no suffix rule gets right. */
const irregularSingulars = new Map([
  ['leaves', 'leaf'], ['loaves', 'loaf'], ['halves', 'half'], ['calves', 'calf'], ['brownies', 'brownie'], ['pies', 'pie'],
  ['veggies', 'veggie'], ['smoothies', 'smoothie'], ['cookies', 'cookie'], ['potatoes', 'potato'], ['tomatoes', 'tomato'],
  ['mangoes', 'mango'], ['geese', 'goose'], ['feet', 'foot'], ['anchovies', 'anchovy'], ['chilies', 'chili'], ['chillies', 'chilli'],
]);

/** The singular of one lower-case word ("berries" → "berry", "leaves" → "leaf", "hummus" stays). */
export function singularizeWord(word: string): string {
  if (word.length <= 3 || invariantWords.has(word)) return word;
  const irregular = irregularSingulars.get(word);
  if (irregular) return irregular;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zzes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('oes')) return word.slice(0, -2);
  if (/(ss|us|is|ous)$/.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/**
 * Lower case, accents and apostrophes dropped, "&" as "and", parenthesised text and punctuation
 * removed, hyphens as spaces: "Confectioners' Sugar (sifted)" → "confectioners sugar".
 */
export function foldFoodText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)?/g, ' ')
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** The matching key of a name: folded, every word singular ("Cherry Tomatoes" → "cherry tomato"). */
export function foodNameKey(text: string): string {
  const folded = foldFoodText(text);
  return folded === '' ? '' : folded.split(' ').map(singularizeWord).join(' ');
}

/**
 * Words recipes put before a food that do not change which food it is ("2 cups *fresh* basil",
 * "*freshly ground* black pepper", "*extra virgin* olive oil"). Matching drops them when the
 * whole name finds nothing.
 */
const descriptorWords = new Set([
  'fresh', 'freshly', 'ground', 'finely', 'coarsely', 'roughly', 'thinly', 'chopped', 'minced', 'diced', 'sliced', 'grated', 'shredded',
  'crushed', 'crumbled', 'cubed', 'julienned', 'peeled', 'pitted', 'seeded', 'trimmed', 'halved', 'quartered', 'mashed', 'beaten',
  'softened', 'melted', 'cold', 'chilled', 'warm', 'lukewarm', 'iced', 'cracked', 'room', 'temperature', 'large', 'small', 'medium', 'big',
  'extra', 'jumbo', 'kosher', 'coarse', 'fine', 'flaky', 'good', 'quality', 'best', 'organic', 'ripe', 'firm', 'plain', 'pure', 'whole',
  'dry', 'dried', 'toasted', 'roasted', 'raw', 'cooked', 'leftover', 'homemade', 'imported', 'italian', 'french', 'mexican', 'thai',
  'flat', 'leaf', 'curly', 'baby', 'young', 'packed', 'loosely', 'lightly', 'firmly', 'tightly', 'heaping', 'level', 'about', 'optional',
  'boneless', 'skinless', 'bone', 'skin', 'in', 'on', 'virgin', 'superfine', 'granulated', 'dark', 'light', 'golden', 'pale', 'thick',
  'thin', 'sweet', 'hot', 'mild', 'spicy', 'smoked', 'store', 'bought', 'canned', 'frozen', 'thawed', 'defrosted', 'rinsed', 'drained',
  'washed', 'cleaned', 'sifted', 'unsifted', 'additional', 'more', 'for', 'serving', 'garnish', 'to', 'taste', 'a', 'an', 'the', 'of',
  'some', 'few', 'generous', 'scant', 'prepared', 'favorite', 'your', 'such', 'as', 'like', 'very', 'well', 'tender', 'new', 'size',
  'sized', 'tiny', 'x', 'other', 'fully', 'miniature', 'mini', 'nice', 'quick', 'instant',
  // Measures, when a whole line is given as a name ("2 cups flour").
  'cup', 'tablespoon', 'tbsp', 'teaspoon', 'tsp', 'pound', 'lb', 'ounce', 'oz', 'gram', 'g', 'kg', 'ml', 'liter', 'litre', 'pinch', 'dash',
]);

/** Words that name a part or a piece of a food ("garlic *cloves*", "basil *leaves*", "anchovy *fillets*"). */
const partWords = new Set([
  'clove', 'leaf', 'sprig', 'stalk', 'rib', 'stem', 'floret', 'fillet', 'filet', 'half', 'piece', 'slice', 'wedge', 'cube', 'chunk',
  'strip', 'spear', 'segment', 'head', 'bunch', 'handful', 'knob', 'stick', 'round', 'ring', 'shaving', 'sheet', 'thread', 'pod',
  'heart', 'meat', 'kernel',
]);

const conjunctions = new Set(['and', 'or', 'with', 'plus']);

export interface FoodNameKeys {
  /** Keys to look up exactly, best first. */
  exact: string[];
  /** The key a similarity search compares (the name without descriptors and part words). */
  similar: string;
}

/** Endings of two or more words that do not start with a conjunction. */
function endings(words: string[]): string[] {
  const found: string[] = [];
  for (let start = 1; start <= words.length - 2; start++) {
    if (!conjunctions.has(words[start] as string)) found.push(words.slice(start).join(' '));
  }
  return found;
}

/** The words of a name without descriptors, amounts and trailing part words ("fresh basil leaves" → basil). */
function coreWords(words: string[]): string[] {
  let core = words.filter((word) => !descriptorWords.has(word) && !/\d/.test(word));
  while (core.length > 1 && partWords.has(core[core.length - 1] as string)) core = core.slice(0, -1);
  return core.length === 0 ? words : core;
}

/** Keys of one phrase, best first: whole, its endings, its core, the core's endings. */
function phraseKeys(words: string[]): string[] {
  const core = coreWords(words);
  return [words.join(' '), ...endings(words), core.join(' '), ...endings(core)];
}

/**
 * Keys for the sides of "X or Y" / "X and Y" ("or" splits first: "half and half or milk"). When
 * the last alternative names a shared head ("vegetable or olive oil", "shrimp or chicken broth"),
 * every alternative with that head comes first ("vegetable oil", "shrimp broth", "chicken broth");
 * then each side as it is, the first first: a recipe names its preferred option first ("butter or
 * margarine" → "butter", "salt and black pepper" → "salt").
 */
function alternativeKeys(core: string[]): string[] {
  const text = core.join(' ');
  const alternatives = text.includes(' or ');
  const sides = text.split(alternatives ? / or / : / and /).map((side) => side.split(' '));
  if (sides.length < 2) return [];
  const last = sides[sides.length - 1] ?? [];
  const head = last.at(-1) ?? '';
  const keys: string[] = [];
  if (alternatives && last.length >= 2) for (const side of sides) keys.push(side.at(-1) === head ? side.join(' ') : [...side, head].join(' '));
  for (const side of sides) keys.push(...phraseKeys(side));
  return keys;
}

/**
 * The keys a recipe's food name is looked up by, best first: the whole name ("unsalted butter");
 * for "and" / "or" names the alternatives (see alternativeKeys); then the whole name's endings of
 * two or more words ("extra lean ground beef" → "lean ground beef"), its core without descriptor
 * words, amounts and trailing part words ("fresh basil leaves" → "basil") and the core's endings
 * ("freshly ground black pepper" → "black pepper"). Anything after "for" is a use, not the food
 * ("oil for frying"). A one-word ending is never tried on its own: "coconut milk" must not become
 * "milk".
 */
export function foodNameKeys(name: string): FoodNameKeys {
  const whole = foodNameKey(name).replace(/ for .*$/, '');
  const words = whole === '' ? [] : whole.split(' ');
  const core = coreWords(words);
  const exact: string[] = [];
  for (const key of [whole, ...alternativeKeys(core), ...phraseKeys(words)]) {
    if (key !== '' && !exact.includes(key)) exact.push(key);
  }
  return { exact, similar: core.join(' ') };
}
