/**
 * Startup reference: loads every module main.ts loads (through tsx, like the real start) but opens no database,
 * then answers 200 from node:http. Its time minus the bare node baseline is the cost of the module graph;
 * the real server's time minus this one is the cost of the database, migrations, platform and app build.
 */
import http from 'node:http';
import '../../server/src/app.js';
import '../../server/src/config.js';
import '../../server/src/db/client.js';
import '../../server/src/db/migrate.js';
import '../../server/src/platform/bootstrap.js';

http
  .createServer((_request, response) => {
    response.statusCode = 200;
    response.end('ok');
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
