import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { wineRegions } from '../../db/schema/index.js';

export type RegionRow = typeof wineRegions.$inferSelect;
export type RegionLevelName = RegionRow['level'];

export interface RegionSummaryRow {
  id: string;
  name: string;
  level: RegionLevelName;
  parentId: string | null;
  countryId: string;
  designation: string | null;
  childCount: number;
}

export interface RegionRefRow {
  id: string;
  name: string;
  level: RegionLevelName;
}

/** Rows of a raw query on either driver (PGlite and node-postgres both answer `{ rows }`). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A text[] parameter as an array literal (the same on both drivers). */
export function textArray(values: readonly string[]): SQL {
  const literal = `{${values.map((value) => `"${value.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
  return sql`${literal}::text[]`;
}

/** `like` pattern for a substring, with the pattern characters escaped. */
export const containsPattern = (key: string) => `%${key.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

const summaryColumns = {
  id: wineRegions.id,
  name: wineRegions.name,
  level: wineRegions.level,
  parentId: wineRegions.parentId,
  countryId: wineRegions.countryId,
  designation: wineRegions.designation,
  // Qualified by hand: Drizzle writes a lone table's columns unqualified, which inside this subquery would mean c.id.
  childCount: sql<number>`(select count(*)::int from wine_regions c where c.parent_id = "wine_regions"."id")`.mapWith(Number),
};

export interface RegionFilter {
  parentId?: string;
  /** A folded search key (wine-names.ts). */
  key?: string;
  countryId?: string;
  level?: RegionLevelName;
  limit: number;
}

/**
 * Browsing and search in one: a search key matches names and other names anywhere (exact names
 * first, then names starting with it, then any word); without a key, the children of `parentId`,
 * or every region matching the country and level filters, or else the countries.
 */
export async function listRegions(db: DbOrTx, filter: RegionFilter): Promise<RegionSummaryRow[]> {
  const conditions: SQL[] = [];
  if (filter.parentId) conditions.push(eq(wineRegions.parentId, filter.parentId));
  if (filter.countryId) conditions.push(eq(wineRegions.countryId, filter.countryId));
  if (filter.level) conditions.push(eq(wineRegions.level, filter.level));
  if (filter.key) conditions.push(sql`${wineRegions.searchText} like ${containsPattern(filter.key)}`);
  else if (!filter.parentId && !filter.countryId && !filter.level) conditions.push(isNull(wineRegions.parentId));
  const order = filter.key
    ? [
        sql`case when ${wineRegions.searchKeys}[1] = ${filter.key} then 0
                 when ${wineRegions.searchKeys} @> array[${filter.key}]::text[] then 1
                 when ${wineRegions.searchKeys}[1] like ${`${filter.key.replace(/[\\%_]/g, (char) => `\\${char}`)}%`} then 2
                 else 3 end`,
        sql`case ${wineRegions.level} when 'country' then 0 when 'region' then 1 when 'subregion' then 2 else 3 end`,
        asc(wineRegions.name),
      ]
    : [asc(wineRegions.sortOrder), asc(wineRegions.name)];
  return db
    .select(summaryColumns)
    .from(wineRegions)
    .where(and(...conditions))
    .orderBy(...order, asc(wineRegions.id))
    .limit(filter.limit);
}

export async function findRegion(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<RegionRow | undefined> {
  const query = db.select().from(wineRegions).where(eq(wineRegions.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function regionExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: wineRegions.id }).from(wineRegions).where(eq(wineRegions.id, id));
  return row !== undefined;
}

/** The regions above one, from its country down to its parent. */
export async function findAncestors(db: DbOrTx, id: string): Promise<RegionRefRow[]> {
  return rowsOf<RegionRefRow>(
    db,
    sql`with recursive up(id, parent_id, depth) as (
          select id, parent_id, 0 from wine_regions where id = ${id}
          union all
          select r.id, r.parent_id, up.depth + 1 from wine_regions r join up on r.id = up.parent_id where up.depth < 50
        )
        select r.id, r.name, r.level from up join wine_regions r on r.id = up.id where up.depth > 0 order by up.depth desc`,
  );
}

/** The region and every region below it (ids). */
export async function findSubtreeIds(db: DbOrTx, id: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`with recursive down(id) as (
          select id from wine_regions where id = ${id}
          union
          select r.id from wine_regions r join down on r.parent_id = down.id
        )
        select id from down`,
  );
  return rows.map((row) => row.id);
}

export async function findRegionRefs(db: DbOrTx, ids: readonly string[]): Promise<Array<RegionRefRow & { countryId: string }>> {
  if (ids.length === 0) return [];
  return rowsOf(db, sql`select id, name, level, country_id as "countryId" from wine_regions where id = any(${textArray(ids)}) order by name, id`);
}

/** Regions that name this one in their `also_within` (they hang elsewhere in the tree). */
export async function findAlsoContained(db: DbOrTx, id: string): Promise<RegionRefRow[]> {
  return rowsOf<RegionRefRow>(db, sql`select id, name, level from wine_regions where also_within @> array[${id}]::text[] order by name, id`);
}

export interface RegionWrite {
  name: string;
  altNames: string[];
  designation: string | null;
  note: string | null;
  legalReference: string | null;
  parentId: string | null;
  searchKeys: string[];
  searchText: string;
}

export async function insertRegion(tx: DbOrTx, row: RegionWrite & { id: string; level: RegionLevelName; countryId: string; editedBy: string }): Promise<void> {
  await tx.insert(wineRegions).values({ ...row, source: 'admin', editedAt: sql`now()`, sortOrder: 1000 });
}

export async function updateRegion(tx: DbOrTx, id: string, changes: Partial<RegionWrite> & { editedBy: string }): Promise<void> {
  await tx
    .update(wineRegions)
    .set({ ...changes, editedAt: sql`now()` })
    .where(eq(wineRegions.id, id));
}
