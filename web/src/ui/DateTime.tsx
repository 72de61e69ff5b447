const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** A machine-readable <time> shown in the reader's locale. */
export function DateTime({ value, dateOnly = false }: { value: string; dateOnly?: boolean }) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  return <time dateTime={date.toISOString()}>{(dateOnly ? dateFormat : dateTimeFormat).format(date)}</time>;
}
