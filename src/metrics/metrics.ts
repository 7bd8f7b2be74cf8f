import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueDepth } from '../queue/bullmq-queue.ts';

/**
 * How a review job ended: the check run's conclusion, `dropped` when the pull request moved on
 * before the review started (its SHA is no longer the head, or it closed), `error` when the
 * processor threw (the queue retries it).
 */
export type JobOutcome = 'success' | 'failure' | 'neutral' | 'skipped' | 'dropped' | 'error';

/** Review durations span a 1-file fix to a 3,000-file PR whose writes are spaced 1 s apart. */
const DURATION_BUCKETS_SECONDS = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300];

/**
 * The process's Prometheus metrics, served on `/metrics` by every process type (each process
 * is scraped on its own, as Prometheus expects): review jobs by outcome and their durations,
 * findings by factor, GitHub requests and errors, the queue's depth, and Node's defaults
 * (CPU, memory, event-loop lag), all labelled with the process type.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #jobs: Counter<'outcome'>;
  readonly #duration: Histogram<'outcome'>;
  readonly #findings: Counter<'factor'>;
  readonly #requests: Counter<'method' | 'status'>;
  readonly #errors: Counter<'method' | 'status'>;

  constructor(options: { processType: string; queueDepth?: () => Promise<QueueDepth> }) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ process_type: options.processType });
    collectDefaultMetrics({ register: this.registry });
    this.#jobs = new Counter({
      name: 'twelve_factor_review_jobs_total',
      help: 'Review jobs finished, by outcome (check-run conclusion, dropped, or error).',
      labelNames: ['outcome'],
      registers,
    });
    this.#duration = new Histogram({
      name: 'twelve_factor_review_duration_seconds',
      help: 'Wall time of one review job, from taking it to its last GitHub write.',
      labelNames: ['outcome'],
      buckets: DURATION_BUCKETS_SECONDS,
      registers,
    });
    this.#findings = new Counter({
      name: 'twelve_factor_review_findings_total',
      help: 'Findings reported in reviews, by twelve-factor factor (secrets count for factor 3).',
      labelNames: ['factor'],
      registers,
    });
    this.#requests = new Counter({
      name: 'twelve_factor_github_requests_total',
      help: 'HTTP requests sent to the GitHub API (each retry counts), by method and response status.',
      labelNames: ['method', 'status'],
      registers,
    });
    this.#errors = new Counter({
      name: 'twelve_factor_github_request_errors_total',
      help: 'GitHub API requests that failed: a 4xx/5xx status, or "network" when no response came.',
      labelNames: ['method', 'status'],
      registers,
    });
    const queueDepth = options.queueDepth;
    if (queueDepth) {
      new Gauge({
        name: 'twelve_factor_queue_depth',
        help: 'Review jobs in the queue, by state (read at scrape time).',
        labelNames: ['state'],
        registers,
        async collect() {
          const depth = await queueDepth();
          for (const [state, count] of Object.entries(depth)) this.set({ state }, count);
        },
      });
    }
  }

  /** Records one finished review job. */
  recordJob(outcome: JobOutcome, seconds: number, findingsByFactor: Readonly<Partial<Record<string, number>>> = {}): void {
    this.#jobs.inc({ outcome });
    this.#duration.observe({ outcome }, seconds);
    for (const [factor, count] of Object.entries(findingsByFactor)) if (count) this.#findings.inc({ factor }, count);
  }

  /** A `fetch` that counts what it sends; Probot hands it to every GitHub client it builds. */
  countingFetch(fetch: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
    return async (input, init) => {
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      let response: Response;
      try {
        response = await fetch(input, init);
      } catch (error) {
        this.#requests.inc({ method, status: 'network' });
        this.#errors.inc({ method, status: 'network' });
        throw error;
      }
      const status = String(response.status);
      this.#requests.inc({ method, status });
      if (response.status >= 400) this.#errors.inc({ method, status });
      return response;
    };
  }

  /** The exposition text and its content type, for `/metrics`. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
