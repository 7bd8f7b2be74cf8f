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
  // BullMQ workers block on Redis: they must retry forever instead of failing commands.
  return new Redis(requireEnv('REDIS_URL'), { maxRetriesPerRequest: null });
}
