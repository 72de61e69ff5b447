import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { wineGrapes } from '../../db/schema/index.js';
import { containsPattern, textArray } from './wine-regions.repository.js';

export type GrapeRow = typeof wineGrapes.$inferSelect;

const summaryColumns = {
  id: wineGrapes.id,
  name: wineGrapes.name,
  colour: wineGrapes.colour,
  body: wineGrapes.body,
  acidity: wineGrapes.acidity,
  tannin: wineGrapes.tannin,
  sweetnessFrom: wineGrapes.sweetnessFrom,
  sweetnessTo: wineGrapes.sweetnessTo,
  synonyms: wineGrapes.synonyms,
  regionIds: wineGrapes.regionIds,
};
export type GrapeSummaryRow = Pick<GrapeRow, keyof typeof summaryColumns>;

export interface GrapeFilter {
  colour?: GrapeRow['colour'];
  /** A folded search key: matches the name and the synonyms. */
  key?: string;
  /** Grapes linked to any of these regions. */
  regionIds?: readonly string[];
  limit: number;
}

/** Grapes by colour, region and name or synonym; exact names and synonyms first, then prefixes, then the rest by name. */
export async function listGrapes(db: DbOrTx, filter: GrapeFilter): Promise<GrapeSummaryRow[]> {
  if (filter.regionIds && filter.regionIds.length === 0) return [];
  const conditions: SQL[] = [];
  if (filter.colour) conditions.push(eq(wineGrapes.colour, filter.colour));
  if (filter.regionIds) conditions.push(sql`${wineGrapes.regionIds} && ${textArray(filter.regionIds)}`);
  if (filter.key) conditions.push(sql`${wineGrapes.searchText} like ${containsPattern(filter.key)}`);
  const prefix = filter.key ? `${filter.key.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : '';
  const order = filter.key
    ? [
        sql`case when ${wineGrapes.searchKeys}[1] = ${filter.key} then 0
                 when ${wineGrapes.searchKeys} @> array[${filter.key}]::text[] then 1
                 when ${wineGrapes.searchKeys}[1] like ${prefix} then 2
                 when ${wineGrapes.searchText} like ${`%| ${prefix}`} then 3
                 else 4 end`,
      ]
    : [];
  return db
    .select(summaryColumns)
    .from(wineGrapes)
    .where(and(...conditions))
    .orderBy(...order, asc(wineGrapes.name), asc(wineGrapes.id))
    .limit(filter.limit);
}

export async function findGrape(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<GrapeRow | undefined> {
  const query = db.select().from(wineGrapes).where(eq(wineGrapes.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export interface GrapeWrite {
  name: string;
  colour: GrapeRow['colour'];
  body: string;
  acidity: string;
  tannin: string | null;
  sweetnessFrom: string;
  sweetnessTo: string;
  aromas: string[];
  synonyms: string[];
  regionIds: string[];
  note: string | null;
  searchKeys: string[];
  searchText: string;
}

export async function insertGrape(tx: DbOrTx, row: GrapeWrite & { id: string; editedBy: string }): Promise<void> {
  await tx.insert(wineGrapes).values({ ...row, source: 'admin', editedAt: sql`now()` });
}

export async function updateGrape(tx: DbOrTx, id: string, changes: Partial<GrapeWrite> & { editedBy: string }): Promise<void> {
  await tx
    .update(wineGrapes)
    .set({ ...changes, editedAt: sql`now()` })
    .where(eq(wineGrapes.id, id));
}
