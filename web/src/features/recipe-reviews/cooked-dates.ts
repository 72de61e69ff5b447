/**
 * Calendar dates of the cooking log ("2026-03-05"): days, not instants, so they are read and shown
 * in UTC and never shift a day with the reader's time zone.
 */

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

const asUtc = (day: string) => new Date(`${day}T00:00:00Z`);

/** Today in the reader's own calendar, as the date input wants it. */
export function todayIsoDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "5 Mar 2026". */
export function formatDay(day: string): string {
  const date = asUtc(day);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}

/** "Thursday 5 March 2026". */
export function formatLongDay(day: string): string {
  const date = asUtc(day);
  return Number.isNaN(date.getTime()) ? day : longDayFormat.format(date);
}

/** "March 2026", for grouping the log. */
export function formatMonth(day: string): string {
  const date = asUtc(day);
  return Number.isNaN(date.getTime()) ? day : monthFormat.format(date);
}
