'use strict';

const http = require('node:http');
const config = require('config');
const db = require('./db');
const { createApp } = require('./app');

const { app, log } = createApp();
const server = http.createServer(app.callback());
const { port, host, shutdownTimeoutMs } = config.get('server');

db.migrate
  .latest()
  .then(() => {
    server.listen(port, host, () => log('info', 'bookmarks listening', { port }));
  })
  .catch((err) => {
    log('error', 'migrations failed', { err: err.message });
    process.exit(1);
  });

function shutdown(signal) {
  log('info', 'shutting down', { signal });
  setTimeout(() => process.exit(1), shutdownTimeoutMs).unref();
  server.close(() => {
    db.destroy().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
