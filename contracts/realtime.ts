import { z } from 'zod';

/**
 * The realtime WebSocket at GET /api/realtime: one connection per tab, JSON text frames.
 * Features add their own members to `realtimeEventSchema`; until they do they publish the generic
 * `event` member with a topic of their own (`notification`, `message`, `shopping-list`...).
 */
export const realtimePath = '/api/realtime';

/** Sent once the connection is subscribed: events published to the user from now on will arrive. */
export const helloEventSchema = z.object({ type: z.literal('hello'), userId: z.string().min(1) });

/** The server's answer to a client `ping` (browsers cannot see protocol-level ping frames). */
export const pongEventSchema = z.object({ type: z.literal('pong') });

/** A feature's event until it defines a member of its own. */
export const topicEventSchema = z.object({
  type: z.literal('event'),
  topic: z.string().min(1).max(100),
  data: z.unknown(),
});

/** Server -> client. */
export const realtimeEventSchema = z.discriminatedUnion('type', [helloEventSchema, pongEventSchema, topicEventSchema]);
export type RealtimeEvent = z.infer<typeof realtimeEventSchema>;

/**
 * Close code of a socket whose session ended (log-out, revoked session, password change, blocked
 * account): the client should not reconnect until it has logged in again.
 */
export const sessionEndedCloseCode = 4001;

/** Client -> server. Unknown messages are ignored, so newer clients can talk to older servers. */
export const clientPingSchema = z.object({ type: z.literal('ping') });
export const realtimeClientMessageSchema = z.discriminatedUnion('type', [clientPingSchema]);
export type RealtimeClientMessage = z.infer<typeof realtimeClientMessageSchema>;
