import type { dietLabels, Recipe, RecipeContent, Visibility } from '@tavola/contracts/recipes';

/** Words and numbers shown for a recipe: labels of enums, durations, amounts, people. */

export type Diet = (typeof dietLabels)[number];
export type Difficulty = NonNullable<RecipeContent['difficulty']>;

/** Every diet the contract knows, with its label (the Record keeps the two in step). */
export const dietNames: Record<Diet, string> = {
  vegetarian: 'Vegetarian',
  vegan: 'Vegan',
  pescatarian: 'Pescatarian',
  'gluten-free': 'Gluten-free',
  'dairy-free': 'Dairy-free',
  'nut-free': 'Nut-free',
  'egg-free': 'Egg-free',
  'low-carb': 'Low-carb',
  keto: 'Keto',
  halal: 'Halal',
  kosher: 'Kosher',
};

export const difficultyNames: Record<Difficulty, string> = { easy: 'Easy', medium: 'Medium', hard: 'Hard' };

export const visibilityNames: Record<Visibility, string> = { public: 'Public', followers: 'Followers', private: 'Private' };

export const visibilityDescriptions: Record<Visibility, string> = {
  public: 'Anyone can find and read it.',
  followers: 'Only people who follow you can read it.',
  private: 'Only you can read it.',
};

export const visibilityOptions = (Object.keys(visibilityNames) as Visibility[]).map((value) => ({
  value,
  label: `${visibilityNames[value]} — ${visibilityDescriptions[value]}`,
}));

/** "1 h 15 min", "45 min". */
export function formatMinutes(minutes: number | null | undefined): string | null {
  if (minutes === null || minutes === undefined) return null;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** "2:05" or "1:02:05", for a running timer. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.ceil(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = hours ? String(minutes).padStart(2, '0') : String(minutes);
  return `${hours ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
}

/** "10 min", "1 h 30 min", "45 s" for a step's timer. */
export function formatTimer(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const base = formatMinutes(minutes) ?? '';
  return rest ? `${base} ${rest} s` : base;
}

const amountFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatAmount(value: number): string {
  return amountFormat.format(value);
}

/** "4 servings", "12 cookies". */
export function formatServings(servings: { amount: number; unit: string }): string {
  return `${formatAmount(servings.amount)} ${servings.unit}`;
}

export function authorName(author: Recipe['author']): string {
  return author.displayName || author.username;
}

/** A source URL is linked only when it is a web address. */
export function safeExternalUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The human name of a recipe field, as the diff and the error summary show it. */
export const fieldNames: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  servings: 'Servings',
  prepMinutes: 'Preparation time',
  cookMinutes: 'Cooking time',
  totalMinutes: 'Total time',
  difficulty: 'Difficulty',
  cuisine: 'Cuisine',
  course: 'Course',
  diets: 'Diets',
  tags: 'Tags',
  equipment: 'Equipment',
  notes: 'Notes',
  source: 'Source',
  ingredients: 'Ingredients',
  steps: 'Steps',
};

/** A metadata value from a diff (any JSON) as text; "—" for nothing. */
export function describeFieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((item) => (field === 'diets' && typeof item === 'string' ? (dietNames[item as Diet] ?? item) : String(item))).join(', ');
  }
  if (field.endsWith('Minutes') && typeof value === 'number') return formatMinutes(value) ?? '—';
  if (field === 'difficulty' && typeof value === 'string') return difficultyNames[value as Difficulty] ?? value;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (field === 'servings' && typeof record.amount === 'number') return formatServings({ amount: record.amount, unit: String(record.unit ?? 'servings') });
    if (field === 'source') return [record.name, record.url].filter((part) => typeof part === 'string' && part).join(' — ') || '—';
    return JSON.stringify(value);
  }
  return String(value);
}
