import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One row of an SR28 ASCII file: `^`-separated fields, text fields quoted with `~` (sr28_doc.pdf, "ASCII files"). */
export type Sr28Row = string[];

/** Reads an SR28 ASCII file (ISO-8859-1, CRLF or CR line ends) into rows of unquoted fields. */
export function readSr28File(folder: string, file: string): Sr28Row[] {
  const text = readFileSync(path.join(folder, file), 'latin1');
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('^').map((field) => field.replace(/^~|~$/g, '').trim()));
}

/** A numeric field; an empty field is a missing value (null), never zero. */
export function sr28Number(field: string | undefined): number | null {
  if (field === undefined || field === '') return null;
  const value = Number(field);
  return Number.isFinite(value) ? value : null;
}

/**
 * Columns of sr28_ABBREV.txt used here (0-based, from the SR28 documentation's ABBREV layout):
 * NDB_No, Shrt_Desc, Water, Energ_Kcal, Protein, Lipid_Tot, Ash, Carbohydrt, Fiber_TD, Sugar_Tot,
 * Calcium, Iron, Magnesium, Phosphorus, Potassium, Sodium, … FA_Sat at 44.
 */
export const abbrevColumns = {
  id: 0,
  energyKcal: 3,
  proteinG: 4,
  fatG: 5,
  carbohydrateG: 7,
  fibreG: 8,
  sugarsG: 9,
  sodiumMg: 15,
  saturatedFatG: 44,
} as const;

/** Columns of sr28_FOOD_DES.txt: NDB_No, FdGrp_Cd, Long_Desc, Shrt_Desc, ComName… */
export const foodDescriptionColumns = { id: 0, groupCode: 1, longDescription: 2 } as const;

/** Columns of sr28_WEIGHT.txt: NDB_No, Seq, Amount, Msre_Desc, Gm_Wgt, Num_Data_Pts, Std_Dev. */
export const weightColumns = { id: 0, sequence: 1, amount: 2, description: 3, grams: 4 } as const;

/** Columns of sr28_FD_GROUP.txt: FdGrp_Cd, FdGrp_Desc. */
export const foodGroupColumns = { code: 0, description: 1 } as const;
