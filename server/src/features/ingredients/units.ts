/**
 * Unit conversion for cooks: within a dimension, between volume and mass through a food's density,
 * into the reader's unit system with a sensible unit (1000 g → 1 kg, 3 tsp → 1 tbsp), and amounts
 * written the way recipes write them (fractions for cups and spoons, grams to a sensible precision).
 */
import { AppError } from '../../platform/errors.js';
import { findUnit, type UnitDefinition, unitById, unitDisplayName } from './unit-table.js';

export interface ConvertOptions {
  /** Grams per millilitre of the food: needed between mass and volume. */
  densityGPerMl?: number;
}

export interface Amount {
  amount: number;
  unit: string;
}

/** The unit named by an id or any spelling the parser knows; 422 'unknown_unit' naming `field` otherwise. */
export function resolveUnit(unit: string | UnitDefinition, field = 'unit'): UnitDefinition {
  if (typeof unit !== 'string') return unit;
  const found = unitById(unit) ?? findUnit(unit);
  if (!found) throw new AppError('unknown_unit', 422, `"${unit}" is not a unit Tavola knows (see GET /api/units)`, [{ field, message: 'is not a known unit' }]);
  return found;
}

const incompatible = (from: UnitDefinition, to: UnitDefinition, detail?: string) =>
  new AppError('incompatible_units', 422, detail ?? `${from.plural} (${from.dimension}) cannot be converted to ${to.plural} (${to.dimension})`, [{ field: 'to', message: `is not a ${from.dimension} unit` }]);

/** Converts an amount; 422 'incompatible_units' between dimensions (mass <-> volume needs a density). */
export function convertQuantity(amount: number, from: string | UnitDefinition, to: string | UnitDefinition, options: ConvertOptions = {}): number {
  const source = resolveUnit(from, 'from');
  const target = resolveUnit(to, 'to');
  if (source.id === target.id) return amount;
  if (source.dimension === target.dimension && source.dimension !== 'count') return (amount * source.factor) / target.factor;
  const massVolume = new Set([source.dimension, target.dimension]);
  if (massVolume.has('mass') && massVolume.has('volume')) {
    const density = options.densityGPerMl;
    if (density === undefined || !(density > 0)) {
      throw new AppError('incompatible_units', 422, `Converting ${source.plural} to ${target.plural} needs the food's density (g/ml)`, [{ field: 'density', message: 'is required between mass and volume' }]);
    }
    const base = amount * source.factor;
    return source.dimension === 'volume' ? (base * density) / target.factor : base / density / target.factor;
  }
  throw incompatible(source, target);
}

const fractions = [0, 1 / 8, 1 / 4, 1 / 3, 1 / 2, 2 / 3, 3 / 4, 1] as const;
const fractionText = new Map<number, string>([
  [1 / 8, '1/8'],
  [1 / 4, '1/4'],
  [1 / 3, '1/3'],
  [1 / 2, '1/2'],
  [2 / 3, '2/3'],
  [3 / 4, '3/4'],
]);

/** Whole part and the nearest kitchen fraction (eighths, quarters, thirds, halves). */
function nearestFraction(value: number): { whole: number; fraction: number } {
  let whole = Math.floor(value);
  const rest = value - whole;
  let fraction = fractions.reduce((best, candidate) => (Math.abs(candidate - rest) < Math.abs(best - rest) ? candidate : best), 0 as number);
  if (fraction === 1) {
    whole += 1;
    fraction = 0;
  }
  return { whole, fraction };
}

/** True when a kitchen fraction writes the value to within 2%. */
function isNiceAmount(value: number): boolean {
  const { whole, fraction } = nearestFraction(value);
  return value > 0 && Math.abs(whole + fraction - value) <= value * 0.02;
}

/** "1 1/2", "3/4", "2"; very small amounts keep two significant digits ("0.05"). */
export function formatFraction(value: number): string {
  if (value <= 0) return '0';
  const { whole, fraction } = nearestFraction(value);
  if (whole === 0 && fraction === 0) return String(Number(value.toPrecision(2)));
  const part = fractionText.get(fraction);
  if (whole === 0) return part ?? '0';
  return part ? `${whole} ${part}` : String(whole);
}

/** Grams, millilitres, centimetres: one decimal under 10, whole numbers above. */
function formatDecimal(value: number): string {
  if (value === 0) return '0';
  if (value < 10) return String(Math.round(value * 10) / 10 || Number(value.toPrecision(1)));
  return String(Math.round(value));
}

/** The value a written amount shows ("1 1/2" → 1.5): decides between "cup" and "cups". */
function writtenValue(text: string): number {
  return text.split(' ').reduce((sum, part) => {
    const [top, bottom] = part.split('/');
    return sum + (bottom ? Number(top) / Number(bottom) : Number(part));
  }, 0);
}

/** Kilograms and litres: up to two decimals. */
const formatLarge = (value: number) => String(Math.round(value * 100) / 100);

/** Grams and millilitres of 1000 and more are written in kg and l, kg and l under 1 in g and ml. */
function displayUnit(definition: UnitDefinition, amount: number): { definition: UnitDefinition; scale: number } {
  if ((definition.id === 'g' || definition.id === 'ml') && amount >= 1000) return { definition: resolveUnit(definition.id === 'g' ? 'kg' : 'l'), scale: 1 / 1000 };
  if ((definition.id === 'kg' || definition.id === 'l') && amount < 1) return { definition: resolveUnit(definition.id === 'kg' ? 'g' : 'ml'), scale: 1000 };
  return { definition, scale: 1 };
}

function formatNumber(value: number, definition: UnitDefinition): string {
  if (definition.id === 'kg' || definition.id === 'l') return formatLarge(value);
  return definition.system === 'metric' ? formatDecimal(value) : formatFraction(value);
}

/** An amount the way a recipe writes it: "1 1/2 cups", "3/4 tsp", "454 g", "1.5 kg", "2 cloves". */
export function formatQuantity(amount: number, unit: string | UnitDefinition | null): string {
  if (unit === null) return formatFraction(amount);
  const { definition, scale } = displayUnit(resolveUnit(unit), amount);
  const number = formatNumber(amount * scale, definition);
  return `${number} ${unitDisplayName(definition, writtenValue(number), 'short')}`;
}

/** A range in one unit, chosen by its high end: "800 g-1.2 kg" reads "0.8-1.2 kg", "2-3 cloves". */
export function formatQuantityRange(low: number, high: number, unit: string | UnitDefinition | null): string {
  if (unit === null) return `${formatFraction(low)}-${formatFraction(high)}`;
  const { definition, scale } = displayUnit(resolveUnit(unit), high);
  const highText = formatNumber(high * scale, definition);
  return `${formatNumber(low * scale, definition)}-${highText} ${unitDisplayName(definition, writtenValue(highText), 'short')}`;
}

export type UnitSystemChoice = 'metric' | 'us';

export interface ToUnitSystemOptions {
  densityGPerMl?: number;
  /** Express the amount in this dimension when the density allows ("metric cooks weigh flour"). */
  dimension?: 'mass' | 'volume';
}

const spoonIds = new Set(['tsp', 'tbsp']);

/** The US volume unit a cook would use: spoons under 1/4 cup, cups, quarts when they are round. */
function pickUsVolume(ml: number): UnitDefinition {
  const unit = (id: string) => unitById(id) as UnitDefinition;
  const inUnit = (id: string) => ml / unit(id).factor;
  if (inUnit('gallon') >= 1 && isNiceAmount(inUnit('gallon'))) return unit('gallon');
  if (inUnit('cup') >= 4 && isNiceAmount(inUnit('quart'))) return unit('quart');
  if (inUnit('cup') >= 0.25 - 1e-9) return unit('cup');
  if (inUnit('tbsp') >= 1 - 1e-9 && isNiceAmount(inUnit('tbsp'))) return unit('tbsp');
  return unit('tsp');
}

function pickUnit(base: number, dimension: UnitDefinition['dimension'], system: UnitSystemChoice, source: UnitDefinition): UnitDefinition {
  const unit = (id: string) => unitById(id) as UnitDefinition;
  if (dimension === 'mass') {
    if (system === 'metric') return base >= 1000 ? unit('kg') : unit('g');
    return base >= unit('lb').factor - 1e-9 ? unit('lb') : unit('oz');
  }
  if (dimension === 'volume') {
    // Spoons are written the same way in metric recipes; small spoon amounts stay spoons.
    if (system === 'metric') {
      if (spoonIds.has(source.id) && base < 60) return base >= unit('tbsp').factor - 1e-9 && isNiceAmount(base / unit('tbsp').factor) ? unit('tbsp') : unit('tsp');
      return base >= 1000 ? unit('l') : unit('ml');
    }
    return pickUsVolume(base);
  }
  if (dimension === 'length') return system === 'metric' ? unit('cm') : unit('inch');
  return source;
}

/**
 * The amount in the reader's system with a sensible unit: 1000 g → 1 kg, 3 tsp → 1 tbsp,
 * 59 ml → 1/4 cup, 16 oz → 1 lb. Counts, sizes, pinches and dashes stay as written.
 */
export function toUnitSystem(amount: number, unit: string | UnitDefinition, system: UnitSystemChoice, options: ToUnitSystemOptions = {}): Amount {
  const source = resolveUnit(unit);
  if (source.dimension === 'count' || source.kind === 'portion') return { amount, unit: source.id };
  let dimension = source.dimension;
  let base = amount * source.factor;
  const wanted = options.dimension;
  const density = options.densityGPerMl;
  if (wanted && wanted !== dimension && (dimension === 'mass' || dimension === 'volume') && density && density > 0) {
    base = dimension === 'volume' ? base * density : base / density;
    dimension = wanted;
  }
  const target = pickUnit(base, dimension, system, source);
  return { amount: base / target.factor, unit: target.id };
}
