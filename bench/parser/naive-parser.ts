/**
 * The baseline: what a quick regex gives. A leading number (integer, decimal, fraction or mixed),
 * the next word as the unit when the unit table knows it, the rest up to the first comma as the name.
 */
import { findUnit } from '../../server/src/features/ingredients/index.js';

export interface NaiveParse {
  quantity: number | null;
  quantityMax: null;
  unit: string | null;
  secondary: null;
  name: string;
}

const leadingNumber = /^(\d+(?:\.\d+)?)(?:\s+(\d+)\/(\d+)|\/(\d+))?\s*/;

export function naiveParse(line: string): NaiveParse {
  let rest = line.trim();
  let quantity: number | null = null;
  const number = leadingNumber.exec(rest);
  if (number) {
    const whole = Number(number[1]);
    if (number[2] && number[3]) quantity = whole + Number(number[2]) / Number(number[3]);
    else if (number[4]) quantity = whole / Number(number[4]);
    else quantity = whole;
    rest = rest.slice(number[0].length);
  }
  let unit: string | null = null;
  const [firstWord = '', ...others] = rest.split(/\s+/);
  const found = quantity !== null ? findUnit(firstWord) : undefined;
  if (found) {
    unit = found.id;
    rest = others.join(' ');
  }
  return { quantity, quantityMax: null, unit, secondary: null, name: rest.split(',')[0]?.trim() ?? '' };
}
