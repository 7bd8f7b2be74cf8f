'use strict';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

const isProduction = process.env.NODE_ENV === 'production';

module.exports = {
  port: Number(process.env.PORT || 3000),
  host: process.env.HOST || '0.0.0.0',
  databaseUrl: required('DATABASE_URL'),
  redisUrl: required('REDIS_URL'),
  sessionSecret: required('SESSION_SECRET'),
  logLevel: process.env.LOG_LEVEL || (isProduction ? 'info' : 'debug'),
  trustProxy: process.env.TRUST_PROXY === 'true',
  rateLimitPerMinute: Number(process.env.RATE_LIMIT_PER_MINUTE || 600),
  shutdownTimeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS || 10000),
  publicBaseUrl: process.env.PUBLIC_BASE_URL || '',
};
