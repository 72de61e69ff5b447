/**
 * Reading schema.org property values as pages really write them: a text may be a string, a number,
 * an object with `@value` or `name`, or an array of those; durations are ISO 8601 ("PT1H30M",
 * "P0DT0H20M"), plain minutes or words ("35 minuti"); yields are numbers, "Makes 12 cookies",
 * arrays or QuantitativeValue objects.
 */
import type { DietLabel } from './imported-content.js';
import { plainText } from './import-text.js';

export type JsonObject = Record<string, unknown>;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first non-empty text in a value: strings, numbers, `@value`, `name`, `text`, or the first of an array. */
export function textValue(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return plainText(value) || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (depth > 4) return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = textValue(item, depth + 1);
      if (text) return text;
    }
    return null;
  }
  if (isObject(value)) return textValue(value['@value'] ?? value.name ?? value.text, depth + 1);
  return null;
}

/** Every text in a value (arrays flattened, objects by name); strings split at commas when `splitCommas`. */
export function textList(value: unknown, splitCommas = false, depth = 0): string[] {
  if (value == null || depth > 4) return [];
  if (Array.isArray(value)) return value.flatMap((item) => textList(item, splitCommas, depth + 1));
  const text = textValue(value, depth + 1);
  if (!text) return [];
  return splitCommas ? text.split(/\s*[,;]\s*/).filter((part) => part.length > 0) : [text];
}

/** Names of people or organisations: "Ana", {name: "Ana"}, [{name: "Ana"}, {name: "Ben"}] -> "Ana, Ben". */
export function personNames(value: unknown): string | null {
  const names = [...new Set(textList(value))];
  return names.length > 0 ? names.join(', ') : null;
}

const durationUnits: Array<[RegExp, number]> = [
  [/^(d|days?|giorn[oi]|jours?|tage?n?|d[ií]as?|dagen?)$/i, 24 * 60],
  [/^(h|hrs?|hours?|std|stunden?|ore|ora|heures?|horas?|uur)$/i, 60],
  [/^(m|mins?|minutes?|minuti|minuten?|minutos?|perc)$/i, 1],
  [/^(s|secs?|seconds?|sekunden?|secondi|secondes?|segundos?)$/i, 1 / 60],
];

const isoDurationPattern =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

const decimal = (text: string | undefined) => (text ? Number(text.replace(',', '.')) : 0);

/** Minutes in a duration: ISO 8601, a plain number of minutes, or words ("1 hour 20 mins"); null when unreadable or zero. */
export function durationMinutes(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : null;
  if (isObject(value)) return durationMinutes(value['@value'] ?? value.value);
  if (Array.isArray(value)) return durationMinutes(value[0]);
  if (typeof value !== 'string') return null;
  // Durations are short; a long text is not one (and would only feed the patterns below).
  const text = value.trim();
  if (text === '' || text.length > 100) return null;
  const iso = isoDurationPattern.exec(text.replace(/\s+/g, ''));
  if (iso && text.length > 1) {
    const [, years, months, weeks, days, hours, minutes, seconds] = iso;
    const total =
      decimal(years) * 365 * 24 * 60 +
      decimal(months) * 30 * 24 * 60 +
      decimal(weeks) * 7 * 24 * 60 +
      decimal(days) * 24 * 60 +
      decimal(hours) * 60 +
      decimal(minutes) +
      decimal(seconds) / 60;
    return total > 0 ? total : null;
  }
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return decimal(text) > 0 ? decimal(text) : null;
  let total = 0;
  for (const match of text.matchAll(/(\d+(?:[.,]\d+)?)\s*([a-zà-ÿ]+)/gi)) {
    const factor = durationUnits.find(([pattern]) => pattern.test(match[2] ?? ''))?.[1];
    if (factor !== undefined) total += decimal(match[1]) * factor;
  }
  return total > 0 ? total : null;
}

const yieldVerbs = /^(?:serves|makes|yields?|for|about|approx\.?|approximately|pour|per|para|für)\b[:\s]*/i;
const numberPattern = /(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|to|à|a|bis)\s*\d+(?:[.,]\d+)?)?/i;

/** The unit words after (or before) the amount: "12 cookies" -> "cookies", "Portionen: 4" -> "Portionen". */
function yieldUnit(before: string, after: string): string | null {
  const afterWords = after
    .replace(/\([^)]*\)/g, ' ')
    .split(/[,.;:!(]/)[0]
    ?.trim()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 3)
    .join(' ');
  if (afterWords) return afterWords;
  const label = before.replace(/[:\s]+$/, '').trim();
  if (!label || /^(serves|makes|yields?|for|about|approx\.?|pour|para|für)$/i.test(label)) return null;
  return label.split(/\s+/).slice(-2).join(' ');
}

function servingsFromText(written: string): { amount: number; unit: string | null } | null {
  const text = written.slice(0, 200);
  const match = numberPattern.exec(text);
  if (!match || match[1] === undefined) return null;
  const amount = decimal(match[1]);
  if (!(amount > 0)) return null;
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  const unit = yieldUnit(before.replace(yieldVerbs, ''), after);
  return { amount, unit };
}

/** Servings from recipeYield: 4, "4 servings", "Makes 12 cookies", ["8", "8 servings"], {value: 6, unitText: "people"}. */
export function servingsFrom(value: unknown): { amount: number; unit: string } | null {
  const candidates: Array<{ amount: number; unit: string | null }> = [];
  const collect = (item: unknown, depth: number) => {
    if (depth > 3 || item == null) return;
    if (typeof item === 'number') {
      if (Number.isFinite(item) && item > 0) candidates.push({ amount: item, unit: null });
    } else if (typeof item === 'string') {
      const found = servingsFromText(plainText(item));
      if (found) candidates.push(found);
    } else if (Array.isArray(item)) {
      for (const entry of item) collect(entry, depth + 1);
    } else if (isObject(item)) {
      const amount = Number(textValue(item.value ?? item['@value'] ?? item.minValue) ?? Number.NaN);
      const unit = textValue(item.unitText);
      if (Number.isFinite(amount) && amount > 0) candidates.push({ amount, unit });
    }
  };
  collect(value, 0);
  const chosen = candidates.find((candidate) => candidate.unit) ?? candidates[0];
  return chosen ? { amount: chosen.amount, unit: chosen.unit ?? 'servings' } : null;
}

const schemaOrgDiets: Record<string, DietLabel> = {
  vegetariandiet: 'vegetarian',
  vegandiet: 'vegan',
  glutenfreediet: 'gluten-free',
  halaldiet: 'halal',
  kosherdiet: 'kosher',
};

const dietWords: Record<string, DietLabel> = {
  vegetarian: 'vegetarian',
  vegan: 'vegan',
  pescatarian: 'pescatarian',
  pescetarian: 'pescatarian',
  'gluten-free': 'gluten-free',
  glutenfree: 'gluten-free',
  'dairy-free': 'dairy-free',
  'nut-free': 'nut-free',
  'egg-free': 'egg-free',
  'low-carb': 'low-carb',
  keto: 'keto',
  ketogenic: 'keto',
  halal: 'halal',
  kosher: 'kosher',
};

/** A diet label for a whole keyword or category ("Gluten free" -> gluten-free); words inside longer phrases do not count. */
export function dietFromLabel(label: string): DietLabel | null {
  return dietWords[label.trim().toLowerCase().replace(/\s+/g, '-')] ?? null;
}

/** suitableForDiet: schema.org's RestrictedDiet values -> our labels; the others become tags ("LowCalorieDiet" -> "low calorie"). */
export function dietsFrom(value: unknown): { diets: DietLabel[]; tags: string[] } {
  const diets: DietLabel[] = [];
  const tags: string[] = [];
  for (const entry of textList(value)) {
    const name = entry.replace(/^.*[/:#]/, '');
    const known = schemaOrgDiets[name.toLowerCase()] ?? dietFromLabel(name);
    if (known) diets.push(known);
    else if (/diet$/i.test(name)) {
      const words = name
        .replace(/Diet$/i, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .trim();
      if (words) tags.push(words);
    }
  }
  return { diets, tags };
}
