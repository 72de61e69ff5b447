import { readFileSync } from 'node:fs';
import { foodNameKey } from '../../src/features/foods/food-names.js';

export interface PortionWeight {
  amount: number;
  unit: string;
  grams: number;
}

/** Millilitres in one household volume measure as USDA writes it in sr28_WEIGHT.txt. */
const volumeMeasures: Array<[RegExp, number]> = [
  [/^(cup|cups)\b/, 236.5882365],
  [/^(tbsp|tablespoons?)\b/, 14.78676478125],
  [/^(tsp|teaspoons?)\b/, 4.92892159375],
  [/^fl oz\b/, 29.5735295625],
  [/^(pint|pints)\b/, 473.176473],
  [/^(quart|quarts)\b/, 946.352946],
  [/^(liter|liters|litre|litres)\b/, 1000],
  [/^ml\b/, 1],
];

/** Millilitres in `amount` of a portion's measure, or null when it is not a volume measure. */
export function portionVolumeMl(portion: PortionWeight): number | null {
  const unit = portion.unit.toLowerCase().trim();
  for (const [pattern, ml] of volumeMeasures) if (pattern.test(unit)) return ml * portion.amount;
  return null;
}

/**
 * g/ml from the food's own household portions: the first plain measure ("cup", "tbsp") when there
 * is one, else the first volume measure in USDA's order ("cup, chopped" — which is how recipes
 * measure chopped food too).
 */
export function densityFromPortions(portions: PortionWeight[]): number | null {
  const volumes = portions.map((portion) => ({ portion, ml: portionVolumeMl(portion) })).filter((entry) => entry.ml !== null && entry.ml > 0 && entry.portion.grams > 0);
  const plain = volumes.find((entry) => /^(cup|tbsp|tsp|fl oz|tablespoon|teaspoon)s?$/.test(entry.portion.unit.toLowerCase().trim()));
  const chosen = plain ?? volumes[0];
  if (!chosen || chosen.ml === null) return null;
  return roundDensity(chosen.portion.grams / chosen.ml);
}

const roundDensity = (value: number) => Math.round(value * 1000) / 1000;

interface FaoEntry {
  density: number | null;
  specific_gravity: number | null;
}

/** FAO/INFOODS densities by matching key ("all purpose flour" → 0.528), averaged over a name's entries. */
export function loadFaoDensities(file: string): Map<string, number> {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, FaoEntry[]>;
  const byKey = new Map<string, number>();
  for (const [name, entries] of Object.entries(raw)) {
    const values = entries.map((entry) => entry.density ?? entry.specific_gravity).filter((value): value is number => typeof value === 'number' && value > 0);
    if (values.length === 0) continue;
    // Parenthesised words matter here: "milk (non-fat dry)" is not "milk".
    const key = foodNameKey(name.replace(/[()]/g, ' '));
    if (!byKey.has(key)) byKey.set(key, roundDensity(values.reduce((sum, value) => sum + value, 0) / values.length));
  }
  return byKey;
}

/** The FAO density for a food by its common name or its full folded name (aliases are too loose: "milk" on dry milk). */
export function faoDensityFor(faoDensities: Map<string, number>, keys: string[]): number | null {
  for (const key of keys) {
    const value = faoDensities.get(key);
    if (value !== undefined) return value;
  }
  return null;
}
