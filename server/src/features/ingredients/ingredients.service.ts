/** Parsing lines and converting amounts for the public endpoints. */
import type { FoodSummary } from '@tavola/contracts/foods';
import type { ConvertedAmount, ConvertUnitsQuery, ParsedIngredient, Unit } from '@tavola/contracts/ingredients';
import { AppError, notFound } from '../../platform/errors.js';
import { parseIngredientLine } from './ingredient-parser.js';
import { units } from './unit-table.js';
import { convertQuantity, formatQuantity, resolveUnit } from './units.js';

/**
 * What the endpoints need from the food catalogue, given by the composition root (the foods
 * feature builds on this one, so it cannot be imported here).
 */
export interface FoodLookup {
  /** The food each name means, in order, or null. */
  match(names: readonly string[]): Promise<Array<FoodSummary | null>>;
  /** The food's density in g/ml (null when unknown), or undefined when there is no such food. */
  densityOf(foodId: number): Promise<number | null | undefined>;
}

export async function parseIngredientLines(lines: readonly string[], foods?: FoodLookup): Promise<ParsedIngredient[]> {
  const parsed = lines.map((line) => parseIngredientLine(line));
  if (!foods) return parsed;
  const named = parsed.filter((line) => line.name);
  const matches = named.length > 0 ? await foods.match(named.map((line) => line.name)) : [];
  const byLine = new Map(named.map((line, index) => [line, matches[index] ?? null]));
  return parsed.map((line) => ({ ...line, food: byLine.get(line) ?? null }));
}

async function densityFor(query: ConvertUnitsQuery, foods?: FoodLookup): Promise<number | undefined> {
  if (query.density !== undefined || query.food === undefined) return query.density;
  if (!foods) throw new AppError('no_density', 422, 'Give the density in g/ml', [{ field: 'density', message: 'is required' }]);
  const density = await foods.densityOf(query.food);
  if (density === undefined) throw notFound('Food');
  return density ?? undefined;
}

export async function convertAmount(query: ConvertUnitsQuery, foods?: FoodLookup): Promise<ConvertedAmount> {
  const from = resolveUnit(query.from, 'from');
  const to = resolveUnit(query.to, 'to');
  const densityGPerMl = await densityFor(query, foods);
  const crossing = from.dimension !== to.dimension && ['mass', 'volume'].includes(from.dimension) && ['mass', 'volume'].includes(to.dimension);
  if (crossing && densityGPerMl === undefined && query.food !== undefined) {
    throw new AppError('no_density', 422, 'The catalogue has no density for this food; give one in g/ml', [{ field: 'density', message: 'is required for this food' }]);
  }
  const amount = convertQuantity(query.amount, from, to, { densityGPerMl });
  return { amount: Math.round(amount * 1e6) / 1e6, unit: to.id, formatted: formatQuantity(amount, to) };
}

export function listUnits(): Unit[] {
  return units.map(({ caseSensitiveAliases, ...unit }) => ({ ...unit, aliases: [...unit.aliases, ...(caseSensitiveAliases ?? [])] }));
}
