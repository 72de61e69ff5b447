import { and, count, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { recipeCookLog, recipeFavourites, recipeRatings, recipes, users } from '../../db/schema/index.js';
import { visibleTo } from './recipes.repository.js';

const author = { id: users.id, username: users.username, displayName: users.displayName };

export async function upsertRating(db: DbOrTx, row: { recipeId: string; userId: string; stars: number; review: string | null }) {
  const now = new Date();
  await db
    .insert(recipeRatings)
    .values({ ...row, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [recipeRatings.recipeId, recipeRatings.userId], set: { stars: row.stars, review: row.review, updatedAt: now } });
}

export async function deleteRating(db: DbOrTx, recipeId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(recipeRatings)
    .where(and(eq(recipeRatings.recipeId, recipeId), eq(recipeRatings.userId, userId)))
    .returning({ stars: recipeRatings.stars });
  return rows.length > 0;
}

export async function ratingDistribution(db: DbOrTx, recipeId: string) {
  return db
    .select({ stars: recipeRatings.stars, n: count() })
    .from(recipeRatings)
    .where(eq(recipeRatings.recipeId, recipeId))
    .groupBy(recipeRatings.stars);
}

const ratingColumns = {
  userId: recipeRatings.userId,
  stars: recipeRatings.stars,
  review: recipeRatings.review,
  createdAt: recipeRatings.createdAt,
  updatedAt: recipeRatings.updatedAt,
  author,
};

export async function findRating(db: DbOrTx, recipeId: string, userId: string) {
  const [row] = await db
    .select(ratingColumns)
    .from(recipeRatings)
    .innerJoin(users, eq(users.id, recipeRatings.userId))
    .where(and(eq(recipeRatings.recipeId, recipeId), eq(recipeRatings.userId, userId)));
  return row;
}

export async function listRatings(db: DbOrTx, recipeId: string, limit: number, after?: { updatedAt: Date; id: string }) {
  return db
    .select(ratingColumns)
    .from(recipeRatings)
    .innerJoin(users, eq(users.id, recipeRatings.userId))
    .where(
      and(
        eq(recipeRatings.recipeId, recipeId),
        eq(users.status, 'active'),
        after
          ? or(lt(recipeRatings.updatedAt, after.updatedAt), and(eq(recipeRatings.updatedAt, after.updatedAt), lt(recipeRatings.userId, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(recipeRatings.updatedAt), desc(recipeRatings.userId))
    .limit(limit);
}

export async function addFavourite(db: DbOrTx, recipeId: string, userId: string) {
  await db.insert(recipeFavourites).values({ recipeId, userId }).onConflictDoNothing();
}

export async function removeFavourite(db: DbOrTx, recipeId: string, userId: string) {
  await db.delete(recipeFavourites).where(and(eq(recipeFavourites.recipeId, recipeId), eq(recipeFavourites.userId, userId)));
}

export async function favouriteState(db: DbOrTx, recipeId: string, userId: string | null) {
  const [row] = await db
    .select({
      count: count(),
      mine: userId ? sql<boolean>`coalesce(bool_or(${recipeFavourites.userId} = ${userId}), false)` : sql<boolean>`false`,
    })
    .from(recipeFavourites)
    .where(eq(recipeFavourites.recipeId, recipeId));
  return { count: Number(row?.count ?? 0), favourite: Boolean(row?.mine) };
}

/** A user's favourites that they can still see, newest first. */
export async function listFavourites(db: DbOrTx, userId: string, limit: number) {
  return db
    .select({ recipe: recipes, author })
    .from(recipeFavourites)
    .innerJoin(recipes, eq(recipes.id, recipeFavourites.recipeId))
    .innerJoin(users, eq(users.id, recipes.ownerId))
    .where(and(eq(recipeFavourites.userId, userId), visibleTo(userId)))
    .orderBy(desc(recipeFavourites.createdAt))
    .limit(limit);
}

export async function insertCookLog(db: DbOrTx, row: typeof recipeCookLog.$inferInsert) {
  const [entry] = await db.insert(recipeCookLog).values(row).returning();
  return entry as typeof recipeCookLog.$inferSelect;
}

/** The user's own log; the title of a recipe they can no longer see is withheld. */
export async function listCookLog(db: DbOrTx, userId: string, recipeId?: string) {
  return db
    .select({
      entry: recipeCookLog,
      title: sql<string | null>`case when ${visibleTo(userId)} then ${recipes.title} else null end`,
    })
    .from(recipeCookLog)
    .innerJoin(recipes, eq(recipes.id, recipeCookLog.recipeId))
    .where(and(eq(recipeCookLog.userId, userId), recipeId ? eq(recipeCookLog.recipeId, recipeId) : undefined))
    .orderBy(desc(recipeCookLog.cookedOn), desc(recipeCookLog.createdAt))
    .limit(500);
}

export async function deleteCookLog(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(recipeCookLog)
    .where(and(eq(recipeCookLog.id, id), eq(recipeCookLog.userId, userId)))
    .returning({ id: recipeCookLog.id });
  return rows.length > 0;
}
