import type { GrapeSummary, RegionLevel } from '@tavola/contracts/wine-knowledge';

/** Words for the knowledge base's values, as the pages show them. */

export const regionLevelLabels: Record<RegionLevel, string> = {
  country: 'Country',
  region: 'Region',
  subregion: 'Subregion',
  appellation: 'Appellation',
};

/** "medium+" reads "medium-plus", "off-dry" stays as it is. */
export function scaleWord(value: string): string {
  return value.replace(/\+$/, '-plus').replace(/(?<=\w)-$/, '-minus');
}

export function sweetnessText(sweetness: GrapeSummary['sweetness']): string {
  return sweetness.from === sweetness.to ? scaleWord(sweetness.from) : `${scaleWord(sweetness.from)} to ${scaleWord(sweetness.to)}`;
}

export function colourText(colour: GrapeSummary['colour']): string {
  return colour === 'red' ? 'Red' : 'White';
}

export function countText(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
