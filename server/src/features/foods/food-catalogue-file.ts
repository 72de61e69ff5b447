import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { FoodNutrients, FoodPortion } from '../../db/schema/foods.js';
import { projectPath } from '../../platform/project-paths.js';

/** One food of the shipped catalogue: the row of the `foods` table. */
export interface ShippedFood {
  id: number;
  name: string;
  commonName: string;
  aliases: string[];
  foodGroup: string;
  nutrients: FoodNutrients;
  portions: FoodPortion[];
  densityGPerMl: number | null;
  rank: number;
}

/** data/foods/sr28-foods.json.gz, written by server/scripts/build-food-data.ts. */
export interface ShippedFoodCatalogue {
  format: 1;
  source: string;
  foods: ShippedFood[];
}

/** The catalogue the product ships, built from USDA SR28 (see data/SOURCES.md). */
export const shippedCatalogueFile = projectPath('data/foods/sr28-foods.json.gz');

export interface CatalogueFile {
  /** Changes whenever the file's content changes: the database records the version it holds. */
  version: string;
  read(): ShippedFoodCatalogue;
}

/** Reads the file's bytes once to know its version; parses it only when `read()` is called. */
export function openCatalogueFile(file: string = shippedCatalogueFile): CatalogueFile {
  const bytes = readFileSync(file);
  const version = `sr28:${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
  return {
    version,
    read: () => {
      const catalogue = JSON.parse(gunzipSync(bytes).toString('utf8')) as ShippedFoodCatalogue;
      if (catalogue.format !== 1 || !Array.isArray(catalogue.foods)) throw new Error(`${file} is not a food catalogue of format 1`);
      return catalogue;
    },
  };
}
