import nock from 'nock';
import { afterEach, beforeEach, expect } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Probot } from 'probot';
import type { Check } from '../../checks/define-check.ts';
import { reviewApp } from '../../src/github/app.ts';
import type { ReviewJob } from '../../src/github/review-job.ts';
import { reviewOctokit } from '../../src/github/review-octokit.ts';
import { reviewProcessor } from '../../src/github/run-review.ts';
import { MemoryQueue } from '../../src/queue/memory-queue.ts';
import { recordingFetch, type RecordedRequest } from './github-openapi.ts';

/** A throwaway App key, made once per test file. */
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

/**
 * Stands in for plugin-throttling's limiters: the write and notification ones space requests 1 s
 * and 3 s apart, and all of them are shared by every client in the process and keyed to the wall
 * clock — tests must not wait real seconds, nor stall when a test moves the clock. Everything
 * else about throttling (the rate-limit retries) stays real.
 */
export const UNSPACED = { key: () => ({ schedule: (_options: unknown, task: (...args: unknown[]) => unknown, ...args: unknown[]) => task(...args) }) };

export type { RecordedRequest };

export interface AppHarness {
  probot: Probot;
  queue: MemoryQueue<ReviewJob>;
  /** Every request the App sent, in order. */
  requests: RecordedRequest[];
  /** Problems the OpenAPI validation found in those requests: must stay empty. */
  problems: string[];
  /** Errors a job threw past the review (the check run could not even be completed). */
  jobErrors: unknown[];
  /** Log lines, parsed. */
  logs: () => Record<string, unknown>[];
  /** Delivers a webhook and waits until the queue is idle. */
  receive: (name: string, payload: object, deliveryId?: string) => Promise<void>;
  /** Requests other than GETs: what costs a review its time (and GitHub's patience). */
  writes: () => RecordedRequest[];
}

let deliveries = 0;

/** The real Probot app with the in-process queue, GitHub mocked by nock and every request validated. */
export async function startApp(options: { baseUrl?: string; checks?: readonly Check[] } = {}): Promise<AppHarness> {
  const requests: RecordedRequest[] = [];
  const problems: string[] = [];
  const jobErrors: unknown[] = [];
  const lines: string[] = [];
  const recording = recordingFetch(requests, problems);
  const log = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );
  const probot = new Probot({
    appId: 12345,
    privateKey,
    log,
    Octokit: reviewOctokit({ retryDelayScale: 0, throttle: { global: UNSPACED, auth: UNSPACED, search: UNSPACED, write: UNSPACED, notifications: UNSPACED } }),
    request: { fetch: recording },
    ...(options.baseUrl && { baseUrl: options.baseUrl }),
  });
  const queue = new MemoryQueue<ReviewJob>({
    processor: reviewProcessor(probot, { now: () => new Date('2025-01-02T03:04:05Z'), ...(options.checks && { checks: options.checks }) }),
    onError: (error) => jobErrors.push(error),
  });
  await probot.load(reviewApp(queue));
  return {
    probot,
    queue,
    requests,
    problems,
    jobErrors,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    writes: () => requests.filter((request) => request.method !== 'GET'),
    receive: async (name, payload, deliveryId = `delivery-${++deliveries}`) => {
      await probot.receive({ id: deliveryId, name, payload } as Parameters<Probot['receive']>[0]);
      await queue.idle();
    },
  };
}

const require = createRequire(import.meta.url);
const EXAMPLES = require('@octokit/webhooks-examples') as { name: string; examples: Record<string, any>[] }[];

/** A deep copy of an @octokit/webhooks-examples payload (one that carries an installation). */
export function examplePayload(name: string, action: string): Record<string, any> {
  const example = EXAMPLES.find((event) => event.name === name)?.examples.find(
    (candidate) => candidate.action === action && candidate.installation,
  );
  if (!example) throw new Error(`no ${name}.${action} example with an installation`);
  return structuredClone(example);
}

/**
 * Starts a fresh app before each test (handing it to `onStart`) and checks after each that no
 * request was left pending, none failed the OpenAPI validation and no job failed.
 */
export function useApp(onStart: (app: AppHarness) => void): void {
  let app: AppHarness | undefined;
  beforeEach(async () => {
    nock.disableNetConnect();
    app = await startApp();
    onStart(app);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(app?.problems).toEqual([]);
    expect(app?.jobErrors).toEqual([]);
    expect(pending).toEqual([]);
  });
}
