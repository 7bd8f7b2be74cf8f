import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOCK_QUEUE_NAME, startBullmqSchedule, type Schedule } from '../../src/clock/bullmq-schedule.ts';
import { startIntervalSchedule } from '../../src/clock/interval-schedule.ts';
import { deleteKeys, redisAvailable, TEST_REDIS_URL, uniquePrefix } from '../support/test-redis.ts';

const INTERVAL_MS = 400;

const enabled = await redisAvailable('clock schedule tests');

describe.skipIf(!enabled)('startBullmqSchedule (real Redis)', () => {
  let prefix: string;
  const schedules: Schedule[] = [];

  beforeEach(() => {
    prefix = uniquePrefix('clock');
  });

  afterEach(async () => {
    for (const schedule of schedules.splice(0)) await schedule.close(1_000);
    await deleteKeys(prefix);
  });

  it('ticks once per interval however many replicas run it', async () => {
    const ticks: { replica: number; at: number }[] = [];
    let third!: () => void;
    const thirdTick = new Promise<void>((resolve) => (third = resolve));
    for (const replica of [1, 2, 3]) {
      schedules.push(
        await startBullmqSchedule({
          location: { url: TEST_REDIS_URL, prefix },
          intervalMs: INTERVAL_MS,
          task: async () => {
            ticks.push({ replica, at: Date.now() });
            if (ticks.length === 3) third();
          },
          onError: (error) => {
            throw error;
          },
        }),
      );
    }
    await thirdTick;
    const queue = new Queue(CLOCK_QUEUE_NAME, { connection: { url: TEST_REDIS_URL }, prefix });
    expect(await queue.getJobSchedulersCount()).toBe(1);
    await queue.close();
    // Three replicas each taking every tick would log ticks milliseconds apart.
    for (let index = 1; index < 3; index++) expect(ticks[index]!.at - ticks[index - 1]!.at).toBeGreaterThan(INTERVAL_MS / 2);
  });
});

describe('startIntervalSchedule', () => {
  it('runs at once, then skips a tick while the previous run is still going', async () => {
    let runs = 0;
    let release!: () => void;
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const schedule = startIntervalSchedule({
      intervalMs: 10,
      task: async () => {
        runs++;
        started();
        await new Promise<void>((resolve) => (release = resolve));
      },
      onError: () => {},
    });
    await firstStarted;
    expect(runs).toBe(1);
    const closing = schedule.close(1_000);
    release();
    await closing;
    expect(runs).toBe(1);
  });

  it('reports a failed run and keeps going', async () => {
    const errors: string[] = [];
    const schedule = startIntervalSchedule({
      intervalMs: 60_000,
      task: async () => {
        throw new Error('GitHub unreachable');
      },
      onError: (error) => errors.push(error.message),
    });
    await schedule.close(1_000);
    expect(errors).toEqual(['GitHub unreachable']);
  });
});
