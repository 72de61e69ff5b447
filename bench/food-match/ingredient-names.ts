import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The ingredient names to match, with how many labelled lines carry each one. */
export interface NameCorpus {
  source: string;
  names: Array<{ name: string; lines: number }>;
  lines: number;
}

/** Fields of one CSV record (RFC 4180 quoting); records may span lines inside quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/**
 * The `name` column of the NYT labelled ingredient lines (../shared/data/parser), counted per
 * distinct lower-cased name; the committed sample of the most frequent names when the shared
 * data is absent.
 */
export function loadIngredientNames(root: string): NameCorpus {
  const shared = path.resolve(root, '../shared/data/parser/nyt-ingredients-snapshot-2015-clean.csv');
  if (existsSync(shared)) {
    const [header, ...rows] = parseCsv(readFileSync(shared, 'utf8'));
    const column = header?.indexOf('name') ?? -1;
    const counts = new Map<string, number>();
    for (const row of rows) {
      const name = (row[column] ?? '').trim().toLowerCase();
      if (name !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    return toCorpus('../shared/data/parser/nyt-ingredients-snapshot-2015-clean.csv (name column)', counts);
  }
  const sample = path.join(root, 'bench/food-match/sample-names.tsv');
  const counts = new Map<string, number>();
  for (const line of readFileSync(sample, 'utf8').split('\n')) {
    const [lines, name] = line.split('\t');
    if (name && !line.startsWith('#')) counts.set(name, Number(lines));
  }
  return toCorpus('bench/food-match/sample-names.tsv (committed sample: ../shared/data is absent)', counts);
}

function toCorpus(source: string, counts: Map<string, number>): NameCorpus {
  const names = [...counts].map(([name, lines]) => ({ name, lines })).sort((a, b) => b.lines - a.lines || a.name.localeCompare(b.name));
  return { source, names, lines: names.reduce((sum, entry) => sum + entry.lines, 0) };
}
