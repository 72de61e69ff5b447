import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * A timestamptz as the API writes it (`Date.prototype.toISOString()`: UTC, milliseconds, `Z`),
 * formatted by PostgreSQL: hot reads skip parsing a Date only to print it again.
 */
export function isoTimestamp(column: SQLWrapper): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
