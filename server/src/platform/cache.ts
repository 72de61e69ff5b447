import type { Redis } from 'ioredis';

/** Key-value cache with TTLs; in-process by default, Redis when REDIS_URL is set. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Increments a counter; the TTL starts with the first increment of a window. */
  incr(key: string, ttlMs: number): Promise<number>;
  /** Remaining lifetime in ms, or 0 when the key is absent. */
  ttl(key: string): Promise<number>;
  /** Reports hits and misses of get() to whoever listens (metrics). */
  onLookup?: (hit: boolean) => void;
}

interface Entry {
  value: unknown;
  expiresAt: number;
}

export class MemoryCache implements Cache {
  private readonly entries = new Map<string, Entry>();
  onLookup?: (hit: boolean) => void;

  constructor(private readonly now: () => number = Date.now) {}

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.live(key);
    this.onLookup?.(entry !== undefined);
    return entry ? (structuredClone(entry.value) as T) : undefined;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.entries.set(key, { value: structuredClone(value), expiresAt: this.now() + ttlMs });
  }

  async del(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async incr(key: string, ttlMs: number): Promise<number> {
    const entry = this.live(key);
    const next = (typeof entry?.value === 'number' ? entry.value : 0) + 1;
    this.entries.set(key, { value: next, expiresAt: entry?.expiresAt ?? this.now() + ttlMs });
    return next;
  }

  async ttl(key: string): Promise<number> {
    const entry = this.live(key);
    return entry ? entry.expiresAt - this.now() : 0;
  }
}

export class RedisCache implements Cache {
  onLookup?: (hit: boolean) => void;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'tavola:cache:',
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.redis.get(this.prefix + key);
    this.onLookup?.(raw !== null);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async del(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async incr(key: string, ttlMs: number): Promise<number> {
    const k = this.prefix + key;
    const [[, count]] = (await this.redis.multi().incr(k).pexpire(k, Math.max(1, Math.round(ttlMs)), 'NX').exec()) as [[null, number]];
    return count;
  }

  async ttl(key: string): Promise<number> {
    const ms = await this.redis.pttl(this.prefix + key);
    return ms > 0 ? ms : 0;
  }
}
