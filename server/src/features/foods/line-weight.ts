import type { FoodPortionInfo, UncountedReason } from '@tavola/contracts/foods';
import { type UnitDefinition, unitById } from '../ingredients/index.js';

/** What weighing a line needs to know about its food. */
export interface WeighableFood {
  portions: readonly FoodPortionInfo[];
  densityGPerMl: number | null;
}

export type LineWeight = { grams: number } | { reason: UncountedReason };

/** First words of USDA portions that are measures or containers, not one whole item. */
const notWholeItem = new Set([
  'cup', 'cups', 'tbsp', 'tablespoon', 'tablespoons', 'tsp', 'teaspoon', 'teaspoons', 'fl', 'oz', 'ounce', 'ounces', 'lb', 'pound',
  'g', 'gram', 'grams', 'kg', 'ml', 'liter', 'litre', 'pint', 'quart', 'gallon', 'dash', 'pinch', 'slice', 'slices', 'wedge', 'wedges',
  'strip', 'strips', 'ring', 'rings', 'section', 'sections', 'nlea', 'serving', 'package', 'can', 'container', 'bag', 'jar',
  'bottle', 'box', 'carton', 'pat', 'stick', 'spear', 'spears', 'floret', 'florets', 'leaf', 'leaves', 'sprig', 'sprigs', 'half',
]);

const sizeWords: Record<string, RegExp> = {
  small: /\bsmall\b/,
  medium: /\bmedium\b/,
  large: /(?<!extra )\blarge\b/,
  extra_large: /\b(extra large|extra-large|jumbo)\b/,
};

const unitText = (portion: FoodPortionInfo) => portion.unit.toLowerCase().replace(/\s+/g, ' ').trim();
const firstWord = (portion: FoodPortionInfo) => unitText(portion).split(/[ ,(]/)[0] ?? '';
const perItem = (portion: FoodPortionInfo) => portion.grams / portion.amount;

/** The portion that best says a size ("1 large" egg; "1 Potato medium (…)"): the size first, then as a later word. */
function sizedPortion(portions: readonly FoodPortionInfo[], size: string): FoodPortionInfo | undefined {
  const pattern = sizeWords[size];
  if (!pattern) return undefined;
  const sized = portions.filter((portion) => pattern.test(unitText(portion)));
  return sized.find((portion) => pattern.test(firstWord(portion))) ?? sized.find((portion) => !notWholeItem.has(firstWord(portion)));
}

/** One whole item when the line gives no unit ("3 eggs", "2 lemons"): the medium one, else USDA's first whole-item portion. */
function wholeItemPortion(portions: readonly FoodPortionInfo[]): FoodPortionInfo | undefined {
  return sizedPortion(portions, 'medium') ?? portions.find((portion) => !notWholeItem.has(firstWord(portion)));
}

/** A portion named by a count unit ("clove", "slice", "stick", "can"): the medium one when there are several. */
function namedPortion(portions: readonly FoodPortionInfo[], unit: UnitDefinition): FoodPortionInfo | undefined {
  const names = new Set([unit.singular, unit.plural, ...unit.aliases]);
  const named = portions.filter((portion) => names.has(firstWord(portion)));
  return named.find((portion) => /\bmedium\b/.test(unitText(portion))) ?? named[0];
}

/**
 * Grams of `amount` of a food in `unit` (a canonical unit id, or null for whole items): mass units
 * directly, volumes through the food's density, counts through the food's USDA portion weights.
 * Anything that would need a guess is a reason instead.
 */
export function weighLine(amount: number, unitId: string | null | undefined, food: WeighableFood): LineWeight {
  if (!unitId) {
    const portion = wholeItemPortion(food.portions);
    return portion ? { grams: amount * perItem(portion) } : { reason: 'no_portion' };
  }
  const unit = unitById(unitId);
  if (!unit) return { reason: 'unknown_unit' };
  if (unit.dimension === 'mass') return { grams: amount * unit.factor };
  if (unit.dimension === 'volume') {
    return food.densityGPerMl && food.densityGPerMl > 0 ? { grams: amount * unit.factor * food.densityGPerMl } : { reason: 'no_density' };
  }
  if (unit.dimension !== 'count') return { reason: 'unknown_unit' };
  if (unit.id === 'dozen') return weighLine(amount * 12, null, food);
  const portion = unit.kind === 'size' ? sizedPortion(food.portions, unit.id) : namedPortion(food.portions, unit);
  if (portion) return { grams: amount * perItem(portion) };
  // "2 pieces" of a food USDA weighs only whole is that many whole items.
  if (unit.id === 'piece') return weighLine(amount, null, food);
  return { reason: 'no_portion' };
}
