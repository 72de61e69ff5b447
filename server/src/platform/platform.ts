import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Cache } from './cache.js';
import type { Jobs } from './jobs/jobs.js';
import type { Mailer } from './mail/mailer.js';
import type { Metrics } from './metrics/metrics.js';
import type { PubSub } from './pubsub.js';
import type { Realtime } from './realtime/realtime.js';

/** Everything cross-cutting a feature may be given. Built once in main.ts (or buildTestApp). */
export interface Platform {
  config: Config;
  database: Database;
  cache: Cache;
  pubsub: PubSub;
  /** Pushes events to users' open sockets on every instance: `realtime.publishToUser(userId, event)`. */
  realtime: Realtime;
  /** Prometheus metrics of this app instance: `metrics.countJob(queue, state)`. */
  metrics: Metrics;
  /** Durable jobs: `jobs.send(name, data, { tx })` inside the write that causes them; `jobs.register` handlers. */
  jobs: Jobs;
  /** `mailer.send(tx, { to, template, data })`: outbox row + delivery job in the caller's transaction. */
  mailer: Mailer;
  /** The shared Redis connection when REDIS_URL is set (rate-limit store). */
  redis?: Redis;
  /** Checks Redis when it is configured; undefined otherwise. */
  pingRedis?: () => Promise<void>;
}
