/**
 * Import: read a recipe from a URL, pasted JSON-LD or HTML, or plain text; return it as a preview
 * or save it as the user's new recipe (version 1, through the recipes feature).
 */
import type { ImportPreview, ImportSourceKind } from '@tavola/contracts/recipe-import';
import type { Recipe, Visibility } from '@tavola/contracts/recipes';
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { createRecipeFor } from '../recipes/index.js';
import { mapRecipeHtml, parseJsonLdText } from './html-recipe.js';
import type { ImportedRecipe } from './imported-content.js';
import { mapPlainTextRecipe } from './plain-text-recipe.js';
import { mapSchemaOrgDocument } from './schema-org-recipe.js';
import { type FetchedPage, fetchRecipePage, type PageFetchOptions } from './url-fetcher.js';

export interface RecipeImportDeps {
  db: Db;
  fetchOptions: PageFetchOptions;
  /** The recipes feature's `afterChange` port for the recipe saved (the search index), from the composition root. */
  afterRecipeChange?: (tx: Tx, recipeId: string) => Promise<void>;
}

/** The request body after validation: exactly one source is set. */
export interface ImportRequest {
  url?: string;
  jsonLd?: string | Record<string, unknown> | unknown[];
  html?: string;
  text?: string;
  visibility: Visibility;
  preview: boolean;
}

interface ReadImport extends ImportedRecipe {
  source: { kind: ImportSourceKind; url: string | null };
}

/** JSON-LD given as text: strict JSON first, then the repairs pages need (comments, CDATA, raw line breaks). */
function parseJsonLdInput(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const repaired = parseJsonLdText(text);
    if (repaired !== undefined) return repaired;
    throw new AppError('import_invalid_json', 422, `The JSON-LD is not valid JSON: ${(error as Error).message}`);
  }
}

function mapFetchedPage(page: FetchedPage): ImportedRecipe {
  if (page.kind === 'html') return mapRecipeHtml(page.body, page.url);
  const document = parseJsonLdText(page.body);
  if (document === undefined) throw new AppError('import_invalid_json', 422, 'The page says it is JSON but is not valid JSON');
  return mapSchemaOrgDocument(document, { pageUrl: page.url });
}

/** Reads the one source the request names and maps it to recipe content. */
export async function readImport(deps: RecipeImportDeps, request: ImportRequest): Promise<ReadImport> {
  if (request.url !== undefined) {
    const page = await fetchRecipePage(request.url, deps.fetchOptions);
    return { ...mapFetchedPage(page), source: { kind: 'url', url: page.url } };
  }
  if (request.jsonLd !== undefined) {
    const document = typeof request.jsonLd === 'string' ? parseJsonLdInput(request.jsonLd) : request.jsonLd;
    return { ...mapSchemaOrgDocument(document), source: { kind: 'jsonLd', url: null } };
  }
  if (request.html !== undefined) return { ...mapRecipeHtml(request.html), source: { kind: 'html', url: null } };
  if (request.text !== undefined) return { ...mapPlainTextRecipe(request.text), source: { kind: 'text', url: null } };
  throw new AppError('validation_failed', 400, 'Send exactly one of url, jsonLd, html or text');
}

const changeNotes: Record<ImportSourceKind, string> = {
  url: 'Imported from a web page',
  jsonLd: 'Imported from schema.org JSON-LD',
  html: 'Imported from a web page’s HTML',
  text: 'Imported from text',
};

/** A preview (nothing saved) or the saved recipe. */
export async function importRecipe(deps: RecipeImportDeps, ownerId: string, request: ImportRequest): Promise<{ preview: ImportPreview } | { recipe: Recipe }> {
  const imported = await readImport(deps, request);
  if (request.preview) return { preview: { preview: true, source: imported.source, content: imported.content, warnings: imported.warnings } };
  const host = imported.source.url ? new URL(imported.source.url).host : null;
  const changeNote = host ? `Imported from ${host}` : changeNotes[imported.source.kind];
  return { recipe: await createRecipeFor(deps.db, ownerId, { content: imported.content, visibility: request.visibility, changeNote }, { afterChange: deps.afterRecipeChange }) };
}
