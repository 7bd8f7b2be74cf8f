import { describe, expect, it } from 'vitest';
import { MemoryQueue } from '../../src/queue/memory-queue.ts';

interface Job {
  id: string;
}

/** A promise the test settles by hand: jobs finish exactly when the test says so. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('MemoryQueue', () => {
  it('runs jobs one at a time in arrival order and resolves idle() when all are done', async () => {
    const ran: string[] = [];
    const queue = new MemoryQueue<Job>({ processor: async (job) => void ran.push(job.id) });

    expect(await queue.enqueue({ id: 'a' })).toBe('queued');
    expect(await queue.enqueue({ id: 'b' })).toBe('queued');
    await queue.idle();

    expect(ran).toEqual(['a', 'b']);
  });

  it('drops a job whose id is pending, running, or finished recently', async () => {
    const gate = deferred();
    const ran: string[] = [];
    const queue = new MemoryQueue<Job>({
      processor: async (job) => {
        ran.push(job.id);
        await gate.promise;
      },
      remember: 1,
    });

    await queue.enqueue({ id: 'a' });
    expect(await queue.enqueue({ id: 'a' })).toBe('duplicate');
    gate.resolve();
    await queue.idle();
    expect(await queue.enqueue({ id: 'a' })).toBe('duplicate');
    await queue.enqueue({ id: 'b' });
    await queue.idle();
    // Only one finished id is remembered: 'a' has been forgotten.
    expect(await queue.enqueue({ id: 'a' })).toBe('queued');
    await queue.idle();

    expect(ran).toEqual(['a', 'b', 'a']);
  });

  it('runs up to `concurrency` jobs at once', async () => {
    const gates = new Map([
      ['a', deferred()],
      ['b', deferred()],
      ['c', deferred()],
    ]);
    const started: string[] = [];
    const queue = new MemoryQueue<Job>({
      processor: async (job) => {
        started.push(job.id);
        await gates.get(job.id)!.promise;
      },
      concurrency: 2,
    });
    const firstTwoStarted = new Promise<void>((resolve) => {
      const check = setInterval(() => started.length === 2 && (clearInterval(check), resolve()), 1);
    });

    for (const id of gates.keys()) await queue.enqueue({ id });
    await firstTwoStarted;
    expect(started).toEqual(['a', 'b']);
    gates.get('a')!.resolve();
    gates.get('b')!.resolve();
    gates.get('c')!.resolve();
    await queue.idle();

    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('reports a failed job and carries on with the next', async () => {
    const errors: [string, string][] = [];
    const ran: string[] = [];
    const queue = new MemoryQueue<Job>({
      processor: async (job) => {
        if (job.id === 'bad') throw new Error('boom');
        ran.push(job.id);
      },
      onError: (error, job) => errors.push([job.id, (error as Error).message]),
    });

    await queue.enqueue({ id: 'bad' });
    await queue.enqueue({ id: 'good' });
    await queue.idle();

    expect(errors).toEqual([['bad', 'boom']]);
    expect(ran).toEqual(['good']);
  });

  it('close() finishes the accepted jobs and refuses new ones', async () => {
    const ran: string[] = [];
    const queue = new MemoryQueue<Job>({ processor: async (job) => void ran.push(job.id) });

    await queue.enqueue({ id: 'a' });
    await queue.close();

    expect(ran).toEqual(['a']);
    await expect(queue.enqueue({ id: 'b' })).rejects.toThrow('the queue is closed');
  });

  it('is idle at once when nothing was queued', async () => {
    const queue = new MemoryQueue<Job>({ processor: async () => {} });
    await expect(queue.idle()).resolves.toBeUndefined();
  });
});
