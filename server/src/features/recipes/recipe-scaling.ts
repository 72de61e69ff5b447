import type { IngredientLine, RecipeContent, ScaledRecipe } from '@tavola/contracts/recipes';
import { convertQuantity, formatQuantity, parseIngredientLine, scaleFactor, scaleIngredient, toUnitSystem, unitById } from '../ingredients/index.js';

type Parsed = ReturnType<typeof parseIngredientLine>;

/** The line's parsed parts: what the author saved (they may have corrected the parser), else the parser's reading. */
function partsOf(line: IngredientLine): Parsed {
  const parsed = parseIngredientLine(line.text);
  return {
    ...parsed,
    quantity: line.quantity !== undefined ? line.quantity : parsed.quantity,
    quantityMax: line.quantityMax !== undefined ? line.quantityMax : parsed.quantityMax,
    unit: line.unit !== undefined && (line.unit === null || unitById(line.unit)) ? line.unit : parsed.unit,
    name: line.name ?? parsed.name,
    preparation: line.preparation !== undefined ? line.preparation : parsed.preparation,
    comment: line.comment !== undefined ? line.comment : parsed.comment,
  };
}

/** Fills the parsed parts of lines saved as text only, so every version keeps them. */
export async function completeIngredients(content: RecipeContent): Promise<RecipeContent> {
  return {
    ...content,
    ingredients: content.ingredients.map((section) => ({
      ...section,
      lines: section.lines.map((line) => {
        const parts = partsOf(line);
        return {
          ...line,
          quantity: parts.quantity,
          quantityMax: parts.quantityMax,
          unit: parts.unit,
          name: parts.name || null,
          preparation: parts.preparation,
          comment: parts.comment,
          optional: line.optional ?? parts.optional,
        };
      }),
    })),
  };
}

/** Grams per millilitre of a line's food, when it is known: volumes can then be shown as weights. */
export type DensityOf = (foodId: number) => number | null | undefined;

function convertTo(parts: Parsed, system: 'metric' | 'us', densityGPerMl?: number): Parsed {
  if (parts.quantity === null || !parts.unit) return parts;
  const weigh = densityGPerMl !== undefined && unitById(parts.unit)?.dimension === 'volume';
  const options = weigh ? { densityGPerMl, dimension: 'mass' as const } : {};
  const target = toUnitSystem(parts.quantity, parts.unit, system, options);
  if (target.unit === parts.unit) return parts;
  return {
    ...parts,
    quantity: target.amount,
    quantityMax: parts.quantityMax === null ? null : convertQuantity(parts.quantityMax, parts.unit, target.unit, { densityGPerMl }),
    unit: target.unit,
  };
}

function densityFor(line: IngredientLine, densityOf: DensityOf | undefined): number | undefined {
  if (!densityOf || typeof line.foodId !== 'number') return undefined;
  const density = densityOf(line.foodId);
  return density && density > 0 ? density : undefined;
}

function displayLine(parts: Parsed): string {
  if (parts.quantity === null) return parts.original;
  const amount =
    parts.quantityMax !== null
      ? `${formatQuantity(parts.quantity, null)}–${formatQuantity(parts.quantityMax, parts.unit)}`
      : formatQuantity(parts.quantity, parts.unit);
  const tail = [parts.preparation, parts.comment].filter(Boolean).join(', ');
  return `${amount} ${parts.name}${tail ? `, ${tail}` : ''}${parts.optional && !/optional/i.test(tail) ? ' (optional)' : ''}`.trim();
}

/** The ingredients at another number of servings and in another unit system; lines without an amount stay as written. */
export function scaleRecipeContent(
  content: RecipeContent,
  query: { servings?: number; system: 'original' | 'metric' | 'us'; measure?: 'as-written' | 'weight' },
  densityOf?: DensityOf,
): ScaledRecipe {
  const servings = query.servings ?? content.servings.amount;
  const factor = scaleFactor(content.servings.amount, servings);
  const measure = query.measure ?? 'as-written';
  return {
    servings: { amount: servings, unit: content.servings.unit },
    factor,
    system: query.system,
    measure,
    ingredients: content.ingredients.map((section) => ({
      title: section.title ?? null,
      lines: section.lines.map((line) => {
        const original = partsOf(line);
        const scaledParts = scaleIngredient(original, factor);
        const density = measure === 'weight' ? densityFor(line, densityOf) : undefined;
        const parts =
          query.system === 'original' && density === undefined ? scaledParts : convertTo(scaledParts, query.system === 'original' ? 'metric' : query.system, density);
        const unchanged = factor === 1 && parts === scaledParts;
        return {
          original: line.text,
          display: unchanged || original.quantity === null || original.toTaste ? line.text : displayLine(parts),
          quantity: parts.quantity,
          quantityMax: parts.quantityMax,
          unit: parts.unit,
          scaled: original.quantity !== null && !original.toTaste,
        };
      }),
    })),
  };
}
