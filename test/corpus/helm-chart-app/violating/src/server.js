'use strict';

const http = require('node:http');
const { Pool } = require('pg');
const pino = require('pino');
const config = require('./config');

const logger = pino({ level: config.logLevel });
const pool = new Pool({ connectionString: config.databaseUrl });

async function listProducts(res) {
  const { rows } = await pool.query('SELECT id, name, price_cents FROM products ORDER BY name LIMIT 100');
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(rows));
}

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200).end('ok');
    return;
  }
  if (req.method === 'GET' && req.url === '/products') {
    listProducts(res).catch((err) => {
      logger.error({ err }, 'listing products failed');
      res.writeHead(500).end();
    });
    return;
  }
  res.writeHead(404).end();
});

server.listen(config.port, () => logger.info({ port: config.port }, 'catalog-api listening'));

function shutdown(signal) {
  logger.info({ signal }, 'shutting down');
  setTimeout(() => process.exit(1), config.shutdownTimeoutMs).unref();
  server.close(async (err) => {
    await pool.end();
    process.exit(err ? 1 : 0);
  });
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
