import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 generated from the routes' Zod schemas, served at /api/openapi.json (and committed as server/openapi.json). */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tavola API', version: '0.1.0', description: 'Cook and drink well together. Errors are RFC 9457 problem+json.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tavola_session', description: 'Browser session; writes also need the x-csrf-token header.' },
          token: { type: 'http', scheme: 'bearer', description: 'Personal API token (read or read+write scope).' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
    hideUntagged: true,
  });
  app.get('/api/openapi.json', { config: { rateLimit: false } }, async () => app.swagger());
}
