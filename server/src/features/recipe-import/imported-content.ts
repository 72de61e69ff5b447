/**
 * The last stage of every import: a draft read from JSON-LD, microdata or plain text becomes a
 * RecipeContent that fits the contract's limits (long texts shortened, lists capped, each cut
 * reported as a warning), ingredient lines parsed, and the result validated. A page that has a
 * name and ingredients or steps always imports; one without gets 422 'import_unmappable'.
 */
import type { IngredientLine, RecipeContent } from '@tavola/contracts/recipes';
import { type dietLabels, recipeContentSchema } from '@tavola/contracts/recipes';
import { AppError, type FieldError } from '../../platform/errors.js';
import { parseIngredientLine } from '../ingredients/index.js';
import { plainText, truncate } from './import-text.js';

export type DietLabel = (typeof dietLabels)[number];

export interface DraftSection {
  title: string | null;
  lines: string[];
}

export interface DraftStep {
  text: string;
  timerSeconds?: number | null;
}

export interface ImportDraft {
  title: string | null;
  description?: string | null;
  servings?: { amount: number; unit: string } | null;
  prepMinutes?: number | null;
  cookMinutes?: number | null;
  totalMinutes?: number | null;
  cuisine?: string | null;
  course?: string | null;
  diets?: DietLabel[];
  tags?: string[];
  equipment?: string[];
  ingredientSections: DraftSection[];
  steps: DraftStep[];
  notes?: string | null;
  source?: { url: string | null; name: string | null } | null;
}

export interface ImportedRecipe {
  content: RecipeContent;
  /** What was shortened, dropped or assumed on the way. */
  warnings: string[];
}

const importLimits = {
  title: 200,
  description: 5000,
  notes: 10_000,
  sectionTitle: 120,
  sections: 30,
  linesPerSection: 200,
  lines: 300,
  lineText: 500,
  steps: 200,
  stepText: 5000,
  tags: 30,
  tag: 40,
  equipment: 50,
  equipmentName: 120,
  facet: 60,
  servingsUnit: 40,
  maxServings: 10_000,
  maxMinutes: 60 * 24 * 14,
  maxTimerSeconds: 7 * 24 * 3600,
  sourceUrl: 2000,
  sourceName: 200,
} as const;

/** The editor's default when a page gives no yield. */
const defaultServings = { amount: 4, unit: 'servings' };

const optionalText = (value: string | null | undefined, max: number): string | null => {
  const text = value ? plainText(value) : '';
  return text ? truncate(text, max) : null;
};

const wholeMinutes = (value: number | null | undefined): number | null =>
  value != null && Number.isFinite(value) && value > 0 ? Math.min(Math.round(value), importLimits.maxMinutes) : null;

const amountOrNull = (value: number | null | undefined): number | null => (value != null && Number.isFinite(value) && value >= 0 && value <= 1_000_000 ? value : null);
const partOrNull = (value: string | null | undefined, max: number): string | null => (value ? truncate(value, max) : null);

/** One ingredient line: the text as written, and its parts from the ingredient parser. */
function toIngredientLine(text: string): IngredientLine {
  const lineText = truncate(text, importLimits.lineText);
  try {
    const parsed = parseIngredientLine(lineText);
    return {
      text: lineText,
      quantity: amountOrNull(parsed.quantity),
      quantityMax: amountOrNull(parsed.quantityMax),
      unit: partOrNull(parsed.unit, 40),
      name: partOrNull(parsed.name, 200),
      preparation: partOrNull(parsed.preparation, 200),
      comment: partOrNull(parsed.comment, 300),
      optional: parsed.optional,
    };
  } catch {
    // The parser understands most lines; one it cannot read is still kept as written.
    return { text: lineText };
  }
}

function uniqueLabels(values: readonly string[] | undefined, maxLength: number, maxCount: number, what: string, warnings: string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  let tooLong = 0;
  for (const value of values ?? []) {
    const text = plainText(value);
    const key = text.toLowerCase();
    if (!text || seen.has(key)) continue;
    if (text.length > maxLength) {
      tooLong++;
      continue;
    }
    seen.add(key);
    kept.push(text);
  }
  if (tooLong > 0) warnings.push(`${tooLong} ${what} longer than ${maxLength} characters left out`);
  if (kept.length > maxCount) warnings.push(`${kept.length - maxCount} ${what} beyond the first ${maxCount} left out`);
  return kept.slice(0, maxCount);
}

/** Sections within the limits: at most 30 sections, 200 lines each, 300 lines in all. */
function fitSections(draft: readonly DraftSection[], warnings: string[]): RecipeContent['ingredients'] {
  const sections: RecipeContent['ingredients'] = [];
  let total = 0;
  let dropped = 0;
  for (const section of draft) {
    const title = optionalText(section.title, importLimits.sectionTitle);
    const lines = section.lines.map(plainText).filter((line) => line.length > 0);
    for (let start = 0; start < lines.length; start += importLimits.linesPerSection) {
      const room = Math.min(importLimits.linesPerSection, importLimits.lines - total);
      const chunk = lines.slice(start, start + importLimits.linesPerSection);
      if (room <= 0 || sections.length >= importLimits.sections) {
        dropped += chunk.length;
        continue;
      }
      const kept = chunk.slice(0, room);
      dropped += chunk.length - kept.length;
      total += kept.length;
      sections.push({ title, lines: kept.map(toIngredientLine) });
    }
  }
  if (dropped > 0) warnings.push(`${dropped} ingredient lines beyond the limit of ${importLimits.lines} left out`);
  return sections.length > 0 ? sections : [{ title: null, lines: [] }];
}

/** A short line ending in a colon ("For the glaze:") heads the step after it rather than standing alone. */
function mergeStepHeadings(steps: DraftStep[]): DraftStep[] {
  const merged: DraftStep[] = [];
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index] as DraftStep;
    const next = steps[index + 1];
    if (next && step.text.length <= 80 && step.text.endsWith(':') && !step.timerSeconds) {
      merged.push({ ...next, text: `${step.text} ${next.text}` });
      index++;
    } else merged.push(step);
  }
  return merged;
}

function fitSteps(draft: readonly DraftStep[], warnings: string[]): RecipeContent['steps'] {
  const steps = mergeStepHeadings(draft.map((step) => ({ text: plainText(step.text), timerSeconds: step.timerSeconds })).filter((step) => step.text.length > 0));
  if (steps.length > importLimits.steps) warnings.push(`${steps.length - importLimits.steps} steps beyond the limit of ${importLimits.steps} left out`);
  const shortened = steps.filter((step) => step.text.length > importLimits.stepText).length;
  if (shortened > 0) warnings.push(`${shortened} steps shortened to ${importLimits.stepText} characters`);
  return steps.slice(0, importLimits.steps).map((step) => {
    const timer = step.timerSeconds != null && Number.isFinite(step.timerSeconds) ? Math.round(step.timerSeconds) : null;
    return {
      text: truncate(step.text, importLimits.stepText),
      timerSeconds: timer !== null && timer > 0 && timer <= importLimits.maxTimerSeconds ? timer : null,
    };
  });
}

function fitServings(servings: ImportDraft['servings'], warnings: string[]): RecipeContent['servings'] {
  if (!servings || !Number.isFinite(servings.amount) || servings.amount <= 0) {
    warnings.push(`no yield given: servings set to ${defaultServings.amount}`);
    return { ...defaultServings };
  }
  const unit = plainText(servings.unit) || defaultServings.unit;
  return { amount: Math.min(servings.amount, importLimits.maxServings), unit: truncate(unit, importLimits.servingsUnit) };
}

function fitSource(source: ImportDraft['source']): RecipeContent['source'] {
  if (!source) return null;
  let url: string | null = null;
  if (source.url) {
    try {
      const parsed = new URL(source.url.trim());
      if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.href.length <= importLimits.sourceUrl) url = parsed.href;
    } catch {
      url = null;
    }
  }
  const name = optionalText(source.name, importLimits.sourceName);
  return url || name ? { url, name } : null;
}

/** Checks what cannot be made up, fits everything else to the contract, and validates the result. */
export function finishImport(draft: ImportDraft): ImportedRecipe {
  const warnings: string[] = [];
  const title = optionalText(draft.title, importLimits.title);
  const ingredients = fitSections(draft.ingredientSections, warnings);
  const steps = fitSteps(draft.steps, warnings);
  const reasons: FieldError[] = [];
  if (!title) reasons.push({ field: 'title', message: 'the recipe has no name' });
  if (ingredients.every((section) => section.lines.length === 0) && steps.length === 0) {
    reasons.push({ field: 'ingredients', message: 'the recipe has neither ingredients nor steps' });
  }
  if (reasons.length > 0) throw unmappable(reasons);

  const candidate = {
    title,
    description: optionalText(draft.description, importLimits.description),
    servings: fitServings(draft.servings, warnings),
    prepMinutes: wholeMinutes(draft.prepMinutes),
    cookMinutes: wholeMinutes(draft.cookMinutes),
    totalMinutes: wholeMinutes(draft.totalMinutes),
    difficulty: null,
    cuisine: optionalText(draft.cuisine, importLimits.facet),
    course: optionalText(draft.course, importLimits.facet),
    diets: [...new Set(draft.diets ?? [])],
    tags: uniqueLabels(draft.tags, importLimits.tag, importLimits.tags, 'tags', warnings),
    equipment: uniqueLabels(draft.equipment, importLimits.equipmentName, importLimits.equipment, 'pieces of equipment', warnings),
    ingredients,
    steps,
    notes: optionalText(draft.notes, importLimits.notes),
    source: fitSource(draft.source),
  };
  const checked = recipeContentSchema.safeParse(candidate);
  if (!checked.success) {
    throw unmappable(checked.error.issues.map((issue) => ({ field: issue.path.join('.') || 'content', message: issue.message })));
  }
  return { content: checked.data, warnings };
}

function unmappable(reasons: FieldError[]): AppError {
  const summary = reasons.map((reason) => reason.message).join('; ');
  return new AppError('import_unmappable', 422, `The recipe cannot be imported: ${summary}`, reasons);
}
