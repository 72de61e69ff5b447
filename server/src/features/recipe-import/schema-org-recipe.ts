/**
 * schema.org Recipe (JSON-LD, or microdata read into the same shape) -> our recipe content.
 * Pure: finds the Recipe in whatever document a page carries (one object, an array, `@graph`,
 * `mainEntity`, `@type` as a string or an array), reads each property in the forms pages use, and
 * hands the draft to finishImport, which fits it to the contract and validates it.
 */
import { AppError } from '../../platform/errors.js';
import { type DietLabel, type DraftSection, type DraftStep, finishImport, type ImportedRecipe } from './imported-content.js';
import { plainLines, plainText } from './import-text.js';
import { dietFromLabel, dietsFrom, durationMinutes, isObject, type JsonObject, personNames, servingsFrom, textList, textValue } from './schema-org-values.js';

/** Where the JSON-LD was found: the page's address (source URL, relative links) and site name. */
export interface RecipePageContext {
  pageUrl?: string | null;
  siteName?: string | null;
}

/** Properties that may hold the Recipe of a page inside another node. */
const containerKeys = ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart', 'itemListElement', 'item', 'about', 'workExample'];
const maxNodesVisited = 5000;

function typeNames(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((entry): entry is string => typeof entry === 'string').map((entry) => entry.replace(/^.*[/:#]/, '').toLowerCase());
}

export const isRecipeNode = (node: unknown): node is JsonObject => isObject(node) && typeNames(node).includes('recipe');

/** The first schema.org Recipe in a JSON-LD document, breadth first; null when there is none. */
export function findSchemaOrgRecipe(document: unknown): JsonObject | null {
  const queue: unknown[] = [document];
  let visited = 0;
  while (queue.length > 0 && visited < maxNodesVisited) {
    const node = queue.shift();
    visited++;
    if (Array.isArray(node)) {
      queue.push(...node);
    } else if (isObject(node)) {
      if (isRecipeNode(node)) return node;
      for (const key of containerKeys) if (node[key] != null && typeof node[key] === 'object') queue.push(node[key]);
    }
  }
  return null;
}

const genericSectionNames = /^(instructions?|directions?|method|preparation|steps?|procedure|zubereitung|anleitung|pr[ée]paration|preparazione|procedimento|preparaci[óo]n|elaboraci[óo]n|modo de preparo|bereiding|elkészítés)$/i;
const stepNumbering = /^(?:(?:step|schritt|étape|passo|paso)\s*)?\d{1,3}(?:[.)、]\s*|\s*[:-]\s+)(?=[^\d\s])/i;
const bareStepLabel = /^(?:(?:step|schritt|étape|passo|paso)\s*)?\d{1,3}[.):]?$/i;
const inlineNumber = /(?:^|\s)(\d{1,2})[.、)](?=\s*[^\d\s])/g;

/** "1.Chop the onion 2.Fry it 3.Serve": numbered steps run together in one line, split at 1, 2, 3... */
export function splitInlineNumbering(line: string): string[] {
  const cuts: number[] = [];
  for (const mark of line.matchAll(inlineNumber)) {
    if (Number(mark[1]) !== cuts.length + 1) continue;
    cuts.push(mark.index + (mark[0].length - mark[0].trimStart().length));
  }
  if (cuts.length < 3 || cuts[0] !== 0) return [line];
  return cuts.map((start, index) => line.slice(start, cuts[index + 1]).trim());
}

function stepLines(text: string): string[] {
  return plainLines(text)
    .flatMap(splitInlineNumbering)
    .map((line) => line.replace(stepNumbering, '').trim())
    .filter((line) => line.length > 0 && !bareStepLabel.test(line));
}

/** recipeInstructions in any of its forms: text, lines, HowToStep, HowToSection with itemListElement, nested arrays. */
export function stepsFrom(value: unknown): DraftStep[] {
  const steps: DraftStep[] = [];
  const walk = (node: unknown, section: string | null, depth: number): void => {
    if (node == null || depth > 8) return;
    let prefix = section && !genericSectionNames.test(section) ? section.replace(/[:\s]+$/, '') : null;
    const push = (text: string, timerSeconds?: number | null) => {
      steps.push({ text: prefix ? `${prefix}: ${text}` : text, timerSeconds });
      prefix = null;
    };
    if (typeof node === 'string' || typeof node === 'number') {
      for (const line of stepLines(String(node))) push(line);
    } else if (Array.isArray(node)) {
      for (const item of node) {
        const before = steps.length;
        walk(item, prefix, depth + 1);
        if (steps.length > before) prefix = null;
      }
    } else if (isObject(node)) {
      const types = typeNames(node);
      const children = node.itemListElement ?? node.steps ?? node.step;
      const written = [node.text, node.description].find((candidate) => textValue(candidate) !== null);
      if (children != null && (types.includes('howtosection') || written === undefined)) {
        const name = textValue(node.name);
        walk(children, name && name !== textValue(written) ? name : prefix, depth + 1);
        return;
      }
      const raw = written ?? node.name;
      const lines = typeof raw === 'string' ? stepLines(raw) : [textValue(raw)].filter((line): line is string => line !== null);
      const minutes = durationMinutes(node.performTime ?? node.timeRequired ?? node.totalTime);
      lines.forEach((line, index) => push(line, index === lines.length - 1 && minutes ? minutes * 60 : null));
      if (children != null) walk(children, null, depth + 1);
    }
  };
  walk(value, null, 0);
  return steps;
}

/** "For the sauce:" starts a section; a line that starts with an amount never does. */
const sectionHeading = (line: string) => line.length <= 80 && /:\s*$/.test(line) && !/^[\d½¼¾⅓⅔⅛]/.test(line);

/** recipeIngredient (or the older `ingredients`): an array of lines, or one text with a line per ingredient. */
export function ingredientSectionsFrom(value: unknown): DraftSection[] {
  const lines: string[] = [];
  const collect = (item: unknown, depth: number) => {
    if (item == null || depth > 4) return;
    if (Array.isArray(item)) for (const entry of item) collect(entry, depth + 1);
    else if (typeof item === 'string') lines.push(...plainLines(item));
    else if (typeof item === 'number') lines.push(String(item));
    else if (isObject(item)) {
      const text = textValue(item.text ?? item.name ?? item['@value']);
      if (text) lines.push(text);
    }
  };
  collect(value, 0);
  const sections: DraftSection[] = [{ title: null, lines: [] }];
  for (const line of lines) {
    if (sectionHeading(line)) sections.push({ title: line.replace(/\s*:\s*$/, ''), lines: [] });
    else sections[sections.length - 1]?.lines.push(line);
  }
  return sections.filter((section, index) => section.lines.length > 0 || (index === 0 && sections.length === 1));
}

function urlValue(value: unknown, base: string | null | undefined): string | null {
  const text = typeof value === 'string' ? value : isObject(value) ? (value.url ?? value['@id']) : Array.isArray(value) ? value[0] : null;
  if (typeof text !== 'string' || text.trim() === '') return null;
  try {
    const url = base ? new URL(text.trim(), base) : new URL(text.trim());
    url.hash = '';
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A Recipe node -> draft content (not yet fitted to the contract's limits). */
export function schemaOrgRecipeDraft(recipe: JsonObject, context: RecipePageContext = {}) {
  const cuisines = textList(recipe.recipeCuisine, true);
  const categories = textList(recipe.recipeCategory, true);
  const keywords = textList(recipe.keywords, true);
  const suitable = dietsFrom(recipe.suitableForDiet);
  const diets: DietLabel[] = [...suitable.diets];
  for (const label of [...keywords, ...categories, ...cuisines]) {
    const diet = dietFromLabel(label);
    if (diet) diets.push(diet);
  }
  const isDiet = (label: string) => dietFromLabel(label) !== null;
  const cuisine = cuisines.find((label) => !isDiet(label)) ?? null;
  const course = categories.find((label) => !isDiet(label)) ?? null;
  const extraFacets = [...categories, ...cuisines].filter((label) => label !== cuisine && label !== course && !isDiet(label));
  const tags = [...keywords.filter((label) => !isDiet(label)), ...extraFacets, ...suitable.tags];

  const source = {
    url: urlValue(context.pageUrl, null) ?? urlValue(recipe.url, context.pageUrl) ?? urlValue(recipe.isBasedOn, context.pageUrl) ?? urlValue(recipe.mainEntityOfPage, context.pageUrl),
    name: personNames(recipe.publisher) ?? personNames(recipe.author) ?? (context.siteName ? plainText(context.siteName) : null),
  };
  return {
    title: textValue(recipe.name) ?? textValue(recipe.headline),
    description: textValue(recipe.description),
    servings: servingsFrom(recipe.recipeYield ?? recipe.yield),
    prepMinutes: durationMinutes(recipe.prepTime),
    cookMinutes: durationMinutes(recipe.cookTime),
    totalMinutes: durationMinutes(recipe.totalTime),
    cuisine,
    course,
    diets,
    tags,
    equipment: textList(recipe.tool),
    ingredientSections: ingredientSectionsFrom(recipe.recipeIngredient ?? recipe.ingredients),
    steps: stepsFrom(recipe.recipeInstructions),
    source,
  };
}

export function noRecipeFound(where: string): AppError {
  return new AppError('import_no_recipe', 422, `No schema.org Recipe was found in the ${where}`);
}

/** Finds the Recipe in a JSON-LD document and maps it; 422 when there is none or it lacks a name or any content. */
export function mapSchemaOrgDocument(document: unknown, context: RecipePageContext = {}, where = 'JSON-LD'): ImportedRecipe {
  const recipe = findSchemaOrgRecipe(document);
  if (!recipe) throw noRecipeFound(where);
  return finishImport(schemaOrgRecipeDraft(recipe, context));
}
