import type { Logger, ProbotOctokit } from 'probot';
import type { LineRanges } from '../engine/changeset.ts';
import type { Config } from '../engine/config.ts';
import type { Finding, Report } from '../engine/finding.ts';
import { bySeverity } from '../report/markdown-text.ts';
import { fingerprintOfComment, REVIEW_BODY_MARKER, renderReviewBody, renderReviewComment } from '../report/review-comment.ts';

/** The pull request a review goes to, at the head SHA that was reviewed. */
export interface ReviewedPullRequest {
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
}

export interface PostedReview {
  /** Inline comments GitHub accepted. */
  comments: number;
  /** Comments GitHub rejected (422), listed in the review body instead. */
  rejected: number;
  /** Threads resolved because their finding is gone. */
  resolved: number;
  /** Whether a review was posted at all. */
  posted: boolean;
}

interface ReviewComment {
  path: string;
  body: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
}

/** Pages of review threads read when looking for threads to resolve (100 threads a page). */
const MAX_THREAD_PAGES = 10;

/** Marks the review body with the fingerprints it lists, so a later push does not list them again. */
const LISTED_MARKER = /<!--\s*twelve-factor-review:listed=([^\s>]*)\s*-->/;
const MAX_LISTED_FINGERPRINTS = 200;

/**
 * Posts one review (event COMMENT) for a head SHA: an inline comment, on the RIGHT side of
 * added lines, for each new finding that has none yet (at most `comments.max`), and the other
 * new findings in the body. No review when there is nothing new to say: every new finding
 * already has a comment or was listed in an earlier review's body. When GitHub rejects the
 * review (422: usually a line outside the diff), the comments are posted one by one and the
 * rejected ones go to the body of a last review, so one bad comment cannot sink the others.
 * Threads of our comments whose finding has disappeared are resolved (one GraphQL mutation).
 */
export async function postReview(
  octokit: ProbotOctokit,
  pullRequest: ReviewedPullRequest,
  report: Report,
  options: { config: Config; commentable: ReadonlyMap<string, LineRanges>; log: Logger },
): Promise<PostedReview> {
  const { config, commentable, log } = options;
  const target = { owner: pullRequest.owner, repo: pullRequest.repo, pull_number: pullRequest.pullNumber };
  const ours = await ourComments(octokit, target);
  const commented = new Set(ours.map((comment) => comment.fingerprint));

  const fresh = bySeverity(report.findings.filter((finding) => finding.status === 'new' && !commented.has(finding.fingerprint)));
  const comments: { finding: Finding; comment: ReviewComment }[] = [];
  const overflow: Finding[] = [];
  for (const finding of fresh) {
    const placement = comments.length < config.comments.max ? placeComment(finding, commentable.get(finding.path)) : undefined;
    if (!placement) {
      overflow.push(finding);
      continue;
    }
    const body = renderReviewComment(finding, { suggestions: config.comments.suggestions && placement.spansFinding });
    comments.push({ finding, comment: { path: finding.path, body, side: 'RIGHT', ...placement.lines } });
  }

  const result: PostedReview = { comments: 0, rejected: 0, resolved: 0, posted: false };
  // Earlier reviews matter only when this one would list findings and carry no comment.
  const listedBefore = comments.length === 0 && overflow.length > 0 ? await listedInReviews(octokit, target) : new Set<string>();
  if (comments.length > 0 || overflow.some((finding) => !listedBefore.has(finding.fingerprint))) {
    const review = (withComments: readonly ReviewComment[], listed: readonly Finding[]) =>
      octokit.rest.pulls.createReview({
        ...target,
        commit_id: pullRequest.headSha,
        event: 'COMMENT',
        body: [renderReviewBody(report, listed), listedMarker(listed)].filter(Boolean).join('\n'),
        comments: [...withComments],
      });
    try {
      await review(
        comments.map(({ comment }) => comment),
        overflow,
      );
      result.comments = comments.length;
    } catch (error) {
      if (statusOf(error) !== 422) throw error;
      log.warn({ status: 422 }, 'GitHub rejected the review; posting its comments one by one');
      const rejected: Finding[] = [];
      for (const { finding, comment } of comments) {
        try {
          await octokit.rest.pulls.createReviewComment({ ...target, commit_id: pullRequest.headSha, ...comment });
          result.comments++;
        } catch (commentError) {
          if (statusOf(commentError) !== 422) throw commentError;
          rejected.push(finding);
        }
      }
      result.rejected = rejected.length;
      if (rejected.length > 0 || overflow.length > 0) await review([], [...rejected, ...overflow]);
    }
    result.posted = true;
  }

  const present = new Set(report.findings.map((finding) => finding.fingerprint));
  const gone = ours.filter((comment) => !present.has(comment.fingerprint));
  if (gone.length > 0) result.resolved = await resolveThreads(octokit, pullRequest, new Set(gone.map((comment) => comment.id)));
  return result;
}

/**
 * Where a finding's comment goes. Spanning the finding's lines (so a suggestion replaces
 * exactly them) when all were added; otherwise on the first added line, without a suggestion;
 * nowhere when the finding touches no added line.
 */
function placeComment(
  finding: Finding,
  added: LineRanges | undefined,
): { lines: Pick<ReviewComment, 'line' | 'start_line' | 'start_side'>; spansFinding: boolean } | undefined {
  if (added === undefined) return undefined;
  const isAdded = (line: number) => added.some(([from, to]) => from <= line && line <= to);
  const lines = Array.from({ length: finding.endLine - finding.line + 1 }, (_, index) => finding.line + index);
  if (lines.every(isAdded)) {
    return finding.endLine > finding.line
      ? { lines: { start_line: finding.line, start_side: 'RIGHT', line: finding.endLine }, spansFinding: true }
      : { lines: { line: finding.line }, spansFinding: true };
  }
  const first = lines.find(isAdded);
  return first === undefined ? undefined : { lines: { line: first }, spansFinding: false };
}

interface PullRequestParams {
  owner: string;
  repo: string;
  pull_number: number;
}

/** Top-level review comments written by a bot, with the fingerprint marker renderReviewComment adds. */
async function ourComments(octokit: ProbotOctokit, target: PullRequestParams): Promise<{ id: number; fingerprint: string }[]> {
  const comments = await octokit.paginate(octokit.rest.pulls.listReviewComments, { ...target, per_page: 100 });
  return comments.flatMap((comment) => {
    const fingerprint = comment.user?.type === 'Bot' && !comment.in_reply_to_id ? fingerprintOfComment(comment.body) : undefined;
    return fingerprint ? [{ id: comment.id, fingerprint }] : [];
  });
}

/** Fingerprints earlier reviews of ours listed in their bodies. */
async function listedInReviews(octokit: ProbotOctokit, target: PullRequestParams): Promise<Set<string>> {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { ...target, per_page: 100 });
  const listed = new Set<string>();
  for (const review of reviews) {
    if (review.user?.type !== 'Bot' || !review.body?.includes(REVIEW_BODY_MARKER)) continue;
    const match = LISTED_MARKER.exec(review.body);
    for (const fingerprint of match?.[1]?.split(',') ?? []) if (fingerprint) listed.add(decodeURIComponent(fingerprint));
  }
  return listed;
}

function listedMarker(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  const fingerprints = findings.slice(0, MAX_LISTED_FINGERPRINTS).map((finding) => encodeURIComponent(finding.fingerprint));
  return `<!-- twelve-factor-review:listed=${fingerprints.join(',')} -->`;
}

const THREADS_QUERY = `query($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { id: string; isResolved: boolean; comments: { nodes: { databaseId: number | null }[] } }[];
      };
    } | null;
  } | null;
}

/** Resolves the unresolved threads started by the given comments, in one mutation. */
async function resolveThreads(octokit: ProbotOctokit, pullRequest: ReviewedPullRequest, commentIds: ReadonlySet<number>): Promise<number> {
  const threads: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_THREAD_PAGES; page++) {
    const data: ThreadsPage = await octokit.graphql<ThreadsPage>(THREADS_QUERY, {
      owner: pullRequest.owner,
      name: pullRequest.repo,
      number: pullRequest.pullNumber,
      cursor,
    });
    const connection = data.repository?.pullRequest?.reviewThreads;
    for (const thread of connection?.nodes ?? []) {
      const first = thread.comments.nodes[0]?.databaseId;
      if (!thread.isResolved && first != null && commentIds.has(first)) threads.push(thread.id);
    }
    cursor = connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    if (!cursor) break;
  }
  if (threads.length === 0) return 0;
  const mutations = threads.map(
    (id, index) => `t${index}: resolveReviewThread(input: { threadId: ${JSON.stringify(id)} }) { thread { isResolved } }`,
  );
  await octokit.graphql(`mutation { ${mutations.join(' ')} }`);
  return threads.length;
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : undefined;
}
