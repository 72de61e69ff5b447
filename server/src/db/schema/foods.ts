import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, real, text } from 'drizzle-orm/pg-core';

export interface FoodNutrients {
  energyKcal: number | null;
  proteinG: number | null;
  fatG: number | null;
  saturatedFatG: number | null;
  carbohydrateG: number | null;
  sugarsG: number | null;
  fibreG: number | null;
  sodiumMg: number | null;
}

export interface FoodPortion {
  amount: number;
  /** As USDA writes it: "cup", "tbsp", "large", "slice"… */
  unit: string;
  grams: number;
}

/** The food catalogue, seeded from USDA SR28 (data/foods). Nutrients are per 100 g. */
export const foods = pgTable(
  'foods',
  {
    /** USDA NDB number. */
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    /** Short everyday name used for matching and display ("butter", "egg"). */
    commonName: text('common_name').notNull(),
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    foodGroup: text('food_group').notNull(),
    nutrients: jsonb('nutrients').$type<FoodNutrients>().notNull(),
    portions: jsonb('portions').$type<FoodPortion[]>().notNull(),
    /** g/ml when known (from a cup/tbsp portion, else the FAO/INFOODS table). */
    densityGPerMl: real('density_g_per_ml'),
    /** Lower = preferred when several foods match a name. */
    rank: integer('rank').notNull().default(100),
  },
  (t) => [
    index('foods_common_name_trgm_idx').using('gin', sql`${t.commonName} gin_trgm_ops`),
    index('foods_aliases_idx').using('gin', t.aliases),
  ],
);
