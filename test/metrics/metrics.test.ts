import { describe, expect, it } from 'vitest';
import { Metrics } from '../../src/metrics/metrics.ts';

describe('Metrics', () => {
  it('counts review jobs by outcome, their durations and findings by factor', async () => {
    const metrics = new Metrics({ processType: 'worker' });
    metrics.recordJob('failure', 2.5, { '3': 2, '7': 1 });
    metrics.recordJob('success', 0.7);
    metrics.recordJob('dropped', 0.1);
    const { body } = await metrics.exposition();
    expect(body).toContain('twelve_factor_review_jobs_total{outcome="failure",process_type="worker"} 1');
    expect(body).toContain('twelve_factor_review_jobs_total{outcome="success",process_type="worker"} 1');
    expect(body).toContain('twelve_factor_review_findings_total{factor="3",process_type="worker"} 2');
    expect(body).toContain('twelve_factor_review_findings_total{factor="7",process_type="worker"} 1');
    expect(body).toContain('twelve_factor_review_duration_seconds_bucket{le="5",process_type="worker",outcome="failure"} 1');
    expect(body).toContain('process_cpu_seconds_total');
  });

  it('counts GitHub requests by method and status, and errors including network failures', async () => {
    const metrics = new Metrics({ processType: 'worker' });
    const answers = [200, 201, 404, 502];
    const fetch = metrics.countingFetch(async () => {
      const status = answers.shift();
      if (status === undefined) throw new TypeError('fetch failed');
      return new Response(null, { status });
    });
    await fetch('http://127.0.0.1/repos/o/r/pulls/1');
    await fetch('http://127.0.0.1/repos/o/r/check-runs', { method: 'post' });
    await fetch(new Request('http://127.0.0.1/repos/o/r/contents/x'));
    await fetch('http://127.0.0.1/graphql', { method: 'POST' });
    await expect(fetch('http://127.0.0.1/repos/o/r')).rejects.toThrow('fetch failed');
    const { body } = await metrics.exposition();
    expect(body).toContain('twelve_factor_github_requests_total{method="GET",status="200",process_type="worker"} 1');
    expect(body).toContain('twelve_factor_github_requests_total{method="POST",status="201",process_type="worker"} 1');
    expect(body).toContain('twelve_factor_github_request_errors_total{method="GET",status="404",process_type="worker"} 1');
    expect(body).toContain('twelve_factor_github_request_errors_total{method="POST",status="502",process_type="worker"} 1');
    expect(body).toContain('twelve_factor_github_request_errors_total{method="GET",status="network",process_type="worker"} 1');
    expect(body).not.toContain('twelve_factor_github_request_errors_total{method="POST",status="201"');
  });

  it('reads the queue depth at scrape time', async () => {
    let waiting = 3;
    const metrics = new Metrics({ processType: 'web', queueDepth: async () => ({ waiting, active: 1, delayed: 0, failed: 2 }) });
    expect((await metrics.exposition()).body).toContain('twelve_factor_queue_depth{state="waiting",process_type="web"} 3');
    waiting = 0;
    const { body, contentType } = await metrics.exposition();
    expect(body).toContain('twelve_factor_queue_depth{state="waiting",process_type="web"} 0');
    expect(body).toContain('twelve_factor_queue_depth{state="failed",process_type="web"} 2');
    expect(contentType).toMatch(/^text\/plain/);
  });

  it('has no queue-depth gauge where no queue is readable', async () => {
    const { body } = await new Metrics({ processType: 'worker' }).exposition();
    expect(body).not.toContain('twelve_factor_queue_depth');
  });
});
