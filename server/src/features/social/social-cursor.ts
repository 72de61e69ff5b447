import { AppError } from '../../platform/errors.js';

/** The lists of people that page with a cursor; a cursor names its list and is refused by another. */
export type PeopleList = 'followers' | 'following' | 'requests-incoming' | 'requests-outgoing' | 'blocks';

const microsecondTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** base64url of the list's name and the last row's key (time to the microsecond, account id). */
export function encodePeopleCursor(list: PeopleList, last: { since: string; id: string }): string {
  return Buffer.from(`${list}|${last.since}|${last.id}`).toString('base64url');
}

export function decodePeopleCursor(list: PeopleList, cursor: string): { since: string; id: string } {
  const [tag, since, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const valid =
    tag === list &&
    rest.length === 0 &&
    since !== undefined &&
    microsecondTime.test(since) &&
    !Number.isNaN(Date.parse(since)) &&
    new Date(since).toISOString().slice(0, 23) === since.slice(0, 23) &&
    id !== undefined &&
    uuid.test(id);
  if (!valid) throw new AppError('validation_failed', 400, 'The cursor is not valid', [{ field: 'cursor', message: 'is not a cursor from this list' }]);
  return { since: since as string, id: id as string };
}
