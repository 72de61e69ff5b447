import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import { registerSocialRoutes } from './social.routes.js';

/**
 * The social graph's conditions for other features' visibility rules (recipes' `visibleTo`, the
 * search index's copy of it): SQL over an owner column, so they never name the social tables.
 */
export { blockedEitherWay, viewerFollowsOwner } from './social-visibility.repository.js';

/** Social: privacy settings, follows and follow requests, blocks, public profiles. */
export async function socialFeature(app: FastifyInstance, platform: Platform): Promise<void> {
  registerSocialRoutes(app, { db: platform.database.db });
}
