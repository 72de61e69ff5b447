import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { accountsFeature } from './features/accounts/index.js';
import { foodLookup, foodsFeature } from './features/foods/index.js';
import { ingredientsFeature } from './features/ingredients/index.js';
import { recipesFeature } from './features/recipes/index.js';
import { recipeImportFeature } from './features/recipe-import/index.js';
import { enqueueRecipeImageCleanup, imagesForRecipePage, imagesInRecipeRead, recipeImagesFeature } from './features/recipe-images/index.js';
import { mailOutboxFeature } from './features/mail-outbox/index.js';
import { createSearchIndex, recipeIndexUpdater, searchFeature } from './features/search/index.js';
import { socialFeature } from './features/social/index.js';
import { wineKnowledgeFeature } from './features/wine-knowledge/index.js';
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

/**
 * Request ids: a random prefix per process and a counter, unique across instances without a
 * system call per request (ids label logs and errors; they are not secrets).
 */
const requestIdPrefix = randomToken(6);
let requestCounter = 0;
const nextRequestId = () => `${requestIdPrefix}${(++requestCounter).toString(36).padStart(4, '0')}`;

/** Registers the platform plugins and the feature modules explicitly. */
export async function buildApp(platform: Platform, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = platform;
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : nextRequestId();
    },
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
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
  await socialFeature(app, platform);
  await ingredientsFeature(app, { foods: foodLookup(platform.database.db) });
  await foodsFeature(app, platform);
  const pageMeta = new PageMetaRegistry();
  // Search depends on recipes and images; they reach it only through this port, which keeps the
  // index current in the transaction of each write that changes what search shows.
  const searchIndex = createSearchIndex(platform.database.db);
  const afterRecipeChange = recipeIndexUpdater(searchIndex);
  // The composition root: deleting a recipe queues the removal of its image files in the same
  // transaction; recipes read their images through the images feature, in one query or inside the
  // recipe read's one statement (recipe images depend on recipes, not the reverse).
  await recipesFeature(app, platform, {
    pageMeta,
    beforeDelete: async (tx, recipeId) => {
      await enqueueRecipeImageCleanup(platform.jobs, tx, recipeId);
    },
    imagesFor: imagesForRecipePage,
    imagesInRead: imagesInRecipeRead,
    afterChange: afterRecipeChange,
  });
  await recipeImportFeature(app, platform, { afterRecipeChange });
  await recipeImagesFeature(app, platform, { afterChange: afterRecipeChange });
  await searchFeature(app, platform, { index: searchIndex });
  await mailOutboxFeature(app, platform);
  await wineKnowledgeFeature(app, platform);

  if (options.serveWeb) await registerWebClient(app, webDist, pageMeta);
  else registerNotFound(app);

  return app;
}
