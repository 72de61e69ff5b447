/**
 * Builds the shipped food catalogue, data/foods/sr28-foods.json.gz, from USDA SR28
 * (../shared/data/nutrition) and the FAO/INFOODS density subset (../shared/data/densities).
 * Run by a developer when the rules or the curated table change; the output is committed.
 *
 *   npx tsx server/scripts/build-food-data.ts [--source ../shared/data] [--without-fao]
 *
 * --without-fao leaves out the FAO/INFOODS density fallback (FAO's terms are non-commercial; see
 * data/SOURCES.md): foods without a USDA volume portion then have no density.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { foodNameKey } from '../src/features/foods/food-names.js';
import type { ShippedFood, ShippedFoodCatalogue } from '../src/features/foods/food-catalogue-file.js';
import { deriveFoodNames, stateAliases } from './food-data/common-names.js';
import { type CuratedFood, curatedFoods } from './food-data/curated-foods.js';
import { densityFromPortions, faoDensityFor, loadFaoDensities, type PortionWeight } from './food-data/densities.js';
import { curatedRank, derivedFoodRank } from './food-data/food-rank.js';
import { abbrevColumns, foodDescriptionColumns, foodGroupColumns, readSr28File, sr28Number, weightColumns } from './food-data/sr28-files.js';

const root = path.resolve(import.meta.dirname, '../..');
const sourceArg = process.argv.indexOf('--source');
const sourceRoot = path.resolve(sourceArg > 0 ? (process.argv[sourceArg + 1] ?? '') : path.join(root, '../shared/data'));
const nutritionFolder = path.join(sourceRoot, 'nutrition');
const outputFile = path.join(root, 'data/foods/sr28-foods.json.gz');
const withFao = !process.argv.includes('--without-fao');

function readPortions(): Map<number, PortionWeight[]> {
  const byFood = new Map<number, Array<PortionWeight & { sequence: number }>>();
  for (const row of readSr28File(nutritionFolder, 'sr28_WEIGHT.txt')) {
    const id = Number(row[weightColumns.id]);
    const amount = sr28Number(row[weightColumns.amount]);
    const grams = sr28Number(row[weightColumns.grams]);
    const unit = (row[weightColumns.description] ?? '').replace(/\s+/g, ' ').trim();
    if (!Number.isInteger(id) || amount === null || amount <= 0 || grams === null || grams <= 0 || unit === '') continue;
    const list = byFood.get(id) ?? [];
    list.push({ amount, unit, grams, sequence: Number(row[weightColumns.sequence]) });
    byFood.set(id, list);
  }
  return new Map([...byFood].map(([id, list]) => [id, list.sort((a, b) => a.sequence - b.sequence).map(({ amount, unit, grams }) => ({ amount, unit, grams }))]));
}

function readNutrients(): Map<number, ShippedFood['nutrients']> {
  const byFood = new Map<number, ShippedFood['nutrients']>();
  for (const row of readSr28File(nutritionFolder, 'sr28_ABBREV.txt')) {
    byFood.set(Number(row[abbrevColumns.id]), {
      energyKcal: sr28Number(row[abbrevColumns.energyKcal]),
      proteinG: sr28Number(row[abbrevColumns.proteinG]),
      fatG: sr28Number(row[abbrevColumns.fatG]),
      saturatedFatG: sr28Number(row[abbrevColumns.saturatedFatG]),
      carbohydrateG: sr28Number(row[abbrevColumns.carbohydrateG]),
      sugarsG: sr28Number(row[abbrevColumns.sugarsG]),
      fibreG: sr28Number(row[abbrevColumns.fibreG]),
      sodiumMg: sr28Number(row[abbrevColumns.sodiumMg]),
    });
  }
  return byFood;
}

/** A curated food carries exactly its hand-written names (rank 1 must not leak onto derived ones). */
function curatedNames(curated: CuratedFood): { commonName: string; aliases: string[] } {
  const commonName = foodNameKey(curated.commonName);
  return { commonName, aliases: [...new Set(curated.aliases.map(foodNameKey))].filter((alias) => alias !== commonName) };
}

/** Derived names: the everyday name, the kind without its variety ("salmon"), and state forms ("dried thyme"). */
function derivedNames(longDescription: string): { commonName: string; aliases: string[] } {
  const derived = deriveFoodNames(longDescription);
  const commonName = foodNameKey(derived.commonName);
  const names = [commonName, ...(derived.genericName ? [foodNameKey(derived.genericName)] : [])];
  const aliases = [...new Set([...names.slice(1), ...stateAliases(longDescription, names)].map(foodNameKey))].filter((alias) => alias !== commonName);
  return { commonName, aliases };
}

/**
 * Names to look a food up by in the FAO table: its full description, and its common name unless
 * the description says it is dried or a mix ("Milk, dry, nonfat" is not the FAO's liquid "milk").
 */
function faoKeys(longDescription: string, commonName: string): string[] {
  const fullName = foodNameKey(longDescription.replace(/[()]/g, ' '));
  return /\b(dry|dried|powder|mix|dehydrated|concentrate)\b/i.test(longDescription) ? [fullName] : [fullName, commonName];
}

/** Every curated food exists, and no name is curated on two foods (the match would depend on id order). */
function checkCuratedNames(foods: ShippedFood[]): void {
  const owners = new Map<string, number>();
  for (const id of curatedFoods.keys()) {
    const food = foods.find((candidate) => candidate.id === id);
    if (!food) throw new Error(`curated food ${id} is not in SR28`);
    const curated = curatedFoods.get(id);
    for (const name of [food.commonName, ...(curated?.aliases ?? []).map(foodNameKey)]) {
      const owner = owners.get(name);
      if (owner !== undefined && owner !== id) throw new Error(`"${name}" is curated on both ${owner} and ${id}`);
      owners.set(name, id);
    }
  }
}

export function buildCatalogue(): ShippedFoodCatalogue {
  const groups = new Map(readSr28File(nutritionFolder, 'sr28_FD_GROUP.txt').map((row) => [row[foodGroupColumns.code] ?? '', row[foodGroupColumns.description] ?? '']));
  const nutrients = readNutrients();
  const portions = readPortions();
  const faoDensities = withFao ? loadFaoDensities(path.join(sourceRoot, 'densities/fao_infoods_density_subset.json')) : new Map<string, number>();
  const foods: ShippedFood[] = [];
  let skipped = 0;
  let faoDensityFoods = 0;
  for (const row of readSr28File(nutritionFolder, 'sr28_FOOD_DES.txt')) {
    const id = Number(row[foodDescriptionColumns.id]);
    const name = row[foodDescriptionColumns.longDescription] ?? '';
    const groupCode = row[foodDescriptionColumns.groupCode] ?? '';
    const foodNutrients = nutrients.get(id);
    if (!foodNutrients || name === '') {
      skipped += 1;
      continue;
    }
    const curated = curatedFoods.get(id);
    const { commonName, aliases } = curated ? curatedNames(curated) : derivedNames(name);
    const foodPortions = portions.get(id) ?? [];
    const usdaDensity = densityFromPortions(foodPortions);
    const densityGPerMl = usdaDensity ?? faoDensityFor(faoDensities, faoKeys(name, commonName));
    if (usdaDensity === null && densityGPerMl !== null) faoDensityFoods += 1;
    foods.push({
      id,
      name,
      commonName,
      aliases,
      foodGroup: groups.get(groupCode) ?? groupCode,
      nutrients: foodNutrients,
      portions: foodPortions,
      densityGPerMl,
      rank: curated ? curatedRank : derivedFoodRank(name, groupCode),
    });
  }
  checkCuratedNames(foods);
  foods.sort((a, b) => a.id - b.id);
  if (skipped > 0) console.error(`skipped ${skipped} food(s) without a description or nutrients`);
  console.error(`${faoDensityFoods} densities from the FAO/INFOODS table${withFao ? '' : ' (left out: --without-fao)'}`);
  return {
    format: 1,
    source: `USDA ARS, USDA National Nutrient Database for Standard Reference, Release 28 (public domain)${withFao ? '; density fallback: FAO/INFOODS Density Database v2 via xkstein/FoodConversion' : ''}`,
    foods,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const catalogue = buildCatalogue();
  const json = JSON.stringify(catalogue);
  const gz = gzipSync(json, { level: 9 });
  mkdirSync(path.dirname(outputFile), { recursive: true });
  writeFileSync(outputFile, gz);
  const withDensity = catalogue.foods.filter((food) => food.densityGPerMl !== null).length;
  const curated = catalogue.foods.filter((food) => food.rank === curatedRank).length;
  console.log(
    `${path.relative(root, outputFile)}: ${catalogue.foods.length} foods, ${curated} curated, ${withDensity} with a density; ${(json.length / 1e6).toFixed(2)} MB JSON, ${(gz.length / 1e6).toFixed(2)} MB gzip`,
  );
}
