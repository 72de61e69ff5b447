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

/** A user whose ratings and favourites count: deleted accounts keep their rows but no longer count (nor are listed). */
const activeUser = eq(users.status, 'active');

/** How many active accounts gave each number of stars (the reviews list shows the same accounts). */
export async function ratingDistribution(db: DbOrTx, recipeId: string) {
  return db
    .select({ stars: recipeRatings.stars, n: count() })
    .from(recipeRatings)
    .innerJoin(users, eq(users.id, recipeRatings.userId))
    .where(and(eq(recipeRatings.recipeId, recipeId), activeUser))
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
        activeUser,
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
    .innerJoin(users, eq(users.id, recipeFavourites.userId))
    .where(and(eq(recipeFavourites.recipeId, recipeId), activeUser));
  return { count: Number(row?.count ?? 0), favourite: Boolean(row?.mine) };
}

/**
 * A timestamp as text to the microsecond, in UTC: cursors carry it whole, since a JavaScript Date
 * would cut it to the millisecond and rows created within the same millisecond would be skipped.
 */
const exactTime = (column: typeof recipeFavourites.createdAt | typeof recipeCookLog.createdAt) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface FavouritesAfter {
  favouritedAt: string;
  recipeId: string;
}

/** A user's favourites that they can still see, newest favourite first, after the keyset position. */
export async function listFavourites(db: DbOrTx, userId: string, limit: number, after?: FavouritesAfter) {
  return db
    .select({ recipe: recipes, author, favouritedAt: exactTime(recipeFavourites.createdAt) })
    .from(recipeFavourites)
    .innerJoin(recipes, eq(recipes.id, recipeFavourites.recipeId))
    .innerJoin(users, eq(users.id, recipes.ownerId))
    .where(
      and(
        eq(recipeFavourites.userId, userId),
        visibleTo(userId),
        after ? sql`(${recipeFavourites.createdAt}, ${recipeFavourites.recipeId}) < (${after.favouritedAt}::timestamptz, ${after.recipeId}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(recipeFavourites.createdAt), desc(recipeFavourites.recipeId))
    .limit(limit);
}

export async function insertCookLog(db: DbOrTx, row: typeof recipeCookLog.$inferInsert) {
  const [entry] = await db.insert(recipeCookLog).values(row).returning();
  return entry as typeof recipeCookLog.$inferSelect;
}

export interface CookLogAfter {
  cookedOn: string;
  createdAt: string;
  id: string;
}

const cookLogOf = (userId: string, recipeId?: string) =>
  and(eq(recipeCookLog.userId, userId), recipeId ? eq(recipeCookLog.recipeId, recipeId) : undefined);

/**
 * A page of the user's own log, newest cooking first (then newest entry), after the keyset position.
 * Entries stay when their recipe is hidden from the user later; `visible` says so and the title is withheld.
 */
export async function listCookLog(db: DbOrTx, userId: string, filter: { recipeId?: string; limit: number; after?: CookLogAfter }) {
  const visible = visibleTo(userId);
  const { after } = filter;
  return db
    .select({
      entry: recipeCookLog,
      visible: sql<boolean>`(${visible})`,
      title: sql<string | null>`case when ${visible} then ${recipes.title} else null end`,
      exactCreatedAt: exactTime(recipeCookLog.createdAt),
    })
    .from(recipeCookLog)
    .innerJoin(recipes, eq(recipes.id, recipeCookLog.recipeId))
    .where(
      and(
        cookLogOf(userId, filter.recipeId),
        after
          ? sql`(${recipeCookLog.cookedOn}, ${recipeCookLog.createdAt}, ${recipeCookLog.id}) < (${after.cookedOn}::date, ${after.createdAt}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(recipeCookLog.cookedOn), desc(recipeCookLog.createdAt), desc(recipeCookLog.id))
    .limit(filter.limit);
}

/** How many entries the user's log (or one recipe's part of it) holds. */
export async function countCookLog(db: DbOrTx, userId: string, recipeId?: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(recipeCookLog).where(cookLogOf(userId, recipeId));
  return Number(row?.n ?? 0);
}

export async function deleteCookLog(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(recipeCookLog)
    .where(and(eq(recipeCookLog.id, id), eq(recipeCookLog.userId, userId)))
    .returning({ id: recipeCookLog.id });
  return rows.length > 0;
}
