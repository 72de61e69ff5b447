import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/**
 * The social graph (features/social): privacy settings, follows and blocks. Other features never
 * name these tables; recipes' visibility rule reaches them through `features/social/index.ts`.
 */

/** Privacy settings of one account; no row means the defaults (a public account). */
export const userPrivacy = pgTable('user_privacy', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Follows need the owner's approval; the follower and following lists show only to approved followers. */
  privateAccount: boolean('private_account').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const followStates = ['pending', 'accepted'] as const;

/**
 * One row per (follower, followee): a pending request to a private account or an accepted follow.
 * The primary key makes following idempotent under concurrency. `since` is when the current state
 * began (request time while pending, acceptance time once accepted): the lists page by it.
 */
export const follows = pgTable(
  'follows',
  {
    followerId: uuid('follower_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followeeId: uuid('followee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    state: text('state', { enum: followStates }).notNull(),
    since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followeeId] }),
    index('follows_followee_idx').on(t.followeeId, t.state, t.since, t.followerId),
    index('follows_follower_idx').on(t.followerId, t.state, t.since, t.followeeId),
    check('follows_not_self', sql`${t.followerId} <> ${t.followeeId}`),
    check('follows_state_check', sql`${t.state} in ('pending', 'accepted')`),
  ],
);

/** `blockerId` blocks `blockedId`: no follows either way, and neither sees the other's recipes. */
export const blocks = pgTable(
  'blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    index('blocks_blocked_idx').on(t.blockedId, t.blockerId),
    index('blocks_blocker_created_idx').on(t.blockerId, t.createdAt, t.blockedId),
    check('blocks_not_self', sql`${t.blockerId} <> ${t.blockedId}`),
  ],
);
