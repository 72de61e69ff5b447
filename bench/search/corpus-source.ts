/**
 * The recipes the search corpus is generated from: tastyR's Allrecipes sets (../shared/data/recipes:
 * 14,426 recipes, and 2,218 more with their cuisine), or, when that folder is absent, the committed
 * sample beside this file (the first 400 and 100 rows of the same files). Ingredient lines are split
 * out of tastyR's ", "-joined text and their food names read by the app's own parser.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIngredientLine } from '../../server/src/features/ingredients/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const sharedFolder = path.resolve(here, '../../../shared/data/recipes');

export interface BaseRecipe {
  title: string;
  cuisine: string | null;
  /** Ingredient lines as written, and the food name the parser read from each. */
  lines: { text: string; name: string | null }[];
  rating: number | null;
  ratingCount: number;
  minutes: number | null;
  servings: number | null;
}

export interface CorpusSource {
  recipes: BaseRecipe[];
  /** 'shared' (the full sets) or 'sample' (the committed rows). */
  origin: 'shared' | 'sample';
  files: string[];
}

/** RFC 4180 rows (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const startsLine = /^(\d|[½¼¾⅓⅔⅛⅜⅝⅞]|salt\b|pepper\b|ground black pepper\b|cooking spray\b|water\b)/i;

/** tastyR joins a recipe's lines with ", ", and lines hold commas too ("1 onion, chopped"): a part starts a new line when it starts with an amount. */
export function splitIngredientText(text: string): string[] {
  const lines: string[] = [];
  for (const part of text.split(', ')) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    if (lines.length === 0 || startsLine.test(trimmed)) lines.push(trimmed);
    else lines[lines.length - 1] += `, ${trimmed}`;
  }
  return lines;
}

const numberOrNull = (value: string | undefined) => {
  if (value === undefined || value === '' || value === 'NA') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

function readFile(file: string, hasCuisine: boolean): BaseRecipe[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  const column = (name: string) => (header ?? []).indexOf(name);
  const at = { name: column('name'), country: column('country'), ingredients: column('ingredients'), rating: column('avg_rating'), count: column('total_ratings'), total: column('total_time'), servings: column('servings') };
  return rows
    .filter((row) => (row[at.name] ?? '').trim() !== '')
    .map((row) => ({
      title: (row[at.name] as string).trim(),
      cuisine: hasCuisine ? (row[at.country]?.trim() ?? null) || null : null,
      lines: splitIngredientText(row[at.ingredients] ?? '').slice(0, 40).map((text) => ({ text, name: parseIngredientLine(text).name })),
      rating: numberOrNull(row[at.rating]),
      ratingCount: numberOrNull(row[at.count]) ?? 0,
      minutes: numberOrNull(row[at.total]),
      servings: numberOrNull(row[at.servings]),
    }));
}

export function loadCorpusSource(): CorpusSource {
  const shared = [path.join(sharedFolder, 'tastyR_allrecipes.csv'), path.join(sharedFolder, 'tastyR_cuisines.csv')];
  const sample = [path.join(here, 'sample-allrecipes.csv'), path.join(here, 'sample-cuisines.csv')];
  const origin = shared.every((file) => existsSync(file)) ? 'shared' : 'sample';
  const [allrecipes, cuisines] = (origin === 'shared' ? shared : sample) as [string, string];
  return { recipes: [...readFile(allrecipes, false), ...readFile(cuisines, true)], origin, files: [allrecipes, cuisines] };
}
