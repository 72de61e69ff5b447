import { and, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { isoTimestamp } from '../../db/iso-timestamp.js';
import { recipeFavourites, recipeRatings, recipeVersions, recipes, users } from '../../db/schema/index.js';
import { visibleTo } from './recipes.repository.js';

/**
 * The read of one whole recipe (GET /api/recipes/:id) in one statement: the recipe row, its current
 * version, its author, its rating summary and, when the images feature provides them, its images,
 * under the same visibility condition as every read. For a logged-in viewer the same statement reads
 * their own stars and whether the recipe is one of their favourites (primary-key lookups). Ratings are
 * aggregated at read time over one range of their primary key (recipe_id, user_id): one statement
 * whatever their number, its cost growing with them (see docs/architecture.md for the scale lever).
 */

/**
 * What another feature adds to the recipe read without the recipes feature knowing its tables: a
 * correlated subquery over the recipe's id that yields JSON, and how to read that JSON. Injected by
 * the composition root (app.ts), so recipes never imports the feature.
 */
export interface RecipeReadPart<T> {
  json(recipeId: SQLWrapper): SQL<unknown>;
  fromJson(value: unknown): T;
}

const author = { id: users.id, username: users.username, displayName: users.displayName };

const rater = alias(users, 'rater');

/**
 * Count and sum of the stars of the recipe in the outer query, from active accounts only, like the
 * ratings list and its summary (a deleted account's rating stops counting). The account check is a
 * primary-key lookup per rating: joined instead, the planner hashes the whole users table on every read.
 */
const ratingSummary = sql<{ n: number; total: number }>`(select json_build_object('n', count(*)::int, 'total', coalesce(sum(${recipeRatings.stars}), 0)::int)
  from ${recipeRatings}
  where ${recipeRatings.recipeId} = ${recipes.id}
    and (select ${rater.status} from ${users} as ${sql.identifier('rater')} where ${rater.id} = ${recipeRatings.userId}) = 'active')`;

function buildReads(db: DbOrTx, images: RecipeReadPart<unknown> | null) {
  const build = (viewer: 'anonymous' | 'viewer') => {
    const viewerId = viewer === 'viewer' ? sql.placeholder('viewer') : null;
    return db
      .select({
        // Only what the answer shows: fewer columns to read and parse on the hottest read.
        recipe: { id: recipes.id, visibility: recipes.visibility, createdAt: isoTimestamp(recipes.createdAt), updatedAt: isoTimestamp(recipes.updatedAt) },
        version: { id: recipeVersions.id, number: recipeVersions.number, content: recipeVersions.content },
        author,
        ratings: ratingSummary,
        mine: viewerId
          ? sql<number | null>`(select ${recipeRatings.stars} from ${recipeRatings} where ${recipeRatings.recipeId} = ${recipes.id} and ${recipeRatings.userId} = ${viewerId})`
          : sql<number | null>`null::smallint`,
        favourite: viewerId
          ? sql<boolean>`exists (select 1 from ${recipeFavourites} where ${recipeFavourites.userId} = ${viewerId} and ${recipeFavourites.recipeId} = ${recipes.id})`
          : sql<boolean>`false`,
        images: images ? images.json(recipes.id) : sql<unknown>`'[]'::json`,
      })
      .from(recipes)
      .innerJoin(recipeVersions, and(eq(recipeVersions.recipeId, recipes.id), eq(recipeVersions.number, recipes.currentVersion)))
      .innerJoin(users, eq(users.id, recipes.ownerId))
      .where(and(eq(recipes.id, sql.placeholder('id')), visibleTo(viewerId)))
      .limit(1)
      .prepare(`recipe_read_${viewer}${images ? '_images' : ''}`);
  };
  return { anonymous: build('anonymous'), viewer: build('viewer') };
}

type Reads = ReturnType<typeof buildReads>;

/** Prepared once per database handle and images part: built once, planned by PostgreSQL once per connection. */
const prepared = new WeakMap<object, Map<RecipeReadPart<unknown> | null, Reads>>();

function preparedReads(db: DbOrTx, images: RecipeReadPart<unknown> | null): Reads {
  let byPart = prepared.get(db);
  if (!byPart) {
    byPart = new Map();
    prepared.set(db, byPart);
  }
  let reads = byPart.get(images);
  if (!reads) {
    reads = buildReads(db, images);
    byPart.set(images, reads);
  }
  return reads;
}

/** The whole recipe as one row, or undefined when the viewer may not see it (or it does not exist). */
export async function findRecipeForReading(db: DbOrTx, id: string, viewerId: string | null, images: RecipeReadPart<unknown> | null) {
  const reads = preparedReads(db, images);
  const [row] = viewerId ? await reads.viewer.execute({ id, viewer: viewerId }) : await reads.anonymous.execute({ id });
  return row;
}
