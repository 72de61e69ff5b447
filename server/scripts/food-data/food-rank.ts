import { descriptionSegments, isBrandSegment } from './common-names.js';

/**
 * The rank of a food among those that share a name (lower = preferred): raw, plain, generic forms
 * first; cooked, canned, dried, reduced-fat, branded, restaurant and baby foods after. Curated
 * foods (curated-foods.ts) get rank 1 and beat every derived rank.
 */
export const curatedRank = 1;

/** Food groups (sr28_FD_GROUP.txt) that are seldom what a recipe means. */
const groupPenalty: Record<string, number> = {
  '0300': 400, // Baby Foods
  '2100': 300, // Fast Foods
  '3600': 300, // Restaurant Foods
  '3500': 300, // American Indian/Alaska Native Foods
  '2200': 150, // Meals, Entrees, and Side Dishes
  '0800': 50, // Breakfast Cereals
  '2500': 20, // Snacks
  '0700': 20, // Sausages and Luncheon Meats
};

interface WordRule {
  pattern: RegExp;
  points: number;
}

/** Each rule counts once per food. */
const wordRules: WordRule[] = [
  { pattern: /\b(raw|fresh)\b/, points: -10 },
  { pattern: /\b(plain|regular|all types|all varieties|all commercial varieties|year round average|mixed species)\b/, points: -5 },
  { pattern: /\b(cooked|boiled|baked|roasted|fried|braised|stewed|grilled|broiled|steamed|microwaved|sauteed|simmered|heated|toasted|rotisserie|scrambled|poached)\b/, points: 30 },
  { pattern: /\bcanned\b/, points: 20 },
  { pattern: /\bfrozen\b/, points: 20 },
  { pattern: /\b(prepared|ready-to-serve|ready-to-eat|ready-to-drink|ready-to-heat|from recipe)\b/, points: 25 },
  { pattern: /\b(mix|mixes|dry mix)\b/, points: 25 },
  { pattern: /\bwith salt\b/, points: 8 },
  { pattern: /\bwithout salt\b/, points: 2 },
  { pattern: /\b(low[ -]?fat|reduced[ -]fat|non[ -]?fat|fat[ -]free|light|lite|(reduced|low|less)[ -/]*(sodium|calorie|sugar)|diet|sugar[ -]free|skin only|separable fat)\b/, points: 20 },
  { pattern: /\b(imitation|substitute|replacement|analog)\b/, points: 40 },
  { pattern: /\bindustrial\b/, points: 40 },
  { pattern: /\busda commodity\b/, points: 60 },
  { pattern: /\b(school lunch|infant formula|babyfood|toddler)\b/, points: 200 },
  { pattern: /\b(with added|fortified|enriched)\b/, points: 2 },
  { pattern: /, skin\b/, points: 40 },
  { pattern: /\b(separable lean and fat|meat and skin)\b/, points: 3 },
];

const dryingRule = /\b(dried|dehydrated|freeze-dried|powder|flakes)\b/;

/** Rank of one food from its long description and food group code (10 … 999). */
export function derivedFoodRank(longDescription: string, groupCode: string): number {
  const text = longDescription.toLowerCase();
  const segments = descriptionSegments(longDescription);
  let rank = 100 + (groupPenalty[groupCode] ?? 0);
  for (const rule of wordRules) if (rule.pattern.test(text)) rank += rule.points;
  // Dried herbs and spices are the ordinary form of those (group 0200).
  if (dryingRule.test(text)) rank += groupCode === '0200' ? 3 : 15;
  if (segments.some(isBrandSegment)) rank += 150;
  rank += 3 * Math.max(0, segments.length - 1);
  return Math.min(999, Math.max(10, rank));
}
