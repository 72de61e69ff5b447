import { and, type Column, desc, eq, inArray, lt, not, or, type Placeholder, sql, type SQL } from 'drizzle-orm';
import type { RecipeContent, Visibility } from '@tavola/contracts/recipes';
import type { DbOrTx } from '../../db/client.js';
import { recipeVersions, recipes, users } from '../../db/schema/index.js';
import { blockedEitherWay, viewerFollowsOwner } from '../social/index.js';

const author = { id: users.id, username: users.username, displayName: users.displayName };

/**
 * Privacy in the query: a viewer sees their own recipes, and others' public recipes and the
 * followers-only recipes of accounts they follow (accepted), unless either of the two blocked the
 * other. The viewer may be a placeholder, for prepared statements.
 */
export function visibleTo(viewerId: string | Placeholder | null): SQL {
  return recipeVisibilityRule({ visibility: recipes.visibility, ownerId: recipes.ownerId }, viewerId);
}

/**
 * The one visibility rule, over any pair of columns that hold a recipe's visibility and owner (the
 * recipes table here; the search index's copy in features/search), so every reader applies the same rule.
 */
export function recipeVisibilityRule(columns: { visibility: Column; ownerId: Column }, viewerId: string | Placeholder | null): SQL {
  if (!viewerId) return eq(columns.visibility, 'public');
  const audience = or(eq(columns.visibility, 'public'), and(eq(columns.visibility, 'followers'), viewerFollowsOwner(columns.ownerId, viewerId)));
  return or(eq(columns.ownerId, viewerId), and(audience, not(blockedEitherWay(columns.ownerId, viewerId)))) as SQL;
}

export async function insertRecipe(db: DbOrTx, row: typeof recipes.$inferInsert) {
  const [recipe] = await db.insert(recipes).values(row).returning();
  return recipe as typeof recipes.$inferSelect;
}

export async function insertVersion(db: DbOrTx, row: typeof recipeVersions.$inferInsert) {
  const [version] = await db.insert(recipeVersions).values(row).returning();
  return version as typeof recipeVersions.$inferSelect;
}

/** The recipe, its current version and its author in one query, or undefined when the viewer may not see it. */
export async function findVisibleRecipe(db: DbOrTx, id: string, viewerId: string | null) {
  const [row] = await db
    .select({ recipe: recipes, version: recipeVersions, author })
    .from(recipes)
    .innerJoin(recipeVersions, and(eq(recipeVersions.recipeId, recipes.id), eq(recipeVersions.number, recipes.currentVersion)))
    .innerJoin(users, eq(users.id, recipes.ownerId))
    .where(and(eq(recipes.id, id), visibleTo(viewerId)))
    .limit(1);
  return row;
}

/** Locks the recipe row for an edit by its owner. */
export async function findOwnRecipeForUpdate(db: DbOrTx, id: string, ownerId: string) {
  const [row] = await db
    .select()
    .from(recipes)
    .where(and(eq(recipes.id, id), eq(recipes.ownerId, ownerId)))
    .for('update')
    .limit(1);
  return row;
}

export async function updateRecipe(db: DbOrTx, id: string, changes: Partial<typeof recipes.$inferInsert>) {
  await db
    .update(recipes)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(recipes.id, id));
}

export async function deleteRecipe(db: DbOrTx, id: string, ownerId: string): Promise<boolean> {
  const rows = await db
    .delete(recipes)
    .where(and(eq(recipes.id, id), eq(recipes.ownerId, ownerId)))
    .returning({ id: recipes.id });
  return rows.length > 0;
}

export interface ListFilter {
  viewerId: string | null;
  ownerId?: string;
  authorUsername?: string;
  limit: number;
  after?: { updatedAt: Date; id: string };
}

export async function listVisibleRecipes(db: DbOrTx, filter: ListFilter) {
  const conditions: (SQL | undefined)[] = [
    visibleTo(filter.viewerId),
    filter.ownerId ? eq(recipes.ownerId, filter.ownerId) : undefined,
    filter.authorUsername ? sql`lower(${users.username}) = ${filter.authorUsername.toLowerCase()}` : undefined,
    filter.after
      ? or(lt(recipes.updatedAt, filter.after.updatedAt), and(eq(recipes.updatedAt, filter.after.updatedAt), lt(recipes.id, filter.after.id)))
      : undefined,
  ];
  return db
    .select({ recipe: recipes, author })
    .from(recipes)
    .innerJoin(users, eq(users.id, recipes.ownerId))
    .where(and(...conditions.filter((c) => c !== undefined)))
    .orderBy(desc(recipes.updatedAt), desc(recipes.id))
    .limit(filter.limit);
}

export async function listVersions(db: DbOrTx, recipeId: string) {
  return db
    .select({
      id: recipeVersions.id,
      number: recipeVersions.number,
      changeNote: recipeVersions.changeNote,
      restoredFrom: recipeVersions.restoredFrom,
      createdAt: recipeVersions.createdAt,
      author,
    })
    .from(recipeVersions)
    .innerJoin(users, eq(users.id, recipeVersions.authorId))
    .where(eq(recipeVersions.recipeId, recipeId))
    .orderBy(desc(recipeVersions.number));
}

export async function findVersions(db: DbOrTx, recipeId: string, numbers: number[]) {
  return db
    .select({ version: recipeVersions, author })
    .from(recipeVersions)
    .innerJoin(users, eq(users.id, recipeVersions.authorId))
    .where(and(eq(recipeVersions.recipeId, recipeId), inArray(recipeVersions.number, numbers)));
}

export type RecipeRow = typeof recipes.$inferSelect;
export type VersionRow = typeof recipeVersions.$inferSelect;
export type { RecipeContent, Visibility };
