import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testEnv } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { type JobEvent, type JobRun, Jobs } from './jobs.js';

const logger = pino({ level: 'silent' });
let testDb: TestDatabase;
let jobs: Jobs | undefined;

beforeAll(async () => {
  testDb = await createTestDatabase(testEnv.databaseUrl);
});
afterEach(async () => {
  await jobs?.stop();
  jobs = undefined;
});
afterAll(async () => {
  await testDb.database.close();
  await testDb.drop();
});

function makeJobs(onEvent?: (queue: string, event: JobEvent) => void): Jobs {
  jobs = new Jobs({ database: testDb.database, logger, pollingIntervalSeconds: 0.5, retryDelay: 1, onEvent });
  return jobs;
}

describe('jobs', () => {
  it('enqueues in the caller’s transaction: a rolled-back job never exists, a committed one runs', async () => {
    const jobs = makeJobs();
    const seen: string[] = [];
    jobs.register<{ note: string }>('test.transactional', async ({ note }) => {
      seen.push(note);
    });
    await jobs.start({ work: true });
    const { db } = testDb.database;

    let rolledBackId: string | null = null;
    await expect(
      db.transaction(async (tx) => {
        rolledBackId = await jobs.send('test.transactional', { note: 'rolled back' }, { tx });
        throw new Error('abort the write');
      }),
    ).rejects.toThrow('abort the write');
    expect(rolledBackId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await jobs.findJob('test.transactional', rolledBackId as unknown as string)).toBeNull();

    const committedId = await db.transaction((tx) => jobs.send('test.transactional', { note: 'committed' }, { tx }));
    await vi.waitFor(async () => expect((await jobs.findJob('test.transactional', committedId as string))?.state).toBe('completed'), { timeout: 10_000, interval: 100 });
    expect(seen).toEqual(['committed']);
    expect(jobs.stats()['test.transactional']).toEqual({ completed: 1, failed: 0, retry: 0 });
  });

  it('retries a failed run with backoff; the second run completes', async () => {
    const events: string[] = [];
    const jobs = makeJobs((queue, event) => events.push(`${queue}:${event}`));
    const runs: JobRun[] = [];
    jobs.register(
      'test.flaky',
      async (_data, run) => {
        runs.push(run);
        if (run.attempt === 1) throw new Error('the first run fails');
      },
      { retryLimit: 3, retryDelay: 1, retryBackoff: true },
    );
    await jobs.start({ work: true });
    const id = await jobs.send('test.flaky', { n: 1 });

    await vi.waitFor(() => expect(events).toEqual(['test.flaky:retry', 'test.flaky:completed']), { timeout: 15_000, interval: 100 });
    expect(runs.map((r) => [r.attempt, r.isLastAttempt])).toEqual([
      [1, false],
      [2, false],
    ]);
    const job = await jobs.findJob('test.flaky', id as string);
    expect(job).toMatchObject({ state: 'completed', retryCount: 1 });
  });

  it('fails a job for good after its last retry and tells the handler which run is the last', async () => {
    const jobs = makeJobs();
    const runs: JobRun[] = [];
    jobs.register(
      'test.doomed',
      async (_data, run) => {
        runs.push(run);
        throw new Error('always fails');
      },
      { retryLimit: 1, retryDelay: 0, retryBackoff: false },
    );
    await jobs.start({ work: true });
    const id = await jobs.send('test.doomed', {});
    await vi.waitFor(() => expect(jobs.stats()['test.doomed']?.failed).toBe(1), { timeout: 10_000, interval: 100 });
    expect(runs.map((r) => r.isLastAttempt)).toEqual([false, true]);
    expect((await jobs.findJob('test.doomed', id as string))?.state).toBe('failed');
  });

  it('delays a job sent in a transaction with startAfter in seconds', async () => {
    const jobs = makeJobs();
    const handler = vi.fn(async () => {});
    jobs.register('test.later', handler);
    await jobs.start({ work: true });
    const id = await testDb.database.db.transaction((tx) => jobs.send('test.later', { x: 1 }, { tx, startAfter: 3600 }));
    const at = new Date(Date.now() + 3600_000);
    const dated = await testDb.database.db.transaction((tx) => jobs.send('test.later', { x: 2 }, { tx, startAfter: at }));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(handler).not.toHaveBeenCalled();
    expect((await jobs.findJob('test.later', id as string))?.state).toBe('created');
    expect((await jobs.findJob('test.later', dated as string))?.state).toBe('created');
  });

  it('only stores jobs on an instance that does not work, and accepts queues registered after start', async () => {
    const idle = makeJobs();
    const handler = vi.fn(async () => {});
    idle.register('test.web-only', handler);
    await idle.start({ work: false });
    const id = await idle.send('test.web-only', { from: 'web' });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(handler).not.toHaveBeenCalled();
    await idle.stop();

    const worker = makeJobs();
    await worker.start({ work: true });
    await worker.register('test.web-only', handler);
    await vi.waitFor(() => expect(handler).toHaveBeenCalledWith({ from: 'web' }, expect.objectContaining({ id, attempt: 1 })), { timeout: 10_000, interval: 100 });
  });

  it('refuses to send before start or to a queue nobody registered', async () => {
    const jobs = makeJobs();
    jobs.register('test.known', async () => {});
    await expect(jobs.send('test.known', {})).rejects.toThrow('Jobs are not started');
    await jobs.start({ work: false });
    await expect(jobs.send('test.unknown', {})).rejects.toThrow('No job queue "test.unknown" is registered');
  });
});
