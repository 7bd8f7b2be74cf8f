import type { Logger } from 'pino';
import type { Probot, ProbotOctokit } from 'probot';
import { CHECK_NAME } from '../github/check-run.ts';
import { reviewJob, type ReviewJob } from '../github/review-job.ts';
import type { EnqueueResult } from '../queue/review-queue.ts';

/**
 * Repositories per GraphQL query. Each brings up to PULL_REQUESTS_PER_REPOSITORY pull requests
 * with their head commit's check suites: 25 × 50 × 5 ≈ 6,000 nodes, far below GraphQL's
 * 500,000-node limit (https://docs.github.com/en/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api).
 */
export const REPOSITORIES_PER_QUERY = 25;

/**
 * Open pull requests looked at per repository, most recently updated first: a webhook GitHub
 * failed to deliver is about recent activity, and a repository with more open pull requests
 * than this has its oldest ones left alone.
 */
export const PULL_REQUESTS_PER_REPOSITORY = 50;

/** Jobs the clock enqueues carry a delivery id starting with this (there is no webhook delivery). */
export const CLOCK_DELIVERY_PREFIX = 'clock-';

/** Installations, repositories and pull requests per REST page: GitHub's maximum. */
const PER_PAGE = 100;

const QUERY = /* GraphQL */ `
  query ReconcileOpenPullRequests($ids: [ID!]!, $appId: Int!, $checkName: String!, $pulls: Int!) {
    nodes(ids: $ids) {
      ... on Repository {
        name
        owner { login }
        pullRequests(states: OPEN, first: $pulls, orderBy: { field: UPDATED_AT, direction: DESC }) {
          nodes {
            number
            headRefOid
            commits(last: 1) {
              nodes {
                commit {
                  oid
                  checkSuites(first: 5, filterBy: { appId: $appId, checkName: $checkName }) {
                    nodes { checkRuns(first: 1, filterBy: { checkName: $checkName, status: COMPLETED }) { totalCount } }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

interface QueryResult {
  nodes: ({
    name: string;
    owner: { login: string };
    pullRequests: {
      nodes: {
        number: number;
        headRefOid: string;
        commits: { nodes: { commit: { oid: string; checkSuites: { nodes: { checkRuns: { totalCount: number } }[] } } }[] };
      }[];
    };
  } | null)[];
}

export interface ReconcileOptions {
  probot: Probot;
  /** Our App's id: only its check runs count. */
  appId: number;
  enqueue: (job: ReviewJob) => Promise<EnqueueResult>;
  log: Logger;
  now?: () => Date;
}

export interface ReconcileResult {
  installations: number;
  repositories: number;
  pullRequests: number;
  /** Pull requests whose head had no completed check run: queued, or already in the queue. */
  queued: number;
  duplicates: number;
  /** Installations that could not be read (their error is logged); the others went ahead. */
  failedInstallations: number;
}

/**
 * The clock's reconciliation: every open pull request (of every installation) whose head
 * commit has no completed "Twelve-Factor Review" check run from this App is enqueued — GitHub
 * never redelivers a webhook it failed to deliver. Idempotent: the job id (repository + pull
 * request + head SHA) dedupes against the webhook's own job and earlier runs. Requests: one
 * installation listing, then per installation one repository listing per 100 repositories and
 * one GraphQL query per REPOSITORIES_PER_QUERY repositories.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileResult> {
  const deliveryId = `${CLOCK_DELIVERY_PREFIX}${(options.now ?? (() => new Date()))().toISOString()}`;
  const result: ReconcileResult = { installations: 0, repositories: 0, pullRequests: 0, queued: 0, duplicates: 0, failedInstallations: 0 };
  const app = await options.probot.auth();
  const installations = await app.paginate(app.rest.apps.listInstallations, { per_page: PER_PAGE });
  for (const installation of installations) {
    if (installation.suspended_at) continue;
    result.installations++;
    try {
      const octokit = await options.probot.auth(installation.id);
      const repositories = (await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: PER_PAGE })).filter(
        (repository) => !repository.archived && !repository.disabled,
      );
      result.repositories += repositories.length;
      for (let start = 0; start < repositories.length; start += REPOSITORIES_PER_QUERY) {
        const ids = repositories.slice(start, start + REPOSITORIES_PER_QUERY).map((repository) => repository.node_id);
        for (const target of await unreviewedHeads(octokit, ids, options.appId, result)) {
          const job = reviewJob({ kind: 'pull_request', deliveryId, installationId: installation.id, ...target });
          const outcome = await options.enqueue(job);
          if (outcome === 'queued') result.queued++;
          else result.duplicates++;
          options.log.info({ job: job.id, result: outcome }, `reconcile: review ${outcome}`);
        }
      }
    } catch (error) {
      result.failedInstallations++;
      options.log.error({ err: error, installation: installation.id }, 'reconcile: installation skipped');
    }
  }
  return result;
}

async function unreviewedHeads(
  octokit: ProbotOctokit,
  ids: string[],
  appId: number,
  result: ReconcileResult,
): Promise<{ owner: string; repo: string; pullNumber: number; headSha: string }[]> {
  const data = await octokit.graphql<QueryResult>(QUERY, { ids, appId, checkName: CHECK_NAME, pulls: PULL_REQUESTS_PER_REPOSITORY });
  const heads = [];
  for (const repository of data.nodes) {
    if (!repository) continue;
    for (const pull of repository.pullRequests.nodes) {
      result.pullRequests++;
      const head = pull.commits.nodes.find(({ commit }) => commit.oid === pull.headRefOid)?.commit;
      const reviewed = head?.checkSuites.nodes.some((suite) => suite.checkRuns.totalCount > 0) ?? false;
      if (!reviewed) heads.push({ owner: repository.owner.login, repo: repository.name, pullNumber: pull.number, headSha: pull.headRefOid });
    }
  }
  return heads;
}
