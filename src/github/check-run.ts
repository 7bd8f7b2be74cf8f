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

  async start(): Promise<void> {
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
  }

  /** Adds annotations or replaces the output of a run already created; GitHub appends annotations. */
  async update(output: CheckOutput): Promise<void> {
    if (this.#id === undefined) throw new Error('the check run was not created');
    await this.#octokit.rest.checks.update({ ...this.#repository, check_run_id: this.#id, output });
  }
}
