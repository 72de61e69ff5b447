import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { MemoryCache, RedisCache } from './cache.js';
import type { Platform } from './platform.js';
import { MemoryPubSub, RedisPubSub } from './pubsub.js';

export interface RunningPlatform extends Platform {
  close(): Promise<void>;
}

function connectRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 2000, enableOfflineQueue: true, lazyConnect: false });
}

/** Builds the cross-cutting services for a config and an open database. */
export async function createPlatform(config: Config, database: Database): Promise<RunningPlatform> {
  if (!config.redisUrl) {
    const pubsub = new MemoryPubSub();
    return { config, database, cache: new MemoryCache(), pubsub, close: () => pubsub.close() };
  }
  const redis = connectRedis(config.redisUrl);
  const pubsub = new RedisPubSub(connectRedis(config.redisUrl), connectRedis(config.redisUrl), `${config.redisPrefix}ps:`);
  return {
    config,
    database,
    redis,
    cache: new RedisCache(redis, `${config.redisPrefix}cache:`),
    pubsub,
    pingRedis: async () => {
      await redis.ping();
    },
    close: async () => {
      await pubsub.close();
      redis.disconnect();
    },
  };
}
