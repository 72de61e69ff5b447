import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { accountsFeature } from './features/accounts/index.js';
import { foodsFeature } from './features/foods/index.js';
import { ingredientsFeature } from './features/ingredients/index.js';
import { recipesFeature } from './features/recipes/index.js';
import { recipeImportFeature } from './features/recipe-import/index.js';
import { enqueueRecipeImageCleanup, recipeImagesFeature } from './features/recipe-images/index.js';
import { mailOutboxFeature } from './features/mail-outbox/index.js';
import { registerAuth } from './platform/auth/auth.plugin.js';
import { registerHealthRoutes } from './platform/health.js';
import { registerOpenApi } from './platform/openapi.js';
import { registerRateLimit } from './platform/rate-limit.js';
import { registerMetrics } from './platform/metrics/metrics.routes.js';
import type { Platform } from './platform/platform.js';
import { registerNotFound, registerProblemHandler } from './platform/problem.js';
import { registerSecurityHeaders } from './platform/security.js';
import { randomToken } from './platform/crypto.js';
import { registerRealtimeRoutes, registerWebSocketSupport } from './platform/realtime/realtime.routes.js';
import { PageMetaRegistry } from './platform/page-meta.js';
import { registerWebClient, webDist } from './platform/web-client.js';

export interface BuildAppOptions {
  /** Serve the built web client from web/dist (off in most tests). */
  serveWeb?: boolean;
  logger?: boolean;
}

/** Registers the platform plugins and the feature modules explicitly. */
export async function buildApp(platform: Platform, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = platform;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomToken(9);
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerProblemHandler(app);
  // JSON only: a cross-site HTML form cannot send application/json without a CORS preflight.
  app.removeContentTypeParser('text/plain');
  await registerSecurityHeaders(app);
  await app.register(cookie, { secret: config.secretKey });
  registerAuth(app, platform);
  await registerRateLimit(app, platform);
  await registerOpenApi(app);
  await registerWebSocketSupport(app);
  registerMetrics(app, { metrics: platform.metrics, token: config.metricsToken });

  registerHealthRoutes(app, platform);
  registerRealtimeRoutes(app, { realtime: platform.realtime, publicUrl: config.publicUrl });
  await accountsFeature(app, platform);
  await ingredientsFeature(app);
  await foodsFeature(app, platform);
  const pageMeta = new PageMetaRegistry();
  // The composition root: deleting a recipe queues the removal of its image files in the same transaction.
  await recipesFeature(app, platform, {
    pageMeta,
    beforeDelete: async (tx, recipeId) => {
      await enqueueRecipeImageCleanup(platform.jobs, tx, recipeId);
    },
  });
  await recipeImportFeature(app, platform);
  await recipeImagesFeature(app, platform);
  await mailOutboxFeature(app, platform);

  if (options.serveWeb) await registerWebClient(app, webDist, pageMeta);
  else registerNotFound(app);

  return app;
}
