import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import { registerMailOutboxRoutes } from './mail-outbox.routes.js';

/** The mail outbox for admins: every mail the platform wrote, with its delivery status. */
export async function mailOutboxFeature(app: FastifyInstance, platform: Platform): Promise<void> {
  registerMailOutboxRoutes(app, { mailer: platform.mailer });
}
