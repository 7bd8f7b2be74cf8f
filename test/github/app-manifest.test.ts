import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { reviewJob } from '../../src/github/review-job.ts';

describe('app.yml', () => {
  const manifest = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as Record<string, unknown>;

  it('subscribes to exactly the events the App handles', () => {
    expect(manifest.default_events).toEqual(['pull_request', 'check_suite', 'check_run', 'merge_group']);
  });

  it('asks for the minimal permissions: merge_group events need "Merge queues: read" (GitHub webhook docs)', () => {
    expect(manifest.default_permissions).toEqual({
      checks: 'write',
      pull_requests: 'write',
      contents: 'read',
      metadata: 'read',
      merge_queues: 'read',
    });
  });
});

describe('review job ids', () => {
  const base = { deliveryId: 'd-1', installationId: 1, owner: 'acme', repo: 'shop', headSha: 'abc' };

  it('are repository + pull request (or merge group) + head SHA, without the ":" BullMQ reserves', () => {
    expect(reviewJob({ ...base, kind: 'pull_request', pullNumber: 7 }).id).toBe('acme/shop#7@abc');
    expect(reviewJob({ ...base, kind: 'merge_group', baseSha: 'def', headRef: 'refs/heads/gh-readonly-queue/main/pr-7' }).id).toBe(
      'acme/shop+merge-group@abc',
    );
    expect(reviewJob({ ...base, kind: 'pull_request' }, { rerun: true }).id).toBe('acme/shop@abc+rerun-d-1');
    expect(reviewJob({ ...base, kind: 'pull_request', pullNumber: 7 }, { rerun: true }).id).not.toContain(':');
  });
});
