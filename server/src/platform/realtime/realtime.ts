import type { WebSocket } from '@fastify/websocket';
import { type RealtimeEvent, realtimeClientMessageSchema, realtimeEventSchema, sessionEndedCloseCode } from '@tavola/contracts/realtime';
import type { PubSub } from '../pubsub.js';
import { endSessionMessage, type LeaveChannel, UserChannels, userChannelName } from './user-channels.js';

/** Events a feature may publish; `hello` and `pong` belong to the connection itself. */
export type PublishableEvent = Exclude<RealtimeEvent, { type: 'hello' | 'pong' }>;

export interface RealtimeOptions {
  /** How often sockets are pinged; a socket that has not answered the previous ping is terminated. */
  heartbeatMs?: number;
  /** A socket with more unsent bytes than this cannot keep up and is closed (the client reconnects and refetches). */
  maxBufferedBytes?: number;
}

/** Where a connection reports trouble: the request's logger. */
export interface RealtimeLogger {
  warn(details: object, message: string): void;
  debug(details: object, message: string): void;
}

/** Who holds a socket: the user, and the session it was opened with (none for API tokens). */
export interface SocketOwner {
  userId: string;
  sessionId?: string;
}

interface Connection extends SocketOwner {
  socket: WebSocket;
  alive: boolean;
  log: RealtimeLogger;
}

const OPEN = 1;
const closeCodes = { goingAway: 1001, tryAgainLater: 1013 } as const;
const pongFrame = JSON.stringify({ type: 'pong' } satisfies RealtimeEvent);

/**
 * Pushes events to a user's open sockets on every instance. Features call `publishToUser`;
 * the event travels over PubSub channel `user:<id>` (Redis when REDIS_URL is set), and each
 * instance delivers it to the sockets it holds for that user.
 */
export class Realtime {
  readonly heartbeatMs: number;
  private readonly maxBufferedBytes: number;
  private readonly channels: UserChannels;
  private readonly connections = new Set<Connection>();
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly pubsub: PubSub,
    options: RealtimeOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? 30_000;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 4 * 1024 * 1024;
    this.channels = new UserChannels(pubsub);
  }

  /** Sends `event` to every socket of `userId`, whichever instance holds it. Fire-and-forget: offline users miss it. */
  async publishToUser(userId: string, event: PublishableEvent): Promise<void> {
    const checked = realtimeEventSchema.parse(event);
    await this.pubsub.publish(userChannelName(userId), checked);
  }

  /** Sends the same event to several users (each at most once). */
  async publishToUsers(userIds: Iterable<string>, event: PublishableEvent): Promise<void> {
    const checked = realtimeEventSchema.parse(event);
    await Promise.all([...new Set(userIds)].map((userId) => this.pubsub.publish(userChannelName(userId), checked)));
  }

  /**
   * Closes the user's sockets on every instance: those opened with session `sessionId`, or all of
   * them when it is omitted. Call it when a session ends (log-out, revocation, password change,
   * blocked or deleted account) so that a revoked session stops receiving events at once.
   */
  async disconnectUser(userId: string, sessionId?: string): Promise<void> {
    await this.pubsub.publish(userChannelName(userId), endSessionMessage(sessionId));
  }

  /** Sockets open on this instance. */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** Users with at least one socket on this instance (one PubSub subscription each). */
  get subscribedUserCount(): number {
    return this.channels.size;
  }

  /**
   * Takes over an authenticated socket: listeners are attached synchronously (no message is
   * lost), then the user's channel is joined and `hello` is sent once events can arrive.
   */
  attach(socket: WebSocket, owner: SocketOwner, log: RealtimeLogger): void {
    if (this.closed) {
      socket.close(closeCodes.goingAway, 'server shutting down');
      return;
    }
    const { userId, sessionId } = owner;
    const connection: Connection = { socket, userId, sessionId, alive: true, log };
    this.connections.add(connection);
    this.startHeartbeat();

    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('message', (data, isBinary) => {
      connection.alive = true;
      if (!isBinary) this.answer(connection, data);
    });

    const receiver = {
      deliver: (_event: RealtimeEvent, frame: string) => this.send(connection, frame),
      endSession: (ended: string | undefined) => {
        if (ended === undefined || ended === sessionId) socket.close(sessionEndedCloseCode, 'session ended');
      },
    };
    const joined: Promise<LeaveChannel | undefined> = this.channels
      .join(userId, receiver)
      .then(
        (leave) => {
          this.send(connection, JSON.stringify({ type: 'hello', userId } satisfies RealtimeEvent));
          return leave;
        },
        (error: unknown) => {
          log.warn({ err: error, userId }, 'realtime subscription failed');
          socket.close(closeCodes.tryAgainLater, 'subscription failed');
          return undefined;
        },
      );

    socket.on('close', () => {
      this.connections.delete(connection);
      if (this.connections.size === 0) this.stopHeartbeat();
      void joined
        .then((leave) => leave?.())
        .catch((error: unknown) => log.warn({ err: error, userId }, 'realtime unsubscribe failed'));
    });
  }

  /** Closes every socket and subscription of this instance (shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    this.stopHeartbeat();
    for (const connection of this.connections) connection.socket.close(closeCodes.goingAway, 'server shutting down');
    this.connections.clear();
    await this.channels.close();
  }

  private send(connection: Connection, frame: string): void {
    const { socket } = connection;
    if (socket.readyState !== OPEN) return;
    if (socket.bufferedAmount > this.maxBufferedBytes) {
      connection.log.warn({ userId: connection.userId, buffered: socket.bufferedAmount }, 'realtime socket too slow; closing');
      socket.terminate();
      return;
    }
    socket.send(frame);
  }

  private answer(connection: Connection, data: Buffer | ArrayBuffer | Buffer[]): void {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data));
    const text = bytes.toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      connection.log.debug({ userId: connection.userId }, 'realtime message is not JSON; ignored');
      return;
    }
    const message = realtimeClientMessageSchema.safeParse(json);
    if (!message.success) {
      connection.log.debug({ userId: connection.userId }, 'unknown realtime message; ignored');
      return;
    }
    if (message.data.type === 'ping') this.send(connection, pongFrame);
  }

  private startHeartbeat(): void {
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => this.checkLiveness(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** A socket that did not answer the previous ping (nor sent anything since) is dead: terminate it. */
  private checkLiveness(): void {
    for (const connection of this.connections) {
      if (!connection.alive) {
        connection.log.debug({ userId: connection.userId }, 'realtime socket missed its heartbeat; terminating');
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      if (connection.socket.readyState === OPEN) connection.socket.ping();
    }
  }
}
