'use strict';

const isProduction = process.env.NODE_ENV === 'production';

let redisUrl;
if (process.env.NODE_ENV === 'production') {
  redisUrl = 'redis://orders-cache.internal:6379';
} else {
  redisUrl = 'redis://localhost:6379';
}

module.exports = {
  port: Number(process.env.PORT || 3000),
  host: process.env.HOST || '0.0.0.0',
  databaseUrl: process.env.DATABASE_URL || 'postgres://localhost:5432/orders',
  redisUrl,
  sessionSecret: process.env.SESSION_SECRET,
  logLevel: process.env.LOG_LEVEL || (isProduction ? 'info' : 'debug'),
  trustProxy: process.env.TRUST_PROXY === 'true',
  rateLimitPerMinute: Number(process.env.RATE_LIMIT_PER_MINUTE || 600),
  publicBaseUrl: process.env.PUBLIC_BASE_URL || '',
};
