/**
 * Reads the UC Davis AVA list (`us_by_ava.csv`: cfr,state,name,county,within,contains) into
 * regions: US states and their American Viticultural Areas, nested by the `within` column.
 *
 * The file has quirks, all handled here rather than by editing the data:
 * - Arkansas rows use the postal code "AK" (Alaska's); Alaska has no AVA, so AK means Arkansas.
 * - Virginia appears as "VI" (the Virgin Islands' code) in multi-state rows; no AVA lies there.
 * - Some `within` cells are split or joined wrongly ("Clear LakeNorth Coast", "Solano County|Green
 *   Valley") or name an AVA differently from its own row ("Northern Sonoma Valley", "(WA)" suffixes).
 * - `contains` lists overlaps as containment (Anderson Valley and Mendocino Ridge contain each
 *   other) and names counties, so only `within`, each row's statement about itself, builds the tree.
 */
import type { ShippedRegion } from '../../src/features/wine-knowledge/wine-knowledge-files.js';
import { foldWineName, wineSlug } from '../../src/features/wine-knowledge/wine-names.js';

const stateNames: Record<string, string> = {
  AL: 'Alabama', AR: 'Arkansas', AZ: 'Arizona', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware',
  FL: 'Florida', GA: 'Georgia', IA: 'Iowa', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', KS: 'Kansas', KY: 'Kentucky',
  LA: 'Louisiana', MA: 'Massachusetts', MD: 'Maryland', ME: 'Maine', MI: 'Michigan', MN: 'Minnesota', MO: 'Missouri',
  MS: 'Mississippi', MT: 'Montana', NC: 'North Carolina', ND: 'North Dakota', NE: 'Nebraska', NH: 'New Hampshire',
  NJ: 'New Jersey', NM: 'New Mexico', NV: 'Nevada', NY: 'New York', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon',
  PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas',
  UT: 'Utah', VA: 'Virginia', VT: 'Vermont', WA: 'Washington', WI: 'Wisconsin', WV: 'West Virginia', WY: 'Wyoming',
};

/** Codes the file uses for another state than the postal code's (see the module comment). */
export const stateCodeQuirks: Record<string, string> = { AK: 'AR', VI: 'VA' };

/** Full state name for a code of the file, quirks applied. */
export function stateNameFor(code: string): string {
  const trimmed = code.trim().toUpperCase();
  const name = stateNames[stateCodeQuirks[trimmed] ?? trimmed];
  if (!name) throw new Error(`unknown US state code "${code}"`);
  return name;
}

/** `within` cells mis-split or mis-joined in the file, and what they mean. */
const withinRepairs: Array<[string, string]> = [
  ['Clear LakeNorth Coast', 'Clear Lake|North Coast'],
  ['Solano County|Green Valley', 'Solano County Green Valley'],
  ['Upper Mississippi|River Valley', 'Upper Mississippi River Valley'],
];

/** Names used in `within` for an AVA whose own row spells it otherwise (keys folded). */
const nameAliases: Record<string, string> = {
  'northern sonoma valley': 'northern sonoma',
  'green valley of russian river valley': 'green valley of russian river',
  'the hamptons': 'the hamptons long island',
  'san pasquale valley': 'san pasqual valley',
  'dry creek': 'dry creek valley',
  'arroyo grande': 'arroyo grande valley',
};

/** Fields of each CSV record (RFC 4180: quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      if (record.some((value) => value !== '')) records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  record.push(field);
  if (record.some((value) => value !== '')) records.push(record);
  return records;
}

export interface AvaRow {
  /** Section of 27 CFR Part 9 defining the AVA ("9.23"). */
  cfr: string;
  name: string;
  states: string[];
  counties: string[];
  /** The AVAs this one lies within, as the file names them. */
  within: string[];
}

/** A display name tidied of stray spaces ("Saddle Rock- Malibu", " Arkansas Mountain"). */
function cleanName(name: string): string {
  return name.trim().replace(/\s*-\s+/g, '-').replace(/\s+/g, ' ');
}

/** The key an AVA is looked up by: folded, without a "(WA)" state suffix, dashes as spaces. */
export function avaKey(name: string): string {
  const key = foldWineName(cleanName(name).replace(/\s*\([A-Z, ]+\)$/, ''));
  return nameAliases[key] ?? key;
}

/** Where an AVA lies, in words: "Napa County, California." or "Spans Oregon and Washington." */
function avaNote(row: AvaRow): string {
  const listed = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? ''));
  if (row.states.length > 1) return `Spans ${listed(row.states)}.`;
  if (row.counties.length === 0) return `${listed(row.states)}.`;
  return `${listed(row.counties)} ${row.counties.length === 1 ? 'County' : 'Counties'}, ${listed(row.states)}.`;
}

const splitList = (cell: string | undefined) => (cell ?? '').split('|').map((part) => part.trim()).filter((part) => part !== '');

export function readAvaRows(csvText: string): AvaRow[] {
  const [header, ...records] = parseCsv(csvText);
  const column = (name: string) => {
    const index = header?.indexOf(name) ?? -1;
    if (index < 0) throw new Error(`us_by_ava.csv has no column ${name}`);
    return index;
  };
  const at = { cfr: column('cfr'), state: column('state'), name: column('name'), county: column('county'), within: column('within') };
  return records.map((record) => {
    let within = record[at.within] ?? '';
    for (const [broken, repaired] of withinRepairs) within = within.replace(broken, repaired);
    return {
      cfr: (record[at.cfr] ?? '').trim(),
      name: cleanName(record[at.name] ?? ''),
      states: splitList(record[at.state]).map(stateNameFor),
      counties: splitList(record[at.county]),
      within: splitList(within),
    };
  });
}

/**
 * US states (level region) and AVAs (level appellation). An AVA's parent is the most deeply nested
 * AVA it lies within; one within no AVA hangs under its state, or under the country when it spans
 * several states. The other containing AVAs and states are kept in `alsoWithin`.
 */
export function buildAvaRegions(rows: AvaRow[], countryId: string): ShippedRegion[] {
  const byKey = new Map(rows.map((row) => [avaKey(row.name), row]));
  if (byKey.size !== rows.length) throw new Error('us_by_ava.csv names an AVA twice');
  const idOf = (row: AvaRow) => `${countryId}-${wineSlug(row.name)}`;
  const stateId = (state: string) => `${countryId}-${wineSlug(state)}`;
  const containing = new Map<AvaRow, AvaRow[]>();
  for (const row of rows) {
    containing.set(
      row,
      row.within.map((name) => {
        const outer = byKey.get(avaKey(name));
        if (!outer) throw new Error(`AVA "${row.name}" lies within unknown AVA "${name}"`);
        return outer;
      }),
    );
  }
  const depthMemo = new Map<AvaRow, number>();
  const depth = (row: AvaRow, seen: Set<AvaRow> = new Set()): number => {
    const known = depthMemo.get(row);
    if (known !== undefined) return known;
    if (seen.has(row)) throw new Error(`AVA containment cycle through "${row.name}"`);
    seen.add(row);
    const outer = containing.get(row) ?? [];
    const value = outer.length === 0 ? 0 : 1 + Math.max(...outer.map((o) => depth(o, seen)));
    seen.delete(row);
    depthMemo.set(row, value);
    return value;
  };
  for (const row of rows) depth(row);
  const ancestorsOf = (row: AvaRow): Set<AvaRow> => {
    const found = new Set<AvaRow>();
    const visit = (current: AvaRow) => {
      for (const outer of containing.get(current) ?? []) {
        if (!found.has(outer)) {
          found.add(outer);
          visit(outer);
        }
      }
    };
    visit(row);
    return found;
  };

  const states = [...new Set(rows.flatMap((row) => row.states))].sort();
  const regions: ShippedRegion[] = states.map((state) => ({
    id: stateId(state),
    name: state,
    level: 'region',
    parentId: countryId,
    countryId,
    alsoWithin: [],
    altNames: [],
    designation: 'State appellation',
    note: null,
    legalReference: null,
    sortOrder: 0,
  }));
  for (const row of rows) {
    const outer = containing.get(row) ?? [];
    const parent = [...outer].sort((a, b) => depth(b) - depth(a) || a.name.localeCompare(b.name))[0];
    const parentId = parent ? idOf(parent) : row.states.length === 1 ? stateId(row.states[0] as string) : countryId;
    // Already implied: the parent's own ancestors and, under a single-state AVA chain, the state.
    const implied = parent ? new Set([parent, ...ancestorsOf(parent)]) : new Set<AvaRow>();
    const impliedStates = new Set(parent ? [parent, ...ancestorsOf(parent)].flatMap((a) => (a.states.length === 1 ? a.states : [])) : row.states.length === 1 ? row.states : []);
    const alsoWithin = [...outer.filter((o) => !implied.has(o)).map(idOf), ...row.states.filter((state) => !impliedStates.has(state)).map(stateId)];
    regions.push({
      id: idOf(row),
      name: row.name,
      level: 'appellation',
      parentId,
      countryId,
      alsoWithin: [...new Set(alsoWithin)].filter((id) => id !== parentId),
      altNames: [],
      designation: 'AVA',
      note: avaNote(row),
      legalReference: row.cfr ? `27 CFR § ${row.cfr}` : null,
      sortOrder: 0,
    });
  }
  return regions;
}
