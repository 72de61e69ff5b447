/**
 * Word lists the ingredient parser classifies with: preparation verbs and adverbs, amount modifiers,
 * approximations, and the phrases that start a comment rather than continue a food name.
 */

const words = (list: string) => new Set(list.trim().split(/\s+/));

/** Past participles that describe how a food is prepared ("chopped", "peeled and diced"). */
export const preparationVerbs = words(`
  chopped minced diced sliced crushed grated shredded julienned slivered cubed quartered halved crumbled mashed
  peeled unpeeled seeded deseeded cored pitted stoned stemmed hulled trimmed cleaned washed rinsed scrubbed drained
  shelled shucked skinned deveined boned deboned filleted butterflied pounded flattened split separated torn snipped
  melted softened chilled cooled warmed heated thawed defrosted room-temperature uncooked
  toasted roasted grilled broiled sauteed sautéed browned charred blanched boiled steamed poached cooked hard-cooked
  baked fried stewed simmered reduced caramelized caramelised pulverized shaved
  beaten whisked sifted packed measured squeezed zested juiced pureed puréed strained scalded soaked rehydrated
  reconstituted plumped cut tied rolled shaped formed divided reserved removed discarded broken picked
  dissolved combined scraped rubbed patted chunked brewed rendered
  cold warm lukewarm tepid iced well-chilled well-drained well-beaten well-trimmed
`);

/** Adverbs that lead to a preparation verb ("finely chopped", "freshly ground", "very thinly sliced"). */
export const preparationAdverbs = words(`
  finely coarsely freshly thinly thickly roughly lightly very well firmly loosely tightly evenly
  newly partially partly completely thoroughly carefully gently barely just slightly fully freshly-ground
`);

/** Participles that are part of a food's name ("dried oregano", "smoked salmon", "crushed tomatoes"). */
export const nameParticiples = words(`
  dried smoked salted unsalted canned frozen condensed evaporated powdered granulated refined unbleached
  bleached clarified cured pickled sweetened unsweetened flaked mixed aged seasoned stuffed prepared
  refried creamed fermented candied crystallized crystallised marinated fortified enriched
  ground steel-cut rolled instant whipped hard-boiled soft-boiled
`);

/** Describing words before a food that the name keeps; a clause made only of them continues into the next. */
export const describingWords = words(`
  skinless boneless bone-in skin-on fresh ripe lean tender hot soft firm young whole plump sweet tart dry mild
  sharp crisp crusty tiny baby mature raw red green yellow white black orange purple golden dark light
  small medium large extra-large medium-size good best fine coarse
`);

/** Words before a food that describe its origin or quality: a comment, not the name ("imported", "good-quality"). */
export const qualityWords = words(`
  imported good-quality best-quality high-quality top-quality premium homemade home-made store-bought bottled
  additional fine well-seasoned well-flavored well-flavoured
`);

/** "fresh or frozen peas": a choice of state, a comment rather than part of the name. */
export const stateWords = words(`fresh frozen canned dried cooked raw homemade store-bought bottled jarred`);

/** Liquids "hot" only warms ("hot water"); elsewhere "hot" is part of the name ("hot sauce"). */
export const warmedLiquids = words(`water milk coffee espresso tea broth stock cream`);

/** Words before a unit that qualify it: kept with the unit as written ("scant cup", "thin slices"). */
export const unitModifiers = words(`
  heaping heaped scant generous level rounded good thin thick thinly thickly big small-ish generously
  thumbnail-size thumb-size thumb-sized walnut-size walnut-sized
`);

/** Words before a number meaning "roughly". */
export const approximations = words(`about approximately approx around roughly nearly almost circa ca`);

/** Two-word starters that only begin a comment together (a lone "in" or "with" belongs to many names). */
export const commentPhrases: readonly string[] = [
  'to taste',
  'to serve',
  'to garnish',
  'for garnish',
  'for serving',
  'for the',
  'for frying',
  'for greasing',
  'for dusting',
  'for brushing',
  'for decoration',
  'for drizzling',
  'for sprinkling',
  'as needed',
  'as desired',
  'if desired',
  'if needed',
  'if necessary',
  'if using',
  'if you like',
  'such as',
  'plus more',
  'plus extra',
  'plus additional',
  'at room temperature',
  'or more',
  'or to taste',
  'or as needed',
  'or less',
  'to yield',
  'to make',
  'in all',
  'in total',
  'or so',
];
