import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RecipeContent, Visibility } from '@tavola/contracts/recipes';
import type { DbOrTx } from '../../db/client.js';
import { recipeRatings, recipeVersions, recipes, users } from '../../db/schema/index.js';

/**
 * What a search index needs to know of a recipe, read from the recipes feature's own tables in one
 * query for any number of recipes: the row, its current version's content, its author and its
 * rating summary over active accounts (as the recipe page counts them). No visibility filter: the
 * index stores the visibility and applies the rule at query time.
 */
export interface RecipeSearchSource {
  id: string;
  ownerId: string;
  visibility: Visibility;
  content: RecipeContent;
  author: { id: string; username: string; displayName: string | null };
  rating: { count: number; average: number | null };
  createdAt: Date;
  updatedAt: Date;
}

const rater = alias(users, 'rater');

export async function findRecipeSearchSources(db: DbOrTx, ids: readonly string[]): Promise<RecipeSearchSource[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: recipes.id,
      ownerId: recipes.ownerId,
      visibility: recipes.visibility,
      content: recipeVersions.content,
      author: { id: users.id, username: users.username, displayName: users.displayName },
      ratings: sql<{ n: number; total: number }>`(select json_build_object('n', count(*)::int, 'total', coalesce(sum(${recipeRatings.stars}), 0)::int)
        from ${recipeRatings} join ${users} as ${sql.identifier('rater')} on ${rater.id} = ${recipeRatings.userId} and ${rater.status} = 'active'
        where ${recipeRatings.recipeId} = ${recipes.id})`,
      createdAt: recipes.createdAt,
      updatedAt: recipes.updatedAt,
    })
    .from(recipes)
    .innerJoin(recipeVersions, and(eq(recipeVersions.recipeId, recipes.id), eq(recipeVersions.number, recipes.currentVersion)))
    .innerJoin(users, eq(users.id, recipes.ownerId))
    .where(inArray(recipes.id, [...ids]));
  return rows.map(({ ratings, ...row }) => ({
    ...row,
    rating: { count: ratings.n, average: ratings.n > 0 ? Math.round((ratings.total / ratings.n) * 100) / 100 : null },
  }));
}

/** Recipe ids in id order after `afterId`, a page at a time (a full reindex walks them all). */
export async function listRecipeIdsAfter(db: DbOrTx, afterId: string | null, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: recipes.id })
    .from(recipes)
    .where(afterId ? gt(recipes.id, afterId) : undefined)
    .orderBy(asc(recipes.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

export async function countRecipes(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(recipes);
  return Number(row?.n ?? 0);
}

/** Which of these ids are recipes that exist. */
export async function findExistingRecipeIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: recipes.id })
    .from(recipes)
    .where(inArray(recipes.id, [...ids]));
  return new Set(rows.map((row) => row.id));
}
