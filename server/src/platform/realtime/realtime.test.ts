import type { AddressInfo } from 'node:net';
import { type RealtimeEvent, realtimeEventSchema, realtimePath, sessionEndedCloseCode } from '@tavola/contracts/realtime';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { buildTestApp, type TestApp, testConfig, testEnv } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { makeUser } from '../../../test/factories.js';
import { createPlatform, type RunningPlatform } from '../bootstrap.js';
import { registerProblemHandler } from '../problem.js';
import { MemoryPubSub, type PubSub } from '../pubsub.js';
import { Realtime } from './realtime.js';
import { registerRealtimeRoutes, registerWebSocketSupport } from './realtime.routes.js';

const publicUrl = 'https://tavola.example';
const userA = '0b8f7a52-3c1e-4d2a-9f55-6f0d3c2b1a01';
const userB = '5e1d2c3b-4a59-4876-8b2c-1d0e9f8a7b02';

/**
 * A bare app with the realtime route. Authentication comes from test-only `x-test-user` and
 * `x-test-session` headers; the real auth plugin fills `request.auth` the same way, in an onRequest hook.
 */
async function startInstance(realtime: Realtime): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  registerProblemHandler(app);
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const id = request.headers['x-test-user'];
    if (typeof id !== 'string') return;
    const sessionId = request.headers['x-test-session'];
    request.auth = {
      user: { id, email: `${id}@example.test`, username: id.slice(0, 8), displayName: null, unitSystem: 'metric', role: 'user', emailVerified: true, createdAt: new Date() },
      ...(typeof sessionId === 'string' ? { via: 'session', sessionId, scopes: ['read', 'write'] } : { via: 'token', scopes: ['read'] }),
    };
  });
  await registerWebSocketSupport(app);
  registerRealtimeRoutes(app, { realtime, publicUrl });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}${realtimePath}` };
}

/** A client socket that queues the events it receives. */
class TestClient {
  readonly events: RealtimeEvent[] = [];
  private waiting: (() => void) | undefined;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.events.push(realtimeEventSchema.parse(JSON.parse(String(data))));
      this.waiting?.();
    });
  }

  static open(url: string, headers: Record<string, string>, options: WebSocket.ClientOptions = {}): Promise<TestClient> {
    const socket = new WebSocket(url, { headers, ...options });
    const client = new TestClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
      socket.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused: ${response.statusCode}`)));
    });
  }

  /** Opens a socket for `userId` (in session `sessionId`, if given) and waits for its `hello`. */
  static async connect(url: string, userId: string, sessionId?: string): Promise<TestClient> {
    const client = await TestClient.open(url, { 'x-test-user': userId, ...(sessionId ? { 'x-test-session': sessionId } : {}) });
    expect(await client.next()).toEqual({ type: 'hello', userId });
    return client;
  }

  async next(timeoutMs = 3000): Promise<RealtimeEvent> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('no realtime event arrived');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiting = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.events.shift() as RealtimeEvent;
  }

  closed(): Promise<number> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve(-1);
    return new Promise((resolve) => this.socket.once('close', (code) => resolve(code)));
  }

  close(): void {
    this.socket.close();
  }
}

/** Attempts an upgrade that should be refused; returns the HTTP answer. */
function refusedUpgrade(url: string, headers: Record<string, string>): Promise<{ status: number; contentType: string; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => reject(new Error('the upgrade was accepted')));
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type']), body: JSON.parse(body) }));
    });
    socket.once('error', () => undefined);
  });
}

const topicEvent = (topic: string, data: unknown) => ({ type: 'event' as const, topic, data });
const clients: TestClient[] = [];
const apps: FastifyInstance[] = [];

async function connect(url: string, userId: string, sessionId?: string): Promise<TestClient> {
  const client = await TestClient.connect(url, userId, sessionId);
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** Counts subscribe/unsubscribe calls reaching the PubSub. */
function countingPubSub(inner: PubSub): PubSub & { subscribes: number; unsubscribes: number } {
  const counting = {
    subscribes: 0,
    unsubscribes: 0,
    publish: (channel: string, message: unknown) => inner.publish(channel, message),
    subscribe: async (channel: string, handler: (message: unknown) => void) => {
      counting.subscribes += 1;
      const unsubscribe = await inner.subscribe(channel, handler);
      return async () => {
        counting.unsubscribes += 1;
        await unsubscribe();
      };
    },
    close: () => inner.close(),
  };
  return counting;
}

describe('realtime socket on one instance', () => {
  it('refuses an unauthenticated upgrade with a 401 problem', async () => {
    const { app, url } = await startInstance(new Realtime(new MemoryPubSub()));
    apps.push(app);
    const refused = await refusedUpgrade(url, {});
    expect(refused.status).toBe(401);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('refuses an upgrade from another site, accepts the public origin and the request host', async () => {
    const { app, url } = await startInstance(new Realtime(new MemoryPubSub()));
    apps.push(app);
    const crossSite = await refusedUpgrade(url, { 'x-test-user': userA, origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toMatchObject({ code: 'origin_not_allowed' });
    expect((await refusedUpgrade(url, { 'x-test-user': userA, origin: 'null' })).status).toBe(403);

    const fromPublicUrl = await TestClient.open(url, { 'x-test-user': userA, origin: publicUrl });
    clients.push(fromPublicUrl);
    expect(await fromPublicUrl.next()).toEqual({ type: 'hello', userId: userA });
    const sameHost = await TestClient.open(url, { 'x-test-user': userA, origin: new URL(url.replace('ws:', 'http:')).origin });
    clients.push(sameHost);
    expect(await sameHost.next()).toEqual({ type: 'hello', userId: userA });
  });

  it("says hello, then delivers the user's events and none of another user's", async () => {
    const realtime = new Realtime(new MemoryPubSub());
    const { app, url } = await startInstance(realtime);
    apps.push(app);
    const alice = await connect(url, userA);
    const bob = await connect(url, userB);

    await realtime.publishToUser(userB, topicEvent('notification', { text: 'for bob' }));
    await realtime.publishToUser(userA, topicEvent('notification', { text: 'for alice' }));

    expect(await alice.next()).toEqual(topicEvent('notification', { text: 'for alice' }));
    expect(await bob.next()).toEqual(topicEvent('notification', { text: 'for bob' }));
    await realtime.publishToUsers([userA, userB, userA], topicEvent('shopping-list', { listId: 7 }));
    expect(await alice.next()).toEqual(topicEvent('shopping-list', { listId: 7 }));
    expect(await bob.next()).toEqual(topicEvent('shopping-list', { listId: 7 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alice.events).toEqual([]);
    expect(bob.events).toEqual([]);
  });

  it('answers an authenticated plain HTTP request with 426 Upgrade Required', async () => {
    const { app } = await startInstance(new Realtime(new MemoryPubSub()));
    apps.push(app);
    const res = await app.inject({ url: realtimePath, headers: { 'x-test-user': userA } });
    expect(res.statusCode).toBe(426);
    expect(res.headers.upgrade).toBe('websocket');
    expect(res.json()).toMatchObject({ status: 426, code: 'upgrade_required' });
  });

  it('answers a client ping with pong and ignores messages it does not know', async () => {
    const { app, url } = await startInstance(new Realtime(new MemoryPubSub()));
    apps.push(app);
    const alice = await connect(url, userA);
    alice.socket.send('not json');
    alice.socket.send(JSON.stringify({ type: 'subscribe', topic: 'everything' }));
    alice.socket.send(JSON.stringify({ type: 'ping' }));
    expect(await alice.next()).toEqual({ type: 'pong' });
  });

  it("shares one subscription among a user's sockets and ends it when the last one closes", async () => {
    const pubsub = countingPubSub(new MemoryPubSub());
    const realtime = new Realtime(pubsub);
    const { app, url } = await startInstance(realtime);
    apps.push(app);
    const tab1 = await connect(url, userA);
    const tab2 = await connect(url, userA);
    expect(pubsub.subscribes).toBe(1);
    expect(realtime.subscribedUserCount).toBe(1);

    tab1.close();
    await vi.waitFor(() => expect(realtime.connectionCount).toBe(1));
    await realtime.publishToUser(userA, topicEvent('message', { id: 1 }));
    expect(await tab2.next()).toEqual(topicEvent('message', { id: 1 }));
    expect(pubsub.unsubscribes).toBe(0);

    tab2.close();
    await vi.waitFor(() => expect(pubsub.unsubscribes).toBe(1));
    expect(realtime.subscribedUserCount).toBe(0);
    await connect(url, userA);
    expect(pubsub.subscribes).toBe(2);
  });

  it('terminates a socket that stops answering pings and keeps one that answers', async () => {
    const realtime = new Realtime(new MemoryPubSub(), { heartbeatMs: 40 });
    const { app, url } = await startInstance(realtime);
    apps.push(app);
    const silent = await TestClient.open(url, { 'x-test-user': userA }, { autoPong: false });
    clients.push(silent);
    const healthy = await connect(url, userB);

    expect(await silent.closed()).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(healthy.socket.readyState).toBe(WebSocket.OPEN);
    expect(realtime.connectionCount).toBe(1);
  });

  it('refuses to publish an event that breaks the contract', async () => {
    const realtime = new Realtime(new MemoryPubSub());
    await expect(realtime.publishToUser(userA, { type: 'event', topic: '', data: null })).rejects.toThrow();
  });
});

describe('realtime fan-out across instances sharing one in-process PubSub', () => {
  it('delivers an event published on instance A to a socket held by instance B', async () => {
    const pubsub = new MemoryPubSub();
    const instanceA = new Realtime(pubsub);
    const instanceB = new Realtime(pubsub);
    const a = await startInstance(instanceA);
    const b = await startInstance(instanceB);
    apps.push(a.app, b.app);
    const aliceOnB = await connect(b.url, userA);
    const bobOnA = await connect(a.url, userB);

    await instanceA.publishToUser(userA, topicEvent('message', { from: 'instance A' }));
    expect(await aliceOnB.next()).toEqual(topicEvent('message', { from: 'instance A' }));
    await instanceB.publishToUser(userB, topicEvent('message', { from: 'instance B' }));
    expect(await bobOnA.next()).toEqual(topicEvent('message', { from: 'instance B' }));
    expect(aliceOnB.events).toEqual([]);
  });

  it("closes the sockets of an ended session on every instance, and the rest of the user's on request", async () => {
    const pubsub = new MemoryPubSub();
    const instanceA = new Realtime(pubsub);
    const instanceB = new Realtime(pubsub);
    const a = await startInstance(instanceA);
    const b = await startInstance(instanceB);
    apps.push(a.app, b.app);
    const laptop = await connect(b.url, userA, 'session-laptop');
    const phone = await connect(a.url, userA, 'session-phone');
    const bob = await connect(b.url, userB, 'session-bob');

    await instanceA.disconnectUser(userA, 'session-laptop');
    expect(await laptop.closed()).toBe(sessionEndedCloseCode);
    await instanceA.publishToUser(userA, topicEvent('message', { still: 'here' }));
    expect(await phone.next()).toEqual(topicEvent('message', { still: 'here' }));

    await instanceB.disconnectUser(userA);
    expect(await phone.closed()).toBe(sessionEndedCloseCode);
    expect(bob.socket.readyState).toBe(WebSocket.OPEN);
    await vi.waitFor(() => expect(instanceA.subscribedUserCount + instanceB.subscribedUserCount).toBe(1));
  });
});

describe.runIf(testEnv.redisUrl)('realtime fan-out across instances through Redis', () => {
  let database: TestDatabase;
  const platforms: RunningPlatform[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(testEnv.databaseUrl);
    const shared = testConfig();
    for (let i = 0; i < 2; i++) platforms.push(await createPlatform(testConfig({ REDIS_PREFIX: shared.redisPrefix }), database.database));
  });
  afterAll(async () => {
    await Promise.all(platforms.map((platform) => platform.close()));
    await database.database.close();
    await database.drop();
  });

  it('delivers an event published on platform A to a socket connected to platform B', async () => {
    const [platformA, platformB] = platforms as [RunningPlatform, RunningPlatform];
    const b = await startInstance(platformB.realtime);
    apps.push(b.app);
    const aliceOnB = await connect(b.url, userA);
    const bobOnB = await connect(b.url, userB);

    await platformA.realtime.publishToUser(userA, topicEvent('notification', { via: 'redis' }));
    expect(await aliceOnB.next()).toEqual(topicEvent('notification', { via: 'redis' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bobOnB.events).toEqual([]);
  });
});

describe('realtime route in the assembled app', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await buildTestApp({ env: { PUBLIC_URL: publicUrl } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    url = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}${realtimePath}`;
  });
  afterAll(() => t.close());

  it('exposes Realtime on the platform and refuses upgrades without a session or from another site', async () => {
    expect(t.platform.realtime).toBeInstanceOf(Realtime);
    expect((await refusedUpgrade(url, {})).status).toBe(401);
    expect((await refusedUpgrade(url, { origin: 'https://evil.example' })).body).toMatchObject({ status: 403, code: 'origin_not_allowed' });
  });

  it('authenticates the upgrade with the session cookie through the real auth plugin', async () => {
    const user = await makeUser(t);
    const sameSite = new URL(url.replace('ws:', 'http:')).origin;
    expect((await refusedUpgrade(url, { cookie: user.cookie, origin: 'https://evil.example' })).status).toBe(403);

    const client = await TestClient.open(url, { cookie: user.cookie, origin: sameSite });
    clients.push(client);
    expect(await client.next()).toEqual({ type: 'hello', userId: user.id });
    await t.platform.realtime.publishToUser(user.id, topicEvent('notification', { real: true }));
    expect(await client.next()).toEqual(topicEvent('notification', { real: true }));

    await t.platform.realtime.disconnectUser(user.id);
    expect(await client.closed()).toBe(sessionEndedCloseCode);
  });
});
