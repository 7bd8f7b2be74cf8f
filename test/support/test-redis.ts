import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the queue tests use: REDIS_URL, else a local one on the default port. */
export const TEST_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * Whether the Redis tests of `suite` can run. Without a reachable Redis they are skipped with a
 * message saying how to run them — unless REQUIRE_REDIS=1 (CI), where that is an error.
 */
export async function redisAvailable(suite: string): Promise<boolean> {
  if (await redisReachable()) return true;
  const reason = `no Redis reachable at ${TEST_REDIS_URL}`;
  if (process.env.REQUIRE_REDIS === '1') throw new Error(`${suite}: ${reason}, and REQUIRE_REDIS=1 forbids skipping`);
  console.warn(
    `SKIPPED ${suite}: ${reason}. Start one (\`docker compose up redis\` or \`redis-server\`) or set REDIS_URL; CI sets REQUIRE_REDIS=1 to make this a failure.`,
  );
  return false;
}

/** Whether TEST_REDIS_URL answers a PING within a second. */
export async function redisReachable(): Promise<boolean> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** A key prefix no other test run uses. */
export function uniquePrefix(name: string): string {
  return `tfr-test-${name}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

/** Deletes every key under `prefix`. */
export async function deleteKeys(prefix: string): Promise<void> {
  const client = new Redis(TEST_REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
