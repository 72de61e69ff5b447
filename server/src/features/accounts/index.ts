import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import { registerAccountRoutes } from './accounts.routes.js';
import { registerAdminAccountRoutes } from './admin-accounts.routes.js';
import { type AccountsDeps, promoteConfiguredAdmin } from './accounts.service.js';

/** Accounts: sign-up, e-mail verification, log-in/out, password reset and change, sessions, API tokens, deletion. */
export async function accountsFeature(app: FastifyInstance, platform: Platform): Promise<void> {
  const deps: AccountsDeps = { db: platform.database.db, config: platform.config, cache: platform.cache, mailer: platform.mailer, realtime: platform.realtime };
  registerAccountRoutes(app, platform, deps);
  registerAdminAccountRoutes(app, deps);
  app.addHook('onReady', async () => {
    if (await promoteConfiguredAdmin(deps)) app.log.info({ email: platform.config.adminEmail }, 'promoted to admin by --admin');
  });
}
