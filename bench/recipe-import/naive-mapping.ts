/**
 * The baseline: what a quick import gives. It copies `name` as the title, `recipeIngredient` when it
 * is an array of strings, and `recipeInstructions` when it is a string or an array of strings; it
 * finds no Recipe inside @graph or arrays, reads no HowToStep, and parses nothing.
 */
export interface NaiveRecipe {
  title: string | null;
  ingredients: string[];
  steps: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : []);

export function naiveMapping(document: unknown): NaiveRecipe {
  const recipe = typeof document === 'object' && document !== null && !Array.isArray(document) ? (document as Record<string, unknown>) : {};
  const instructions = recipe.recipeInstructions;
  return {
    title: typeof recipe.name === 'string' && recipe.name.trim() ? recipe.name.trim() : null,
    ingredients: strings(recipe.recipeIngredient).filter((line) => line.trim()),
    steps: typeof instructions === 'string' ? [instructions] : strings(instructions).filter((line) => line.trim()),
  };
}
