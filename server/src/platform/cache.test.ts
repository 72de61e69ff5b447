import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../test/app.js';
import { randomToken } from './crypto.js';
import { type Cache, MemoryCache, RedisCache } from './cache.js';
import { MemoryPubSub, type PubSub, RedisPubSub } from './pubsub.js';

const redisClients: Redis[] = [];
const redis = () => {
  const client = new Redis(testEnv.redisUrl as string);
  redisClients.push(client);
  return client;
};
afterAll(() => {
  for (const c of redisClients) c.disconnect();
});

function cacheContract(name: string, make: () => { cache: Cache; advance?: (ms: number) => void }) {
  describe(`${name} cache`, () => {
    it('stores, reads, deletes and reports hits and misses', async () => {
      const { cache } = make();
      const lookups: boolean[] = [];
      cache.onLookup = (hit) => lookups.push(hit);
      expect(await cache.get('k')).toBeUndefined();
      await cache.set('k', { a: 1 }, 60_000);
      expect(await cache.get('k')).toEqual({ a: 1 });
      await cache.del('k');
      expect(await cache.get('k')).toBeUndefined();
      expect(lookups).toEqual([false, true, false]);
    });

    it('counts within a window that starts with the first increment', async () => {
      const { cache } = make();
      expect(await cache.incr('c', 60_000)).toBe(1);
      expect(await cache.incr('c', 60_000)).toBe(2);
      const ttl = await cache.ttl('c');
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
      expect(await cache.ttl('absent')).toBe(0);
    });
  });
}

cacheContract('memory', () => ({ cache: new MemoryCache() }));
describe.runIf(testEnv.redisUrl)('with Redis', () => {
  cacheContract('Redis', () => ({ cache: new RedisCache(redis(), `t${randomToken(6)}:`) }));
});

describe('memory cache expiry', () => {
  it('forgets entries after their TTL and returns copies, not references', async () => {
    let now = 1_000;
    const cache = new MemoryCache(() => now);
    const value = { list: [1] };
    await cache.set('k', value, 100);
    value.list.push(2);
    expect(await cache.get('k')).toEqual({ list: [1] });
    now += 101;
    expect(await cache.get('k')).toBeUndefined();
    expect(await cache.incr('n', 100)).toBe(1);
    now += 101;
    expect(await cache.incr('n', 100)).toBe(1);
  });
});

function pubsubContract(name: string, make: () => { a: PubSub; b: PubSub }) {
  describe(`${name} pub/sub`, () => {
    it('delivers to subscribers of the channel only, until they unsubscribe', async () => {
      const { a, b } = make();
      const got: unknown[] = [];
      const channel = `ch-${randomToken(4)}`;
      const off = await b.subscribe(channel, (m) => got.push(m));
      const offOther = await b.subscribe(`${channel}-other`, (m) => got.push(['other', m]));
      await a.publish(channel, { n: 1 });
      await expect.poll(() => got).toEqual([{ n: 1 }]);
      await off();
      await offOther();
      await a.publish(channel, { n: 2 });
      await new Promise((r) => setTimeout(r, 100));
      expect(got).toEqual([{ n: 1 }]);
      await a.close();
      if (b !== a) await b.close();
    });
  });
}

pubsubContract('memory', () => {
  const shared = new MemoryPubSub();
  return { a: shared, b: shared };
});
describe.runIf(testEnv.redisUrl)('with Redis', () => {
  pubsubContract('Redis (two instances)', () => {
    const prefix = `t${randomToken(6)}:`;
    return { a: new RedisPubSub(redis(), redis(), prefix), b: new RedisPubSub(redis(), redis(), prefix) };
  });
});
