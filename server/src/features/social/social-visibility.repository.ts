import { type Placeholder, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { blocks, follows } from '../../db/schema/index.js';

/**
 * The social graph's part of other features' visibility rules, as SQL conditions over an owner
 * column of the caller's query. Both are uncorrelated subqueries over the viewer's own rows (a
 * handful of index entries), so PostgreSQL evaluates each once per statement and hashes it, whatever
 * the number of rows the caller filters. The viewer may be a placeholder, for prepared statements.
 */

/** The owner is someone the viewer follows (an accepted follow, not a pending request). */
export function viewerFollowsOwner(ownerId: SQLWrapper, viewerId: string | Placeholder): SQL {
  return sql`${ownerId} in (select ${follows.followeeId} from ${follows} where ${follows.followerId} = ${viewerId} and ${follows.state} = 'accepted')`;
}

/** The owner blocked the viewer, or the viewer blocked the owner. */
export function blockedEitherWay(ownerId: SQLWrapper, viewerId: string | Placeholder): SQL {
  return sql`(${ownerId} in (select ${blocks.blockerId} from ${blocks} where ${blocks.blockedId} = ${viewerId})
    or ${ownerId} in (select ${blocks.blockedId} from ${blocks} where ${blocks.blockerId} = ${viewerId}))`;
}
