import { Redis } from 'ioredis';

/** How long `/readyz` waits for Redis to answer before calling the process not ready. */
export const PROBE_TIMEOUT_MS = 1_000;

/**
 * Answers whether Redis is reachable now, for `/readyz`: a connection of its own that fails a
 * PING at once while disconnected (no offline queue) instead of holding it until Redis is back.
 */
export class RedisProbe {
  readonly #client: Redis;

  constructor(url: string) {
    this.#client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'twelve-factor-readyz' });
    // Reconnection is automatic; a failure shows as "not ready", not as an unhandled error.
    this.#client.on('error', () => {});
  }

  async reachable(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
    try {
      return await Promise.race([this.#client.ping().then((reply) => reply === 'PONG'), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.#client.disconnect();
  }
}
