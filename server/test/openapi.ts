import path from 'node:path';
import type { FastifyInstance } from 'fastify';

export const openApiPath = path.resolve(import.meta.dirname, '../openapi.json');

export function renderOpenApi(app: FastifyInstance): string {
  return `${JSON.stringify(app.swagger(), null, 2)}\n`;
}
