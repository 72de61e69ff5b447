/**
 * Families of ingredients for "with nuts" / "without dairy": a small curated map, because a food
 * group is both too wide ("Nut and Seed Products" holds sesame and sunflower) and too narrow (it
 * misses pesto, marzipan, soy sauce's wheat). An ingredient belongs to a family when its core name
 * (folded, singular: "toasted walnuts" → "walnut") contains a member as whole words, unless it
 * contains one of the family's exceptions ("peanut butter" is not dairy, "water chestnut" not a
 * nut). Tags `family:<name>` are written at index time into the recipe's ingredient keys, so a
 * change here needs `npx tsx server/scripts/reindex-search.ts`.
 *
 * "Nuts" includes peanuts (a legume, but what someone avoiding nuts means, and the safer reading);
 * coconut and nutmeg are not nuts.
 */

interface Family {
  /** What a user may type for the family (keys: folded, singular). */
  names: string[];
  members: string[];
  exceptions: string[];
}

const families: Record<string, Family> = {
  nut: {
    names: ['nut', 'tree nut', 'nut and peanut'],
    members: [
      'nut', 'almond', 'walnut', 'pecan', 'cashew', 'hazelnut', 'filbert', 'pistachio', 'macadamia', 'brazil nut', 'pine nut', 'pignoli',
      'chestnut', 'peanut', 'groundnut', 'marzipan', 'praline', 'nutella', 'gianduja', 'frangipane', 'nougat', 'pesto', 'amaretto', 'baklava',
    ],
    exceptions: ['water chestnut', 'nutmeg', 'coconut', 'butternut', 'doughnut', 'donut'],
  },
  peanut: { names: ['peanut', 'groundnut'], members: ['peanut', 'groundnut', 'satay'], exceptions: [] },
  dairy: {
    names: ['dairy', 'milk product', 'lactose'],
    members: [
      'milk', 'butter', 'cheese', 'cream', 'yogurt', 'yoghurt', 'ghee', 'buttermilk', 'kefir', 'whey', 'custard', 'creme fraiche', 'parmesan',
      'parmigiano', 'pecorino', 'mozzarella', 'cheddar', 'ricotta', 'mascarpone', 'feta', 'brie', 'camembert', 'gouda', 'gruyere', 'emmental',
      'halloumi', 'paneer', 'quark', 'half and half', 'gelato', 'burrata', 'queso', 'provolone', 'monterey jack', 'colby',
    ],
    exceptions: [
      'coconut', 'almond milk', 'oat milk', 'soy milk', 'soya milk', 'rice milk', 'cashew', 'peanut butter', 'nut butter', 'almond butter',
      'apple butter', 'cocoa butter', 'shea butter', 'cream of tartar', 'vegan', 'dairy free', 'non dairy', 'butternut', 'butter bean',
    ],
  },
  gluten: {
    names: ['gluten', 'wheat'],
    members: [
      'wheat', 'flour', 'bread', 'breadcrumb', 'crumb', 'panko', 'pasta', 'spaghetti', 'linguine', 'fettuccine', 'penne', 'macaroni', 'lasagna',
      'lasagne', 'noodle', 'couscous', 'bulgur', 'barley', 'rye', 'semolina', 'farro', 'spelt', 'seitan', 'soy sauce', 'beer', 'cracker',
      'tortilla', 'pastry', 'pie crust', 'biscuit', 'cookie', 'cake', 'croissant', 'bun', 'bagel', 'pita', 'naan', 'brioche', 'crouton', 'orzo',
      'gnocchi', 'ramen', 'udon', 'malt', 'graham',
    ],
    exceptions: [
      'rice flour', 'almond flour', 'coconut flour', 'corn flour', 'cornflour', 'chickpea flour', 'buckwheat', 'potato flour', 'tapioca',
      'gluten free', 'corn tortilla', 'rice noodle', 'rice pasta', 'cornbread', 'cornmeal', 'arrowroot', 'tamari', 'sorghum',
    ],
  },
  shellfish: {
    names: ['shellfish', 'seafood'],
    members: ['shrimp', 'prawn', 'crab', 'lobster', 'crayfish', 'crawfish', 'langoustine', 'scallop', 'clam', 'mussel', 'oyster', 'squid', 'calamari', 'octopus', 'shellfish'],
    exceptions: ['oyster sauce', 'oyster mushroom', 'crab apple', 'imitation crab'],
  },
  fish: {
    names: ['fish', 'seafood'],
    members: [
      'fish', 'salmon', 'tuna', 'cod', 'anchovy', 'sardine', 'trout', 'halibut', 'tilapia', 'haddock', 'mackerel', 'bass', 'snapper', 'swordfish',
      'herring', 'pollock', 'sole', 'catfish', 'mahi mahi', 'bonito', 'worcestershire', 'caviar', 'roe',
    ],
    exceptions: ['fish free'],
  },
  egg: { names: ['egg'], members: ['egg', 'mayonnaise', 'mayo', 'meringue', 'aioli', 'eggnog'], exceptions: ['eggplant', 'vegan mayonnaise', 'egg free', 'egg substitute'] },
  soy: { names: ['soy', 'soya'], members: ['soy', 'soya', 'tofu', 'tempeh', 'edamame', 'miso', 'soy sauce', 'tamari'], exceptions: [] },
  meat: {
    names: ['meat'],
    members: [
      'beef', 'pork', 'chicken', 'turkey', 'lamb', 'mutton', 'veal', 'bacon', 'ham', 'sausage', 'prosciutto', 'pancetta', 'chorizo', 'salami',
      'pepperoni', 'duck', 'goose', 'venison', 'rabbit', 'steak', 'mince', 'meatball', 'hot dog', 'gelatin', 'lard', 'meat',
    ],
    exceptions: ['vegan', 'vegetarian', 'meatless', 'plant based', 'imitation', 'eggplant', 'mincemeat'],
  },
};

const containsWords = (key: string, phrase: string) => ` ${key} `.includes(` ${phrase} `);

/** The family tags (`family:nut`...) of one core ingredient name. */
export function familyTagsOf(key: string): string[] {
  const tags: string[] = [];
  for (const [name, family] of Object.entries(families)) {
    if (family.exceptions.some((exception) => containsWords(key, exception))) continue;
    if (family.members.some((member) => containsWords(key, member))) tags.push(`family:${name}`);
  }
  return tags;
}

/** The family tags a typed name stands for ("nuts" → family:nut; "seafood" → shellfish and fish), or [] for a plain ingredient. */
export function familiesNamed(key: string): string[] {
  return Object.entries(families)
    .filter(([, family]) => family.names.includes(key))
    .map(([name]) => `family:${name}`);
}
