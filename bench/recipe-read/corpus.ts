/**
 * The recipe-read corpus, loaded in SQL: users, recipes with their current version (realistic content
 * JSONB), image rows, ratings and favourites. Everything is derived from generate_series numbers, so ids are
 * deterministic (md5 of a label as a uuid) and one statement per table and batch loads thousands of rows.
 */
import { type RecipeContent, recipeContentSchema } from '../../contracts/recipes.js';
import type { SqlExecutor } from '../../server/src/db/client.js';

export interface CorpusSettings {
  recipes: number;
  users: number;
  batch: number;
}

/** What one load produced, counted in the database afterwards. */
export interface CorpusCounts {
  users: number;
  recipes: number;
  publicRecipes: number;
  privateRecipes: number;
  followersRecipes: number;
  recipesWithImages: number;
  images: number;
  ratings: number;
  favourites: number;
  avgContentBytes: number;
}

const pantry: Array<[number | null, string | null, string, string | null]> = [
  [300, 'g', 'arborio rice', null],
  [1, 'large', 'onion', 'finely chopped'],
  [2, 'clove', 'garlic', 'crushed'],
  [2, 'tbsp', 'olive oil', null],
  [400, 'g', 'canned tomatoes', 'crushed'],
  [1, 'l', 'vegetable stock', 'hot'],
  [50, 'g', 'parmesan', 'finely grated'],
  [30, 'g', 'butter', 'cold, diced'],
  [250, 'ml', 'dry white wine', null],
  [1, 'tsp', 'smoked paprika', null],
  [500, 'g', 'chicken thighs', 'boneless, skinless'],
  [200, 'g', 'chickpeas', 'drained'],
  [1, 'bunch', 'flat-leaf parsley', 'leaves picked'],
  [1, null, 'lemon', 'zested and juiced'],
  [2, 'cup', 'all-purpose flour', 'sifted'],
  [3, 'large', 'eggs', 'at room temperature'],
  [120, 'ml', 'whole milk', 'warm'],
  [1, 'tbsp', 'honey', null],
  [150, 'g', 'spinach', 'washed'],
  [2, 'medium', 'carrots', 'peeled and diced'],
  [null, null, 'salt and black pepper', null],
  [1, 'pinch', 'chilli flakes', null],
];

const stepTexts = [
  'Warm the oil in a heavy pot over a medium heat, add the onion with a pinch of salt and cook, stirring now and then, until soft and translucent, about eight minutes.',
  'Stir in the garlic and the spices and cook for a minute more, until fragrant; do not let the garlic brown or it will turn bitter.',
  'Add the main ingredient and turn it in the aromatics until every piece is coated and glossy, then pour in the wine and let it bubble away almost completely.',
  'Add the hot stock a ladle at a time, stirring and waiting until each addition is absorbed before adding the next, for eighteen to twenty minutes.',
  'Take the pot off the heat, beat in the butter and the cheese, cover and leave to rest for two minutes so it turns creamy.',
  'Taste, adjust the seasoning with salt, pepper and a squeeze of lemon, scatter with the herbs and serve at once in warm bowls.',
  'Meanwhile, whisk the dressing ingredients together in a small bowl and set aside until needed.',
  'Roast on the top shelf of the oven for twenty-five minutes, turning halfway, until golden at the edges.',
];

const dishes = ['risotto', 'stew', 'tagine', 'soup', 'gratin', 'pilaf', 'curry', 'frittata', 'traybake', 'pasta bake', 'salad', 'tart'];
const cuisines = ['Italian', 'French', 'Moroccan', 'Indian', 'Spanish', 'Greek', 'Japanese', 'Mexican'];
const courses = ['main', 'starter', 'side', 'dessert', 'breakfast'];

/** `count` distinct, valid recipe contents: 2 ingredient sections of 5 lines (10 lines), 6 steps. */
export function contentTemplates(count: number): RecipeContent[] {
  return Array.from({ length: count }, (_, t) => {
    const line = (i: number) => {
      const [quantity, unit, name, preparation] = pantry[(t * 3 + i) % pantry.length] as (typeof pantry)[number];
      const amount = quantity == null ? '' : `${quantity}${unit ? ` ${unit}` : ''} `;
      return {
        text: `${amount}${name}${preparation ? `, ${preparation}` : ''}`,
        quantity,
        unit,
        name,
        preparation,
        comment: null,
        optional: i === 9 ? true : undefined,
      };
    };
    return recipeContentSchema.parse({
      title: `Template ${t}`,
      description: `A ${dishes[t % dishes.length]} for a weeknight: one pot, honest ingredients, and a finish that makes it taste of more than the sum of its parts.`,
      servings: { amount: 2 + (t % 5), unit: 'people' },
      prepMinutes: 10 + (t % 4) * 5,
      cookMinutes: 20 + (t % 6) * 10,
      difficulty: (['easy', 'medium', 'hard'] as const)[t % 3],
      cuisine: cuisines[t % cuisines.length],
      course: courses[t % courses.length],
      diets: t % 2 === 0 ? ['vegetarian'] : [],
      tags: ['weeknight', dishes[t % dishes.length] as string, t % 3 === 0 ? 'one-pot' : 'make-ahead'],
      equipment: ['heavy pot', 'wooden spoon'],
      ingredients: [
        { title: 'For the base', lines: [0, 1, 2, 3, 4].map(line) },
        { title: 'To finish', lines: [5, 6, 7, 8, 9].map(line) },
      ],
      steps: [0, 1, 2, 3, 4, 5].map((i) => ({ text: stepTexts[(t + i) % stepTexts.length] as string, timerSeconds: i === 3 ? 1200 : null })),
      notes: t % 4 === 0 ? 'Keeps for two days in the fridge; loosen with a splash of stock when reheating.' : null,
      source: null,
    });
  });
}

/** A deterministic version-4-shaped uuid from a label (md5 with the version and variant digits set, as Zod's uuid() checks). */
const uuidOf = (label: string) => `overlay(overlay(md5(${label}) placing '4' from 13) placing '8' from 17)::uuid`;
const recipeId = uuidOf(`'bench-recipe-' || g`);
const ownerOf = (expression: string) => uuidOf(`'bench-user-' || ((${expression}) % $3::int)`);

/**
 * Visibility by number: 70 % public, 20 % private, 10 % followers-only. A third of the recipes have
 * 1-6 images; recipes have 0-8 ratings (4 on average) from distinct users, never their owner's; one
 * in four is someone's favourite.
 */
const statements = {
  users: `insert into users (id, email, username, display_name, password_hash, created_at)
    select ${uuidOf(`'bench-user-' || u`)}, 'bench-user-' || u || '@example.test', 'bench_user_' || u, 'Bench cook ' || u, 'not-a-hash', now()
    from generate_series(0, $1::int - 1) u`,
  recipes: `insert into recipes (id, owner_id, visibility, current_version, title, cuisine, course, total_minutes, created_at, updated_at)
    select ${recipeId}, ${ownerOf('g')},
      case when g % 10 < 7 then 'public' when g % 10 < 9 then 'private' else 'followers' end,
      1, t.content->>'title' || ' ' || g, t.content->>'cuisine', t.content->>'course',
      (t.content->>'prepMinutes')::int + (t.content->>'cookMinutes')::int,
      now() - make_interval(mins => g), now() - make_interval(mins => g)
    from generate_series($1::int, $2::int) g join bench_recipe_templates t on t.n = g % $4::int`,
  versions: `insert into recipe_versions (id, recipe_id, number, author_id, content, change_note, created_at)
    select ${uuidOf(`'bench-version-' || g`)}, ${recipeId}, 1, ${ownerOf('g')},
      jsonb_set(t.content, '{title}', to_jsonb(t.content->>'title' || ' ' || g)), 'First version', now() - make_interval(mins => g)
    from generate_series($1::int, $2::int) g join bench_recipe_templates t on t.n = g % $4::int`,
  images: `insert into recipe_images (id, recipe_id, owner_id, position, is_cover, storage_key, width, height, variants, alt, created_at)
    select ${uuidOf(`'bench-image-' || g || '-' || k`)}, ${recipeId}, ${ownerOf('g')}, k, k = 0,
      'recipe-images/' || ${recipeId} || '/' || ${uuidOf(`'bench-image-' || g || '-' || k`)}, 1600, 1067,
      '[{"width":320,"height":213,"bytes":14210,"format":"webp"},{"width":640,"height":427,"bytes":41877,"format":"webp"},{"width":1280,"height":853,"bytes":128304,"format":"webp"}]'::jsonb,
      case when k % 2 = 0 then 'Photo ' || (k + 1) || ' of the dish' end, now() - make_interval(mins => g)
    from generate_series($1::int, $2::int) g cross join lateral generate_series(0, (g / 3) % 6) k
    where g % 3 = 0`,
  ratings: `insert into recipe_ratings (recipe_id, user_id, stars, review, created_at, updated_at)
    select ${recipeId}, ${ownerOf('g + 1 + k * 131')}, 1 + (g * 7 + k * 3) % 5,
      case when k % 3 = 0 then 'Made it twice; the second time with less salt, and it was even better.' end, now(), now()
    from generate_series($1::int, $2::int) g cross join lateral generate_series(0, g % 9 - 1) k`,
  favourites: `insert into recipe_favourites (recipe_id, user_id, created_at)
    select ${recipeId}, ${ownerOf('g + 7')}, now()
    from generate_series($1::int, $2::int) g
    where g % 4 = 0`,
};

/**
 * Loads the corpus in batches of `batch` recipes (progress through `progress`). The content templates are
 * validated by the contract, so every recipe passes the app's response schema.
 */
export async function loadCorpus(db: SqlExecutor, settings: CorpusSettings, progress: (message: string) => void): Promise<void> {
  const templates = contentTemplates(48);
  await db.executeSql('create table bench_recipe_templates (n int primary key, content jsonb not null)', []);
  for (const [n, content] of templates.entries()) {
    await db.executeSql('insert into bench_recipe_templates (n, content) values ($1, $2::jsonb)', [n, JSON.stringify(content)]);
  }
  await db.executeSql(statements.users, [settings.users]);
  for (let from = 0; from < settings.recipes; from += settings.batch) {
    const to = Math.min(from + settings.batch, settings.recipes) - 1;
    const started = performance.now();
    // Parameters: $1, $2 the recipe numbers of the batch, $3 the number of users, $4 the number of templates.
    await db.executeSql(statements.recipes, [from, to, settings.users, templates.length]);
    await db.executeSql(statements.versions, [from, to, settings.users, templates.length]);
    await db.executeSql(statements.images, [from, to, settings.users]);
    await db.executeSql(statements.ratings, [from, to, settings.users]);
    await db.executeSql(statements.favourites, [from, to, settings.users]);
    progress(`  recipes ${from}-${to} loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  await db.executeSql('drop table bench_recipe_templates', []);
}

/** Ratings and favourites of the logged-in bench viewer on some public recipes, so `mine` and `favourite` vary. */
export async function giveViewerHistory(db: SqlExecutor, viewerId: string, recipes: number): Promise<void> {
  await db.executeSql(
    `insert into recipe_ratings (recipe_id, user_id, stars, created_at, updated_at)
     select ${recipeId}, $1, 1 + g % 5, now(), now() from generate_series(0, $2::int - 1) g where g % 10 = 1`,
    [viewerId, recipes],
  );
  await db.executeSql(
    `insert into recipe_favourites (recipe_id, user_id, created_at)
     select ${recipeId}, $1, now() from generate_series(0, $2::int - 1) g where g % 10 = 2`,
    [viewerId, recipes],
  );
}

export async function countCorpus(db: SqlExecutor): Promise<CorpusCounts> {
  const { rows } = await db.executeSql(
    `select
      (select count(*)::int from users) as users,
      (select count(*)::int from recipes) as recipes,
      (select count(*)::int from recipes where visibility = 'public') as "publicRecipes",
      (select count(*)::int from recipes where visibility = 'private') as "privateRecipes",
      (select count(*)::int from recipes where visibility = 'followers') as "followersRecipes",
      (select count(distinct recipe_id)::int from recipe_images) as "recipesWithImages",
      (select count(*)::int from recipe_images) as images,
      (select count(*)::int from recipe_ratings) as ratings,
      (select count(*)::int from recipe_favourites) as favourites,
      (select avg(octet_length(content::text))::int from recipe_versions) as "avgContentBytes"`,
    [],
  );
  return rows[0] as CorpusCounts;
}

/** `count` random public recipe ids, in random order. */
export async function randomPublicIds(db: SqlExecutor, count: number): Promise<string[]> {
  const { rows } = await db.executeSql(`select id from recipes where visibility = 'public' order by random() limit $1`, [count]);
  return rows.map((row: { id: string }) => row.id);
}
