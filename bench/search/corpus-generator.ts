/**
 * N recipes shaped like the source: each starts from a source recipe drawn at random (so titles,
 * ingredients and cuisines keep their frequencies), and varies the title (a qualifier as common as
 * it is in Allrecipes titles: "Easy", "Slow Cooker", "Grandma's"...), the rating, the time, the
 * tags (from the title, the time and the ingredients, the way authors tag), the course, the diets
 * (only those the ingredients allow), the visibility (85 % public, 10 % private, 5 % followers),
 * the owner, the photo and the date. Deterministic: the same N and seed give the same corpus.
 */
import { randomUUID } from 'node:crypto';
import type { RecipeSearchSource } from '../../server/src/features/recipes/index.js';
import { buildSearchDocument, type SearchDocument } from '../../server/src/features/search/index.js';
import type { BaseRecipe } from './corpus-source.js';

/** mulberry32: a small, fast, seeded PRNG. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

/** First words of Allrecipes titles that qualify a dish, with how often they start a title (per 2,000). */
const qualifiers: [string, number][] = [
  ['Easy', 95], ['Air Fryer', 33], ['Slow Cooker', 26], ['Creamy', 24], ['Homemade', 23], ['Instant Pot', 23], ['Sweet', 22], ['Baked', 21],
  ['Best', 17], ['Spicy', 17], ['Quick', 14], ['Roasted', 14], ['Grilled', 13], ['Fresh', 11], ['Simple', 9], ['Mini', 9], ["Mom's", 8],
  ['Classic', 8], ['Crispy', 8], ['Smoked', 8], ['Copycat', 8], ["Grandma's", 7], ['Savory', 6], ['Ultimate', 6], ['Healthy', 5], ['Vegan', 5],
];
const qualifierTotal = qualifiers.reduce((sum, [, n]) => sum + n, 0);

function qualifier(rand: () => number): string {
  let at = rand() * qualifierTotal;
  for (const [word, n] of qualifiers) {
    at -= n;
    if (at <= 0) return word;
  }
  return 'Easy';
}

const courseWords: [RegExp, string][] = [
  [/\b(cake|cookies?|pie|brownies?|bars?|pudding|cheesecake|fudge|tart|cobbler|crisp|frosting|ice cream|candy|truffles?|cupcakes?)\b/i, 'Dessert'],
  [/\b(soup|chowder|stew|chili|bisque)\b/i, 'Soup'],
  [/\b(salad|slaw)\b/i, 'Salad'],
  [/\b(pancakes?|waffles?|muffins?|oatmeal|granola|omelet|frittata|breakfast)\b/i, 'Breakfast'],
  [/\b(bread|rolls?|biscuits?|scones?|focaccia|buns?)\b/i, 'Bread'],
  [/\b(dip|salsa|bites|poppers|wings)\b/i, 'Appetizer'],
  [/\b(smoothie|cocktail|punch|lemonade|latte|eggnog|margarita|tea)\b/i, 'Drink'],
  [/\b(sauce|dressing|gravy|marinade|seasoning|rub)\b/i, 'Sauce'],
  [/\b(potatoes|rice|beans|vegetables|asparagus|carrots|green beans|stuffing|coleslaw)\b/i, 'Side'],
];

const tagWords: [RegExp, string][] = [
  [/\b(slow cooker|crock pot)\b/i, 'slow cooker'],
  [/\b(instant pot|pressure cooker)\b/i, 'instant pot'],
  [/\bair fryer\b/i, 'air fryer'],
  [/\b(grilled|bbq|barbecue)\b/i, 'grilling'],
  [/\b(christmas|holiday|thanksgiving|easter|halloween)\b/i, 'holiday'],
  [/\b(casserole|bake)\b/i, 'casserole'],
  [/\b(spicy|jalapeno|chipotle|sriracha|buffalo)\b/i, 'spicy'],
  [/\b(copycat)\b/i, 'copycat'],
  [/\b(healthy|light|skinny)\b/i, 'healthy'],
];

/** The recipe's diets: those its ingredient families allow, each claimed by the author half of the time. */
function dietsOf(keys: readonly string[], rand: () => number): string[] {
  const has = (family: string) => keys.includes(`family:${family}`);
  const meat = has('meat') || has('fish') || has('shellfish');
  const allowed: string[] = [];
  if (!meat) allowed.push('vegetarian');
  if (!meat && !has('dairy') && !has('egg')) allowed.push('vegan');
  if (!has('gluten')) allowed.push('gluten-free');
  if (!has('dairy')) allowed.push('dairy-free');
  if (!has('nut')) allowed.push('nut-free');
  if (!has('egg')) allowed.push('egg-free');
  return allowed.filter(() => rand() < 0.5);
}

export interface GeneratedRecipe {
  doc: SearchDocument;
  /** The recipe's content, as its version row holds it. */
  content: Record<string, unknown>;
}

export interface GeneratorSettings {
  owners: readonly string[];
  /** This owner gets 0.05 % of the recipes (the measured viewer's own, mostly private). */
  viewerId: string;
  seed: number;
}

const day = 86_400_000;
const now = Date.UTC(2026, 0, 1);

/** Recipes `from` to `to - 1` of the corpus: the same numbers always give the same recipes. */
export function generateRecipes(base: readonly BaseRecipe[], from: number, to: number, settings: GeneratorSettings): GeneratedRecipe[] {
  const recipes: GeneratedRecipe[] = [];
  for (let n = from; n < to; n++) {
    const rand = random(settings.seed * 1_000_003 + n);
    const source = pick(rand, base);
    const title = rand() < 0.3 ? `${qualifier(rand)} ${source.title}` : source.title;
    const minutes = source.minutes === null ? null : Math.max(5, Math.round(source.minutes * (0.8 + rand() * 0.4)));
    const course = courseWords.find(([pattern]) => pattern.test(title))?.[1] ?? (rand() < 0.7 ? 'Main' : null);
    const tags = [...new Set(tagWords.filter(([pattern]) => pattern.test(title)).map(([, tag]) => tag))];
    if (minutes !== null && minutes <= 30 && rand() < 0.6) tags.push('quick');
    if (rand() < 0.15) tags.push(pick(rand, ['weeknight', 'make-ahead', 'kid-friendly', 'party', 'comfort food', 'budget', 'freezer-friendly']));
    const ratingCount = Math.max(0, Math.round(source.ratingCount * (0.5 + rand())));
    const visibility = rand() < 0.85 ? 'public' : rand() < 0.67 ? 'private' : 'followers';
    const ownerId = rand() < 0.0005 ? settings.viewerId : pick(rand, settings.owners);
    const created = new Date(now - Math.floor(rand() * 5 * 365 * day));
    const content = {
      title,
      description: null,
      servings: { amount: source.servings && source.servings > 0 ? source.servings : 4, unit: 'servings' },
      totalMinutes: minutes,
      cuisine: source.cuisine,
      course,
      diets: [] as string[],
      tags,
      equipment: [],
      ingredients: [{ title: null, lines: source.lines.map((line) => ({ text: line.text, name: line.name })) }],
      steps: [],
    };
    const recipeSource: RecipeSearchSource = {
      id: randomUUID(),
      ownerId,
      visibility: visibility as RecipeSearchSource['visibility'],
      content: content as unknown as RecipeSearchSource['content'],
      author: { id: ownerId, username: '', displayName: null },
      rating: { count: ratingCount, average: ratingCount > 0 && source.rating !== null ? Math.round(Math.min(5, Math.max(1, source.rating + (rand() - 0.5) * 0.4)) * 100) / 100 : null },
      createdAt: created,
      updatedAt: new Date(created.getTime() + Math.floor(rand() * 30 * day)),
    };
    const photo = rand() < 0.6 ? `/api/images/${randomUUID()}/320.webp` : null;
    const doc = buildSearchDocument(recipeSource, photo);
    doc.diets = dietsOf(doc.ingredientKeys, rand);
    content.diets = doc.diets;
    recipes.push({ doc, content });
  }
  return recipes;
}
