import type { Logger, Probot, ProbotOctokit } from 'probot';
import type { Check } from '../../checks/define-check.ts';
import { CHECK_IDS, CHECKS } from '../../checks/index.ts';
import { ConfigError, parseConfig } from '../engine/config.ts';
import { review } from '../engine/review.ts';
import { CheckRun, type CheckOutput } from './check-run.ts';
import { describeError } from './describe-error.ts';
import { fetchPullRequest, type ReviewRevision } from './fetch-pull-request.ts';
import { CONFIG_PATH, loadConfig, type LoadedConfig } from './load-config.ts';
import { publishReview, PublishingIncompleteError } from './publish-review.ts';
import { jobLogFields, type ReviewJob } from './review-job.ts';

export interface RunReviewOptions {
  /** Authenticated as the installation that owns the repository. */
  octokit: ProbotOctokit;
  /** Carries the job's delivery id, repository, pull request and SHA. */
  log: Logger;
  now?: () => Date;
  /** The rule catalogue; every registered rule by default. */
  checks?: readonly Check[];
  /**
   * The job may have run before (a retry, a job handed back, the clock re-enqueueing): adopt
   * the check run an earlier attempt created, and stop if that attempt completed it.
   */
  resume?: boolean;
}

const RERUN = 'Use **Re-run** on this check to try again.';

/** How a job ended, for metrics: the check run's conclusion, or `dropped` (stale, nothing posted). */
export interface ReviewOutcome {
  outcome: 'success' | 'failure' | 'neutral' | 'skipped' | 'dropped';
  /** Findings by factor, when the review ran. */
  findingsByFactor?: Readonly<Partial<Record<string, number>>>;
}

/**
 * Runs one review job end to end: finds the pull request (dropping the job when the SHA is no
 * longer its head, it is closed, or it or its repository is gone), loads the configuration from the default branch, skips a
 * draft unless `review_drafts`, creates the check run, fetches, reviews and publishes. Every
 * failure completes the check run `neutral` with what went wrong and how to retry: a check left
 * in progress would block merging forever. Throws only when GitHub refuses even that.
 */
export async function runReview(job: ReviewJob, options: RunReviewOptions): Promise<ReviewOutcome> {
  const { octokit, log } = options;
  const now = options.now ?? (() => new Date());
  const repository = { owner: job.owner, repo: job.repo };
  const checkRun = new CheckRun(octokit, repository, job.headSha, { externalId: job.id, now });
  try {
    const target = await resolveTarget(octokit, job, log);
    if (!target) return { outcome: 'dropped' };
    const earlier = options.resume ? await checkRun.resume() : undefined;
    if (earlier?.status === 'completed') {
      // Its review, annotations or threads may still be missing: publishing resumes from what GitHub
      // holds. A run an earlier attempt completed only to report its own failure is concluded anew.
      if (earlier.title === FAILURE_TITLE) checkRun.reopen();
      log.info('an earlier attempt of this job completed its check run; resuming what is left to publish');
    }
    let loaded: LoadedConfig | undefined;
    let configError: ConfigError | undefined;
    try {
      loaded = await loadConfig(octokit, repository);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      configError = error;
    }
    if (target.draft && !loaded?.config.reviewDrafts) {
      await checkRun.complete('skipped', DRAFT_SKIPPED);
      log.info('draft pull request skipped');
      return { outcome: 'skipped' };
    }
    await checkRun.start();
    if (!loaded) {
      await checkRun.complete('neutral', configErrorOutput(configError!));
      log.warn({ error: configError!.message }, 'invalid configuration');
      return { outcome: 'neutral' };
    }
    const { config } = loaded;
    const checks = options.checks ?? CHECKS;
    const fetched = await fetchPullRequest(octokit, target, config, checks);
    const report = await review(fetched.changeset, { config, checks });
    const notes = [...fetched.notes, ...configFileNotes(fetched.configFile)];
    const published = await publishReview(report, {
      octokit,
      checkRun,
      config,
      configSource: loaded.source,
      ...(target.pullNumber !== undefined && {
        pullRequest: { owner: job.owner, repo: job.repo, pullNumber: target.pullNumber, headSha: job.headSha },
      }),
      commentable: fetched.commentable,
      configChangedInPullRequest: fetched.configFile !== undefined,
      notes,
      log,
    });
    log.info(
      { conclusion: published.conclusion, findings: report.findings.length, files: fetched.changeset.files.length },
      'review completed',
    );
    return { outcome: published.conclusion, findingsByFactor: report.summary.byFactor };
  } catch (error) {
    log.error({ err: describeError(error) }, 'review failed');
    if (!checkRun.completed) await checkRun.complete('neutral', failureOutput(error));
    // Retried by the queue: the next attempt adopts this check run and finishes the job on it.
    if (error instanceof PublishingIncompleteError || isServerError(error)) throw error;
    return { outcome: 'neutral' };
  }
}

/** GitHub answered 5xx (or not at all) even after the client's retries: worth another attempt later. */
function isServerError(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && status >= 500;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

type Target = ReviewRevision & { draft: boolean };

/** The revision to review, or undefined when the job is stale (new head, closed, no pull request, or gone: 404). */
async function resolveTarget(octokit: ProbotOctokit, job: ReviewJob, log: Logger): Promise<Target | undefined> {
  const repository = { owner: job.owner, repo: job.repo };
  if (job.kind === 'merge_group') return { ...repository, headSha: job.headSha, baseSha: job.baseSha, draft: false };
  try {
    return await lookUpTarget(octokit, job, log);
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    // Deleted, transferred, made inaccessible or uninstalled: a retry would meet the same 404, and a
    // check run could not be seen (or even created) there. One line, no check run, no retry.
    log.info({ err: describeError(error) }, 'the pull request or repository is gone; job dropped');
    return undefined;
  }
}

async function lookUpTarget(octokit: ProbotOctokit, job: ReviewJob & { kind: 'pull_request' }, log: Logger): Promise<Target | undefined> {
  const repository = { owner: job.owner, repo: job.repo };
  let pullNumber = job.pullNumber;
  if (pullNumber === undefined) {
    // A re-run on a fork's commit: its check suite lists no pull request.
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...repository, commit_sha: job.headSha });
    pullNumber = data.find((pull) => pull.state === 'open' && pull.head.sha === job.headSha)?.number;
    if (pullNumber === undefined) {
      log.info('no open pull request has this head SHA; job dropped');
      return undefined;
    }
  }
  const { data: pull } = await octokit.rest.pulls.get({ ...repository, pull_number: pullNumber });
  if (pull.state !== 'open' || pull.head.sha !== job.headSha) {
    log.info({ state: pull.state, head: pull.head.sha }, 'the pull request is closed or has a newer head; job dropped');
    return undefined;
  }
  return {
    ...repository,
    headSha: job.headSha,
    baseSha: pull.base.sha,
    pullNumber,
    changedFiles: pull.changed_files,
    draft: pull.draft === true,
  };
}

const DRAFT_SKIPPED: CheckOutput = {
  title: 'Skipped: draft pull request',
  summary:
    'Draft pull requests are not reviewed. The review runs when the pull request is marked **ready for review**, ' +
    `or on every push when \`${CONFIG_PATH}\` on the default branch sets \`review_drafts: true\`.`,
};

function configErrorOutput(error: ConfigError): CheckOutput {
  return {
    title: 'Configuration error',
    summary: [
      `The configuration could not be used, so nothing was reviewed:`,
      `> ${error.message}`,
      `The configuration is read from the repository's **default branch** (a pull request that edits \`${CONFIG_PATH}\` takes effect once merged). Fix it there, then use **Re-run** on this check.`,
    ].join('\n\n'),
  };
}

const FAILURE_TITLE = 'Review could not complete';

function failureOutput(error: unknown): CheckOutput {
  return {
    title: FAILURE_TITLE,
    summary: `The review stopped before it could conclude: ${describeError(error)}. Nothing was concluded about the code. ${RERUN}`,
  };
}

/** What the check run says about the pull request's own edit of the configuration file. */
function configFileNotes(configFile: { removed: boolean; text?: string } | undefined): string[] {
  if (!configFile) return [];
  if (configFile.removed) return [`This pull request deletes \`${CONFIG_PATH}\`: once merged, the organisation's defaults (or the built-in ones) apply.`];
  if (configFile.text === undefined) return [];
  try {
    parseConfig(configFile.text, CONFIG_PATH, CHECK_IDS);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [`⚠️ The \`${CONFIG_PATH}\` in this pull request is invalid and would stop every review once merged: ${error.message}`];
  }
}

/**
 * The queue's processor: authenticates as the job's installation (throttled per installation)
 * and runs the review with a logger that carries the job's delivery id, repository, pull
 * request and SHA — the GitHub client logs through it too.
 */
export function reviewProcessor(
  probot: Probot,
  options: Pick<RunReviewOptions, 'now' | 'checks'> = {},
): (job: ReviewJob, attempt?: Pick<RunReviewOptions, 'resume'>) => Promise<ReviewOutcome> {
  return async (job, attempt = {}) => {
    const log = probot.log.child(jobLogFields(job));
    const octokit = await installationOctokit(probot, job.installationId, log);
    return runReview(job, { ...options, ...attempt, octokit, log });
  };
}

/**
 * An installation client as `probot.auth(id)` builds it (throttle keyed by the installation),
 * but logging through the job's logger.
 */
async function installationOctokit(probot: Probot, installationId: number, log: Logger): Promise<ProbotOctokit> {
  const app = await probot.auth();
  type Factory = (options: { octokit: ProbotOctokit; octokitOptions: Record<string, unknown> & { throttle?: { enabled?: boolean }; auth?: object } }) => ProbotOctokit;
  const factory: Factory = ({ octokit, octokitOptions, ...otherOptions }) => {
    const Octokit = octokit.constructor as new (options: Record<string, unknown>) => ProbotOctokit;
    return new Octokit({
      ...octokitOptions,
      log: log.child({ name: 'github' }),
      throttle: octokitOptions.throttle?.enabled ? { ...octokitOptions.throttle, id: String(installationId) } : { enabled: false },
      auth: { ...octokitOptions.auth, otherOptions, installationId },
    });
  };
  const octokit = (await app.auth({ type: 'installation', installationId, factory })) as ProbotOctokit;
  reauthenticateOnUnauthorized(octokit, log);
  return octokit;
}

/**
 * An installation token GitHub stops accepting before the cache lets it go (revoked, or expired
 * mid-review: tokens last an hour and Probot caches them for 59 minutes): @octokit/auth-app
 * retries a 401 only within 5 s of the token's creation, then throws. Here a 401 fetches a new
 * token once (`refresh` bypasses and replaces the cached one) and repeats the request; a second
 * 401 is thrown.
 */
function reauthenticateOnUnauthorized(octokit: ProbotOctokit, log: Logger): void {
  octokit.hook.error('request', async (error, options) => {
    const request: typeof options.request & { reauthenticated?: boolean } = options.request;
    if (statusOf(error) !== 401 || request.reauthenticated) throw error;
    log.warn({ err: describeError(error) }, 'GitHub refused the installation token; repeating the request with a new one');
    await octokit.auth({ type: 'installation', refresh: true });
    return octokit.request({ ...options, request: { ...request, reauthenticated: true } });
  });
}
