import { z } from 'zod';

/**
 * The wine knowledge base (shipped in data/wine, editable by admins): regions from countries down
 * to appellations, grape varieties, classifications and the systematic tasting guide.
 */

/** The scales shared by grape profiles and tasting notes (minus and plus split the middle step). */
export const sweetnessLevels = ['dry', 'off-dry', 'medium-dry', 'medium-sweet', 'sweet', 'luscious'] as const;
export const structureLevels = ['low', 'medium-', 'medium', 'medium+', 'high'] as const;
export const bodyLevels = ['light', 'medium-', 'medium', 'medium+', 'full'] as const;
export const intensityLevels = ['light', 'medium-', 'medium', 'medium+', 'pronounced'] as const;
export const finishLevels = ['short', 'medium-', 'medium', 'medium+', 'long'] as const;
export const tastingScales = {
  sweetness: sweetnessLevels,
  acidity: structureLevels,
  tannin: structureLevels,
  body: bodyLevels,
  intensity: intensityLevels,
  finish: finishLevels,
} as const;
export type TastingScaleName = keyof typeof tastingScales;

export const sweetnessSchema = z.enum(sweetnessLevels);
export const structureSchema = z.enum(structureLevels);
export const bodySchema = z.enum(bodyLevels);
export type Sweetness = z.infer<typeof sweetnessSchema>;

export const regionLevels = ['country', 'region', 'subregion', 'appellation'] as const;
export const regionLevelSchema = z.enum(regionLevels);
export type RegionLevel = z.infer<typeof regionLevelSchema>;

export const grapeColours = ['red', 'white'] as const;
export const grapeColourSchema = z.enum(grapeColours);
export type GrapeColour = z.infer<typeof grapeColourSchema>;

/** Where a row comes from: the shipped files, or an admin who created it. */
export const knowledgeSourceSchema = z.enum(['shipped', 'admin']);

/** Ids are lower-case slugs: `france-pauillac`, `syrah`, `bordeaux-1855-red`. */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugId = (what: string) => z.string().max(120, `is not a ${what} id`).regex(slugPattern, `is not a ${what} id`);
export const regionIdSchema = slugId('region');
export const grapeIdSchema = slugId('grape');
export const classificationIdSchema = slugId('classification');

export const regionRefSchema = z.object({ id: z.string(), name: z.string(), level: regionLevelSchema });
export type RegionRef = z.infer<typeof regionRefSchema>;

export const regionSummarySchema = regionRefSchema.extend({
  parentId: z.string().nullable(),
  countryId: z.string(),
  /** The legal category where one applies: AOC, DOCG, DOCa, AVA, GI, WO ward, Anbaugebiet... */
  designation: z.string().nullable(),
  childCount: z.number().int(),
});
export type RegionSummary = z.infer<typeof regionSummarySchema>;

export const sweetnessRangeSchema = z
  .object({ from: sweetnessSchema, to: sweetnessSchema })
  .refine((range) => sweetnessLevels.indexOf(range.from) <= sweetnessLevels.indexOf(range.to), { message: 'from must not be sweeter than to', path: ['to'] });

export const grapeSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  colour: grapeColourSchema,
  body: bodySchema,
  acidity: structureSchema,
  /** null for white grapes. */
  tannin: structureSchema.nullable(),
  /** The styles the grape is made in, driest to sweetest. */
  sweetness: sweetnessRangeSchema,
  synonyms: z.array(z.string()),
});
export type GrapeSummary = z.infer<typeof grapeSummarySchema>;

const editedFields = {
  source: knowledgeSourceSchema,
  /** Set once an admin has changed the entry; the shipped data no longer overwrites it. */
  editedAt: z.string().nullable(),
  editedBy: z.string().nullable(),
};

export const regionSchema = regionSummarySchema.extend({
  altNames: z.array(z.string()),
  note: z.string().nullable(),
  /** E.g. the CFR section defining a US AVA. */
  legalReference: z.string().nullable(),
  /** From the country down to the parent. */
  ancestors: z.array(regionRefSchema),
  children: z.array(regionSummarySchema),
  /** Other regions this one also lies in (an AVA inside two others, a multi-state AVA's states). */
  alsoWithin: z.array(regionRefSchema),
  /** Regions outside this one's subtree that also lie in it. */
  alsoContains: z.array(regionRefSchema),
  /** Principal grapes of this region or of a region within it. */
  grapes: z.array(grapeSummarySchema),
  /** Principal grapes of the regions it lies in (not already in `grapes`), nearest region first. */
  ancestorGrapes: z.array(grapeSummarySchema.extend({ from: regionRefSchema })),
  ...editedFields,
});
export type Region = z.infer<typeof regionSchema>;

export const grapeRegionSchema = regionRefSchema.extend({ countryId: z.string() });

export const grapeSchema = grapeSummarySchema.extend({
  aromas: z.array(z.string()),
  regions: z.array(grapeRegionSchema),
  note: z.string().nullable(),
  ...editedFields,
});
export type Grape = z.infer<typeof grapeSchema>;

const range = (max: z.ZodType) => z.object({ min: z.number(), max });
export const ageingSchema = z.object({ totalMonths: z.number().int(), oakMonths: z.number().int() });

export const classificationLevelSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** 1 is the highest level. */
  rank: z.number().int(),
  meaning: z.string(),
  labelExample: z.string().optional(),
  /** The span of the legal minimum must weights across regions and grapes. */
  mustWeightOechsle: range(z.number()).optional(),
  mustWeightKmw: range(z.number()).optional(),
  residualSugarGPerL: range(z.number().nullable()).optional(),
  villageRatingPercent: range(z.number()).optional(),
  minimumAgeing: z.object({ red: ageingSchema, whiteAndRose: ageingSchema }).optional(),
});
export type ClassificationLevel = z.infer<typeof classificationLevelSchema>;

export const classificationMemberSchema = z.object({
  name: z.string(),
  level: z.string(),
  regionId: z.string().nullable(),
  commune: z.string().nullable(),
  note: z.string().nullable(),
});

export const sourceRefSchema = z.object({ title: z.string(), url: z.string().nullable() });

export const classificationSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  countryId: z.string(),
  regionId: z.string().nullable(),
  summary: z.string(),
  levelCount: z.number().int(),
  memberCount: z.number().int(),
});
export type ClassificationSummary = z.infer<typeof classificationSummarySchema>;

export const classificationSchema = classificationSummarySchema.omit({ levelCount: true, memberCount: true }).extend({
  levels: z.array(classificationLevelSchema),
  members: z.array(classificationMemberSchema),
  terms: z.array(z.object({ term: z.string(), meaning: z.string() })),
  sources: z.array(sourceRefSchema),
});
export type Classification = z.infer<typeof classificationSchema>;

export const tastingValueSchema = z.object({ id: z.string(), label: z.string(), hint: z.string().optional() });
export const tastingFieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  /** `aromas`: any descriptors of `aromaGroups`; `text`: free text. */
  kind: z.enum(['single', 'multi', 'aromas', 'text']),
  required: z.boolean(),
  /** The shared scale the values come from (the same words as grape profiles). */
  scale: z.enum(['sweetness', 'acidity', 'tannin', 'body', 'intensity', 'finish']).optional(),
  values: z.array(tastingValueSchema).optional(),
  /** Allowed values that depend on the wine type (colour). */
  valuesByWineType: z.record(z.string(), z.array(tastingValueSchema)).optional(),
  /** Only asked when another field has one of these values. */
  appliesWhen: z.object({ field: z.string(), in: z.array(z.string()) }).optional(),
});
export type TastingField = z.infer<typeof tastingFieldSchema>;

export const tastingGuideSchema = z.object({
  id: z.string(),
  name: z.string(),
  summary: z.string(),
  sections: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().optional(), fields: z.array(tastingFieldSchema) })),
  aromaGroups: z.array(z.object({ id: z.string(), type: z.enum(['primary', 'secondary', 'tertiary']), name: z.string(), descriptors: z.array(z.string()) })),
});
export type TastingGuide = z.infer<typeof tastingGuideSchema>;

const searchText = z.string().trim().max(100, 'at most 100 characters');

export const regionListQuery = z.object({
  /** Children of this region; without `parent` or `q`, the countries. */
  parent: regionIdSchema.optional(),
  /** Name or other name, accent- and case-insensitive ("cotes du rhone"). */
  q: searchText.optional(),
  country: regionIdSchema.optional(),
  level: regionLevelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type RegionListQuery = z.infer<typeof regionListQuery>;

export const grapeListQuery = z.object({
  colour: grapeColourSchema.optional(),
  /** Name or synonym ("Shiraz" finds Syrah). */
  q: searchText.optional(),
  /** Grapes linked to this region or below it. */
  region: regionIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type GrapeListQuery = z.infer<typeof grapeListQuery>;

export const regionIdParams = z.object({ id: regionIdSchema });
export const grapeIdParams = z.object({ id: grapeIdSchema });
export const classificationIdParams = z.object({ id: classificationIdSchema });

const nameText = z.string().trim().min(1, 'is required').max(120, 'at most 120 characters');
const nameList = (max: number) => z.array(nameText).max(max, `at most ${max} entries`);
const noteText = z.string().trim().max(2000, 'at most 2000 characters');

const regionEditable = {
  name: nameText,
  altNames: nameList(20),
  designation: z.string().trim().min(1).max(60, 'at most 60 characters').nullable(),
  note: noteText.nullable(),
  legalReference: z.string().trim().min(1).max(120, 'at most 120 characters').nullable(),
  /** Moves the region under another of the same country (not under itself or its descendants). */
  parentId: regionIdSchema,
};
export const updateRegionBody = z
  .object(regionEditable)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'needs at least one field to change' });
export type UpdateRegionBody = z.infer<typeof updateRegionBody>;

export const createRegionBody = z
  .object({
    ...regionEditable,
    level: regionLevelSchema,
    parentId: regionIdSchema.optional(),
    altNames: regionEditable.altNames.default([]),
    designation: regionEditable.designation.default(null),
    note: regionEditable.note.default(null),
    legalReference: regionEditable.legalReference.default(null),
  })
  .strict();
export type CreateRegionBody = z.infer<typeof createRegionBody>;

const grapeEditable = {
  name: nameText,
  colour: grapeColourSchema,
  body: bodySchema,
  acidity: structureSchema,
  tannin: structureSchema.nullable(),
  sweetness: sweetnessRangeSchema,
  aromas: z.array(z.string().trim().min(1).max(60, 'at most 60 characters')).max(30, 'at most 30 aromas'),
  synonyms: nameList(40),
  regionIds: z.array(regionIdSchema).max(100, 'at most 100 regions'),
  note: noteText.nullable(),
};
export const updateGrapeBody = z
  .object(grapeEditable)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'needs at least one field to change' });
export type UpdateGrapeBody = z.infer<typeof updateGrapeBody>;

export const createGrapeBody = z
  .object({ ...grapeEditable, synonyms: grapeEditable.synonyms.default([]), aromas: grapeEditable.aromas.default([]), regionIds: grapeEditable.regionIds.default([]), note: grapeEditable.note.default(null) })
  .strict();
export type CreateGrapeBody = z.infer<typeof createGrapeBody>;

export const regionListSchema = z.object({ items: z.array(regionSummarySchema) });
export const grapeListSchema = z.object({ items: z.array(grapeSummarySchema) });
export const classificationListSchema = z.object({ items: z.array(classificationSummarySchema) });

/**
 * GET   /api/wine/regions?parent=&q=&country=&level=&limit=  -> { items: RegionSummary[] } (public)
 * GET   /api/wine/regions/:id            -> Region (ancestors, children, grapes)
 * POST  /api/wine/regions                CreateRegionBody -> 201 Region (admin)
 * PATCH /api/wine/regions/:id            UpdateRegionBody -> Region (admin)
 * GET   /api/wine/grapes?colour=&q=&region=&limit=  -> { items: GrapeSummary[] }
 * GET   /api/wine/grapes/:id             -> Grape
 * POST  /api/wine/grapes                 CreateGrapeBody -> 201 Grape (admin)
 * PATCH /api/wine/grapes/:id             UpdateGrapeBody -> Grape (admin)
 * GET   /api/wine/classifications        -> { items: ClassificationSummary[] }
 * GET   /api/wine/classifications/:id    -> Classification
 * GET   /api/wine/tasting-guide          -> TastingGuide
 */
