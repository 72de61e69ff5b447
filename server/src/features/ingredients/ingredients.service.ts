/** Parsing lines and converting amounts for the public endpoints. Pure: no database. */
import type { ConvertedAmount, ConvertUnitsQuery, ParsedIngredient, Unit } from '@tavola/contracts/ingredients';
import { parseIngredientLine } from './ingredient-parser.js';
import { units } from './unit-table.js';
import { convertQuantity, formatQuantity, resolveUnit } from './units.js';

export function parseIngredientLines(lines: readonly string[]): ParsedIngredient[] {
  return lines.map((line) => parseIngredientLine(line));
}

export function convertAmount(query: ConvertUnitsQuery): ConvertedAmount {
  const from = resolveUnit(query.from, 'from');
  const to = resolveUnit(query.to, 'to');
  const amount = convertQuantity(query.amount, from, to, { densityGPerMl: query.density });
  return { amount: Math.round(amount * 1e6) / 1e6, unit: to.id, formatted: formatQuantity(amount, to) };
}

export function listUnits(): Unit[] {
  return units.map(({ caseSensitiveAliases, ...unit }) => ({ ...unit, aliases: [...unit.aliases, ...(caseSensitiveAliases ?? [])] }));
}
