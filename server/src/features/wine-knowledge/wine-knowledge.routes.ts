import {
  classificationIdParams,
  classificationListSchema,
  classificationSchema,
  grapeIdParams,
  grapeListQuery,
  grapeListSchema,
  grapeSchema,
  regionIdParams,
  regionListQuery,
  regionListSchema,
  regionSchema,
  tastingGuideSchema,
} from '@tavola/contracts/wine-knowledge';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import * as knowledge from './wine-knowledge.service.js';

/** The knowledge base is public facts: no login needed to browse or search it. */
export function registerWineKnowledgeRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['wine'];

  r.get('/api/wine/regions', { schema: { tags, querystring: regionListQuery, response: { 200: regionListSchema } } }, async (request) => ({
    items: await knowledge.listRegions(db, request.query),
  }));

  r.get('/api/wine/regions/:id', { schema: { tags, params: regionIdParams, response: { 200: regionSchema } } }, async (request) => knowledge.getRegion(db, request.params.id));

  r.get('/api/wine/grapes', { schema: { tags, querystring: grapeListQuery, response: { 200: grapeListSchema } } }, async (request) => ({
    items: await knowledge.listGrapes(db, request.query),
  }));

  r.get('/api/wine/grapes/:id', { schema: { tags, params: grapeIdParams, response: { 200: grapeSchema } } }, async (request) => knowledge.getGrape(db, request.params.id));

  r.get('/api/wine/classifications', { schema: { tags, response: { 200: classificationListSchema } } }, async () => ({
    items: await knowledge.listClassifications(db),
  }));

  r.get('/api/wine/classifications/:id', { schema: { tags, params: classificationIdParams, response: { 200: classificationSchema } } }, async (request) =>
    knowledge.getClassification(db, request.params.id),
  );

  r.get('/api/wine/tasting-guide', { schema: { tags, response: { 200: tastingGuideSchema } } }, async () => knowledge.getTastingGuide(db));
}
