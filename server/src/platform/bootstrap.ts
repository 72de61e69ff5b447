import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { type Cache, MemoryCache, RedisCache } from './cache.js';
import { Jobs, type JobsOptions } from './jobs/jobs.js';
import { Mailer } from './mail/mailer.js';
import { Metrics } from './metrics/metrics.js';
import type { Platform } from './platform.js';
import { MemoryPubSub, type PubSub, RedisPubSub } from './pubsub.js';
import { Realtime } from './realtime/realtime.js';

export interface RunningPlatform extends Platform {
  close(): Promise<void>;
}

function connectRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 2000, enableOfflineQueue: true, lazyConnect: false });
}

/** Metrics and realtime sit on top of the cache and pubsub of either mode. */
function buildSharedServices(cache: Cache, pubsub: PubSub): { cache: Cache; pubsub: PubSub; metrics: Metrics; realtime: Realtime } {
  const metrics = new Metrics();
  cache.onLookup = (hit) => metrics.countCacheLookup(hit);
  return { cache, pubsub, metrics, realtime: new Realtime(pubsub) };
}

export interface PlatformOptions {
  /** Job polling and retry timing (tests shorten them). */
  jobs?: Pick<JobsOptions, 'pollingIntervalSeconds' | 'retryDelay' | 'maxConnections'>;
}

/**
 * Builds the cross-cutting services for a config and an open database, and starts the jobs:
 * role `web` only enqueues, roles `worker` and `all` also run the handlers.
 */
export async function createPlatform(config: Config, database: Database, options: PlatformOptions = {}): Promise<RunningPlatform> {
  const base = await createSharedPlatform(config, database);
  const jobs = new Jobs({ database, logger: pino({ level: config.logLevel, name: 'jobs' }), ...options.jobs });
  jobs.subscribe((queue, event) => base.metrics.countJob(queue, event));
  const mailer = new Mailer({ database, jobs, config });
  try {
    await jobs.start({ work: config.role !== 'web' });
  } catch (error) {
    await base.close();
    throw error;
  }
  return {
    ...base,
    jobs,
    mailer,
    close: async () => {
      await jobs.stop();
      mailer.close();
      await base.close();
    },
  };
}

async function createSharedPlatform(config: Config, database: Database): Promise<Omit<RunningPlatform, 'jobs' | 'mailer'>> {
  if (!config.redisUrl) {
    const shared = buildSharedServices(new MemoryCache(), new MemoryPubSub());
    return {
      config,
      database,
      ...shared,
      close: async () => {
        await shared.realtime.close();
        await shared.pubsub.close();
      },
    };
  }
  const redis = connectRedis(config.redisUrl);
  const pubsub = new RedisPubSub(connectRedis(config.redisUrl), connectRedis(config.redisUrl), `${config.redisPrefix}ps:`);
  const shared = buildSharedServices(new RedisCache(redis, `${config.redisPrefix}cache:`), pubsub);
  return {
    config,
    database,
    redis,
    ...shared,
    pingRedis: async () => {
      await redis.ping();
    },
    close: async () => {
      await shared.realtime.close();
      await pubsub.close();
      redis.disconnect();
    },
  };
}
