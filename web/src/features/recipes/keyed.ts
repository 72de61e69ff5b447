/**
 * Keys for lists of plain values (ingredient lines, steps) that may repeat: the value itself, with
 * a count for repeats ("salt", "salt#1"), so React keys follow content rather than position.
 */
export function keyed<T>(items: readonly T[], keyOf: (item: T) => string): { item: T; key: string }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return { item, key: count ? `${base}#${count}` : base };
  });
}
