/**
 * The canonical unit table: every unit the parser recognises, its dimension, its factor to the
 * dimension's base (grams, millilitres, centimetres; count units have no base) and the ways recipes
 * spell it. Unit ids are stable: they are stored with ingredient lines and sent to clients.
 */

export type UnitDimension = 'mass' | 'volume' | 'count' | 'length';
/** `both`: used as-is in metric and US recipes (spoons, pinches, cloves, cans…). */
export type UnitSystem = 'metric' | 'us' | 'both';
/** `size`: small/medium/large — counts a whole item of that size (USDA portion weights use these). */
export type UnitKind = 'measure' | 'container' | 'portion' | 'size';

export interface UnitDefinition {
  id: string;
  dimension: UnitDimension;
  /** Grams (mass), millilitres (volume) or centimetres (length) in one unit; 1 for count units. */
  factor: number;
  system: UnitSystem;
  kind: UnitKind;
  singular: string;
  plural: string;
  /** Short display form ("tbsp", "g"); absent when the word itself is used. */
  abbreviation: string | null;
  /** Every recognised spelling, lower case (singular, plural, abbreviations with and without dots). */
  aliases: readonly string[];
  /** Spellings matched case-sensitively only ("T" is a tablespoon, "t" a teaspoon). */
  caseSensitiveAliases?: readonly string[];
}

const TSP_ML = 4.92892159375;

type UnitSeed = Omit<UnitDefinition, 'aliases' | 'kind' | 'abbreviation'> & {
  kind?: UnitKind;
  abbreviation?: string;
  aliases?: readonly string[];
};

const seeds: UnitSeed[] = [
  // Mass
  { id: 'mg', dimension: 'mass', factor: 0.001, system: 'metric', singular: 'milligram', plural: 'milligrams', abbreviation: 'mg', aliases: ['mgs'] },
  { id: 'g', dimension: 'mass', factor: 1, system: 'metric', singular: 'gram', plural: 'grams', abbreviation: 'g', aliases: ['gr', 'grs', 'gm', 'gms', 'gramme', 'grammes'] },
  { id: 'kg', dimension: 'mass', factor: 1000, system: 'metric', singular: 'kilogram', plural: 'kilograms', abbreviation: 'kg', aliases: ['kgs', 'kilo', 'kilos', 'kilogramme', 'kilogrammes'] },
  { id: 'oz', dimension: 'mass', factor: 28.349523125, system: 'us', singular: 'ounce', plural: 'ounces', abbreviation: 'oz', aliases: ['ozs', 'oz.'] },
  { id: 'lb', dimension: 'mass', factor: 453.59237, system: 'us', singular: 'pound', plural: 'pounds', abbreviation: 'lb', aliases: ['lbs', 'lb.', 'lbs.'] },
  // Volume
  { id: 'ml', dimension: 'volume', factor: 1, system: 'metric', singular: 'millilitre', plural: 'millilitres', abbreviation: 'ml', aliases: ['mls', 'milliliter', 'milliliters', 'millilitre', 'millilitres', 'cc'] },
  { id: 'cl', dimension: 'volume', factor: 10, system: 'metric', singular: 'centilitre', plural: 'centilitres', abbreviation: 'cl', aliases: ['centiliter', 'centiliters'] },
  { id: 'dl', dimension: 'volume', factor: 100, system: 'metric', singular: 'decilitre', plural: 'decilitres', abbreviation: 'dl', aliases: ['deciliter', 'deciliters'] },
  { id: 'l', dimension: 'volume', factor: 1000, system: 'metric', singular: 'litre', plural: 'litres', abbreviation: 'l', aliases: ['liter', 'liters', 'ltr', 'ltrs', 'lt'] },
  { id: 'drop', dimension: 'volume', factor: 0.05, system: 'both', kind: 'portion', singular: 'drop', plural: 'drops' },
  { id: 'pinch', dimension: 'volume', factor: TSP_ML / 16, system: 'both', kind: 'portion', singular: 'pinch', plural: 'pinches' },
  { id: 'dash', dimension: 'volume', factor: TSP_ML / 8, system: 'both', kind: 'portion', singular: 'dash', plural: 'dashes' },
  { id: 'tsp', dimension: 'volume', factor: TSP_ML, system: 'both', singular: 'teaspoon', plural: 'teaspoons', abbreviation: 'tsp', aliases: ['tsps', 'tsp.', 'tspn', 'tspns', 'teasp', 'ts'], caseSensitiveAliases: ['t'] },
  { id: 'tbsp', dimension: 'volume', factor: TSP_ML * 3, system: 'both', singular: 'tablespoon', plural: 'tablespoons', abbreviation: 'tbsp', aliases: ['tbsps', 'tbsp.', 'tbs', 'tbs.', 'tbl', 'tbls', 'tblsp', 'tblspn', 'tbspn', 'tablesp'], caseSensitiveAliases: ['T', 'Tb', 'TB'] },
  { id: 'fl_oz', dimension: 'volume', factor: 29.5735295625, system: 'us', singular: 'fluid ounce', plural: 'fluid ounces', abbreviation: 'fl oz', aliases: ['fl oz', 'fl. oz.', 'fl. oz', 'fl.oz.', 'fl.oz', 'floz', 'fluid oz', 'fl ounce', 'fl ounces'] },
  { id: 'cup', dimension: 'volume', factor: 236.5882365, system: 'us', singular: 'cup', plural: 'cups', aliases: ['c', 'c.', 'cp', 'cps'] },
  { id: 'pint', dimension: 'volume', factor: 473.176473, system: 'us', singular: 'pint', plural: 'pints', abbreviation: 'pt', aliases: ['pt', 'pts', 'pt.'] },
  { id: 'quart', dimension: 'volume', factor: 946.352946, system: 'us', singular: 'quart', plural: 'quarts', abbreviation: 'qt', aliases: ['qt', 'qts', 'qt.'] },
  { id: 'gallon', dimension: 'volume', factor: 3785.411784, system: 'us', singular: 'gallon', plural: 'gallons', abbreviation: 'gal', aliases: ['gal', 'gals'] },
  // Length (sizes of pieces: "a 2-inch piece of ginger")
  { id: 'mm', dimension: 'length', factor: 0.1, system: 'metric', singular: 'millimetre', plural: 'millimetres', abbreviation: 'mm', aliases: ['millimeter', 'millimeters'] },
  { id: 'cm', dimension: 'length', factor: 1, system: 'metric', singular: 'centimetre', plural: 'centimetres', abbreviation: 'cm', aliases: ['centimeter', 'centimeters', 'cms'] },
  { id: 'inch', dimension: 'length', factor: 2.54, system: 'us', singular: 'inch', plural: 'inches', aliases: ['in.', 'inch.'] },
  // Containers
  { id: 'can', dimension: 'count', factor: 1, system: 'both', kind: 'container', singular: 'can', plural: 'cans', aliases: ['tin', 'tins'] },
  { id: 'package', dimension: 'count', factor: 1, system: 'both', kind: 'container', singular: 'package', plural: 'packages', aliases: ['pkg', 'pkgs', 'pkg.', 'pack', 'packs', 'packet', 'packets', 'pkt'] },
  { id: 'jar', dimension: 'count', factor: 1, system: 'both', kind: 'container', singular: 'jar', plural: 'jars' },
  { id: 'bottle', dimension: 'count', factor: 1, system: 'both', kind: 'container', singular: 'bottle', plural: 'bottles' },
  { id: 'box', dimension: 'count', factor: 1, system: 'both', kind: 'container', singular: 'box', plural: 'boxes' },
  { id: 'bag', dimension: 'count', factor: 1, system: 'both', kind: 'container', singular: 'bag', plural: 'bags' },
  { id: 'carton', dimension: 'count', factor: 1, system: 'both', kind: 'container', singular: 'carton', plural: 'cartons' },
  { id: 'container', dimension: 'count', factor: 1, system: 'both', kind: 'container', singular: 'container', plural: 'containers', aliases: ['tub', 'tubs'] },
  { id: 'envelope', dimension: 'count', factor: 1, system: 'both', kind: 'container', singular: 'envelope', plural: 'envelopes', aliases: ['sachet', 'sachets'] },
  // Portions of a food
  { id: 'piece', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'piece', plural: 'pieces', aliases: ['pc', 'pcs'] },
  { id: 'clove', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'clove', plural: 'cloves' },
  { id: 'slice', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'slice', plural: 'slices' },
  { id: 'stick', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'stick', plural: 'sticks' },
  { id: 'bunch', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'bunch', plural: 'bunches' },
  { id: 'sprig', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'sprig', plural: 'sprigs' },
  { id: 'handful', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'handful', plural: 'handfuls' },
  { id: 'head', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'head', plural: 'heads' },
  { id: 'stalk', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'stalk', plural: 'stalks' },
  { id: 'rib', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'rib', plural: 'ribs' },
  { id: 'bulb', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'bulb', plural: 'bulbs' },
  { id: 'ear', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'ear', plural: 'ears' },
  { id: 'leaf', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'leaf', plural: 'leaves' },
  { id: 'sheet', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'sheet', plural: 'sheets' },
  { id: 'strip', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'strip', plural: 'strips' },
  { id: 'loaf', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'loaf', plural: 'loaves' },
  { id: 'fillet', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'fillet', plural: 'fillets', aliases: ['filet', 'filets'] },
  { id: 'wedge', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'wedge', plural: 'wedges' },
  { id: 'cube', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'cube', plural: 'cubes' },
  { id: 'stem', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'stem', plural: 'stems' },
  { id: 'branch', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'branch', plural: 'branches' },
  { id: 'knob', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'knob', plural: 'knobs' },
  { id: 'scoop', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'scoop', plural: 'scoops' },
  { id: 'splash', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'splash', plural: 'splashes' },
  { id: 'grind', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'grind', plural: 'grinds', aliases: ['grinding', 'grindings'] },
  { id: 'rack', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'rack', plural: 'racks' },
  { id: 'pod', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'pod', plural: 'pods' },
  { id: 'dozen', dimension: 'count', factor: 1, system: 'both', kind: 'portion', singular: 'dozen', plural: 'dozen', aliases: ['dozens', 'doz'] },
  // Sizes: "2 large eggs" counts eggs of the large size
  { id: 'small', dimension: 'count', factor: 1, system: 'both', kind: 'size', singular: 'small', plural: 'small', aliases: ['smallish'] },
  { id: 'medium', dimension: 'count', factor: 1, system: 'both', kind: 'size', singular: 'medium', plural: 'medium', aliases: ['medium-size', 'medium-sized', 'med', 'med.', 'medium size', 'medium sized'] },
  { id: 'large', dimension: 'count', factor: 1, system: 'both', kind: 'size', singular: 'large', plural: 'large', aliases: ['lg', 'lg.', 'big', 'large-size', 'large-sized', 'largish', 'medium-large', 'medium to large'] },
  { id: 'extra_large', dimension: 'count', factor: 1, system: 'both', kind: 'size', singular: 'extra-large', plural: 'extra-large', aliases: ['extra large', 'xl', 'jumbo', 'extra-big'] },
];

export const units: readonly UnitDefinition[] = seeds.map((seed) => ({
  ...seed,
  kind: seed.kind ?? 'measure',
  abbreviation: seed.abbreviation ?? null,
  aliases: [...new Set([seed.id.replace('_', ' '), seed.singular, seed.plural, ...(seed.abbreviation ? [seed.abbreviation] : []), ...(seed.aliases ?? [])].map((a) => a.toLowerCase()))],
}));

export type UnitId = string;

const byId = new Map(units.map((unit) => [unit.id, unit]));
const byAlias = new Map<string, UnitDefinition>();
const byCaseSensitiveAlias = new Map<string, UnitDefinition>();
for (const unit of units) {
  for (const alias of unit.aliases) if (!byAlias.has(alias)) byAlias.set(alias, unit);
  for (const alias of unit.caseSensitiveAliases ?? []) byCaseSensitiveAlias.set(alias, unit);
}
/** Longest alias, in words: lets the parser try "fl oz" and "medium to large" before "fl" and "medium". */
export const longestAliasWords = Math.max(...[...byAlias.keys()].map((alias) => alias.split(' ').length));

export function unitById(id: string): UnitDefinition | undefined {
  return byId.get(id);
}

/** The unit a word (or a few words) names: "Tbsp", "tablespoons", "fl. oz", "T" → tbsp. */
export function findUnit(text: string): UnitDefinition | undefined {
  const trimmed = text.trim();
  const exact = byCaseSensitiveAlias.get(trimmed);
  if (exact) return exact;
  const lower = trimmed.toLowerCase().replace(/\s+/g, ' ');
  return byAlias.get(lower) ?? byId.get(lower) ?? (lower.endsWith('.') ? byAlias.get(lower.slice(0, -1)) : undefined);
}

/** Singular or plural display name for an amount ("1 cup", "1/2 cup", "2 cups"). */
export function unitDisplayName(unit: UnitDefinition, amount: number, style: 'short' | 'long' = 'short'): string {
  if (style === 'short' && unit.abbreviation) return unit.abbreviation;
  return amount > 1 ? unit.plural : unit.singular;
}
