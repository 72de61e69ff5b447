/**
 * Reading and scoring the hand-labelled ingredient lines (NYT snapshot CSV, strangetom's curated
 * JSONL). Shared by the parser's tests (on the committed sample) and bench/parser (on the full set).
 *
 * Normalisation, per field:
 *  - quantity: numeric. The CSV joins the amounts of a line with spaces ("1 20" for "1 cup
 *    chestnuts (about 20)"): the first is compared. A label range "2-3" must match quantity and
 *    quantityMax; a non-numeric label ("few") must be null.
 *  - unit: canonical unit id. The CSV joins the units of the amounts that have one ("can ounce" for
 *    "2 28-ounce cans"), so the label's first unit is compared with the parser's first unit
 *    (its main unit, else its second amount's). Words that only qualify a unit ("heaping", "thin")
 *    are dropped, and a size followed by a unit with no amount of its own ("large clove" for
 *    "4 large cloves garlic") counts as that unit.
 *  - name: case-insensitive, each word singularised, whitespace collapsed.
 */
import type { ParsedIngredient } from '@tavola/contracts/ingredients';
import { findUnit, foodNameKey } from '../src/features/ingredients/index.js';

export interface LabelledLine {
  input: string;
  name: string;
  quantity: string;
  unit: string;
  preparation: string;
  comment: string;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes) with a header row. */
export function readLabelledCsv(text: string): LabelledLine[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  const [header, ...body] = rows;
  const columns = header ?? [];
  return body
    .filter((cells) => cells.some((cell) => cell !== ''))
    .map((cells) => Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ''])) as unknown as LabelledLine);
}

/** strangetom's curated cases: one JSON object a line, `#` lines are section titles. */
export function readCuratedJsonl(text: string): LabelledLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => {
      const { sentence, labels } = JSON.parse(line) as { sentence: string; labels: Record<string, string> };
      return { input: sentence, name: labels.name ?? '', quantity: labels.quantity ?? '', unit: labels.unit ?? '', preparation: '', comment: labels.comment ?? '' };
    });
}

const unitQualifiers = new Set(['heaping', 'heaped', 'scant', 'generous', 'level', 'rounded', 'good', 'thin', 'thick', 'very', 'thumbnail-size', 'thumb-size', 'big', 'whole']);

export interface ExpectedFields {
  quantity: number | null;
  quantityMax: number | null;
  /** Canonical unit id, the label's own word when the table does not know it, or null. */
  unit: string | null;
  nameKey: string;
}

function parseLabelNumber(text: string): { quantity: number | null; quantityMax: number | null } {
  const [low, high] = text.split('-');
  const quantity = low !== undefined && low !== '' && Number.isFinite(Number(low)) ? Number(low) : null;
  const quantityMax = high !== undefined && high !== '' && Number.isFinite(Number(high)) ? Number(high) : null;
  if (text === 'half') return { quantity: 0.5, quantityMax: null };
  return { quantity, quantityMax };
}

export function expectedFields(line: LabelledLine): ExpectedFields {
  const amounts = line.quantity.trim().split(/\s+/).filter(Boolean);
  const { quantity, quantityMax } = parseLabelNumber(amounts[0] ?? '');
  return { quantity, quantityMax, unit: firstLabelUnit(line.unit, amounts.length), nameKey: foodNameKey(line.name) };
}

function firstLabelUnit(label: string, amountCount: number): string | null {
  let words = label.trim().toLowerCase().split(/\s+/).filter((word) => word && !unitQualifiers.has(word));
  const canonical = (word: string) => findUnit(word)?.id ?? word;
  const first = words[0];
  const second = words[1];
  if (first && second && words.length > amountCount && findUnit(first)?.kind === 'size' && findUnit(second) && findUnit(second)?.kind !== 'size') {
    words = words.slice(1);
  }
  const head = words[0];
  return head ? canonical(head) : null;
}

/** The parser's first unit: its main unit, else the unit of its second amount. */
export function firstParsedUnit(parsed: ParsedIngredient): string | null {
  return parsed.unit ?? parsed.secondary?.unit ?? null;
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= 0.002 + Math.abs(b) * 0.001);

export interface FieldScores {
  quantity: boolean;
  unit: boolean;
  name: boolean;
}

export function scoreParsed(parsed: Pick<ParsedIngredient, 'quantity' | 'quantityMax' | 'unit' | 'secondary' | 'name'>, expected: ExpectedFields): FieldScores {
  const quantity = close(parsed.quantity, expected.quantity) && (expected.quantityMax === null || close(parsed.quantityMax, expected.quantityMax));
  return {
    quantity,
    unit: firstParsedUnit(parsed as ParsedIngredient) === expected.unit,
    name: foodNameKey(parsed.name) === expected.nameKey,
  };
}

/** Loose text comparison for preparation and comment (information only): lower case, letters and digits. */
export function textKey(text: string | null | undefined): string {
  return (text ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
