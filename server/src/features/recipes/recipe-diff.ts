import type { RecipeContent, RecipeDiff } from '@tavola/contracts/recipes';

type ListChange = RecipeDiff['ingredients'][number];

/** Longest-common-subsequence alignment of two lists of strings, as added/removed/unchanged runs. */
function alignLists(before: string[], after: string[]): { kind: 'added' | 'removed' | 'unchanged'; before: string | null; after: string | null }[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: { kind: 'added' | 'removed' | 'unchanged'; before: string | null; after: string | null }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ kind: 'unchanged', before: before[i]!, after: after[j]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ kind: 'removed', before: before[i++]!, after: null });
    } else {
      out.push({ kind: 'added', before: null, after: after[j++]! });
    }
  }
  while (i < n) out.push({ kind: 'removed', before: before[i++]!, after: null });
  while (j < m) out.push({ kind: 'added', before: null, after: after[j++]! });
  return out;
}

/** A removal directly followed by an addition reads better as one changed line. */
function pairChanges(changes: ReturnType<typeof alignLists>): ListChange[] {
  const out: ListChange[] = [];
  for (let k = 0; k < changes.length; k++) {
    const current = changes[k]!;
    const next = changes[k + 1];
    if (current.kind === 'removed' && next?.kind === 'added') {
      out.push({ kind: 'changed', before: current.before, after: next.after });
      k++;
    } else {
      out.push(current);
    }
  }
  return out;
}

const ingredientLines = (content: RecipeContent) =>
  content.ingredients.flatMap((section) => section.lines.map((line) => ({ text: section.title ? `${section.title}: ${line.text}` : line.text, foodId: line.foodId ?? null })));

const ingredientTexts = (content: RecipeContent) => ingredientLines(content).map((line) => line.text);

export interface FoodChange {
  line: string;
  before: number | null;
  after: number | null;
}

/** Lines present in both versions (same text, matched in order) whose food changed. */
export function foodChanges(before: RecipeContent, after: RecipeContent): FoodChange[] {
  const waiting = new Map<string, Array<number | null>>();
  for (const line of ingredientLines(before)) waiting.set(line.text, [...(waiting.get(line.text) ?? []), line.foodId]);
  const changes: FoodChange[] = [];
  for (const line of ingredientLines(after)) {
    const queue = waiting.get(line.text);
    if (!queue || queue.length === 0) continue;
    const earlier = queue.shift() ?? null;
    if (earlier !== line.foodId) changes.push({ line: line.text, before: earlier, after: line.foodId });
  }
  return changes;
}

const metadataFields = [
  'title',
  'description',
  'servings',
  'prepMinutes',
  'cookMinutes',
  'totalMinutes',
  'difficulty',
  'cuisine',
  'course',
  'diets',
  'tags',
  'equipment',
  'notes',
  'source',
] as const satisfies readonly (keyof RecipeContent)[];

const normalise = (value: unknown) => (value === undefined ? null : value);

/** What changed between two versions: metadata fields, ingredient lines and steps. */
export function diffRecipeContent(from: number, before: RecipeContent, to: number, after: RecipeContent): Omit<RecipeDiff, 'foods'> {
  const metadata = metadataFields
    .filter((field) => JSON.stringify(normalise(before[field])) !== JSON.stringify(normalise(after[field])))
    .map((field) => ({ field, before: normalise(before[field]), after: normalise(after[field]) }));
  return {
    from,
    to,
    metadata,
    ingredients: pairChanges(alignLists(ingredientTexts(before), ingredientTexts(after))),
    steps: pairChanges(
      alignLists(
        before.steps.map((s) => s.text),
        after.steps.map((s) => s.text),
      ),
    ),
  };
}
