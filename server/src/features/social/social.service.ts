import type { FollowState, PeoplePage, PrivacySettings, Profile } from '@tavola/contracts/social';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../platform/errors.js';
import { decodePeopleCursor, encodePeopleCursor, type PeopleList } from './social-cursor.js';
import * as repo from './social.repository.js';

/** Follows, requests, blocks and privacy. Every write about a pair of accounts runs under that pair's lock. */
export interface SocialDeps {
  db: Db;
}

type Person = NonNullable<Awaited<ReturnType<typeof repo.findPerson>>>;

const toFollowState = (state: 'pending' | 'accepted' | undefined): FollowState => (state === 'accepted' ? 'following' : state === 'pending' ? 'requested' : 'none');

/** The person as the viewer may see them: not found when deleted, unknown, or when they blocked the viewer. */
async function visiblePerson(deps: SocialDeps, viewerId: string | null, username: string): Promise<Person> {
  const person = await repo.findPerson(deps.db, username);
  if (!person) throw notFound('This person');
  if (viewerId && viewerId !== person.id && (await repo.blocksBetween(deps.db, person.id, viewerId)).aBlocksB) throw notFound('This person');
  return person;
}

/** Someone other than the viewer, for actions one cannot take on oneself. */
async function otherPerson(deps: SocialDeps, viewerId: string, username: string, action: string): Promise<Person> {
  const person = await visiblePerson(deps, viewerId, username);
  if (person.id === viewerId) throw new AppError('self', 422, `You cannot ${action} yourself`);
  return person;
}

export async function getPrivacy(deps: SocialDeps, userId: string): Promise<PrivacySettings> {
  return { privateAccount: await repo.isPrivateAccount(deps.db, userId) };
}

/** Making an account public accepts its pending requests (nobody is left waiting on an open account). */
export async function setPrivacy(deps: SocialDeps, userId: string, input: PrivacySettings): Promise<PrivacySettings> {
  await deps.db.transaction(async (tx) => {
    await repo.lockPrivacy(tx, userId, 'exclusive');
    await repo.savePrivacy(tx, userId, input.privateAccount);
    if (!input.privateAccount) await repo.acceptAllRequests(tx, userId);
  });
  return getPrivacy(deps, userId);
}

/** Whether the viewer may read the account's follower and following lists. */
async function listsVisibleTo(deps: SocialDeps, viewerId: string | null, ownerId: string): Promise<boolean> {
  if (viewerId === ownerId) return true;
  if (!(await repo.isPrivateAccount(deps.db, ownerId))) return true;
  return viewerId !== null && (await repo.followState(deps.db, viewerId, ownerId)) === 'accepted';
}

export async function getProfile(deps: SocialDeps, viewerId: string | null, username: string): Promise<Profile> {
  const person = await visiblePerson(deps, viewerId, username);
  const other = viewerId && viewerId !== person.id ? viewerId : null;
  const [privateAccount, counts, mine, theirs, blocks] = await Promise.all([
    repo.isPrivateAccount(deps.db, person.id),
    repo.followCounts(deps.db, person.id),
    other ? repo.followState(deps.db, other, person.id) : undefined,
    other ? repo.followState(deps.db, person.id, other) : undefined,
    other ? repo.blocksBetween(deps.db, other, person.id) : undefined,
  ]);
  return {
    ...person,
    privateAccount,
    ...counts,
    listsVisible: viewerId === person.id || !privateAccount || mine === 'accepted',
    viewer: { isSelf: viewerId === person.id, follow: toFollowState(mine), followsYou: theirs === 'accepted', blocking: blocks?.aBlocksB ?? false },
  };
}

/** Follows a public account at once; asks a private one. Idempotent; refused across a block either way. */
export async function follow(deps: SocialDeps, viewerId: string, username: string): Promise<{ follow: FollowState }> {
  const target = await otherPerson(deps, viewerId, username, 'follow');
  const state = await deps.db.transaction(async (tx) => {
    await repo.lockPair(tx, viewerId, target.id);
    await repo.lockPrivacy(tx, target.id, 'shared');
    const blocked = await repo.blocksBetween(tx, viewerId, target.id);
    if (blocked.bBlocksA) throw notFound('This person');
    if (blocked.aBlocksB) throw new AppError('blocking', 409, 'Unblock this person before following them');
    const privateAccount = await repo.isPrivateAccount(tx, target.id);
    return repo.insertFollow(tx, viewerId, target.id, privateAccount ? 'pending' : 'accepted');
  });
  return { follow: toFollowState(state) };
}

/** Unfollows, or withdraws a request. Idempotent. */
export async function unfollow(deps: SocialDeps, viewerId: string, username: string): Promise<void> {
  const target = await otherPerson(deps, viewerId, username, 'unfollow');
  await deps.db.transaction(async (tx) => {
    await repo.lockPair(tx, viewerId, target.id);
    await repo.deleteFollow(tx, viewerId, target.id);
  });
}

/** Removes someone from the viewer's followers (or declines their request). Idempotent. */
export async function removeFollower(deps: SocialDeps, viewerId: string, username: string): Promise<void> {
  const follower = await otherPerson(deps, viewerId, username, 'remove');
  await deps.db.transaction(async (tx) => {
    await repo.lockPair(tx, viewerId, follower.id);
    await repo.deleteFollow(tx, follower.id, viewerId);
  });
}

/** Answers a request addressed to the viewer; 404 when that person has no pending request to the viewer. */
export async function answerRequest(deps: SocialDeps, viewerId: string, username: string, answer: 'accept' | 'decline'): Promise<void> {
  const requester = await repo.findPerson(deps.db, username);
  if (!requester) throw notFound('The follow request');
  await deps.db.transaction(async (tx) => {
    await repo.lockPair(tx, viewerId, requester.id);
    const done = answer === 'accept' ? await repo.acceptRequest(tx, requester.id, viewerId) : await repo.deleteFollow(tx, requester.id, viewerId, 'pending');
    if (!done) throw notFound('The follow request');
  });
}

/** Blocks: removes follows and requests both ways in the same transaction. Idempotent. */
export async function block(deps: SocialDeps, viewerId: string, username: string): Promise<void> {
  const target = await repo.findPerson(deps.db, username);
  if (!target) throw notFound('This person');
  if (target.id === viewerId) throw new AppError('self', 422, 'You cannot block yourself');
  await deps.db.transaction(async (tx) => {
    await repo.lockPair(tx, viewerId, target.id);
    await repo.insertBlock(tx, viewerId, target.id);
    await repo.deleteFollowsBetween(tx, viewerId, target.id);
  });
}

export async function unblock(deps: SocialDeps, viewerId: string, username: string): Promise<void> {
  const target = await repo.findPerson(deps.db, username);
  if (!target) throw notFound('This person');
  await deps.db.transaction(async (tx) => {
    await repo.lockPair(tx, viewerId, target.id);
    await repo.deleteBlock(tx, viewerId, target.id);
  });
}

interface PageQuery {
  limit: number;
  cursor?: string;
}

function toPage(list: PeopleList, rows: Awaited<ReturnType<typeof repo.listFollows>>, limit: number): PeoplePage {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page, nextCursor: rows.length > limit && last ? encodePeopleCursor(list, last) : null };
}

/** A person's followers or followings; a private account's lists only to itself and its approved followers. */
export async function listPeople(deps: SocialDeps, viewerId: string | null, username: string, side: 'followers' | 'following', query: PageQuery): Promise<PeoplePage> {
  const person = await visiblePerson(deps, viewerId, username);
  if (!(await listsVisibleTo(deps, viewerId, person.id))) throw new AppError('private_account', 403, 'This account’s lists are visible to its approved followers only');
  const after = query.cursor ? decodePeopleCursor(side, query.cursor) : undefined;
  const rows = await repo.listFollows(deps.db, { side, userId: person.id, state: 'accepted', limit: query.limit + 1, after, viewerId });
  return toPage(side, rows, query.limit);
}

/** Requests addressed to the viewer (`incoming`) or sent by the viewer and not answered yet (`outgoing`). */
export async function listRequests(deps: SocialDeps, viewerId: string, direction: 'incoming' | 'outgoing', query: PageQuery): Promise<PeoplePage> {
  const list = direction === 'incoming' ? 'requests-incoming' : 'requests-outgoing';
  const after = query.cursor ? decodePeopleCursor(list, query.cursor) : undefined;
  const side = direction === 'incoming' ? 'followers' : 'following';
  const rows = await repo.listFollows(deps.db, { side, userId: viewerId, state: 'pending', limit: query.limit + 1, after });
  return toPage(list, rows, query.limit);
}

export async function listBlocked(deps: SocialDeps, viewerId: string, query: PageQuery): Promise<PeoplePage> {
  const after = query.cursor ? decodePeopleCursor('blocks', query.cursor) : undefined;
  return toPage('blocks', await repo.listBlocks(deps.db, viewerId, query.limit + 1, after), query.limit);
}
