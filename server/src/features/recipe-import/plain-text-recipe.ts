/**
 * A recipe pasted as plain text (or Markdown) -> recipe content. The first line is the title;
 * "Ingredients" and "Instructions"/"Method"/"Directions" headings (in several languages) start
 * their blocks; without headings, lines that start with an amount are ingredients and numbered
 * lines are steps. "Serves 4", "Prep time: 10 min" lines anywhere fill servings and times.
 */
import { type DraftSection, type DraftStep, finishImport, type ImportedRecipe } from './imported-content.js';
import { durationMinutes, servingsFrom } from './schema-org-values.js';

type Block = 'intro' | 'ingredients' | 'steps' | 'notes';

const headings: Array<[Block, RegExp]> = [
  ['ingredients', /^(ingredients?|ingredient list|you('ll| will)? need|what you('ll)? need|zutaten|ingr[ée]dients|ingredienti|ingredientes|ingredi[ëe]nten|sk[łl]adniki)$/i],
  ['steps', /^(instructions?|directions?|method|preparation|steps|how to make( it)?|procedure|zubereitung|anleitung|pr[ée]paration|preparazione|procedimento|preparaci[óo]n|elaboraci[óo]n|bereiding|modo de preparo)$/i],
  ['notes', /^(notes?|tips?|cook'?s notes?|variations?|notizen|remarques|note)$/i],
];

const bullet = /^(?:[-*•–·▪▢☐✓+]|\[\s?\])\s+/;
const numbered = /^(?:(?:step|schritt|étape|passo|paso)\s*)?\d{1,3}\s*[.):]\s+(?=\S)|^(?:step|schritt|étape|passo|paso)\s*\d{1,3}\s*[-:.]?\s*/i;
const startsWithAmount = /^(?:\d|[½¼¾⅓⅔⅛⅜⅝⅞])/;
const servingsLine = /^(?:serves|servings?|yields?|makes|portions?|portionen|personnes|porzioni|porciones)\b\s*[:-]?\s*\S/i;
const timeLine = /^(prep(?:aration)?|cook(?:ing)?|total|baking|bake)?\s*time\s*[:-]\s*(.+)$/i;

const cleanLine = (line: string) =>
  line
    .replace(/\t/g, ' ')
    .replace(/^#{1,6}\s+/, '')
    .replace(/^(\*\*|__)(.*)\1$/, '$2')
    .trim();
const headingKey = (line: string) => line.replace(/[:：]\s*$/, '').replace(/^(\*\*|__)|(\*\*|__)$/g, '').trim();

function blockOf(line: string): Block | null {
  const key = headingKey(line);
  return headings.find(([, pattern]) => pattern.test(key))?.[0] ?? null;
}

const isSubheading = (line: string) => line.length <= 80 && /:\s*$/.test(line) && !startsWithAmount.test(line);

interface TextDraftState {
  block: Block;
  /** True once an "Ingredients" or "Instructions" heading was seen: then amounts alone no longer decide. */
  explicit: boolean;
  description: string[];
  notes: string[];
  sections: DraftSection[];
  steps: DraftStep[];
  /** The previous line was blank: a new paragraph starts. */
  afterBlank: boolean;
  numberedSteps: boolean;
}

function addIngredient(state: TextDraftState, line: string): void {
  const text = line.replace(bullet, '').replace(/^\d{1,2}[.)]\s+(?=[\d½¼¾⅓⅔⅛])/, '');
  if (isSubheading(text)) {
    state.sections.push({ title: text.replace(/\s*:\s*$/, ''), lines: [] });
    return;
  }
  const current = state.sections[state.sections.length - 1];
  if (current) current.lines.push(text);
  else state.sections.push({ title: null, lines: [text] });
}

function addStepLine(state: TextDraftState, line: string): void {
  const isNumbered = numbered.test(line);
  const text = line.replace(numbered, '').replace(bullet, '').trim();
  if (!text) return;
  const last = state.steps[state.steps.length - 1];
  if (isNumbered) state.numberedSteps = true;
  // In numbered steps, an unnumbered line right below a step continues it.
  if (last && !isNumbered && !bullet.test(line) && state.numberedSteps && !state.afterBlank) last.text = `${last.text} ${text}`;
  else state.steps.push({ text });
}

function readLine(state: TextDraftState, line: string, draft: { servings: ReturnType<typeof servingsFrom>; times: Record<string, number | null> }): void {
  const block = blockOf(line);
  if (block && line.length <= 40) {
    state.block = block;
    if (block !== 'notes') state.explicit = true;
    return;
  }
  if (state.block !== 'steps' && state.block !== 'notes' && servingsLine.test(line) && !draft.servings) {
    draft.servings = servingsFrom(line);
    return;
  }
  const time = timeLine.exec(line);
  if (time && state.block !== 'steps' && line.length <= 60) {
    const kind = (time[1] ?? 'total').toLowerCase();
    draft.times[kind.startsWith('prep') ? 'prep' : kind.startsWith('total') ? 'total' : 'cook'] = durationMinutes(time[2]);
    return;
  }
  const unbulleted = line.replace(bullet, '');
  if (!state.explicit) {
    // No headings: amounts make ingredients, numbered lines (or prose after the ingredients) make steps.
    if (numbered.test(line)) state.block = 'steps';
    else if (startsWithAmount.test(unbulleted) && state.block !== 'steps') state.block = 'ingredients';
    else if (state.block === 'ingredients' && !bullet.test(line) && !isSubheading(line) && (unbulleted.length > 60 || /[.!]$/.test(unbulleted))) state.block = 'steps';
  }
  if (state.block === 'ingredients') addIngredient(state, line);
  else if (state.block === 'steps') addStepLine(state, line);
  else if (state.block === 'notes') state.notes.push(unbulleted);
  else state.description.push(line);
}

/** Plain text -> imported content; 422 'import_unmappable' when no title or neither ingredients nor steps can be found. */
export function mapPlainTextRecipe(text: string): ImportedRecipe {
  const lines = text.split(/\r\n|\r|\n/).map(cleanLine);
  const titleIndex = lines.findIndex((line) => line.length > 0);
  const title = titleIndex >= 0 ? (lines[titleIndex] ?? '').replace(/^(title|recipe)\s*:\s*/i, '') : null;
  const state: TextDraftState = { block: 'intro', explicit: false, description: [], notes: [], sections: [], steps: [], afterBlank: false, numberedSteps: false };
  const draft = { servings: null as ReturnType<typeof servingsFrom>, times: {} as Record<string, number | null> };
  for (const line of lines.slice(titleIndex + 1)) {
    if (line.length === 0) {
      state.afterBlank = true;
      continue;
    }
    readLine(state, line, draft);
    state.afterBlank = false;
  }
  return finishImport({
    title,
    description: state.description.join('\n') || null,
    servings: draft.servings,
    prepMinutes: draft.times.prep,
    cookMinutes: draft.times.cook,
    totalMinutes: draft.times.total,
    ingredientSections: state.sections,
    steps: state.steps,
    notes: state.notes.join('\n') || null,
    source: null,
  });
}
