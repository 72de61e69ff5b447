import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RecipeContent } from '@tavola/contracts/recipes';
import { users } from './accounts.js';

/**
 * A recipe is a row that points at its current immutable version. The row caches what lists and
 * filters need (title, cuisine, times); the content lives in the versions.
 */
export const recipes = pgTable(
  'recipes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    visibility: text('visibility', { enum: ['public', 'followers', 'private'] }).notNull().default('private'),
    currentVersion: integer('current_version').notNull(),
    title: text('title').notNull(),
    cuisine: text('cuisine'),
    course: text('course'),
    totalMinutes: integer('total_minutes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recipes_owner_idx').on(t.ownerId, t.updatedAt),
    index('recipes_public_idx').on(t.updatedAt).where(sql`${t.visibility} = 'public'`),
    check('recipes_visibility_check', sql`${t.visibility} in ('public', 'followers', 'private')`),
  ],
);

export const recipeVersions = pgTable(
  'recipe_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipeId: uuid('recipe_id')
      .notNull()
      .references(() => recipes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    content: jsonb('content').$type<RecipeContent>().notNull(),
    changeNote: text('change_note'),
    restoredFrom: integer('restored_from'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recipe_versions_number_idx').on(t.recipeId, t.number)],
);

export const recipeImages = pgTable(
  'recipe_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipeId: uuid('recipe_id')
      .notNull()
      .references(() => recipes.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    isCover: boolean('is_cover').notNull().default(false),
    /** Storage key prefix; variants are `<key>/<width>.webp`. */
    storageKey: text('storage_key').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    variants: jsonb('variants').$type<{ width: number; height: number; bytes: number; format: string }[]>().notNull(),
    alt: text('alt'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recipe_images_recipe_idx').on(t.recipeId, t.position)],
);

export const recipeRatings = pgTable(
  'recipe_ratings',
  {
    recipeId: uuid('recipe_id')
      .notNull()
      .references(() => recipes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    stars: smallint('stars').notNull(),
    review: text('review'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recipeId, t.userId] }), check('recipe_ratings_stars_check', sql`${t.stars} between 1 and 5`)],
);

export const recipeFavourites = pgTable(
  'recipe_favourites',
  {
    recipeId: uuid('recipe_id')
      .notNull()
      .references(() => recipes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.recipeId] }),
    // "My favourites", newest first, a page at a time.
    index('recipe_favourites_user_created_idx').on(t.userId, t.createdAt, t.recipeId),
  ],
);

export const recipeCookLog = pgTable(
  'recipe_cook_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipeId: uuid('recipe_id')
      .notNull()
      .references(() => recipes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    cookedOn: date('cooked_on').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recipe_cook_log_user_idx').on(t.userId, t.cookedOn)],
);
