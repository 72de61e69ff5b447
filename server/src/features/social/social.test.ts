import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.js';
import { makeUser, type TestUser } from '../../../test/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await makeUser(t, { role: 'admin' });
});
afterAll(() => t.close());

const follow = (who: TestUser, whom: TestUser) => who.inject({ method: 'PUT', url: `/api/me/following/${whom.username}` });
const profile = (whom: TestUser, viewer?: TestUser) => (viewer ? viewer.inject({ url: `/api/people/${whom.username}` }) : t.app.inject({ url: `/api/people/${whom.username}` }));
const usernames = (res: { json(): { items: { username: string }[] } }) => res.json().items.map((p) => p.username);
const makePrivate = (who: TestUser) => who.inject({ method: 'PUT', url: '/api/me/privacy', payload: { privateAccount: true } });

describe('following a public account', () => {
  it('follows at once, counts on both profiles, lists both ways, unfollows; idempotent', async () => {
    const [ana, ben] = [await makeUser(t), await makeUser(t)];
    expect((await follow(ana, ben)).json()).toEqual({ follow: 'following' });
    expect((await follow(ana, ben)).json()).toEqual({ follow: 'following' });
    const seenByAna = (await profile(ben, ana)).json();
    expect(seenByAna).toMatchObject({ id: ben.id, username: ben.username, privateAccount: false, followers: 1, following: 0, listsVisible: true });
    expect(seenByAna.viewer).toEqual({ isSelf: false, follow: 'following', followsYou: false, blocking: false });
    expect((await profile(ana, ben)).json()).toMatchObject({ followers: 0, following: 1, viewer: { follow: 'none', followsYou: true } });
    expect((await profile(ben)).json().viewer).toEqual({ isSelf: false, follow: 'none', followsYou: false, blocking: false });
    expect((await profile(ben, ben)).json().viewer.isSelf).toBe(true);
    expect(usernames(await t.app.inject({ url: `/api/people/${ben.username}/followers` }))).toEqual([ana.username]);
    expect(usernames(await t.app.inject({ url: `/api/people/${ana.username}/following` }))).toEqual([ben.username]);

    expect((await ana.inject({ method: 'DELETE', url: `/api/me/following/${ben.username}` })).statusCode).toBe(204);
    expect((await ana.inject({ method: 'DELETE', url: `/api/me/following/${ben.username}` })).statusCode).toBe(204);
    expect((await profile(ben, ana)).json()).toMatchObject({ followers: 0, viewer: { follow: 'none' } });
  });

  it('finds people case-insensitively; unknown and deleted accounts are 404; one cannot follow oneself', async () => {
    const [ana, gone] = [await makeUser(t), await makeUser(t)];
    expect((await t.app.inject({ url: `/api/people/${ana.username.toUpperCase()}` })).json().id).toBe(ana.id);
    expect((await t.app.inject({ url: '/api/people/nobody_here' })).statusCode).toBe(404);
    await follow(gone, ana);
    expect((await gone.inject({ method: 'DELETE', url: '/api/me', payload: { password: gone.password } })).statusCode).toBe(204);
    expect((await profile(ana)).json().followers).toBe(0);
    expect(usernames(await t.app.inject({ url: `/api/people/${ana.username}/followers` }))).toEqual([]);
    const self = await follow(ana, ana);
    expect(self.statusCode).toBe(422);
    expect(self.json().code).toBe('self');
  });

  it('needs a login to follow, and refuses bad input as 400 problem+json naming the field', async () => {
    const ana = await makeUser(t);
    expect((await t.app.inject({ method: 'PUT', url: `/api/me/following/${ana.username}` })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me/follow-requests' })).statusCode).toBe(401);
    const cases = [
      { method: 'GET' as const, url: '/api/people/a%20b', field: 'username' },
      { method: 'PUT' as const, url: `/api/me/following/${'x'.repeat(40)}`, field: 'username' },
      { method: 'GET' as const, url: `/api/people/${ana.username}/followers?limit=0`, field: 'limit' },
      { method: 'GET' as const, url: `/api/people/${ana.username}/followers?cursor=bm9wZQ`, field: 'cursor' },
      { method: 'GET' as const, url: '/api/me/blocks?limit=500', field: 'limit' },
      { method: 'PUT' as const, url: '/api/me/privacy', payload: { privateAccount: 'yes' }, field: 'privateAccount' },
    ];
    for (const { field, ...request } of cases) {
      const res = await ana.inject(request);
      expect(res.statusCode, request.url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('pages followers newest first with a cursor that only its own list accepts', async () => {
    const star = await makeUser(t);
    const fans = [await makeUser(t), await makeUser(t), await makeUser(t), await makeUser(t), await makeUser(t)];
    for (const fan of fans) await follow(fan, star);
    const first = (await t.app.inject({ url: `/api/people/${star.username}/followers?limit=2` })).json();
    expect(first.items.map((p: { id: string }) => p.id)).toEqual([fans[4]!.id, fans[3]!.id]);
    const second = (await t.app.inject({ url: `/api/people/${star.username}/followers?limit=2&cursor=${first.nextCursor}` })).json();
    const third = (await t.app.inject({ url: `/api/people/${star.username}/followers?limit=2&cursor=${second.nextCursor}` })).json();
    expect([...first.items, ...second.items, ...third.items].map((p: { id: string }) => p.id)).toEqual(fans.map((f) => f.id).reverse());
    expect(third.nextCursor).toBeNull();
    const foreign = await t.app.inject({ url: `/api/people/${star.username}/following?cursor=${first.nextCursor}` });
    expect(foreign.statusCode).toBe(400);
  });

  it('keeps one follow when the same follow is sent many times at once', async () => {
    const [ana, ben] = [await makeUser(t), await makeUser(t)];
    const results = await Promise.all(Array.from({ length: 8 }, () => follow(ana, ben)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    const { rows } = await t.platform.database.executeSql('select count(*)::int as n from follows where follower_id = $1 and followee_id = $2', [ana.id, ben.id]);
    expect(rows[0]).toEqual({ n: 1 });
    expect((await profile(ben)).json().followers).toBe(1);
  });

  it('removes a follower', async () => {
    const [ana, ben] = [await makeUser(t), await makeUser(t)];
    await follow(ana, ben);
    expect((await ben.inject({ method: 'DELETE', url: `/api/me/followers/${ana.username}` })).statusCode).toBe(204);
    expect((await profile(ben, ana)).json()).toMatchObject({ followers: 0, viewer: { follow: 'none' } });
  });
});

describe('private accounts', () => {
  it('a follow becomes a request the owner accepts; lists hide from non-followers until then', async () => {
    const [owner, asker, other] = [await makeUser(t), await makeUser(t), await makeUser(t)];
    expect((await owner.inject({ url: '/api/me/privacy' })).json()).toEqual({ privateAccount: false });
    expect((await makePrivate(owner)).json()).toEqual({ privateAccount: true });
    expect((await follow(asker, owner)).json()).toEqual({ follow: 'requested' });
    expect((await profile(owner, asker)).json()).toMatchObject({ privateAccount: true, followers: 0, listsVisible: false, viewer: { follow: 'requested' } });
    expect(usernames(await asker.inject({ url: '/api/me/follow-requests/sent' }))).toEqual([owner.username]);
    expect(usernames(await owner.inject({ url: '/api/me/follow-requests' }))).toEqual([asker.username]);
    expect(usernames(await other.inject({ url: '/api/me/follow-requests' }))).toEqual([]);
    for (const reader of [asker, other]) {
      for (const list of ['followers', 'following']) {
        const res = await reader.inject({ url: `/api/people/${owner.username}/${list}` });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('private_account');
      }
    }
    expect((await t.app.inject({ url: `/api/people/${owner.username}/followers` })).statusCode).toBe(403);
    expect(usernames(await owner.inject({ url: `/api/people/${owner.username}/followers` }))).toEqual([]);

    // Nobody but the addressee can answer it.
    expect((await other.inject({ method: 'POST', url: `/api/me/follow-requests/${asker.username}/accept` })).statusCode).toBe(404);
    expect((await asker.inject({ method: 'POST', url: `/api/me/follow-requests/${owner.username}/accept` })).statusCode).toBe(404);
    expect((await profile(owner, asker)).json().viewer.follow).toBe('requested');

    expect((await owner.inject({ method: 'POST', url: `/api/me/follow-requests/${asker.username}/accept` })).statusCode).toBe(204);
    expect((await owner.inject({ method: 'POST', url: `/api/me/follow-requests/${asker.username}/accept` })).statusCode).toBe(404);
    expect((await profile(owner, asker)).json()).toMatchObject({ followers: 1, listsVisible: true, viewer: { follow: 'following' } });
    expect(usernames(await asker.inject({ url: `/api/people/${owner.username}/followers` }))).toEqual([asker.username]);
    expect((await other.inject({ url: `/api/people/${owner.username}/followers` })).statusCode).toBe(403);
    expect(usernames(await owner.inject({ url: '/api/me/follow-requests' }))).toEqual([]);
  });

  it('declining or withdrawing removes the request; making the account public accepts the rest', async () => {
    const [owner, declined, withdrawn, waiting] = [await makeUser(t), await makeUser(t), await makeUser(t), await makeUser(t)];
    await makePrivate(owner);
    for (const asker of [declined, withdrawn, waiting]) await follow(asker, owner);
    expect((await owner.inject({ method: 'POST', url: `/api/me/follow-requests/${declined.username}/decline` })).statusCode).toBe(204);
    expect((await profile(owner, declined)).json().viewer.follow).toBe('none');
    expect((await withdrawn.inject({ method: 'DELETE', url: `/api/me/following/${owner.username}` })).statusCode).toBe(204);
    expect(usernames(await owner.inject({ url: '/api/me/follow-requests' }))).toEqual([waiting.username]);
    expect((await owner.inject({ method: 'PUT', url: '/api/me/privacy', payload: { privateAccount: false } })).json()).toEqual({ privateAccount: false });
    expect((await profile(owner, waiting)).json()).toMatchObject({ followers: 1, viewer: { follow: 'following' } });
    expect(usernames(await owner.inject({ url: '/api/me/follow-requests' }))).toEqual([]);
  });
});

describe('blocks', () => {
  it('blocking removes follows and requests both ways; the blocked cannot follow or see the profile; unblocking does not restore follows', async () => {
    const [blocker, blocked, bystander] = [await makeUser(t), await makeUser(t), await makeUser(t)];
    await follow(blocker, blocked);
    await makePrivate(blocker);
    await follow(blocked, blocker);
    expect((await profile(blocker, blocked)).json().viewer.follow).toBe('requested');

    expect((await blocker.inject({ method: 'PUT', url: `/api/me/blocks/${blocked.username}` })).statusCode).toBe(204);
    expect((await blocker.inject({ method: 'PUT', url: `/api/me/blocks/${blocked.username}` })).statusCode).toBe(204);
    expect(usernames(await blocker.inject({ url: '/api/me/follow-requests' }))).toEqual([]);
    expect((await profile(blocked, blocker)).json()).toMatchObject({ followers: 0, viewer: { follow: 'none', followsYou: false, blocking: true } });

    // The blocked person: the blocker does not exist for them.
    for (const url of [`/api/people/${blocker.username}`, `/api/people/${blocker.username}/followers`, `/api/people/${blocker.username}/following`]) {
      expect((await blocked.inject({ url })).statusCode).toBe(404);
    }
    expect((await follow(blocked, blocker)).statusCode).toBe(404);
    const followingBlocked = await follow(blocker, blocked);
    expect(followingBlocked.statusCode).toBe(409);
    expect(followingBlocked.json().code).toBe('blocking');
    expect((await profile(blocker, bystander)).statusCode).toBe(200);

    // Nor do they appear to each other in third parties' lists.
    await follow(blocker, bystander);
    await follow(blocked, bystander);
    expect(usernames(await blocked.inject({ url: `/api/people/${bystander.username}/followers` }))).toEqual([blocked.username]);
    expect(usernames(await blocker.inject({ url: `/api/people/${bystander.username}/followers` }))).toEqual([blocker.username]);
    expect(usernames(await bystander.inject({ url: `/api/people/${bystander.username}/followers` })).sort()).toEqual([blocked.username, blocker.username].sort());

    expect(usernames(await blocker.inject({ url: '/api/me/blocks' }))).toEqual([blocked.username]);
    expect(usernames(await blocked.inject({ url: '/api/me/blocks' }))).toEqual([]);
    expect((await blocked.inject({ method: 'DELETE', url: `/api/me/blocks/${blocker.username}` })).statusCode).toBe(204);
    expect((await profile(blocker, blocked)).statusCode).toBe(404);

    expect((await blocker.inject({ method: 'DELETE', url: `/api/me/blocks/${blocked.username}` })).statusCode).toBe(204);
    expect(usernames(await blocker.inject({ url: '/api/me/blocks' }))).toEqual([]);
    expect((await profile(blocker, blocked)).json()).toMatchObject({ viewer: { follow: 'none', followsYou: false } });
    expect((await follow(blocked, blocker)).json()).toEqual({ follow: 'requested' });
  });

  // On PostgreSQL (DATABASE_URL) the two transactions really interleave: without the pair lock a follow survives within a few rounds. PGlite runs them one after the other.
  it('a follow racing a block never survives it', async () => {
    for (let round = 0; round < 10; round++) {
      const [blocker, follower] = [await makeUser(t), await makeUser(t)];
      await Promise.all([follow(follower, blocker), blocker.inject({ method: 'PUT', url: `/api/me/blocks/${follower.username}` })]);
      const { rows } = await t.platform.database.executeSql('select count(*)::int as n from follows where follower_id = $1 and followee_id = $2', [follower.id, blocker.id]);
      expect(rows[0]).toEqual({ n: 0 });
    }
  });

  it('one cannot block oneself; blocking needs a login', async () => {
    const ana = await makeUser(t);
    expect((await ana.inject({ method: 'PUT', url: `/api/me/blocks/${ana.username}` })).statusCode).toBe(422);
    expect((await t.app.inject({ method: 'PUT', url: `/api/me/blocks/${ana.username}` })).statusCode).toBe(401);
    expect((await ana.inject({ method: 'PUT', url: '/api/me/blocks/nobody_here' })).statusCode).toBe(404);
  });
});
