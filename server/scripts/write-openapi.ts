// Writes the OpenAPI document of the current routes to server/openapi.json (committed; a test fails when it is stale).
import { writeFileSync } from 'node:fs';
import { buildTestApp } from '../test/app.js';
import { openApiPath, renderOpenApi } from '../test/openapi.js';

const t = await buildTestApp();
writeFileSync(openApiPath, renderOpenApi(t.app));
await t.close();
console.log(`wrote ${openApiPath}`);
