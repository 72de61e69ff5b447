/**
 * The language of a recipe, guessed from its words, and the PostgreSQL text search configuration
 * that stems it. Recipes carry no language field, so the `language` filter and stemming rely on
 * this guess: the share of very common words ("the", "and" / "le", "et" / "il", "di"...) of each
 * language in the title, description and steps. Too few of them, or two languages too close, and
 * the answer is null (stemmed as English, left out by a language filter).
 */

const commonWords: Record<SearchLanguage, string[]> = {
  en: ['the', 'and', 'with', 'of', 'to', 'in', 'for', 'until', 'add', 'minutes', 'into', 'a', 'on', 'or', 'is', 'it', 'over', 'heat'],
  fr: ['le', 'la', 'les', 'et', 'de', 'des', 'du', 'au', 'aux', 'avec', 'pour', 'dans', 'une', 'un', 'puis', 'ajouter', 'faire', 'sur'],
  it: ['il', 'lo', 'la', 'gli', 'le', 'e', 'di', 'del', 'della', 'con', 'per', 'nel', 'una', 'un', 'aggiungere', 'fino', 'poi', 'sale'],
  es: ['el', 'la', 'los', 'las', 'y', 'de', 'del', 'con', 'para', 'en', 'una', 'un', 'hasta', 'agregar', 'añadir', 'minutos', 'sal', 'se'],
  de: ['der', 'die', 'das', 'und', 'mit', 'den', 'dem', 'ein', 'eine', 'in', 'zu', 'bis', 'auf', 'minuten', 'geben', 'von', 'im', 'etwas'],
  pt: ['o', 'a', 'os', 'as', 'e', 'de', 'do', 'da', 'com', 'para', 'em', 'uma', 'um', 'até', 'adicionar', 'minutos', 'sal', 'no'],
  nl: ['de', 'het', 'een', 'en', 'met', 'van', 'in', 'tot', 'voor', 'op', 'toe', 'minuten', 'ongeveer', 'voeg', 'laat', 'aan', 'er', 'je'],
};

export type SearchLanguage = 'en' | 'fr' | 'it' | 'es' | 'de' | 'pt' | 'nl';

export const searchLanguages = Object.keys(commonWords) as SearchLanguage[];

/** PostgreSQL's Snowball configuration of each language (present in PostgreSQL and PGlite alike). */
export const textSearchConfig: Record<SearchLanguage, string> = {
  en: 'english',
  fr: 'french',
  it: 'italian',
  es: 'spanish',
  de: 'german',
  pt: 'portuguese',
  nl: 'dutch',
};

const lookup = new Map<string, SearchLanguage[]>();
for (const language of searchLanguages) {
  for (const word of commonWords[language]) lookup.set(word, [...(lookup.get(word) ?? []), language]);
}

export function isSearchLanguage(code: string): code is SearchLanguage {
  return code in commonWords;
}

/** The language most of the text's common words belong to, or null when unsure. Expects lower-case text. */
export function guessLanguage(text: string): SearchLanguage | null {
  const scores = new Map<SearchLanguage, number>();
  let words = 0;
  for (const word of text.split(/[^\p{L}]+/u)) {
    if (word === '') continue;
    words += 1;
    for (const language of lookup.get(word) ?? []) scores.set(language, (scores.get(language) ?? 0) + 1);
    if (words >= 400) break;
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 3) return null;
  if (second && best[1] < second[1] * 1.5) return null;
  return best[0];
}
