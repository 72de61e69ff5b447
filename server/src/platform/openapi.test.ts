import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { openApiPath, renderOpenApi } from '../../test/openapi.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document generated from the Zod contracts', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/auth/signup'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
  });

  it('matches the committed server/openapi.json (run `npm run openapi` after changing routes)', () => {
    expect(readFileSync(openApiPath, 'utf8')).toBe(renderOpenApi(t.app));
  });
});
