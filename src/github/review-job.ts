/** Fields every review job carries: where to post and what to log. Plain JSON, so Redis can hold it. */
interface JobBase {
  /** Dedupe key: repository + pull request (or merge group) + head SHA. */
  id: string;
  /** The webhook delivery that asked for the review (logged on every line of the job). */
  deliveryId: string;
  installationId: number;
  owner: string;
  repo: string;
  headSha: string;
}

/**
 * One review of one head SHA. A pull request job may lack the number (a re-run requested on a
 * fork's commit, whose check suite lists no pull request): the worker looks it up.
 */
export type ReviewJob = JobBase &
  ({ kind: 'pull_request'; pullNumber?: number } | { kind: 'merge_group'; baseSha: string; headRef: string });

/** A job before it has its id. */
export type ReviewTarget = ReviewJob extends infer Job ? (Job extends unknown ? Omit<Job, 'id'> : never) : never;

/**
 * Gives a job its id (no `:` — BullMQ reserves it in custom ids). A re-run requested by a user
 * gets its delivery id appended, so it runs again although the same SHA was reviewed before,
 * while a redelivery of that same request is still a duplicate.
 */
export function reviewJob(target: ReviewTarget, options: { rerun?: boolean } = {}): ReviewJob {
  const subject =
    target.kind === 'merge_group' ? '+merge-group' : target.pullNumber !== undefined ? `#${target.pullNumber}` : '';
  const rerun = options.rerun ? `+rerun-${target.deliveryId}` : '';
  return { ...target, id: `${target.owner}/${target.repo}${subject}@${target.headSha}${rerun}` } as ReviewJob;
}

/** What every log line about a job carries: delivery, repository, pull request (or merge group) and SHA. */
export function jobLogFields(job: ReviewJob): Record<string, string | number | undefined> {
  return {
    deliveryId: job.deliveryId,
    repo: `${job.owner}/${job.repo}`,
    ...(job.kind === 'pull_request' ? { pr: job.pullNumber } : { mergeGroup: job.headRef }),
    sha: job.headSha,
    job: job.id,
  };
}
