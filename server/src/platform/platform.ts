import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Cache } from './cache.js';
import type { PubSub } from './pubsub.js';

/** Everything cross-cutting a feature may be given. Built once in main.ts (or buildTestApp). */
export interface Platform {
  config: Config;
  database: Database;
  cache: Cache;
  pubsub: PubSub;
  /** The shared Redis connection when REDIS_URL is set (rate-limit store). */
  redis?: Redis;
  /** Checks Redis when it is configured; undefined otherwise. */
  pingRedis?: () => Promise<void>;
}
