import type { ProbotOctokit } from 'probot';

/** The check run's name: what branch protection requires. */
export const CHECK_NAME = 'Twelve-Factor Review';

export type Conclusion = 'success' | 'failure' | 'neutral' | 'skipped';

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface CheckOutput {
  title: string;
  summary: string;
  text?: string;
  annotations?: Annotation[];
}

/**
 * The review's check run on one head SHA: created `in_progress` when the review starts, then
 * completed once. Completing a run never started creates it completed (a skipped draft, or a
 * review that failed before it began), so every path leaves a completed check behind.
 */
export class CheckRun {
  readonly #octokit: ProbotOctokit;
  readonly #repository: { owner: string; repo: string };
  readonly #headSha: string;
  readonly #externalId: string;
  readonly #now: () => Date;
  #id: number | undefined;
  #completed = false;
  #annotations = 0;
  #text: string | undefined;

  constructor(
    octokit: ProbotOctokit,
    repository: { owner: string; repo: string },
    headSha: string,
    options: { externalId: string; now: () => Date },
  ) {
    this.#octokit = octokit;
    this.#repository = repository;
    this.#headSha = headSha;
    this.#externalId = options.externalId;
    this.#now = options.now;
  }

  get completed(): boolean {
    return this.#completed;
  }

  /** Annotations the run holds: GitHub's own count for an adopted run, so a retry posts only the rest. */
  get annotations(): number {
    return this.#annotations;
  }

  /**
   * Adopts the run an earlier attempt of the same job created (same external id) — a worker
   * that died mid-review, or a review handed back at shutdown — so a retry does not leave a
   * second run stuck in progress, and learns from GitHub how far that attempt got: the run's
   * status, title and annotation count. Undefined when there is no such run.
   */
  async resume(): Promise<{ status: 'in_progress' | 'completed'; title?: string } | undefined> {
    const { data } = await this.#octokit.rest.checks.listForRef({
      ...this.#repository,
      ref: this.#headSha,
      check_name: CHECK_NAME,
      filter: 'all',
      per_page: 100,
    });
    const earlier = data.check_runs.find((run) => run.external_id === this.#externalId);
    if (!earlier) return undefined;
    this.#id = earlier.id;
    this.#completed = earlier.status === 'completed';
    this.#annotations = earlier.output.annotations_count;
    this.#text = earlier.output.text ?? undefined;
    return { status: this.#completed ? 'completed' : 'in_progress', ...(earlier.output.title && { title: earlier.output.title }) };
  }

  /** The text of the run an earlier attempt left (`resume`), where that attempt noted what it could not post. */
  get text(): string | undefined {
    return this.#text;
  }

  /** Treats an adopted completed run as open again, to replace an earlier attempt's failure report. */
  reopen(): void {
    this.#completed = false;
  }

  /** Creates the run `in_progress`, unless `resume()` adopted one. */
  async start(): Promise<void> {
    if (this.#id !== undefined) return;
    const { data } = await this.#octokit.rest.checks.create({
      ...this.#repository,
      name: CHECK_NAME,
      head_sha: this.#headSha,
      external_id: this.#externalId,
      status: 'in_progress',
      started_at: this.#now().toISOString(),
    });
    this.#id = data.id;
  }

  async complete(conclusion: Conclusion, output: CheckOutput): Promise<void> {
    const completion = { status: 'completed', conclusion, completed_at: this.#now().toISOString(), output } as const;
    if (this.#id === undefined) {
      const { data } = await this.#octokit.rest.checks.create({
        ...this.#repository,
        name: CHECK_NAME,
        head_sha: this.#headSha,
        external_id: this.#externalId,
        ...completion,
      });
      this.#id = data.id;
    } else {
      await this.#octokit.rest.checks.update({ ...this.#repository, check_run_id: this.#id, ...completion });
    }
    this.#completed = true;
    this.#annotations += output.annotations?.length ?? 0;
  }

  /** Adds annotations or replaces the output of a run already created; GitHub appends annotations. */
  async update(output: CheckOutput): Promise<void> {
    if (this.#id === undefined) throw new Error('the check run was not created');
    await this.#octokit.rest.checks.update({ ...this.#repository, check_run_id: this.#id, output });
    this.#annotations += output.annotations?.length ?? 0;
  }
}
