import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.ts';

/** What a GitHub Actions job tells a step through its environment. */
export interface ActionsEnvironment {
  owner: string;
  repo: string;
  /** The REST API root: api.github.com, or `https://HOST/api/v3` on GitHub Enterprise Server. */
  apiUrl: string;
  /** The checkout. */
  workspace: string;
  /** The file whose markdown becomes the job summary, when the runner provides one. */
  stepSummary?: string;
  token?: string;
  target: ReviewTarget;
  /** RUNNER_DEBUG: the workflow was re-run with debug logging. */
  debug: boolean;
}

/** The commits a job reviews: a pull request's head against its base, or a merge group's. */
export type ReviewTarget =
  | { kind: 'pull_request'; pullNumber: number; headSha: string; baseSha: string }
  | { kind: 'merge_group'; headSha: string; baseSha: string };

/** Undefined outside GitHub Actions (GITHUB_ACTIONS is not `true`). */
export function readActionsEnvironment(env: NodeJS.ProcessEnv): ActionsEnvironment | undefined {
  if (env.GITHUB_ACTIONS !== 'true') return undefined;
  const [owner, repo, ...rest] = required(env, 'GITHUB_REPOSITORY').split('/');
  if (!owner || !repo || rest.length > 0) throw new UsageError(`GITHUB_REPOSITORY ${env.GITHUB_REPOSITORY}: expected OWNER/REPO`);
  return {
    owner,
    repo,
    apiUrl: required(env, 'GITHUB_API_URL').replace(/\/$/, ''),
    workspace: required(env, 'GITHUB_WORKSPACE'),
    ...(env.GITHUB_STEP_SUMMARY && { stepSummary: env.GITHUB_STEP_SUMMARY }),
    ...(env.GITHUB_TOKEN && { token: env.GITHUB_TOKEN }),
    target: reviewTarget(readEvent(required(env, 'GITHUB_EVENT_PATH')), env.GITHUB_EVENT_NAME),
    debug: env.RUNNER_DEBUG === '1',
  };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new UsageError(`${name} is not set: ci reads the GitHub Actions environment`);
  return value;
}

function readEvent(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`GITHUB_EVENT_PATH ${file}: cannot read the event (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new UsageError(`GITHUB_EVENT_PATH ${file}: the event is not JSON`);
  }
}

interface PullRequestPayload {
  number?: unknown;
  head?: { sha?: unknown };
  base?: { sha?: unknown };
}

interface MergeGroupPayload {
  head_sha?: unknown;
  base_sha?: unknown;
}

/** The commits named by a `pull_request` (or `pull_request_target`) or `merge_group` event. */
function reviewTarget(event: Record<string, unknown>, eventName: string | undefined): ReviewTarget {
  const mergeGroup = event.merge_group as MergeGroupPayload | undefined;
  if (mergeGroup && typeof mergeGroup.head_sha === 'string' && typeof mergeGroup.base_sha === 'string') {
    return { kind: 'merge_group', headSha: mergeGroup.head_sha, baseSha: mergeGroup.base_sha };
  }
  const pull = event.pull_request as PullRequestPayload | undefined;
  if (pull && typeof pull.number === 'number' && typeof pull.head?.sha === 'string' && typeof pull.base?.sha === 'string') {
    return { kind: 'pull_request', pullNumber: pull.number, headSha: pull.head.sha, baseSha: pull.base.sha };
  }
  throw new UsageError(
    `ci reviews pull_request and merge_group events; this job's event${eventName ? ` (${eventName})` : ''} names no pull request or merge group`,
  );
}
