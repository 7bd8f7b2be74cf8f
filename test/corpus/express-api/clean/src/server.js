'use strict';

const http = require('node:http');
const { createClient } = require('redis');
const config = require('./config');
const logger = require('./logger');
const { pool } = require('./db');
const { createApp } = require('./app');

async function main() {
  const redisClient = createClient({ url: config.redisUrl });
  redisClient.on('error', (err) => logger.error({ err }, 'redis error'));
  await redisClient.connect();

  const server = http.createServer(createApp({ redisClient }));
  server.listen(config.port, config.host, () => {
    logger.info({ port: config.port }, 'orders-api listening');
  });

  // Pool gauges for the log-based dashboards; a short period, not a scheduled job.
  const poolStats = setInterval(() => {
    logger.debug({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }, 'pg pool');
  }, 30_000);
  poolStats.unref();

  let shuttingDown = false;
  function shutdown(signal) {
    if (shuttingDown) return;
    shuttingDown = true;
    clearInterval(poolStats);
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown timed out, forcing exit');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();

    server.close(async (err) => {
      if (err) logger.error({ err }, 'error while closing the server');
      await pool.end();
      await redisClient.quit();
      process.exit(err ? 1 : 0);
    });
  }

  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

process.on('unhandledRejection', (reason) => {
  logger.fatal({ err: reason }, 'unhandled rejection');
  process.exit(1);
});

main().catch((err) => {
  logger.fatal({ err }, 'failed to start');
  process.exit(1);
});
