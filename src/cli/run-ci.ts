import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import type { Logger, ProbotOctokit } from 'probot';
import type { Changeset, LineRanges } from '../engine/changeset.ts';
import { ConfigError, type Config, type FailOn } from '../engine/config.ts';
import type { Report } from '../engine/finding.ts';
import { review } from '../engine/review.ts';
import { CHECK_NAME, CheckRun } from '../github/check-run.ts';
import { describeError } from '../github/describe-error.ts';
import { CONFIG_PATH, loadConfig } from '../github/load-config.ts';
import { conclusionOf, publishReview, PublishingIncompleteError, type Published } from '../github/publish-review.ts';
import { reviewOctokit, type ReviewOctokitOptions } from '../github/review-octokit.ts';
import { createLogger } from '../logging/create-logger.ts';
import { renderCheckSummary, renderCheckTitle } from '../report/markdown.ts';
import { renderSarif } from '../report/sarif.ts';
import { renderText } from '../report/text.ts';
import { TOOL_NAME } from '../version.ts';
import type { ActionsEnvironment, ReviewTarget } from './actions-environment.ts';
import { gitRoot, hasCommit, isShallow } from './git.ts';
import { loadCommitChangeset } from './load-changeset.ts';
import { loadConfigAtCommit, type LoadedConfigFile } from './load-config-file.ts';
import { UsageError } from './usage-error.ts';
import { workflowAnnotations } from './workflow-commands.ts';

export interface CiOptions {
  /** From --config; otherwise the repository's configuration as the App reads it. */
  config?: LoadedConfigFile;
  failOn?: FailOn;
  /** Overrides `comments.enabled`. */
  comments?: boolean;
  /** Where to write SARIF, absolute. */
  sarif?: string;
}

/** How `ci` reaches GitHub; tests hand in a validating fetch and unspaced throttling. */
export interface GitHubClientOptions extends ReviewOctokitOptions {
  fetch?: typeof fetch;
  now?: () => Date;
}

export interface CiIo {
  stdout: (text: string) => void;
  github?: GitHubClientOptions;
}

/**
 * `twelve-factor-review ci` inside a GitHub Actions job: reviews the pull request (or merge
 * group) the event names from the local checkout and publishes what the App publishes — the
 * check run with its annotations, one review with comments, suggestions and fingerprints,
 * resolved threads — through the App's publisher, with the job's token. When the token may not
 * write (a fork's pull request), reports through workflow-command annotations and says why.
 * The job summary always gets the scorecard. Resolves to the exit code: 1 when a new finding is
 * at or above `fail_on`.
 */
export async function runCi(actions: ActionsEnvironment, options: CiOptions, io: CiIo): Promise<number> {
  const root = actions.workspace;
  const { target } = actions;
  requireCommits(root, target);
  const log = createLogger({
    level: actions.debug ? 'debug' : 'silent',
    secrets: actions.token ? [actions.token] : [],
    destination: pino.destination({ dest: 2, sync: true }),
  });
  const octokit = actions.token ? githubClient(actions, actions.token, log, io.github) : undefined;
  const loaded = options.config ?? (await repositoryConfig(root, target.baseSha, octokit, actions));
  const config = withOverrides(loaded.config, options);
  const changeset = loadCommitChangeset(root, target.baseSha, target.headSha);
  const report = await review(changeset, { config });
  const configChangedInPullRequest = changeset.files.some((file) => file.path === CONFIG_PATH);

  const outcome = octokit
    ? await publish(report, { octokit, actions, config, configSource: loaded.source, commentable: commentableLines(changeset), configChangedInPullRequest, log, now: io.github?.now })
    : { fallback: 'GITHUB_TOKEN is not set' };

  io.stdout(renderText(report, { color: false }));
  if (outcome.published) {
    const comments = outcome.published.review?.comments ?? 0;
    io.stdout(`Check run "${CHECK_NAME}": ${renderCheckTitle(report)} — ${outcome.published.annotations} annotations, ${comments} review comments\n`);
  } else {
    io.stdout(`${TOOL_NAME}: ${outcome.fallback}; reporting through workflow annotations and the job summary instead\n`);
    const annotations = workflowAnnotations(report.findings);
    for (const line of annotations.lines) io.stdout(`${line}\n`);
    if (annotations.omitted > 0) {
      io.stdout(`${annotations.omitted} more findings are not annotated (GitHub shows at most 10 errors, 10 warnings and 10 notices per step); the job summary lists them\n`);
    }
  }
  if (actions.stepSummary) {
    appendStepSummary(actions.stepSummary, report, { config, configSource: loaded.source, configChangedInPullRequest }, outcome.fallback);
  }
  if (options.sarif) writeReport(options.sarif, renderSarif(report), '--sarif');
  return conclusionOf(report, config) === 'failure' ? 1 : 0;
}

/** Both commits must be in the clone: actions/checkout fetches one commit unless told `fetch-depth: 0`. */
function requireCommits(root: string, target: ReviewTarget): void {
  if (gitRoot(root) !== path.resolve(root)) throw new UsageError(`GITHUB_WORKSPACE ${root} is not the top of a git checkout (run actions/checkout first)`);
  for (const [which, sha] of [['base', target.baseSha], ['head', target.headSha]] as const) {
    if (hasCommit(root, sha)) continue;
    const shallow = isShallow(root) ? 'a shallow clone lacks' : 'the checkout lacks';
    throw new UsageError(`${shallow} the ${which} commit ${sha.slice(0, 12)}: check out with \`fetch-depth: 0\` (actions/checkout)`);
  }
}

function githubClient(actions: ActionsEnvironment, token: string, log: Logger, client: GitHubClientOptions = {}): ProbotOctokit {
  const { fetch, now: _now, ...octokitOptions } = client;
  const Octokit = reviewOctokit(octokitOptions);
  return new Octokit({
    auth: { token },
    baseUrl: actions.apiUrl,
    log: log.child({ name: 'github' }),
    ...(fetch && { request: { fetch } }),
  });
}

/**
 * The configuration as the App reads it (the default branch, the organisation's defaults,
 * `_extends`); from the base commit when GitHub cannot be asked. An invalid file stops the run.
 */
async function repositoryConfig(
  root: string,
  baseSha: string,
  octokit: ProbotOctokit | undefined,
  repository: { owner: string; repo: string },
): Promise<LoadedConfigFile> {
  if (octokit) {
    try {
      return await loadConfig(octokit, { owner: repository.owner, repo: repository.repo });
    } catch (error) {
      if (error instanceof ConfigError) throw error;
    }
  }
  return loadConfigAtCommit(root, baseSha);
}

function withOverrides(config: Config, options: CiOptions): Config {
  return {
    ...config,
    ...(options.failOn !== undefined && { failOn: options.failOn }),
    ...(options.comments !== undefined && { comments: { ...config.comments, enabled: options.comments } }),
  };
}

/** Where review comments can go: the lines the pull request adds (a new file: all of them). */
function commentableLines(changeset: Changeset): Map<string, LineRanges> {
  const commentable = new Map<string, LineRanges>();
  for (const file of changeset.files) {
    if (file.added === undefined) continue;
    commentable.set(file.path, file.added === 'all' ? [[1, lineCount(file.content)]] : file.added);
  }
  return commentable;
}

function lineCount(content: string | Uint8Array): number {
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

interface PublishContext {
  octokit: ProbotOctokit;
  actions: ActionsEnvironment;
  config: Config;
  configSource: string;
  commentable: ReadonlyMap<string, LineRanges>;
  configChangedInPullRequest: boolean;
  log: Logger;
  now: (() => Date) | undefined;
}

type PublishOutcome = { published: Published; fallback?: undefined } | { published?: undefined; fallback: string };

/**
 * Publishes through the App's publisher. A token that may not create the check run (a fork's
 * pull request gets a read-only one) or any failure before the run completes turns into the
 * reason for the fallback; a run created but not completed is completed `neutral`, so that no
 * check is left in progress.
 */
async function publish(report: Report, context: PublishContext): Promise<PublishOutcome> {
  const { octokit, actions, config, log } = context;
  const { target } = actions;
  const repository = { owner: actions.owner, repo: actions.repo };
  const subject = target.kind === 'pull_request' ? `#${target.pullNumber}` : '+merge-group';
  const checkRun = new CheckRun(octokit, repository, target.headSha, {
    externalId: `${actions.owner}/${actions.repo}${subject}@${target.headSha}`,
    now: context.now ?? (() => new Date()),
  });
  let started = false;
  try {
    await checkRun.start();
    started = true;
    const published = await publishReview(report, {
      octokit,
      checkRun,
      config,
      configSource: context.configSource,
      ...(target.kind === 'pull_request' && {
        pullRequest: { ...repository, pullNumber: target.pullNumber, headSha: target.headSha },
      }),
      commentable: context.commentable,
      configChangedInPullRequest: context.configChangedInPullRequest,
      notes: [],
      log,
    });
    return { published };
  } catch (error) {
    // The check run stands (and says what is missing); the annotations and summary still go out.
    if (error instanceof PublishingIncompleteError) return { fallback: error.message };
    if (checkRun.completed) throw error;
    if (started) {
      await checkRun
        .complete('neutral', { title: 'Review could not complete', summary: `Publishing the review failed: ${describeError(error)}. Re-run the job to try again.` })
        .catch(() => undefined);
    }
    return { fallback: fallbackReason(error) };
  }
}

function fallbackReason(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  if (status === 403 || status === 404) {
    return `the token may not write checks or reviews (${describeError(error)}; a pull request from a fork gets a read-only GITHUB_TOKEN)`;
  }
  return `publishing to GitHub failed (${describeError(error)})`;
}

function appendStepSummary(
  file: string,
  report: Report,
  context: { config: Config; configSource: string; configChangedInPullRequest: boolean },
  fallback: string | undefined,
): void {
  const sections = [`## ${CHECK_NAME}`, `**${renderCheckTitle(report)}**`];
  if (fallback) sections.push(`> Not published as a check run: ${fallback}.`);
  sections.push(renderCheckSummary(report, context));
  try {
    appendFileSync(file, `${sections.join('\n\n')}\n`);
  } catch (error) {
    throw new UsageError(`GITHUB_STEP_SUMMARY ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function writeReport(file: string, text: string, option: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`${option} ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
