import PgBoss from 'pg-boss';
import type { Database, DbOrTx } from '../../db/client.js';
import { txExecutor } from '../../db/tx-executor.js';
import { type FetchedJob, QueueWorker } from './queue-worker.js';

/** What became of one run of a job: done, failed for good, or failed and scheduled again. */
export type JobEvent = 'completed' | 'failed' | 'retry';
export type JobEventListener = (queue: string, event: JobEvent, info: { durationMs: number }) => void;

/** What a handler knows about the run it is in. */
export interface JobRun {
  id: string;
  queue: string;
  /** 1 for the first run, 2 for the first retry... */
  attempt: number;
  retryLimit: number;
  /** When this run fails, the job fails for good. */
  isLastAttempt: boolean;
}

/** Throwing (or rejecting) fails the run; pg-boss retries it with backoff until `retryLimit`. */
export type JobHandler<T> = (data: T, run: JobRun) => Promise<unknown>;

export interface QueueOptions {
  /** Retries after the first run (default: the Jobs default, 5). */
  retryLimit?: number;
  /** Seconds before the first retry; doubled (with jitter) at each retry when `retryBackoff`. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A run still active after this long is failed (and retried). Default 15 minutes. */
  expireInSeconds?: number;
  /** Parallel runs of this queue in one worker process. Default 1. */
  concurrency?: number;
  /**
   * pg-boss queue policy. `standard` (default) keeps every job; `short` keeps one queued job per
   * singletonKey; `singleton` runs one job per key at a time; `stately` both.
   */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
}

export interface SendOptions {
  /** Enqueue inside this transaction: the job exists only if it commits. */
  tx?: DbOrTx;
  /** A date, or seconds from now. */
  startAfter?: Date | number;
  /** Deduplicates according to the queue's policy. */
  singletonKey?: string;
}

export interface JobsLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobsOptions {
  database: Database;
  logger: JobsLogger;
  /** How often an idle worker asks for work; pg-boss's minimum is 0.5. Default 2. */
  pollingIntervalSeconds?: number;
  /** Defaults of queues that do not set their own. */
  retryLimit?: number;
  retryDelay?: number;
  /** Size of pg-boss's own connection pool on PostgreSQL. Default 5. */
  maxConnections?: number;
  onEvent?: JobEventListener;
}

interface Queue {
  handler: JobHandler<object>;
  options: QueueOptions;
  /** Resolves when the queue exists in the database. */
  ready: Promise<void>;
  workers: QueueWorker[];
}

const jobEvents: readonly JobEvent[] = ['completed', 'failed', 'retry'];

/**
 * Durable jobs on pg-boss, on PGlite (through `database.executeSql`) and on PostgreSQL.
 * `register` handlers, `start({ work })` (web instances send only; workers also run handlers),
 * `send` from services inside their transaction, `stop` on shutdown.
 */
export class Jobs {
  readonly #database: Database;
  readonly #logger: JobsLogger;
  readonly #pollingIntervalMs: number;
  readonly #defaults: { retryLimit: number; retryDelay: number };
  readonly #maxConnections: number;
  readonly #queues = new Map<string, Queue>();
  readonly #listeners = new Set<JobEventListener>();
  readonly #counts = new Map<string, Record<JobEvent, number>>();
  #boss: PgBoss | undefined;
  #working = false;

  constructor(options: JobsOptions) {
    this.#database = options.database;
    this.#logger = options.logger;
    this.#pollingIntervalMs = Math.max(0.5, options.pollingIntervalSeconds ?? 2) * 1000;
    this.#defaults = { retryLimit: options.retryLimit ?? 5, retryDelay: options.retryDelay ?? 30 };
    this.#maxConnections = options.maxConnections ?? 5;
    if (options.onEvent) this.#listeners.add(options.onEvent);
  }

  /**
   * Declares a queue and its handler. Before `start` it is recorded; after `start` (a feature plugin
   * registering during app start-up) the returned promise resolves once the queue exists and, on a
   * worker, is being worked: await it. Registering a name again replaces its handler.
   */
  register<T extends object>(name: string, handler: JobHandler<T>, options: QueueOptions = {}): Promise<void> {
    const existing = this.#queues.get(name);
    if (existing) {
      existing.handler = handler as JobHandler<object>;
      return existing.ready;
    }
    const queue: Queue = { handler: handler as JobHandler<object>, options, ready: Promise.resolve(), workers: [] };
    this.#queues.set(name, queue);
    if (this.#boss) {
      queue.ready = this.#activate(this.#boss, name, queue);
      queue.ready.catch((error) => this.#logger.error({ err: error, queue: name }, 'could not create a job queue'));
    }
    return queue.ready;
  }

  /**
   * Enqueues a job; returns its id, or null when the queue's policy dropped it as a duplicate.
   * Inside a transaction always pass it as `tx`: PGlite runs one transaction at a time, so a send
   * beside it would wait for it forever.
   */
  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    const boss = this.#started();
    const queue = this.#queues.get(name);
    if (!queue) throw new Error(`No job queue "${name}" is registered`);
    await queue.ready;
    const sendOptions: PgBoss.SendOptions = {};
    if (options.startAfter !== undefined) sendOptions.startAfter = options.startAfter;
    if (options.singletonKey !== undefined) sendOptions.singletonKey = options.singletonKey;
    if (options.tx) sendOptions.db = txExecutor(options.tx);
    const id = await boss.send(name, data, sendOptions);
    // Outside a transaction the job is visible at once: wake a local worker instead of waiting for its poll.
    if (id && !options.tx && options.startAfter === undefined) queue.workers[0]?.notify();
    return id;
  }

  /** Installs or migrates pg-boss's schema, creates the registered queues and, with `work`, runs their handlers. */
  async start({ work }: { work: boolean }): Promise<void> {
    if (this.#boss) throw new Error('Jobs are already started');
    const { driver, url } = this.#database;
    const boss = new PgBoss({
      ...(driver === 'pg' ? { connectionString: url, max: this.#maxConnections } : { db: this.#database }),
      application_name: 'tavola-jobs',
      migrate: true,
      // Maintenance (expiring stuck runs, archiving, deleting) belongs to worker processes.
      supervise: work,
      schedule: false,
      retryLimit: this.#defaults.retryLimit,
      retryDelay: this.#defaults.retryDelay,
      retryBackoff: true,
    });
    boss.on('error', (error) => this.#logger.error({ err: error }, 'pg-boss error'));
    await boss.start();
    this.#boss = boss;
    this.#working = work;
    for (const [name, queue] of this.#queues) queue.ready = this.#activate(boss, name, queue);
    await Promise.all([...this.#queues.values()].map((queue) => queue.ready));
  }

  /** Lets running jobs finish, stops the workers, then pg-boss (closing its own pool on PostgreSQL). */
  async stop(): Promise<void> {
    const boss = this.#boss;
    if (!boss) return;
    this.#boss = undefined;
    const workers = [...this.#queues.values()].flatMap((queue) => queue.workers.splice(0));
    await Promise.all(workers.map((worker) => worker.stop()));
    await boss.stop({ graceful: false, close: true, wait: true });
  }

  /** Listens to job outcomes (metrics); returns the function that stops listening. */
  subscribe(listener: JobEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Outcomes counted by this process since it started, per queue. */
  stats(): Record<string, Record<JobEvent, number>> {
    return Object.fromEntries([...this.#counts].map(([queue, counts]) => [queue, { ...counts }]));
  }

  /** A job's state, or null when it does not exist (never sent, rolled back, or deleted). */
  async findJob(name: string, id: string): Promise<{ state: string; retryCount: number; data: object } | null> {
    const job = await this.#started().getJobById<object>(name, id, { includeArchive: true });
    return job ? { state: job.state, retryCount: job.retryCount, data: job.data } : null;
  }

  #started(): PgBoss {
    if (!this.#boss) throw new Error('Jobs are not started');
    return this.#boss;
  }

  async #activate(boss: PgBoss, name: string, queue: Queue): Promise<void> {
    const { options } = queue;
    // Every setting explicit, so the queue row follows the code: createQueue keeps an existing queue as it was, updateQueue applies changes.
    const settings = {
      name,
      policy: options.policy ?? 'standard',
      retryLimit: options.retryLimit ?? this.#defaults.retryLimit,
      retryDelay: options.retryDelay ?? this.#defaults.retryDelay,
      retryBackoff: options.retryBackoff ?? true,
      expireInSeconds: options.expireInSeconds ?? 15 * 60,
    };
    await boss.createQueue(name, settings);
    await boss.updateQueue(name, settings);
    if (!this.#working || this.#boss !== boss) return;
    for (let i = 0; i < Math.max(1, queue.options.concurrency ?? 1); i++) {
      const worker = new QueueWorker({ boss, queue: name, pollingIntervalMs: this.#pollingIntervalMs, run: (job) => this.#run(boss, name, job) });
      queue.workers.push(worker);
      worker.start();
    }
  }

  async #run(boss: PgBoss, name: string, job: FetchedJob): Promise<void> {
    const queue = this.#queues.get(name);
    const started = performance.now();
    const run: JobRun = {
      id: job.id,
      queue: name,
      attempt: job.retryCount + 1,
      retryLimit: job.retryLimit,
      isLastAttempt: job.retryCount >= job.retryLimit,
    };
    try {
      if (!queue) throw new Error(`No handler for job queue "${name}"`);
      await withinSeconds(queue.handler(job.data, run), Number(job.expireInSeconds));
    } catch (error) {
      const event: JobEvent = run.isLastAttempt ? 'failed' : 'retry';
      this.#logger.warn({ err: error, queue: name, jobId: job.id, attempt: run.attempt }, event === 'failed' ? 'job failed for good' : 'job failed; it will be retried');
      await this.#record(() => boss.fail(name, job.id, describeError(error)), name, job.id);
      this.#emit(name, event, performance.now() - started);
      return;
    }
    await this.#record(() => boss.complete(name, job.id), name, job.id);
    this.#emit(name, 'completed', performance.now() - started);
  }

  /** A lost completion leaves the job active until it expires and runs again: handlers are idempotent. */
  async #record(write: () => Promise<unknown>, queue: string, jobId: string): Promise<void> {
    try {
      await write();
    } catch (error) {
      this.#logger.error({ err: error, queue, jobId }, 'could not record the outcome of a job');
    }
  }

  #emit(queue: string, event: JobEvent, durationMs: number): void {
    let counts = this.#counts.get(queue);
    if (!counts) {
      counts = Object.fromEntries(jobEvents.map((e) => [e, 0])) as Record<JobEvent, number>;
      this.#counts.set(queue, counts);
    }
    counts[event] += 1;
    for (const listener of this.#listeners) {
      try {
        listener(queue, event, { durationMs });
      } catch (error) {
        this.#logger.error({ err: error, queue }, 'job event listener failed');
      }
    }
  }
}

function describeError(error: unknown): { message: string; name?: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
}

/** A run that outlives its expiry fails (pg-boss would expire it anyway); the handler cannot be cancelled. */
async function withinSeconds<T>(promise: Promise<T>, seconds: number): Promise<T> {
  if (!Number.isFinite(seconds) || seconds <= 0) return promise;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`job did not finish within ${seconds}s`)), seconds * 1000);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
