/**
 * One folding of wine names for ids and search: accents, case, apostrophes and punctuation do not
 * matter ("Côtes-du-Rhône" = "cotes du rhone"), and "St"/"Ste" read as "Saint"/"Sainte".
 */
export function foldWineName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte');
}

/** The id form of a name: `Saint-Émilion Grand Cru` -> `saint-emilion-grand-cru`. */
export function wineSlug(name: string): string {
  return foldWineName(name).replaceAll(' ', '-');
}

/** The search keys of an entry: its folded name first, then its other names, without repeats or empties. */
export function searchKeysOf(name: string, otherNames: readonly string[]): string[] {
  return [...new Set([name, ...otherNames].map(foldWineName))].filter((key) => key !== '');
}

/** The search columns of a row: its keys, and the same keys joined by ' | ' for substring search. */
export function searchColumns(name: string, otherNames: readonly string[]): { searchKeys: string[]; searchText: string } {
  const searchKeys = searchKeysOf(name, otherNames);
  return { searchKeys, searchText: searchKeys.join(' | ') };
}
