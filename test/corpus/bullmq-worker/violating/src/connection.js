import { Redis } from 'ioredis';
import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'report-worker' },
});

export function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    logger.fatal(`${name} is not set`);
    process.exit(1);
  }
  return value;
}

export function createRedisConnection() {
  return new Redis({
    host: process.env.REDIS_HOST || '10.0.3.21',
    port: Number(process.env.REDIS_PORT || 6379),
    maxRetriesPerRequest: null,
  });
}
