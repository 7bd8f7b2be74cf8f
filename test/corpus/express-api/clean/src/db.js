'use strict';

const { Pool } = require('pg');
const config = require('./config');
const logger = require('./logger');

const pool = new Pool({
  connectionString: config.databaseUrl,
  max: Number(process.env.PG_POOL_SIZE || 10),
  idleTimeoutMillis: 30000,
});

pool.on('error', (err) => {
  logger.error({ err }, 'idle postgres client failed');
});

async function query(text, params) {
  const started = Date.now();
  const result = await pool.query(text, params);
  logger.debug({ ms: Date.now() - started, rows: result.rowCount }, 'query');
  return result;
}

module.exports = { pool, query };
