import { generateKeyPairSync } from 'node:crypto';
import { pino } from 'pino';
import { Probot } from 'probot';
import { reviewOctokit } from '../../src/github/review-octokit.ts';
import { reviewProcessor } from '../../src/github/run-review.ts';
import { fingerprintMarker } from '../../src/report/review-comment.ts';
import { STAND_IN_APP_ID, type GitHubStandIn, type StandInPullRequest } from './github-stand-in.ts';

/** The App's key for tests against the stand-in, made once per test file. */
let privateKey: string | undefined;

/**
 * The review job processor as a worker runs it, talking to the stand-in: no retry delays and no
 * throttling, so a test's failures and retries happen at once.
 */
export function standInReviewProcessor(standIn: GitHubStandIn): ReturnType<typeof reviewProcessor> {
  privateKey ??= generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;
  const probot = new Probot({
    appId: STAND_IN_APP_ID,
    privateKey,
    log: pino({ level: 'silent' }),
    baseUrl: `http://${standIn.host}/api/v3`,
    Octokit: reviewOctokit({ retryDelayScale: 0, throttle: { enabled: false } }),
  });
  return reviewProcessor(probot);
}

/** A server listening on `count` hard-coded ports: `count` new errors, each an annotation and a comment candidate. */
export function hardCodedPorts(count: number): string {
  const lines = Array.from({ length: count }, (_, index) => `http.createServer(() => {}).listen(${3000 + index});`);
  return `import http from 'node:http';\n${lines.join('\n')}\n`;
}

/**
 * An earlier push's review by the App on `pull`, whose one comment is on a finding that has
 * since gone: a review of the new head is to resolve its thread.
 */
export function addEarlierReview(standIn: GitHubStandIn, pull: StandInPullRequest, ids: { review: number; comment: number }): void {
  const bot = { login: 'twelve-factor-review[bot]', type: 'Bot' } as const;
  standIn.reviews.push({
    id: ids.review,
    owner: pull.owner,
    repo: pull.repo,
    number: pull.number,
    body: 'an earlier push',
    user: bot,
    state: 'COMMENTED',
    comments: [{ id: ids.comment, path: 'src/old.js', line: 1, body: `fixed since ${fingerprintMarker('gone-finding')}`, user: bot, in_reply_to_id: null }],
  });
}
