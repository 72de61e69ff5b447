import type { RecipeNutrition } from '@tavola/contracts/recipe-nutrition';
import type { IngredientLine, Recipe, RecipeContent } from '@tavola/contracts/recipes';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { computeNutrition, findFoodsByIds, matchFoods } from '../foods/index.js';
import { scaleFactor } from '../ingredients/index.js';

type Located = { section: number; line: number; value: IngredientLine };

const linesOf = (content: RecipeContent): Located[] =>
  content.ingredients.flatMap((section, s) => section.lines.map((value, l) => ({ section: s, line: l, value })));

const foodField = (at: { section: number; line: number }) => `content.ingredients.${at.section}.lines.${at.line}.foodId`;

function withLines(content: RecipeContent, update: (line: IngredientLine, section: number, index: number) => IngredientLine): RecipeContent {
  return {
    ...content,
    ingredients: content.ingredients.map((section, s) => ({ ...section, lines: section.lines.map((line, l) => update(line, s, l)) })),
  };
}

/**
 * Links every line to the food it counts as: lines whose food the author chose keep it (it must
 * exist), the others are matched from their parsed name at each save, so an edited line follows
 * its new name. Two or three queries for the whole recipe.
 */
export async function linkFoods(db: DbOrTx, content: RecipeContent): Promise<RecipeContent> {
  const lines = linesOf(content);
  const chosen = lines.filter((at) => at.value.foodChosen === true && typeof at.value.foodId === 'number');
  if (chosen.length > 0) {
    const known = await findFoodsByIds(db, chosen.map((at) => at.value.foodId as number));
    const unknown = chosen.filter((at) => !known.has(at.value.foodId as number));
    if (unknown.length > 0) {
      throw new AppError(
        'unknown_food',
        422,
        'Some ingredient lines name a food that is not in the catalogue',
        unknown.map((at) => ({ field: foodField(at), message: 'is not a food in the catalogue' })),
      );
    }
  }
  const toMatch = lines.filter((at) => at.value.foodChosen !== true && at.value.name);
  const matches = toMatch.length > 0 ? await matchFoods(db, toMatch.map((at) => at.value.name as string)) : [];
  const matched = new Map(toMatch.map((at, index) => [`${at.section}.${at.line}`, matches[index]?.food?.id ?? null]));
  return withLines(content, (line, s, l) =>
    line.foodChosen === true ? { ...line, foodId: line.foodId ?? null } : { ...line, foodId: matched.get(`${s}.${l}`) ?? null, foodChosen: false },
  );
}

/** The content with the author's food choices applied (positions must exist). */
export function chooseFoods(content: RecipeContent, changes: ReadonlyArray<{ section: number; line: number; foodId: number | null }>): RecipeContent {
  const missing = changes.filter((change) => content.ingredients[change.section]?.lines[change.line] === undefined);
  if (missing.length > 0) {
    throw new AppError(
      'unknown_line',
      422,
      'Some changes point at ingredient lines this version does not have',
      missing.map((change) => ({ field: `changes.${changes.indexOf(change)}`, message: `has no line ${change.line} in section ${change.section}` })),
    );
  }
  const byPosition = new Map(changes.map((change) => [`${change.section}.${change.line}`, change.foodId]));
  return withLines(content, (line, s, l) => {
    const key = `${s}.${l}`;
    return byPosition.has(key) ? { ...line, foodId: byPosition.get(key) ?? null, foodChosen: true } : line;
  });
}

/**
 * Nutrition of the recipe's current version at `servings` (default: as written). Each line shows
 * its food, the grams counted or why it is left out; nothing is guessed.
 */
export async function recipeNutrition(db: DbOrTx, recipe: Pick<Recipe, 'id' | 'version' | 'content'>, servings?: number): Promise<RecipeNutrition> {
  const { content } = recipe;
  const lines = linesOf(content);
  const factor = scaleFactor(content.servings.amount, servings ?? content.servings.amount);
  const foods = await findFoodsByIds(
    db,
    lines.flatMap((at) => (typeof at.value.foodId === 'number' ? [at.value.foodId] : [])),
  );
  const scaled = lines.map(({ value }) => ({
    quantity: value.quantity == null ? null : value.quantity * factor,
    quantityMax: value.quantityMax == null ? null : value.quantityMax * factor,
    unit: value.unit ?? null,
    foodId: value.foodId ?? null,
  }));
  const amount = servings ?? content.servings.amount;
  const summary = computeNutrition(scaled, amount, foods);
  const reasons = new Map(summary.uncounted.map((entry) => [entry.line, entry.reason]));
  return {
    recipeId: recipe.id,
    version: recipe.version,
    servings: { amount, unit: content.servings.unit },
    perServing: summary.perServing,
    total: summary.total,
    incomplete: summary.incomplete,
    countedLines: summary.countedLines,
    lines: lines.map((at, index) => {
      const food = typeof at.value.foodId === 'number' ? foods.get(at.value.foodId) : undefined;
      const reason = reasons.get(index) ?? null;
      return {
        section: at.section,
        line: at.line,
        text: at.value.text,
        food: food ? { id: food.id, name: food.name, commonName: food.commonName, foodGroup: food.foodGroup } : null,
        chosen: at.value.foodChosen === true,
        grams: reason === null ? Math.round((summary.lineGrams[index] ?? 0) * 10) / 10 : null,
        uncounted: reason,
      };
    }),
  };
}
