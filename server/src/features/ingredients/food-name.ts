/**
 * A food name as a matching key: lower case, each word singular, punctuation at the edges of words
 * dropped ("Cherry Tomatoes," → "cherry tomato"). Used to compare parsed names and to match foods.
 */

const irregular: Readonly<Record<string, string>> = {
  leaves: 'leaf',
  loaves: 'loaf',
  halves: 'half',
  knives: 'knife',
  calves: 'calf',
  wolves: 'wolf',
  potatoes: 'potato',
  tomatoes: 'tomato',
  mangoes: 'mango',
  avocadoes: 'avocado',
  echoes: 'echo',
  heroes: 'hero',
  children: 'child',
  teeth: 'tooth',
  feet: 'foot',
  geese: 'goose',
  mice: 'mouse',
  dice: 'die',
  cookies: 'cookie',
  brownies: 'brownie',
  calories: 'calorie',
  pies: 'pie',
  ties: 'tie',
  movies: 'movie',
  prairies: 'prairie',
  veggies: 'veggie',
  // Words that end in "s" but are singular.
  molasses: 'molasses',
  couscous: 'couscous',
  hummus: 'hummus',
  asparagus: 'asparagus',
  citrus: 'citrus',
  octopus: 'octopus',
  swiss: 'swiss',
  grits: 'grits',
  oats: 'oat',
  lentils: 'lentil',
  chips: 'chip',
  series: 'series',
  species: 'species',
  anise: 'anise',
  bass: 'bass',
  glass: 'glass',
  grass: 'grass',
  cress: 'cress',
  watercress: 'watercress',
  schnapps: 'schnapps',
  haricots: 'haricot',
  his: 'his',
  its: 'its',
  has: 'has',
  was: 'was',
  is: 'is',
  as: 'as',
  us: 'us',
  yes: 'yes',
  this: 'this',
};

/** English singular of one lower-case word ("berries" → "berry", "peaches" → "peach", "glass" → "glass"). */
export function singularizeWord(word: string): string {
  const known = irregular[word];
  if (known) return known;
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('oes')) return word.slice(0, -2);
  if (/(ches|shes|xes|zes|sses)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

export function foodNameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKC')
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean)
    .map((word) => word.split('-').map(singularizeWord).join('-'))
    .join(' ');
}
