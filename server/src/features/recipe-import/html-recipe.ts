/**
 * A recipe page's HTML -> its schema.org Recipe: the JSON-LD scripts first (tolerating the HTML
 * comments, CDATA wrappers, trailing semicolons and raw line breaks pages put in them), then
 * schema.org microdata (itemscope/itemtype/itemprop), read into the same shape as JSON-LD so one
 * mapper serves both.
 */
import { type HTMLElement, parse } from 'node-html-parser';
import type { ImportedRecipe } from './imported-content.js';
import { elementLines } from './import-text.js';
import { findSchemaOrgRecipe, mapSchemaOrgDocument, noRecipeFound } from './schema-org-recipe.js';
import type { JsonObject } from './schema-org-values.js';

/** JSON-LD text as pages write it -> its value; undefined when it is not JSON even after the usual repairs. */
export function parseJsonLdText(text: string): unknown {
  const body = text
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '')
    .trim()
    .replace(/;+$/, '');
  try {
    return JSON.parse(body);
  } catch {
    try {
      // Raw line breaks and tabs inside strings are invalid JSON; outside strings they are whitespace.
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function jsonLdDocuments(root: HTMLElement): unknown[] {
  return root
    .querySelectorAll('script')
    .filter((script) => /ld\+json/i.test(script.getAttribute('type') ?? ''))
    .map((script) => parseJsonLdText(script.rawText))
    .filter((document) => document !== undefined);
}

const urlAttributes: Record<string, string> = {
  a: 'href', area: 'href', link: 'href', audio: 'src', embed: 'src', iframe: 'src', img: 'src', source: 'src', track: 'src', video: 'src', object: 'data',
};

/** The value of an itemprop element, by the microdata rules: content, URL attributes, datetime, value, or its text. */
function propertyValue(element: HTMLElement): string {
  const tag = element.rawTagName?.toLowerCase() ?? '';
  const content = element.getAttribute('content');
  if (content !== undefined) return content;
  const urlAttribute = urlAttributes[tag];
  if (urlAttribute) return element.getAttribute(urlAttribute) ?? '';
  if (tag === 'time') return element.getAttribute('datetime') ?? element.text;
  if (tag === 'data' || tag === 'meter') return element.getAttribute('value') ?? element.text;
  return elementLines(element);
}

const itemTypes = (element: HTMLElement): string[] => (element.getAttribute('itemtype') ?? '').split(/\s+/).filter((type) => type.length > 0);

/** One microdata item: its types and properties (a repeated property becomes an array). */
function readMicrodataItem(element: HTMLElement, depth = 0): JsonObject {
  const item: JsonObject = { '@type': itemTypes(element).map((type) => type.replace(/^.*\//, '')) };
  const add = (name: string, value: unknown) => {
    const existing = item[name];
    if (existing === undefined) item[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else item[name] = [existing, value];
  };
  const visit = (parent: HTMLElement) => {
    for (const child of parent.childNodes) {
      if (child.nodeType !== 1) continue;
      const node = child as HTMLElement;
      const names = (node.getAttribute('itemprop') ?? '').split(/\s+/).filter((name) => name.length > 0);
      const scoped = node.hasAttribute('itemscope');
      if (names.length > 0) {
        const value = scoped ? (depth < 6 ? readMicrodataItem(node, depth + 1) : {}) : propertyValue(node);
        for (const name of names) add(name, value);
      }
      // Properties inside a nested item belong to that item, not to this one.
      if (!scoped) visit(node);
    }
  };
  visit(element);
  return item;
}

function microdataRecipe(root: HTMLElement): JsonObject | null {
  const element = root.querySelectorAll('[itemscope]').find((candidate) => itemTypes(candidate).some((type) => /schema\.org\/Recipe$/i.test(type)));
  return element ? readMicrodataItem(element) : null;
}

const metaContent = (root: HTMLElement, selector: string) => root.querySelector(selector)?.getAttribute('content')?.trim() || null;

/** Finds the Recipe on a page (JSON-LD, then microdata) and maps it; `pageUrl` is where the page was fetched from. */
export function mapRecipeHtml(html: string, pageUrl?: string | null): ImportedRecipe {
  const root = parse(html, { comment: false, blockTextElements: { script: true, noscript: true, style: true, pre: true } });
  const context = {
    pageUrl: pageUrl ?? root.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? metaContent(root, 'meta[property="og:url"]'),
    siteName: metaContent(root, 'meta[property="og:site_name"]'),
  };
  const fromJsonLd = findSchemaOrgRecipe(jsonLdDocuments(root));
  if (fromJsonLd) return mapSchemaOrgDocument(fromJsonLd, context);
  const fromMicrodata = microdataRecipe(root);
  if (fromMicrodata) return mapSchemaOrgDocument(fromMicrodata, context, 'microdata');
  throw noRecipeFound('page (neither JSON-LD nor microdata)');
}
