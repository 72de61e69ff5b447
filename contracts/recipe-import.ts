import { z } from 'zod';
import { recipeContentSchema, visibilitySchema } from './recipes.js';

/** Recipe import: from a web page (schema.org JSON-LD or microdata), pasted JSON-LD or HTML, or plain text. */

export const recipeImportLimits = {
  /** A fetched page larger than this is cut off and refused. */
  maxPageBytes: 5 * 1024 * 1024,
  /** Pasted HTML, in characters. */
  maxHtmlChars: 5_000_000,
  /** Pasted JSON-LD as a string, in characters. */
  maxJsonLdChars: 2_000_000,
  maxTextChars: 100_000,
  maxUrlChars: 2000,
  /** Time for the whole fetch: DNS, connection, every redirect and the body. */
  fetchTimeoutMs: 10_000,
  maxRedirects: 5,
  /** URL imports per minute per account (other imports share the general limit). */
  urlImportsPerMinute: 20,
} as const;

export const importSourceKinds = ['url', 'jsonLd', 'html', 'text'] as const;
export type ImportSourceKind = (typeof importSourceKinds)[number];

export const importRecipeBody = z
  .object({
    /** An http(s) page to fetch; it must be on the public internet. */
    url: z.string().trim().min(1).max(recipeImportLimits.maxUrlChars).optional(),
    /** schema.org JSON-LD: the object (or array, or `@graph` document), or its text. */
    jsonLd: z
      .union([z.string().max(recipeImportLimits.maxJsonLdChars), z.record(z.string(), z.unknown()), z.array(z.unknown()).max(1000)])
      .optional(),
    /** A whole page's HTML: its JSON-LD scripts are read first, then schema.org microdata. */
    html: z.string().max(recipeImportLimits.maxHtmlChars).optional(),
    /** A recipe written out in plain text: title on the first line, then ingredients and steps. */
    text: z.string().max(recipeImportLimits.maxTextChars).optional(),
    visibility: visibilitySchema.default('private'),
    /** True: return the mapped content without saving anything. */
    preview: z.boolean().default(false),
  })
  .refine((body) => importSourceKinds.filter((kind) => body[kind] !== undefined).length === 1, {
    message: 'send exactly one of url, jsonLd, html or text',
  });
export type ImportRecipeBody = z.input<typeof importRecipeBody>;

export const importPreviewSchema = z.object({
  preview: z.literal(true),
  /** Where the content came from; `url` is the page after redirects, when fetched. */
  source: z.object({ kind: z.enum(importSourceKinds), url: z.string().nullable() }),
  content: recipeContentSchema,
  /** What was shortened, dropped or assumed so the content fits the recipe model. */
  warnings: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/**
 * POST /api/recipes/import   ImportRecipeBody -> 201 Recipe (saved as version 1), or 200 ImportPreview with `preview: true`
 *   422 import_no_recipe        no schema.org Recipe in the JSON-LD or page
 *   422 import_unmappable       a Recipe without a name, or with neither ingredients nor steps (`errors` says which)
 *   422 import_invalid_json     the JSON-LD text does not parse
 *   400 import_bad_url          not an http(s) URL
 *   422 import_blocked_address  the URL (or a redirect) leads to a private, loopback, link-local or multicast address
 *   422 import_fetch_failed | import_timeout | import_too_large | import_unsupported_content   the page could not be used
 */
