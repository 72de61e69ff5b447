/**
 * Recipe import on real pages' schema.org Recipe JSON-LD: the 963 objects in ../shared/data/recipes
 * (recipe-scrapers test pages, many sites and languages) when present, else the 25 committed in
 * server/test/fixtures/recipes. For each object: does it map (validated against the recipe contract)
 * with a title, ingredients and steps; when it is refused, why; which fields were read; how fast.
 * The same objects are also imported as HTML pages (the JSON-LD in a <script> of a page), which adds
 * the HTML parsing. Baseline, measured in the same run: a naive mapping that copies only
 * name / recipeIngredient / recipeInstructions when they are plain strings.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RecipeContent, recipeContentSchema } from '@tavola/contracts/recipes';
import { AppError } from '../../server/src/platform/errors.js';
import { mapRecipeHtml, mapSchemaOrgDocument } from '../../server/src/features/recipe-import/index.js';
import { machineDescription, note, printResult, printTable } from '../shared/report.js';
import { round } from '../shared/stats.js';
import { naiveMapping } from './naive-mapping.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fullCorpus = path.resolve(root, '../shared/data/recipes/recipe_scrapers_jsonld_recipes.jsonl');
const committedSample = path.join(root, 'server/test/fixtures/recipes/schema-org-sample.jsonl');

interface Entry {
  source: string;
  recipe: unknown;
}

type Outcome = { kind: 'complete' | 'partial'; content: RecipeContent; warnings: string[] } | { kind: 'refused'; reason: string } | { kind: 'crashed'; reason: string };

function readCorpus(file: string): Entry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const parsed = JSON.parse(line) as { _source_path: string; recipe: unknown };
      return { source: parsed._source_path, recipe: parsed.recipe };
    });
}

const lineCount = (content: RecipeContent) => content.ingredients.reduce((n, section) => n + section.lines.length, 0);

function outcomeOf(map: () => { content: RecipeContent; warnings: string[] }): Outcome {
  try {
    const { content, warnings } = map();
    if (!recipeContentSchema.safeParse(content).success) return { kind: 'crashed', reason: 'content failed the recipe contract' };
    return { kind: content.title && lineCount(content) > 0 && content.steps.length > 0 ? 'complete' : 'partial', content, warnings };
  } catch (error) {
    if (error instanceof AppError) return { kind: 'refused', reason: `${error.code}: ${(error.errors ?? []).map((e) => e.message).join('; ') || error.detail}` };
    return { kind: 'crashed', reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** What the page's own JSON-LD lacks: explains refusals that no mapping could avoid. */
function sourceGaps(recipe: unknown): string[] {
  const node = (recipe ?? {}) as Record<string, unknown>;
  const empty = (value: unknown): boolean => value == null || value === '' || (Array.isArray(value) && value.every(empty));
  const gaps: string[] = [];
  if (empty(node.name)) gaps.push('no name');
  if (empty(node.recipeIngredient) && empty(node.ingredients)) gaps.push('no ingredients');
  if (empty(node.recipeInstructions)) gaps.push('no instructions');
  return gaps;
}

function countBy<T>(items: readonly T[], key: (item: T) => string | null): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const name = key(item);
    if (name !== null) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** Objects per second over the whole corpus, best of three passes after a warm-up pass. */
function speed(items: readonly unknown[], run: (item: unknown) => void): number {
  const pass = () => {
    for (const item of items) {
      try {
        run(item);
      } catch {
        // Refusals are part of the work measured.
      }
    }
  };
  pass();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint();
    pass();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return items.length / best;
}

const escapeScript = (json: string) => json.replace(/</g, '\\u003c');
const asPage = (recipe: unknown) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Recipe</title><script type="application/ld+json">${escapeScript(JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, recipe] }))}</script></head><body><header><nav><a href="/">Home</a></nav></header><main><article><h1>Recipe</h1><p>Text of the post.</p></article></main></body></html>`;

const pct = (part: number, whole: number) => (whole === 0 ? 0 : round((part / whole) * 100, 1));

function main(): void {
  const haveFull = existsSync(fullCorpus);
  if (!haveFull) note(`recipe-import: ${fullCorpus} not found: mapping the 25 committed sample objects instead`);
  const corpusFile = haveFull ? fullCorpus : committedSample;
  const entries = readCorpus(corpusFile);
  const loadAtStart = machineDescription();

  const outcomes = entries.map((entry) => outcomeOf(() => mapSchemaOrgDocument(entry.recipe)));
  const pageOutcomes = entries.map((entry) => outcomeOf(() => mapRecipeHtml(asPage(entry.recipe))));
  const naive = entries.map((entry) => naiveMapping(entry.recipe));
  const count = (kind: Outcome['kind'], list = outcomes) => list.filter((outcome) => outcome.kind === kind).length;
  const complete = count('complete');
  const naiveComplete = naive.filter((recipe) => recipe.title && recipe.ingredients.length > 0 && recipe.steps.length > 0).length;
  const refusedEntries = entries.filter((_, index) => outcomes[index]?.kind === 'refused');
  const refusedForSourceGaps = refusedEntries.filter((entry) => {
    const gaps = sourceGaps(entry.recipe);
    return gaps.includes('no name') || (gaps.includes('no ingredients') && gaps.includes('no instructions'));
  }).length;
  const possible = entries.filter((entry) => sourceGaps(entry.recipe).length === 0).length;
  const failureReasons = countBy(outcomes, (outcome) => (outcome.kind === 'refused' || outcome.kind === 'crashed' ? `${outcome.kind}: ${outcome.reason}` : null));
  const partialReasons = countBy(outcomes, (outcome) =>
    outcome.kind === 'partial' ? (lineCount(outcome.content) === 0 ? 'no ingredient lines' : 'no steps') : null,
  );
  const warningKinds = countBy(
    outcomes.flatMap((outcome) => (outcome.kind === 'complete' || outcome.kind === 'partial' ? outcome.warnings : [])),
    (warning) => warning.replace(/\d+/g, 'N'),
  );
  const mappedContents = outcomes.flatMap((outcome) => (outcome.kind === 'complete' || outcome.kind === 'partial' ? [outcome.content] : []));
  const share = (test: (content: RecipeContent) => boolean) => pct(mappedContents.filter(test).length, mappedContents.length);
  const allLines = mappedContents.flatMap((content) => content.ingredients.flatMap((section) => section.lines));
  const coverage = {
    servingsFromYieldPct: pct(outcomes.filter((o) => (o.kind === 'complete' || o.kind === 'partial') && !o.warnings.some((w) => w.startsWith('no yield'))).length, mappedContents.length),
    anyTimePct: share((c) => c.prepMinutes != null || c.cookMinutes != null || c.totalMinutes != null),
    cuisineOrCoursePct: share((c) => c.cuisine != null || c.course != null),
    sourceNameOrUrlPct: share((c) => c.source != null),
    ingredientLinesWithQuantityPct: pct(allLines.filter((line) => line.quantity != null).length, allLines.length),
  };

  note('recipe-import: timing (warm-up pass, then best of 3)');
  const recipes = entries.map((entry) => entry.recipe);
  const pages = recipes.map(asPage);
  const mappedPerSecond = speed(recipes, (recipe) => mapSchemaOrgDocument(recipe));
  const pagesPerSecond = speed(pages, (page) => mapRecipeHtml(page as string));
  const naivePerSecond = speed(recipes, (recipe) => naiveMapping(recipe));

  const sites = new Set(entries.map((entry) => entry.source.split('/')[2])).size;
  console.log(`\nRecipe import: ${entries.length} schema.org Recipe objects from ${sites} sites (${haveFull ? 'recipe-scrapers corpus, full' : 'committed sample only'})`);
  printTable(
    ['mapping', 'objects', 'title+ingr.+steps', '%', 'partial', 'refused', 'crashed', 'objects/s'],
    [
      ['tavola: JSON-LD object', entries.length, complete, pct(complete, entries.length), count('partial'), count('refused'), count('crashed'), Math.round(mappedPerSecond)],
      ['tavola: same, as an HTML page', entries.length, count('complete', pageOutcomes), pct(count('complete', pageOutcomes), entries.length), count('partial', pageOutcomes), count('refused', pageOutcomes), count('crashed', pageOutcomes), Math.round(pagesPerSecond)],
      ['baseline: naive string copy', entries.length, naiveComplete, pct(naiveComplete, entries.length), '-', '-', '-', Math.round(naivePerSecond)],
    ],
  );
  console.log(`\n${complete} of the ${possible} objects whose JSON-LD has a name, ingredients and instructions map completely (${pct(complete, possible)} %).`);
  console.log(`\nrefused or crashed (${count('refused') + count('crashed')}; ${refusedForSourceGaps} because the page's JSON-LD itself has no name, or neither ingredients nor instructions):`);
  printTable(['reason', 'objects'], failureReasons.slice(0, 8).map(([reason, n]) => [reason, n]));
  console.log('\npartial (mapped, but missing one part):');
  printTable(['what is missing', 'objects'], partialReasons.map(([reason, n]) => [reason, n]));
  console.log('\nwarnings (content shortened or assumed to fit the recipe model):');
  printTable(['warning', 'objects'], warningKinds.slice(0, 8).map(([warning, n]) => [warning, n]));
  console.log('\nfields read, share of mapped objects:');
  printTable(['field', '%'], Object.entries(coverage).map(([field, value]) => [field, value]));

  printResult({
    bench: 'recipe-import',
    metrics: {
      objects: entries.length,
      complete,
      completePct: pct(complete, entries.length),
      sourceHasAllThree: possible,
      completeOfSourceHasAllThreePct: pct(complete, possible),
      partial: count('partial'),
      refused: count('refused'),
      crashed: count('crashed'),
      refusedBecauseSourceLacksContent: refusedForSourceGaps,
      htmlPagesComplete: count('complete', pageOutcomes),
      topFailureReasons: Object.fromEntries(failureReasons.slice(0, 5)),
      partialReasons: Object.fromEntries(partialReasons),
      warnings: Object.fromEntries(warningKinds.slice(0, 5)),
      coverage,
      objectsPerSecond: Math.round(mappedPerSecond),
      htmlPagesPerSecond: Math.round(pagesPerSecond),
      completeVsBaseline: naiveComplete === 0 ? null : round(complete / naiveComplete, 2),
      speedVsBaseline: round(mappedPerSecond / naivePerSecond, 4),
    },
    baseline: {
      mapping: 'naive: name, recipeIngredient and recipeInstructions copied only when plain strings; no @graph, HowToStep or parsing',
      complete: naiveComplete,
      completePct: pct(naiveComplete, entries.length),
      objectsPerSecond: Math.round(naivePerSecond),
    },
    corpus: {
      file: haveFull ? '../shared/data/recipes/recipe_scrapers_jsonld_recipes.jsonl' : path.relative(root, corpusFile),
      full: haveFull,
      objects: entries.length,
      sites,
      criterion: 'complete = maps without error, passes recipeContentSchema, has a title, at least one ingredient line and at least one step',
      machine: { ...loadAtStart, loadAverage1mAtEnd: machineDescription().loadAverage1m },
    },
  });
}

main();
