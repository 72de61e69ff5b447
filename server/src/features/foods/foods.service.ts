import type { Food, FoodSummary } from '@tavola/contracts/foods';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../platform/errors.js';
import { foodNameKey } from './food-names.js';
import * as repo from './foods.repository.js';

export function toFood(row: repo.FoodRow): Food {
  return {
    id: row.id,
    name: row.name,
    commonName: row.commonName,
    foodGroup: row.foodGroup,
    aliases: row.aliases,
    nutrientsPer100g: row.nutrients,
    portions: row.portions,
    densityGPerMl: row.densityGPerMl,
  };
}

/** Autocomplete over common names and aliases; an empty query lists the most common foods. */
export async function searchFoods(db: DbOrTx, query: string, limit: number): Promise<FoodSummary[]> {
  const rows = await repo.searchFoods(db, foodNameKey(query), limit);
  return rows.map(({ id, name, commonName, foodGroup }) => ({ id, name, commonName, foodGroup }));
}

export async function getFood(db: DbOrTx, id: number): Promise<Food> {
  const [row] = await repo.findFoodsByIds(db, [id]);
  if (!row) throw notFound('Food');
  return toFood(row);
}

/** The foods with these ids (unknown ids are simply absent), keyed by id: what computeNutrition takes. */
export async function findFoodsByIds(db: DbOrTx, ids: readonly number[]): Promise<Map<number, Food>> {
  const unique = [...new Set(ids.filter((id) => Number.isInteger(id) && id > 0 && id <= 2_147_483_647))];
  const rows = await repo.findFoodsByIds(db, unique);
  return new Map(rows.map((row) => [row.id, toFood(row)]));
}
