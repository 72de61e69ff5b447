import { and, desc, eq, not, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { blocks, follows, userPrivacy, users } from '../../db/schema/index.js';
import { blockedEitherWay } from './social-visibility.repository.js';

const person = { id: users.id, username: users.username, displayName: users.displayName };

/**
 * A timestamp to the microsecond as text (UTC, `Z`), for keyset cursors: a JavaScript Date keeps
 * milliseconds, and rows within the same millisecond would otherwise be skipped.
 */
const exactTime = (column: typeof follows.since | typeof blocks.createdAt) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface PeopleAfter {
  since: string;
  id: string;
}

/** An active account by username (case-insensitive); deleted accounts are not found. */
export async function findPerson(db: DbOrTx, username: string) {
  const [row] = await db
    .select(person)
    .from(users)
    .where(and(sql`lower(${users.username}) = ${username.toLowerCase()}`, eq(users.status, 'active')))
    .limit(1);
  return row;
}

/**
 * Serialises every write about one pair of accounts (follow, accept, block...), whoever starts it:
 * a follow racing a block cannot survive it. Transaction-scoped; released at commit.
 */
export async function lockPair(tx: DbOrTx, a: string, b: string): Promise<void> {
  const key = a < b ? `${a}:${b}` : `${b}:${a}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`social-pair:${key}`}, 0))`);
}

export async function isPrivateAccount(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ privateAccount: userPrivacy.privateAccount }).from(userPrivacy).where(eq(userPrivacy.userId, userId));
  return row?.privateAccount ?? false;
}

/**
 * Serialises a change of an account's privacy (exclusive) with follows to it (shared, so follows
 * to one account do not wait for each other): a request never lands on an account just made public.
 */
export async function lockPrivacy(tx: DbOrTx, userId: string, mode: 'shared' | 'exclusive'): Promise<void> {
  const key = `social-privacy:${userId}`;
  if (mode === 'shared') await tx.execute(sql`select pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))`);
  else await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

export async function savePrivacy(tx: DbOrTx, userId: string, privateAccount: boolean): Promise<void> {
  await tx
    .insert(userPrivacy)
    .values({ userId, privateAccount })
    .onConflictDoUpdate({ target: userPrivacy.userId, set: { privateAccount, updatedAt: new Date() } });
}

/** Accepts every pending request to the account (it turned public). */
export async function acceptAllRequests(tx: DbOrTx, followeeId: string): Promise<void> {
  await tx
    .update(follows)
    .set({ state: 'accepted', since: sql`now()` })
    .where(and(eq(follows.followeeId, followeeId), eq(follows.state, 'pending')));
}

/** Who blocked whom between two accounts. */
export async function blocksBetween(db: DbOrTx, a: string, b: string): Promise<{ aBlocksB: boolean; bBlocksA: boolean }> {
  const rows = await db
    .select({ blockerId: blocks.blockerId })
    .from(blocks)
    .where(or(and(eq(blocks.blockerId, a), eq(blocks.blockedId, b)), and(eq(blocks.blockerId, b), eq(blocks.blockedId, a))));
  return { aBlocksB: rows.some((r) => r.blockerId === a), bBlocksA: rows.some((r) => r.blockerId === b) };
}

export async function followState(db: DbOrTx, followerId: string, followeeId: string): Promise<'pending' | 'accepted' | undefined> {
  const [row] = await db
    .select({ state: follows.state })
    .from(follows)
    .where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId)));
  return row?.state;
}

/** Inserts the follow unless one exists (the primary key makes this idempotent); returns the state now stored. */
export async function insertFollow(tx: DbOrTx, followerId: string, followeeId: string, state: 'pending' | 'accepted') {
  await tx.insert(follows).values({ followerId, followeeId, state }).onConflictDoNothing();
  return (await followState(tx, followerId, followeeId)) as 'pending' | 'accepted';
}

export async function deleteFollow(tx: DbOrTx, followerId: string, followeeId: string, state?: 'pending' | 'accepted'): Promise<boolean> {
  const rows = await tx
    .delete(follows)
    .where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId), state ? eq(follows.state, state) : undefined))
    .returning({ followerId: follows.followerId });
  return rows.length > 0;
}

/** Accepts a pending request from `followerId` to `followeeId`; false when there is none. */
export async function acceptRequest(tx: DbOrTx, followerId: string, followeeId: string): Promise<boolean> {
  const rows = await tx
    .update(follows)
    .set({ state: 'accepted', since: sql`now()` })
    .where(and(eq(follows.followerId, followerId), eq(follows.followeeId, followeeId), eq(follows.state, 'pending')))
    .returning({ followerId: follows.followerId });
  return rows.length > 0;
}

/** Follows and requests in both directions between two accounts. */
export async function deleteFollowsBetween(tx: DbOrTx, a: string, b: string): Promise<void> {
  await tx
    .delete(follows)
    .where(or(and(eq(follows.followerId, a), eq(follows.followeeId, b)), and(eq(follows.followerId, b), eq(follows.followeeId, a))));
}

/** Accepted followers and followings of an account, active accounts only. */
export async function followCounts(db: DbOrTx, userId: string): Promise<{ followers: number; following: number }> {
  const counted = (side: 'followers' | 'following') => {
    const other = side === 'followers' ? follows.followerId : follows.followeeId;
    const self = side === 'followers' ? follows.followeeId : follows.followerId;
    return db
      .select({ n: sql<number>`count(*)::int` })
      .from(follows)
      .innerJoin(users, and(eq(users.id, other), eq(users.status, 'active')))
      .where(and(eq(self, userId), eq(follows.state, 'accepted')));
  };
  const [[followers], [following]] = await Promise.all([counted('followers'), counted('following')]);
  return { followers: Number(followers?.n ?? 0), following: Number(following?.n ?? 0) };
}

export interface FollowListFilter {
  /** `followers`: who follows (or asked to follow) the user; `following`: whom the user follows (or asked to). */
  side: 'followers' | 'following';
  userId: string;
  state: 'pending' | 'accepted';
  limit: number;
  after?: PeopleAfter;
  /** Leaves out the accounts this viewer blocked or was blocked by. */
  viewerId?: string | null;
}

/** One page of a follow list, newest first, with the other account of each row (active accounts only). */
export async function listFollows(db: DbOrTx, filter: FollowListFilter) {
  const other = filter.side === 'followers' ? follows.followerId : follows.followeeId;
  const self = filter.side === 'followers' ? follows.followeeId : follows.followerId;
  const conditions: (SQL | undefined)[] = [
    eq(self, filter.userId),
    eq(follows.state, filter.state),
    filter.after ? sql`(${follows.since}, ${other}) < (${filter.after.since}::timestamptz, ${filter.after.id}::uuid)` : undefined,
    filter.viewerId ? not(blockedEitherWay(other, filter.viewerId)) : undefined,
  ];
  return db
    .select({ ...person, since: exactTime(follows.since) })
    .from(follows)
    .innerJoin(users, and(eq(users.id, other), eq(users.status, 'active')))
    .where(and(...conditions))
    .orderBy(desc(follows.since), desc(other))
    .limit(filter.limit);
}

export async function insertBlock(tx: DbOrTx, blockerId: string, blockedId: string): Promise<void> {
  await tx.insert(blocks).values({ blockerId, blockedId }).onConflictDoNothing();
}

export async function deleteBlock(tx: DbOrTx, blockerId: string, blockedId: string): Promise<boolean> {
  const rows = await tx
    .delete(blocks)
    .where(and(eq(blocks.blockerId, blockerId), eq(blocks.blockedId, blockedId)))
    .returning({ blockedId: blocks.blockedId });
  return rows.length > 0;
}

/** The accounts the user blocked, newest block first. */
export async function listBlocks(db: DbOrTx, blockerId: string, limit: number, after?: PeopleAfter) {
  return db
    .select({ ...person, since: exactTime(blocks.createdAt) })
    .from(blocks)
    .innerJoin(users, and(eq(users.id, blocks.blockedId), eq(users.status, 'active')))
    .where(
      and(
        eq(blocks.blockerId, blockerId),
        after ? sql`(${blocks.createdAt}, ${blocks.blockedId}) < (${after.since}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(blocks.createdAt), desc(blocks.blockedId))
    .limit(limit);
}

