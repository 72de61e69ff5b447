import type { NutrientKey } from '@tavola/contracts/foods';
import type { NutritionLineInfo } from '@tavola/contracts/recipe-nutrition';

/** Labels and units of the nutrients shown, in label order. */
export const nutrientRows: ReadonlyArray<{ key: NutrientKey; label: string; unit: string; indent?: boolean }> = [
  { key: 'energyKcal', label: 'Energy', unit: 'kcal' },
  { key: 'fatG', label: 'Fat', unit: 'g' },
  { key: 'saturatedFatG', label: 'Saturated fat', unit: 'g', indent: true },
  { key: 'carbohydrateG', label: 'Carbohydrate', unit: 'g' },
  { key: 'sugarsG', label: 'Sugars', unit: 'g', indent: true },
  { key: 'fibreG', label: 'Fibre', unit: 'g' },
  { key: 'proteinG', label: 'Protein', unit: 'g' },
  { key: 'sodiumMg', label: 'Sodium', unit: 'mg' },
];

const reasons: Record<NonNullable<NutritionLineInfo['uncounted']>, string> = {
  no_food: 'no food matched',
  unknown_food: 'the food is no longer in the catalogue',
  no_quantity: 'no amount given',
  unknown_unit: 'the unit cannot be weighed',
  no_density: 'no weight known for this volume of the food',
  no_portion: 'no weight known for one of these',
};

export function uncountedReason(reason: NonNullable<NutritionLineInfo['uncounted']>): string {
  return reasons[reason];
}

export function formatNutrient(value: number | null, unit: string): string {
  if (value === null) return '–';
  return `${unit === 'g' ? value.toFixed(1).replace(/\.0$/, '') : Math.round(value)} ${unit}`;
}
