import type { Logger, ProbotOctokit } from 'probot';
import type { LineRanges } from '../engine/changeset.ts';
import type { Config } from '../engine/config.ts';
import { isAtLeast, type Finding, type Report, type Severity } from '../engine/finding.ts';
import { isIncomplete } from '../report/coverage-text.ts';
import { renderCheckSummary, renderCheckTitle } from '../report/markdown.ts';
import { ruleInfo } from '../report/rule-info.ts';
import type { Annotation, CheckRun, Conclusion } from './check-run.ts';
import { describeError } from './describe-error.ts';
import { postReview, type PostedReview } from './post-review.ts';

/**
 * "The Checks API limits the number of annotations to a maximum of 50 per API request"
 * (https://docs.github.com/en/rest/checks/runs#update-a-check-run); more take further updates.
 */
export const MAX_ANNOTATIONS_PER_REQUEST = 50;

/**
 * Annotations posted per review: each batch of 50 beyond the first is one more write, spaced
 * about a second apart by the throttling plugin. The summary notes the cap when it bites.
 */
export const MAX_ANNOTATIONS = 150;

export interface PublishOptions {
  octokit: ProbotOctokit;
  checkRun: CheckRun;
  config: Config;
  configSource: string;
  /** The pull request to review; a merge group gets the check run only. */
  pullRequest?: { owner: string; repo: string; pullNumber: number; headSha: string };
  /** Added lines per changed file, from the patches: where review comments can go. */
  commentable: ReadonlyMap<string, LineRanges>;
  configChangedInPullRequest: boolean;
  /** Sentences for the check run's text (limits met, problems with the pull request's config). */
  notes: readonly string[];
  log: Logger;
}

export interface Published {
  conclusion: Conclusion;
  annotations: number;
  review?: PostedReview;
}

/**
 * Thrown when publishing stopped after the check run was completed: the job is to be retried,
 * and the retry (adopting the same check run) posts only what is missing.
 */
export class PublishingIncompleteError extends Error {
  constructor(cause: unknown) {
    super(`publishing stopped after the check run completed: ${describeError(cause)}`, { cause });
    this.name = 'PublishingIncompleteError';
  }
}

/** How the check run's text begins to say that publishing stopped after the run completed. */
const PUBLISHING_FAILED = 'Posting the annotations or review comments failed';
const POSTED_ON_RETRY = 'An earlier attempt could not post everything; the annotations and review comments were posted in full on a retry.';

/**
 * Reports a review: completes the check run (conclusion by `fail_on`, title, summary, the
 * first 50 annotations), adds further annotation batches, then posts the review. The check run
 * is completed first, so a failure afterwards cannot leave it in progress: such a failure is
 * noted in the check run's text (the conclusion stands, the findings are real) and thrown as
 * PublishingIncompleteError, for the job to be retried.
 *
 * Resumable: every step asks GitHub how far an earlier attempt got, so a retry on the same
 * check run (`CheckRun.resume`) posts nothing twice — a completed run is not completed again,
 * annotation batches continue from the run's annotation count (batches are atomic and in a
 * fixed order), and postReview skips findings whose comment or review-body listing carries
 * their fingerprint. Usable outside Probot: any authenticated Octokit and a CheckRun will do.
 */
export async function publishReview(report: Report, options: PublishOptions): Promise<Published> {
  const { checkRun, config, log } = options;
  const conclusion = conclusionOf(report, config);
  const all = annotationsOf(report.findings);
  const annotations = all.slice(0, MAX_ANNOTATIONS);
  const output = {
    title: renderCheckTitle(report),
    summary: renderCheckSummary(report, {
      config,
      configSource: options.configSource,
      annotations: { posted: annotations.length, total: all.length },
      configChangedInPullRequest: options.configChangedInPullRequest,
    }),
    ...(options.notes.length > 0 && { text: options.notes.join('\n\n') }),
  };
  if (!checkRun.completed) await checkRun.complete(conclusion, { ...output, annotations: annotations.slice(0, MAX_ANNOTATIONS_PER_REQUEST) });
  const published: Published = { conclusion, annotations: annotations.length };
  try {
    for (let start = checkRun.annotations; start < annotations.length; start += MAX_ANNOTATIONS_PER_REQUEST) {
      await checkRun.update({ ...output, annotations: annotations.slice(start, start + MAX_ANNOTATIONS_PER_REQUEST) });
    }
    if (options.pullRequest && config.comments.enabled) {
      published.review = await postReview(options.octokit, options.pullRequest, report, { config, commentable: options.commentable, log });
      log.info({ ...published.review }, 'review posted');
    }
    // An earlier attempt noted on the run what it could not post; now that all is posted, say so.
    if (checkRun.text?.includes(PUBLISHING_FAILED)) {
      await checkRun.update({ ...output, text: [...options.notes, POSTED_ON_RETRY].join('\n\n') });
    }
  } catch (error) {
    log.error({ err: describeError(error) }, 'posting the review failed after the check run completed');
    const note = `${PUBLISHING_FAILED}: ${describeError(error)}. The conclusion above stands; it is retried, and **Re-run** on this check posts what is missing.`;
    await checkRun.update({ ...output, text: [...options.notes, note].join('\n\n') }).catch((updateError: unknown) => {
      log.error({ err: describeError(updateError) }, 'noting the failure on the check run failed too');
    });
    throw new PublishingIncompleteError(error);
  }
  return published;
}

/**
 * `failure` when a new finding is at or above `fail_on`; otherwise `neutral` when a file the
 * review needed went unread (never `success` for what nobody read); `success` otherwise.
 */
export function conclusionOf(report: Report, config: Config): Conclusion {
  const failOn = config.failOn;
  if (failOn !== 'never' && report.findings.some((finding) => finding.status !== 'existing' && isAtLeast(finding.severity, failOn))) return 'failure';
  return isIncomplete(report) ? 'neutral' : 'success';
}

const LEVEL: Readonly<Record<Severity, Annotation['annotation_level']>> = { error: 'failure', warning: 'warning', notice: 'notice' };
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, notice: 2 };

/** One annotation per finding: new before existing, then by severity; findings keep their order otherwise. */
function annotationsOf(findings: readonly Finding[]): Annotation[] {
  const ordered = [...findings].sort(
    (a, b) => Number(a.status === 'existing') - Number(b.status === 'existing') || RANK[a.severity] - RANK[b.severity],
  );
  return ordered.map((finding) => {
    const title = ruleInfo(finding.ruleId)?.title;
    const annotation: Annotation = {
      path: finding.path,
      start_line: finding.line,
      end_line: Math.max(finding.line, finding.endLine),
      annotation_level: LEVEL[finding.severity],
      message: finding.message,
      title: `${finding.status === 'existing' ? '[existing] ' : ''}${title ? `${title} ` : ''}(${finding.ruleId})`,
    };
    // GitHub takes columns only for an annotation on a single line.
    if (finding.endLine === finding.line) {
      annotation.start_column = finding.column;
      annotation.end_column = Math.max(finding.column, finding.endColumn - 1);
    }
    return annotation;
  });
}
