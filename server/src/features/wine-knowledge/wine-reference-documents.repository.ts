import type { Classification, TastingGuide } from '@tavola/contracts/wine-knowledge';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { wineClassifications, wineTastingGuides } from '../../db/schema/index.js';

/** The classifications (whole documents) in the order they were written. */
export async function listClassifications(db: DbOrTx): Promise<Classification[]> {
  const rows = await db.select({ document: wineClassifications.document }).from(wineClassifications).orderBy(asc(wineClassifications.sortOrder), asc(wineClassifications.id));
  return rows.map((row) => row.document);
}

export async function findClassification(db: DbOrTx, id: string): Promise<Classification | undefined> {
  const [row] = await db.select({ document: wineClassifications.document }).from(wineClassifications).where(eq(wineClassifications.id, id));
  return row?.document;
}

export async function findTastingGuide(db: DbOrTx, id: string): Promise<TastingGuide | undefined> {
  const [row] = await db.select({ document: wineTastingGuides.document }).from(wineTastingGuides).where(eq(wineTastingGuides.id, id));
  return row?.document;
}
