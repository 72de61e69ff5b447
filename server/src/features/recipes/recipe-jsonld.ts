import type { Recipe } from '@tavola/contracts/recipes';

/** Minutes as an ISO 8601 duration (schema.org times): 90 -> PT1H30M. */
export function isoDuration(minutes: number | null | undefined): string | undefined {
  if (minutes == null) return undefined;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ''}${rest || !hours ? `${rest}M` : ''}`;
}

const schemaOrgDiets: Record<string, string> = {
  vegetarian: 'https://schema.org/VegetarianDiet',
  vegan: 'https://schema.org/VeganDiet',
  'gluten-free': 'https://schema.org/GlutenFreeDiet',
  halal: 'https://schema.org/HalalDiet',
  kosher: 'https://schema.org/KosherDiet',
};

export interface JsonLdExtras {
  publicUrl: string;
  imageUrls?: string[];
  rating?: { count: number; average: number | null };
}

/** The recipe as a schema.org Recipe (JSON-LD), as other sites and search engines read it. */
export function toSchemaOrgRecipe(recipe: Omit<Recipe, 'images' | 'rating'>, extras: JsonLdExtras): Record<string, unknown> {
  const c = recipe.content;
  const url = `${extras.publicUrl}/recipes/${recipe.id}`;
  const diets = c.diets.filter((d) => schemaOrgDiets[d]).map((d) => schemaOrgDiets[d]);
  const keywords = [...c.tags, ...c.diets.filter((d) => !schemaOrgDiets[d])];
  const jsonLd: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Recipe',
    '@id': url,
    url,
    name: c.title,
    description: c.description ?? undefined,
    author: { '@type': 'Person', name: recipe.author.displayName ?? recipe.author.username },
    datePublished: recipe.createdAt,
    dateModified: recipe.updatedAt,
    version: String(recipe.version),
    recipeYield: `${c.servings.amount} ${c.servings.unit}`,
    prepTime: isoDuration(c.prepMinutes),
    cookTime: isoDuration(c.cookMinutes),
    totalTime: isoDuration(c.totalMinutes ?? (c.prepMinutes != null || c.cookMinutes != null ? (c.prepMinutes ?? 0) + (c.cookMinutes ?? 0) : null)),
    recipeCuisine: c.cuisine ?? undefined,
    recipeCategory: c.course ?? undefined,
    suitableForDiet: diets.length ? diets : undefined,
    keywords: keywords.length ? keywords.join(', ') : undefined,
    tool: c.equipment.length ? c.equipment.map((name) => ({ '@type': 'HowToTool', name })) : undefined,
    recipeIngredient: c.ingredients.flatMap((section) => section.lines.map((line) => line.text)),
    recipeInstructions: c.steps.map((step, i) => ({ '@type': 'HowToStep', position: i + 1, text: step.text })),
    image: extras.imageUrls?.length ? extras.imageUrls : undefined,
    isBasedOn: c.source?.url ?? undefined,
    aggregateRating:
      extras.rating && extras.rating.count > 0 && extras.rating.average !== null
        ? { '@type': 'AggregateRating', ratingValue: extras.rating.average, ratingCount: extras.rating.count, bestRating: 5, worstRating: 1 }
        : undefined,
  };
  return JSON.parse(JSON.stringify(jsonLd)) as Record<string, unknown>;
}
