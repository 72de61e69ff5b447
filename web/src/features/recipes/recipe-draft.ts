import type { IngredientLine, Recipe, RecipeContent, Visibility } from '@tavola/contracts/recipes';
import type { Diet, Difficulty } from './recipe-format';

/**
 * The editor's state: what the person types, as strings, with a stable key per section, line and
 * step (so React keeps focus while they are added, moved and removed). `toContent` turns it into
 * the API's content and remembers which input each submitted field came from, so the server's
 * field errors (`content.ingredients.0.lines.3.text`) land beside the right input.
 */

export interface DraftLine {
  key: string;
  text: string;
  /** The saved line this one was loaded from: its parsed parts (and corrected food) are kept while the text is unchanged. */
  saved?: IngredientLine;
}

export interface DraftSection {
  key: string;
  title: string;
  lines: DraftLine[];
}

export interface DraftStep {
  key: string;
  text: string;
  /** Minutes as typed; empty for no timer. */
  timerMinutes: string;
  imageId?: string | null;
}

export interface RecipeDraft {
  title: string;
  description: string;
  servingsAmount: string;
  servingsUnit: string;
  prepMinutes: string;
  cookMinutes: string;
  totalMinutes: string;
  difficulty: '' | Difficulty;
  cuisine: string;
  course: string;
  diets: Diet[];
  /** Comma-separated. */
  tags: string;
  /** One per line. */
  equipment: string;
  sections: DraftSection[];
  steps: DraftStep[];
  notes: string;
  sourceUrl: string;
  sourceName: string;
  visibility: Visibility;
  changeNote: string;
}

let nextKey = 1;
export const newKey = (prefix: string) => `${prefix}${nextKey++}`;

export const newLine = (text = ''): DraftLine => ({ key: newKey('l'), text });
export const newSection = (title = ''): DraftSection => ({ key: newKey('s'), title, lines: [newLine()] });
export const newStep = (): DraftStep => ({ key: newKey('p'), text: '', timerMinutes: '' });

export function emptyDraft(): RecipeDraft {
  return {
    title: '',
    description: '',
    servingsAmount: '4',
    servingsUnit: 'servings',
    prepMinutes: '',
    cookMinutes: '',
    totalMinutes: '',
    difficulty: '',
    cuisine: '',
    course: '',
    diets: [],
    tags: '',
    equipment: '',
    sections: [newSection()],
    steps: [newStep()],
    notes: '',
    sourceUrl: '',
    sourceName: '',
    visibility: 'private',
    changeNote: '',
  };
}

const text = (value: string | null | undefined) => value ?? '';
const minutesText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function draftFromRecipe(recipe: Recipe): RecipeDraft {
  const c = recipe.content;
  return {
    title: c.title,
    description: text(c.description),
    servingsAmount: String(c.servings.amount),
    servingsUnit: c.servings.unit,
    prepMinutes: minutesText(c.prepMinutes),
    cookMinutes: minutesText(c.cookMinutes),
    totalMinutes: minutesText(c.totalMinutes),
    difficulty: c.difficulty ?? '',
    cuisine: text(c.cuisine),
    course: text(c.course),
    diets: [...c.diets],
    tags: c.tags.join(', '),
    equipment: c.equipment.join('\n'),
    sections: c.ingredients.map((section) => ({
      key: newKey('s'),
      title: text(section.title),
      lines: section.lines.length ? section.lines.map((line) => ({ key: newKey('l'), text: line.text, saved: line })) : [newLine()],
    })),
    steps: c.steps.length
      ? c.steps.map((step) => ({
          key: newKey('p'),
          text: step.text,
          timerMinutes: step.timerSeconds ? String(Math.round((step.timerSeconds / 60) * 100) / 100) : '',
          imageId: step.imageId,
        }))
      : [newStep()],
    notes: text(c.notes),
    sourceUrl: text(c.source?.url),
    sourceName: text(c.source?.name),
    visibility: recipe.visibility,
    changeNote: '',
  };
}

/** Input ids, shared by the editor (which renders them) and the error mapping (which links to them). */
export const fieldIds = {
  title: 'recipe-title',
  description: 'recipe-description',
  servings: 'recipe-servings-amount',
  servingsUnit: 'recipe-servings-unit',
  prepMinutes: 'recipe-prep',
  cookMinutes: 'recipe-cook',
  totalMinutes: 'recipe-total',
  difficulty: 'recipe-difficulty',
  cuisine: 'recipe-cuisine',
  course: 'recipe-course',
  diets: 'recipe-diets',
  tags: 'recipe-tags',
  equipment: 'recipe-equipment',
  ingredients: 'recipe-ingredients',
  steps: 'recipe-steps',
  notes: 'recipe-notes',
  sourceUrl: 'recipe-source-url',
  sourceName: 'recipe-source-name',
  visibility: 'recipe-visibility',
  changeNote: 'recipe-change-note',
  sectionTitle: (key: string) => `recipe-section-${key}`,
  line: (key: string) => `recipe-line-${key}`,
  stepText: (key: string) => `recipe-step-${key}`,
  stepTimer: (key: string) => `recipe-step-timer-${key}`,
};

export interface FieldTarget {
  id: string;
  label: string;
}

export interface DraftPayload {
  content: RecipeContent;
  /** API field path (`content.ingredients.0.lines.1.text`) to the input it came from. */
  targets: Record<string, FieldTarget>;
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

function numberOrNull(value: string): number | null {
  if (!value.trim()) return null;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Blank lines, sections and steps are left out; everything else is sent as typed, for the server to judge. */
export function toContent(draft: RecipeDraft): DraftPayload {
  const targets: Record<string, FieldTarget> = {
    'content.title': { id: fieldIds.title, label: 'Title' },
    'content.description': { id: fieldIds.description, label: 'Description' },
    'content.servings.amount': { id: fieldIds.servings, label: 'Servings' },
    'content.servings.unit': { id: fieldIds.servingsUnit, label: 'Servings unit' },
    'content.servings': { id: fieldIds.servings, label: 'Servings' },
    'content.prepMinutes': { id: fieldIds.prepMinutes, label: 'Preparation time' },
    'content.cookMinutes': { id: fieldIds.cookMinutes, label: 'Cooking time' },
    'content.totalMinutes': { id: fieldIds.totalMinutes, label: 'Total time' },
    'content.difficulty': { id: fieldIds.difficulty, label: 'Difficulty' },
    'content.cuisine': { id: fieldIds.cuisine, label: 'Cuisine' },
    'content.course': { id: fieldIds.course, label: 'Course' },
    'content.diets': { id: fieldIds.diets, label: 'Diets' },
    'content.tags': { id: fieldIds.tags, label: 'Tags' },
    'content.equipment': { id: fieldIds.equipment, label: 'Equipment' },
    'content.ingredients': { id: fieldIds.ingredients, label: 'Ingredients' },
    'content.steps': { id: fieldIds.steps, label: 'Steps' },
    'content.notes': { id: fieldIds.notes, label: 'Notes' },
    'content.source.url': { id: fieldIds.sourceUrl, label: 'Source address' },
    'content.source.name': { id: fieldIds.sourceName, label: 'Source name' },
    'content.source': { id: fieldIds.sourceUrl, label: 'Source' },
    visibility: { id: fieldIds.visibility, label: 'Visibility' },
    changeNote: { id: fieldIds.changeNote, label: 'Change note' },
  };

  const sections = draft.sections
    .map((section) => ({ section, lines: section.lines.filter((line) => line.text.trim()) }))
    .filter(({ section, lines }) => lines.length > 0 || section.title.trim());
  const ingredients = sections.map(({ section, lines }, s) => {
    targets[`content.ingredients.${s}.title`] = { id: fieldIds.sectionTitle(section.key), label: `Section ${s + 1} title` };
    targets[`content.ingredients.${s}`] = { id: fieldIds.sectionTitle(section.key), label: `Section ${s + 1}` };
    targets[`content.ingredients.${s}.lines`] = { id: fieldIds.sectionTitle(section.key), label: `Section ${s + 1}` };
    return {
      title: orNull(section.title),
      lines: lines.map((line, l) => {
        targets[`content.ingredients.${s}.lines.${l}`] = { id: fieldIds.line(line.key), label: `Ingredient ${l + 1} of section ${s + 1}` };
        const trimmed = line.text.trim();
        // Unchanged lines keep their parsed parts; changed ones are parsed again by the server.
        return line.saved && line.saved.text === trimmed ? line.saved : { text: trimmed };
      }),
    };
  });

  const steps = draft.steps
    .filter((step) => step.text.trim() || step.timerMinutes.trim())
    .map((step, i) => {
      targets[`content.steps.${i}`] = { id: fieldIds.stepText(step.key), label: `Step ${i + 1}` };
      targets[`content.steps.${i}.timerSeconds`] = { id: fieldIds.stepTimer(step.key), label: `Step ${i + 1} timer` };
      const minutes = numberOrNull(step.timerMinutes);
      return {
        text: step.text.trim(),
        timerSeconds: minutes === null ? null : Number.isNaN(minutes) ? minutes : Math.round(minutes * 60),
        ...(step.imageId ? { imageId: step.imageId } : {}),
      };
    });

  const sourceUrl = orNull(draft.sourceUrl);
  const sourceName = orNull(draft.sourceName);
  const content: RecipeContent = {
    title: draft.title.trim(),
    description: orNull(draft.description),
    servings: { amount: numberOrNull(draft.servingsAmount) ?? Number.NaN, unit: draft.servingsUnit.trim() || 'servings' },
    prepMinutes: numberOrNull(draft.prepMinutes),
    cookMinutes: numberOrNull(draft.cookMinutes),
    totalMinutes: numberOrNull(draft.totalMinutes),
    difficulty: draft.difficulty || null,
    cuisine: orNull(draft.cuisine),
    course: orNull(draft.course),
    diets: draft.diets,
    tags: splitList(draft.tags, /,/),
    equipment: splitList(draft.equipment, /\n/),
    ingredients,
    steps,
    notes: orNull(draft.notes),
    source: sourceUrl || sourceName ? { url: sourceUrl, name: sourceName } : null,
  };
  return { content, targets };
}

function splitList(value: string, separator: RegExp): string[] {
  const seen = new Set<string>();
  return value
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item && !seen.has(item.toLowerCase()) && seen.add(item.toLowerCase()));
}

/** Splits pasted text into ingredient lines: one per line, bullets and blank lines dropped. */
export function splitPastedLines(pasted: string): string[] {
  return pasted
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-*•·▪◦]|\d+[.)])\s+/, '').trim())
    .filter(Boolean);
}

/** The list with the item at `index` moved by `delta` (−1 up, +1 down); unchanged at the ends. */
export function move<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}
