import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/** PostgreSQL's tsvector; written and read only through SQL (to_tsvector, @@), never parsed in TypeScript. */
const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * The search feature's copy of each recipe, kept current in the transaction of every write that
 * changes what search shows (features/search). No foreign key to recipes: the index is its own
 * store, removed by the same transaction that deletes the recipe, and checked at boot.
 * Keys (`cuisine`, `tags`...) are folded (lower case, no accents); labels live in `search_terms`.
 */
export const searchRecipes = pgTable(
  'search_recipes',
  {
    recipeId: uuid('recipe_id').primaryKey(),
    ownerId: uuid('owner_id').notNull(),
    visibility: text('visibility', { enum: ['public', 'followers', 'private'] }).notNull(),
    title: text('title').notNull(),
    /** The title folded (search-text.ts): the vocabulary's words. */
    titleKey: text('title_key').notNull(),
    /** Title words only: which matches are title matches, and suggestions by word prefix. */
    titleVector: tsvector('title_vector').notNull(),
    /** Weighted: title A, tags/cuisine/course B, ingredient names C, description/steps/notes D. */
    document: tsvector('document').notNull(),
    /** Description and ingredient names as written, for snippets around a match. */
    summary: text('summary').notNull(),
    /** Core ingredient names ("olive oil"), for suggestions and the vocabulary. */
    ingredients: text('ingredients').array().notNull(),
    /** Core names, their words and family tags ("family:nut"), for include/exclude filters. */
    ingredientKeys: text('ingredient_keys').array().notNull(),
    tags: text('tags').array().notNull(),
    cuisine: text('cuisine'),
    course: text('course'),
    diets: text('diets').array().notNull(),
    totalMinutes: integer('total_minutes'),
    servings: real('servings'),
    ratingAverage: real('rating_average'),
    ratingCount: integer('rating_count').notNull(),
    /** Bayesian rating (search-document.ts): the rating sort, and the order within relevance. */
    quality: real('quality').notNull(),
    hasPhoto: boolean('has_photo').notNull(),
    coverUrl: text('cover_url'),
    /** ISO 639-1 code guessed from the text, or null when unsure. */
    language: text('language'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('search_recipes_document_idx').using('gin', t.document),
    index('search_recipes_title_vector_idx').using('gin', t.titleVector),
    index('search_recipes_ingredient_keys_idx').using('gin', t.ingredientKeys),
    index('search_recipes_tags_idx').using('gin', t.tags),
    index('search_recipes_cuisine_idx').on(t.cuisine),
    index('search_recipes_course_idx').on(t.course),
    index('search_recipes_owner_idx').on(t.ownerId),
    index('search_recipes_created_idx').on(t.createdAt, t.recipeId),
    index('search_recipes_quality_idx').on(t.quality, t.recipeId),
    index('search_recipes_minutes_idx').on(t.totalMinutes, t.recipeId),
    check('search_recipes_visibility_check', sql`${t.visibility} in ('public', 'followers', 'private')`),
  ],
);

/**
 * The vocabulary of the index: every ingredient, tag, cuisine, course and word (for "did you
 * mean") with how many recipes carry it, all and public ones. Maintained by the writes of
 * `search_recipes` (a term goes when no recipe carries it). Suggestions show public counts plus the
 * viewer's own, so a private recipe never shows through.
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    kind: text('kind', { enum: ['word', 'ingredient', 'tag', 'cuisine', 'course'] }).notNull(),
    /** Folded key. */
    term: text('term').notNull(),
    /** As first written ("Tex-Mex"). */
    label: text('label').notNull(),
    recipes: integer('recipes').notNull(),
    publicRecipes: integer('public_recipes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.term] }),
    index('search_terms_prefix_idx').on(t.kind, t.term.op('text_pattern_ops')),
    index('search_terms_trgm_idx').using('gin', sql`${t.term} gin_trgm_ops`),
    check('search_terms_kind_check', sql`${t.kind} in ('word', 'ingredient', 'tag', 'cuisine', 'course')`),
  ],
);

/** Searches a user keeps: the search page's query string under a name. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: text('query').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_searches_user_idx').on(t.userId, t.createdAt)],
);
