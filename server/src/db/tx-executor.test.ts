import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { txExecutor } from './tx-executor.js';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase(testEnv.databaseUrl);
});
afterAll(async () => {
  await testDb.database.close();
  await testDb.drop();
});

const insertMail = `insert into mail_outbox (to_address, template, subject, html, text) values ($1, 'test', $2, $2, $2) returning id`;

describe('txExecutor', () => {
  it('runs parameterised text inside the caller’s transaction, rolled back with it', async () => {
    const { db } = testDb.database;
    let id = '';
    await expect(
      db.transaction(async (tx) => {
        const { rows } = await txExecutor(tx).executeSql(insertMail, ['rollback@example.test', 'subject']);
        id = rows[0].id;
        const seen = await txExecutor(tx).executeSql('select subject from mail_outbox where id = $1', [id]);
        expect(seen.rows).toEqual([{ subject: 'subject' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const after = await testDb.database.executeSql('select id from mail_outbox where id = $1', [id]);
    expect(after.rows).toEqual([]);
  });

  it('keeps placeholders as written: one value may be used several times in different contexts', async () => {
    const { rows } = await testDb.database.db.transaction((tx) =>
      txExecutor(tx).executeSql(`select right($1, 1) = 'Z' as dated, now() + cast(coalesce($1, '0') as interval) > now() as later, $2::int as n`, ['30', undefined]),
    );
    expect(rows).toEqual([{ dated: false, later: true, n: null }]);
  });

  it('runs on the database itself too', async () => {
    const { rows } = await txExecutor(testDb.database.db).executeSql(insertMail, ['direct@example.test', 'subject']);
    expect(rows[0].id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
