import websocket from '@fastify/websocket';
import { realtimePath } from '@tavola/contracts/realtime';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireUser } from '../auth/guard.js';
import { AppError } from '../errors.js';
import type { Realtime } from './realtime.js';

/** Client frames are small JSON messages (`ping`); anything larger closes the socket (1009). */
const maxClientFrameBytes = 16 * 1024;

/**
 * WebSocket support for the whole app. Register it before every other route: upgrade requests
 * to plain HTTP routes are then closed instead of being answered as HTTP on a raw socket.
 */
export async function registerWebSocketSupport(app: FastifyInstance): Promise<void> {
  await app.register(websocket, {
    options: { maxPayload: maxClientFrameBytes },
    errorHandler: (error, socket, request) => {
      request.log.warn({ err: error }, 'websocket error');
      socket.terminate();
    },
  });
}

export interface RealtimeRouteOptions {
  realtime: Realtime;
  /** config.publicUrl: its origin may open sockets (besides the origin the request was sent to). */
  publicUrl: string;
}

/**
 * GET /api/realtime: the authenticated WebSocket. The checks run in preValidation, before the
 * upgrade, so a refused client gets an HTTP problem+json (401 or 403) instead of a socket.
 */
export function registerRealtimeRoutes(app: FastifyInstance, { realtime, publicUrl }: RealtimeRouteOptions): void {
  const publicOrigin = originOf(publicUrl);
  app.route({
    method: 'GET',
    url: realtimePath,
    preValidation: async (request) => {
      if (!isAllowedOrigin(request, publicOrigin)) {
        throw new AppError('origin_not_allowed', 403, 'WebSocket connections are only accepted from this site');
      }
      requireUser(request);
    },
    handler: async () => {
      throw new AppError('upgrade_required', 426, 'Connect to this address with a WebSocket', undefined, { upgrade: 'websocket' });
    },
    wsHandler: (socket, request) => {
      realtime.attach(socket, { userId: requireUser(request).id, sessionId: request.auth?.sessionId }, request.log);
    },
  });
}

/**
 * Cross-site WebSocket hijacking defence: browsers send the page's Origin with every upgrade and
 * attach cookies regardless, so a socket opened by another site is refused. Clients that send no
 * Origin (native apps, scripts) authenticate with a token and are not exposed to that attack.
 */
function isAllowedOrigin(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  const given = request.headers.origin;
  if (given === undefined) return true;
  const origin = originOf(given);
  if (origin === undefined) return false;
  return origin === publicOrigin || origin === originOf(`${request.protocol}://${request.host}`);
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}
