import type PgBoss from 'pg-boss';

export type FetchedJob = PgBoss.JobWithMetadata<object>;

export interface QueueWorkerOptions {
  boss: PgBoss;
  queue: string;
  /** How long an idle worker waits before asking again. */
  pollingIntervalMs: number;
  /** Runs one fetched job to its end (completion or failure recorded); never throws. */
  run(job: FetchedJob): Promise<void>;
}

/**
 * One polling loop over one queue: fetch a job, run it, repeat; sleep when the queue is empty.
 * Our own loop rather than pg-boss's `work()` so that `stop()` resolves only when the loop has
 * really ended (no query reaches a database that is about to close) and the job it holds is done.
 */
export class QueueWorker {
  #stopping = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;

  constructor(private readonly options: QueueWorkerOptions) {}

  start(): void {
    this.#loop ??= this.#poll();
  }

  /** Ends the wait for the next poll: a job was just sent to this queue. */
  notify(): void {
    this.#wake?.();
  }

  /** Lets the job in hand finish, then ends the loop. */
  async stop(): Promise<void> {
    this.#stopping = true;
    this.#wake?.();
    await this.#loop;
  }

  async #poll(): Promise<void> {
    const { boss, queue, run } = this.options;
    while (!this.#stopping) {
      // pg-boss's fetch answers [] when its query fails, so a passing database outage only idles the loop.
      const jobs = await boss.fetch<object>(queue, { includeMetadata: true, batchSize: 1 });
      for (const job of jobs) await run(job);
      if (jobs.length === 0 && !this.#stopping) await this.#sleep();
    }
  }

  #sleep(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollingIntervalMs);
      this.#wake = done;
    });
  }
}
