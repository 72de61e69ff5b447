/**
 * Ingredient parser accuracy on the 30,000 hand-labelled NYT lines (../shared/data/parser), exact
 * match per field after normalising (server/test/ingredient-labels.ts says how), plus speed.
 * Baseline, measured in the same run: a naive regex parser (leading number, known unit, rest as name).
 * The first 20,000 lines are the development split the parser was tuned on; the last 10,000 were
 * held out and are reported separately. Without ../shared/data the committed sample is scored instead.
 * Env: PARSER_BENCH_ERRORS=quantity|unit|name prints up to 80 development-split misses to stderr.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedIngredient } from '@tavola/contracts/ingredients';
import { parseIngredientLine } from '../../server/src/features/ingredients/index.js';
import { expectedFields, type FieldScores, type LabelledLine, readCuratedJsonl, readLabelledCsv, scoreParsed, textKey } from '../../server/test/ingredient-labels.js';
import { machineDescription, note, printResult, printTable } from '../shared/report.js';
import { naiveParse } from './naive-parser.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDir = path.resolve(root, '../shared/data/parser');
const fullCorpus = path.join(sharedDir, 'nyt-ingredients-snapshot-2015-clean.csv');
const committedSample = path.join(root, 'server/test/fixtures/ingredients/nyt-sample.csv');
const committedCurated = path.join(root, 'server/test/fixtures/ingredients/curated-cases.jsonl');
const developmentLines = 20_000;
const goals = { quantity: 0.97, unit: 0.97, name: 0.9 };

type Parser = (line: string) => Pick<ParsedIngredient, 'quantity' | 'quantityMax' | 'unit' | 'secondary' | 'name'> & Partial<Pick<ParsedIngredient, 'preparation' | 'comment'>>;

interface Accuracy {
  lines: number;
  quantity: number;
  unit: number;
  name: number;
  allThree: number;
  preparation: number;
  comment: number;
}

function score(lines: readonly LabelledLine[], parser: Parser, errorsOf?: keyof FieldScores): Accuracy {
  const hits = { quantity: 0, unit: 0, name: 0, allThree: 0, preparation: 0, comment: 0 };
  let printed = 0;
  for (const line of lines) {
    const parsed = parser(line.input);
    const expected = expectedFields(line);
    const scores = scoreParsed(parsed, expected);
    if (scores.quantity) hits.quantity++;
    if (scores.unit) hits.unit++;
    if (scores.name) hits.name++;
    if (scores.quantity && scores.unit && scores.name) hits.allThree++;
    if (textKey(parsed.preparation) === textKey(line.preparation)) hits.preparation++;
    if (textKey(parsed.comment) === textKey(line.comment)) hits.comment++;
    if (errorsOf && !scores[errorsOf] && printed < 80) {
      printed++;
      const got = { q: parsed.quantity, qMax: parsed.quantityMax, unit: parsed.unit, second: parsed.secondary?.unit, name: parsed.name };
      note(`${line.input}\n   label q=${line.quantity} u=${line.unit} n=${line.name}\n   got   ${JSON.stringify(got)}`);
    }
  }
  const ratio = (n: number) => (lines.length === 0 ? 0 : n / lines.length);
  return {
    lines: lines.length,
    quantity: ratio(hits.quantity),
    unit: ratio(hits.unit),
    name: ratio(hits.name),
    allThree: ratio(hits.allThree),
    preparation: ratio(hits.preparation),
    comment: ratio(hits.comment),
  };
}

/** Lines per second over the whole list, best of three passes after a warm-up pass. */
function speed(lines: readonly LabelledLine[], parser: Parser): number {
  const inputs = lines.map((line) => line.input);
  for (const input of inputs) parser(input);
  let best = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < 3; pass++) {
    const started = process.hrtime.bigint();
    for (const input of inputs) parser(input);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  return inputs.length / best;
}

const pct = (value: number) => Math.round(value * 1000) / 10;
const rounded = (accuracy: Accuracy) => ({
  lines: accuracy.lines,
  quantity: pct(accuracy.quantity),
  unit: pct(accuracy.unit),
  name: pct(accuracy.name),
  allThree: pct(accuracy.allThree),
  preparation: pct(accuracy.preparation),
  comment: pct(accuracy.comment),
});

function main(): void {
  const haveFull = existsSync(fullCorpus);
  if (!haveFull) note(`parser: ${fullCorpus} not found: the full 30,000-line evaluation is skipped; scoring the committed sample instead`);
  const corpusFile = haveFull ? fullCorpus : committedSample;
  const lines = readLabelledCsv(readFileSync(corpusFile, 'utf8'));
  const development = haveFull ? lines.slice(0, developmentLines) : lines;
  const heldOut = haveFull ? lines.slice(developmentLines) : [];
  const curatedFiles = haveFull
    ? ['simple', 'multiple_units', 'alternate_unit_position', 'comment_before_name', 'ambiguous_unit'].map((name) => path.join(sharedDir, `test_parser_${name}.jsonl`))
    : [committedCurated];
  const curated = curatedFiles.filter((file) => existsSync(file)).flatMap((file) => readCuratedJsonl(readFileSync(file, 'utf8')));

  const errorsOf = process.env.PARSER_BENCH_ERRORS as keyof FieldScores | undefined;
  const parser: Parser = parseIngredientLine;
  const all = score(lines, parser);
  if (errorsOf) score(development, parser, errorsOf);
  const held = heldOut.length > 0 ? score(heldOut, parser) : null;
  const curatedScore = curated.length > 0 ? score(curated, parser) : null;
  const naive = score(lines, naiveParse);
  note('parser: timing (warm-up pass, then best of 3)');
  const parserSpeed = speed(lines, parser);
  const naiveSpeed = speed(lines, naiveParse);

  console.log(`\nIngredient parser: exact match per field after normalising, ${lines.length} labelled lines (${haveFull ? 'NYT snapshot, full' : 'committed sample only'})`);
  const row = (label: string, accuracy: Accuracy) => [label, accuracy.lines, pct(accuracy.quantity), pct(accuracy.unit), pct(accuracy.name), pct(accuracy.allThree), pct(accuracy.preparation), pct(accuracy.comment)];
  const rows = [row('tavola parser, all lines', all)];
  if (haveFull) rows.push(row(`  development split (1-${developmentLines})`, score(development, parser)));
  if (held) rows.push(row(`  held-out split (${developmentLines + 1}-${lines.length})`, held));
  if (curatedScore) rows.push(row('tavola parser, curated JSONL cases', curatedScore));
  rows.push(row('baseline: naive regex parser, all lines', naive));
  printTable(['parser / lines', 'lines', 'quantity %', 'unit %', 'name %', 'all 3 %', 'prep % (info)', 'comment % (info)'], rows);

  console.log('');
  printTable(
    ['goal', 'target %', 'all lines %', 'held-out %', 'met'],
    (['quantity', 'unit', 'name'] as const).map((field) => [field, goals[field] * 100, pct(all[field]), held ? pct(held[field]) : '-', all[field] >= goals[field] ? 'yes' : 'NO']),
  );
  console.log(`\nspeed: tavola ${Math.round(parserSpeed)} lines/s, naive regex ${Math.round(naiveSpeed)} lines/s (${(parserSpeed / naiveSpeed).toFixed(2)} x baseline)`);

  printResult({
    bench: 'parser',
    metrics: {
      accuracyPct: rounded(all),
      heldOutAccuracyPct: held ? rounded(held) : null,
      curatedAccuracyPct: curatedScore ? rounded(curatedScore) : null,
      goalsPct: { quantity: goals.quantity * 100, unit: goals.unit * 100, name: goals.name * 100 },
      goalsMet: { quantity: all.quantity >= goals.quantity, unit: all.unit >= goals.unit, name: all.name >= goals.name },
      linesPerSecond: Math.round(parserSpeed),
      speedVsBaseline: Math.round((parserSpeed / naiveSpeed) * 100) / 100,
      accuracyVsBaseline: { quantity: ratioOf(all.quantity, naive.quantity), unit: ratioOf(all.unit, naive.unit), name: ratioOf(all.name, naive.name) },
    },
    baseline: { parser: 'naive regex: leading number, next word as unit if in the table, rest to the first comma as name', accuracyPct: rounded(naive), linesPerSecond: Math.round(naiveSpeed) },
    corpus: {
      file: path.relative(root, corpusFile),
      full: haveFull,
      lines: lines.length,
      developmentSplit: haveFull ? `lines 1-${developmentLines}` : null,
      heldOutSplit: haveFull ? `lines ${developmentLines + 1}-${lines.length}` : null,
      curatedCases: curated.length,
      normalisation: 'quantity numeric (first of space-joined amounts; ranges must match both ends); unit canonical (first written unit); name case- and plural-insensitive',
      machine: machineDescription(),
    },
  });
}

const ratioOf = (value: number, baseline: number) => (baseline === 0 ? null : Math.round((value / baseline) * 100) / 100);

main();
