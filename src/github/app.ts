import type { ApplicationFunction, Context } from 'probot';
import type { ReviewQueue } from '../queue/review-queue.ts';
import { CHECK_NAME } from './check-run.ts';
import { jobLogFields, reviewJob, type ReviewJob, type ReviewTarget } from './review-job.ts';

/** The branch prefix of GitHub's merge-queue commits. */
const MERGE_QUEUE_BRANCH = 'gh-readonly-queue/';

/**
 * The Probot app: webhook handlers that only enqueue a review job (Probot answers GitHub once
 * the handlers return) — the review runs from the queue.
 */
export function reviewApp(queue: ReviewQueue<ReviewJob>): ApplicationFunction {
  return (app) => {
    const enqueue = async (context: Context, target: ReviewTarget, options: { rerun?: boolean } = {}) => {
      const job = reviewJob(target, options);
      const result = await queue.enqueue(job);
      context.log.info({ ...jobLogFields(job), result }, `review ${result}`);
    };

    /** "Re-run" on a check suite or run: review the PR whose head it is, bypassing dedupe. */
    const enqueueRerun = (
      context: Context,
      installationId: number,
      repository: { owner: { login: string }; name: string },
      headSha: string,
      pulls: readonly { number: number; head: { sha: string } }[],
    ) => {
      const pullNumber = pulls.find((pull) => pull.head.sha === headSha)?.number;
      return enqueue(
        context,
        {
          kind: 'pull_request',
          deliveryId: context.id,
          installationId,
          owner: repository.owner.login,
          repo: repository.name,
          headSha,
          ...(pullNumber !== undefined && { pullNumber }),
        },
        { rerun: true },
      );
    };

    app.on(
      ['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened', 'pull_request.ready_for_review'],
      async (context) => {
        const { installation, pull_request: pull, repository } = context.payload;
        if (!installation) return;
        await enqueue(context, {
          kind: 'pull_request',
          deliveryId: context.id,
          installationId: installation.id,
          owner: repository.owner.login,
          repo: repository.name,
          headSha: pull.head.sha,
          pullNumber: pull.number,
        });
      },
    );

    app.on('check_suite.rerequested', async (context) => {
      const { installation, check_suite: suite, repository } = context.payload;
      if (!installation || suite.head_branch?.startsWith(MERGE_QUEUE_BRANCH)) return;
      await enqueueRerun(context, installation.id, repository, suite.head_sha, suite.pull_requests);
    });

    app.on('check_run.rerequested', async (context) => {
      const { installation, check_run: run, repository } = context.payload;
      if (!installation || run.name !== CHECK_NAME || run.check_suite.head_branch?.startsWith(MERGE_QUEUE_BRANCH)) return;
      await enqueueRerun(context, installation.id, repository, run.head_sha, run.pull_requests);
    });

    app.on('merge_group.checks_requested', async (context) => {
      const { installation, merge_group: group, repository } = context.payload;
      if (!installation || !repository) return;
      await enqueue(context, {
        kind: 'merge_group',
        deliveryId: context.id,
        installationId: installation.id,
        owner: repository.owner.login,
        repo: repository.name,
        headSha: group.head_sha,
        baseSha: group.base_sha,
        headRef: group.head_ref,
      });
    });
  };
}
