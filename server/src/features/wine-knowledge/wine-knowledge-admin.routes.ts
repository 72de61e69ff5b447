import { createGrapeBody, createRegionBody, grapeIdParams, grapeSchema, regionIdParams, regionSchema, updateGrapeBody, updateRegionBody } from '@tavola/contracts/wine-knowledge';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { requireRole } from '../../platform/auth/guard.js';
import * as admin from './wine-knowledge-admin.service.js';

/** Admins correct and extend the regions and grapes; every change is audited. */
export function registerWineKnowledgeAdminRoutes(app: FastifyInstance, db: Db): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['wine', 'admin'];

  r.post('/api/wine/regions', { schema: { tags, body: createRegionBody, response: { 201: regionSchema } } }, async (request, reply) => {
    const actor = requireRole(request, 'admin');
    reply.status(201);
    return admin.createRegion(db, request.body, { actorId: actor.id, ip: request.ip });
  });

  r.patch('/api/wine/regions/:id', { schema: { tags, params: regionIdParams, body: updateRegionBody, response: { 200: regionSchema } } }, async (request) => {
    const actor = requireRole(request, 'admin');
    return admin.updateRegion(db, request.params.id, request.body, { actorId: actor.id, ip: request.ip });
  });

  r.post('/api/wine/grapes', { schema: { tags, body: createGrapeBody, response: { 201: grapeSchema } } }, async (request, reply) => {
    const actor = requireRole(request, 'admin');
    reply.status(201);
    return admin.createGrape(db, request.body, { actorId: actor.id, ip: request.ip });
  });

  r.patch('/api/wine/grapes/:id', { schema: { tags, params: grapeIdParams, body: updateGrapeBody, response: { 200: grapeSchema } } }, async (request) => {
    const actor = requireRole(request, 'admin');
    return admin.updateGrape(db, request.params.id, request.body, { actorId: actor.id, ip: request.ip });
  });
}
