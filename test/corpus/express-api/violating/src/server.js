'use strict';

const http = require('node:http');
const logger = require('./logger');
const { pool } = require('./db');
const { createApp, carts } = require('./app');

const server = http.createServer(createApp());
server.listen(3000, () => {
  logger.info('orders-api listening on 3000');
});

function purgeAbandonedCarts() {
  logger.info({ carts: carts.size }, 'purging abandoned carts');
  carts.clear();
}

setInterval(purgeAbandonedCarts, 60 * 60 * 1000);

process.on('SIGTERM', () => {
  logger.info('SIGTERM received');
  server.close();
  pool.end();
  process.exit(0);
});
