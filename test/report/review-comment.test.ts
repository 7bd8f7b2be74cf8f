import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.ts';
import {
  fingerprintMarker,
  fingerprintOfComment,
  MAX_COMMENT_BODY_LENGTH,
  MAX_REVIEW_BODY_FINDINGS,
  REVIEW_BODY_MARKER,
  renderReviewBody,
  renderReviewComment,
} from '../../src/report/review-comment.ts';
import { aFinding, aReport } from '../support/findings.ts';

const finding = (overrides: Partial<Finding> = {}) =>
  aFinding({
    endColumn: 17,
    status: 'new',
    fingerprint: '6c81b057cceb04917ceaba3532f4e2cd',
    fix: { description: 'Read the port from the environment', replacement: 'app.listen(Number(process.env.PORT ?? 3000));' },
    ...overrides,
  });

const report = (findings: Finding[]) => aReport(findings);

describe('renderReviewComment', () => {
  it('names the factor, says why and how to fix, and ends with the fingerprint marker', () => {
    const body = renderReviewComment(finding(), { suggestions: true });
    expect(body).toBe(
      [
        '**❌ Twelve-Factor VII. Port binding** · error · `port-binding/no-hardcoded-port`',
        'Port binding (VII): server listens on hard-coded port 3000; read it from process.env.PORT.',
        '**Why it matters:** A twelve-factor app is self-contained and exports its service by binding to a port the environment assigns (PORT). A literal port collides with other processes on the same host and cannot be changed by the platform without a code change.',
        '**How to fix:** Read the port from the PORT environment variable, keeping the literal only as a local default.',
        '```suggestion\napp.listen(Number(process.env.PORT ?? 3000));\n```',
        '<sub>Not applicable here? Put `// twelve-factor-ignore-next-line port-binding/no-hardcoded-port -- <reason>` on the line above.</sub>',
        '<!-- twelve-factor-review:fingerprint=6c81b057cceb04917ceaba3532f4e2cd -->',
      ].join('\n\n'),
    );
  });

  it('leaves the suggestion out when suggestions are off', () => {
    const body = renderReviewComment(finding(), { suggestions: false });
    expect(body).not.toContain('```suggestion');
    expect(body).not.toContain('app.listen(Number(');
    expect(body).toContain('**How to fix:**');
  });

  it('has no suggestion when the finding has no fix', () => {
    const body = renderReviewComment(finding({ fix: undefined }), { suggestions: true });
    expect(body).not.toContain('```suggestion');
    expect(fingerprintOfComment(body)).toBe('6c81b057cceb04917ceaba3532f4e2cd');
  });

  it('never suggests a rewrite of a line holding a secret', () => {
    const body = renderReviewComment(
      finding({ ruleId: 'secrets/github-token', factor: 3, message: 'Config (III): GitHub token ghp_**** committed; revoke it.', fix: { description: 'x', replacement: 'const t = "ghp_abc";' } }),
      { suggestions: true },
    );
    expect(body).not.toContain('```suggestion');
    expect(body).not.toContain('ghp_abc');
    expect(body).toContain('**❌ Twelve-Factor III. Config**');
    expect(body).toContain('Not a real credential? Put `// twelve-factor-ignore-next-line secrets/github-token -- <reason>` on the line above, or add a pattern');
  });

  it('fences a suggestion that itself contains backticks, and spans several lines', () => {
    const replacement = 'const help = `\n```sh\nnpm start\n```\n`;';
    const body = renderReviewComment(finding({ line: 4, endLine: 8, fix: { description: 'd', replacement } }), { suggestions: true });
    expect(body).toContain(`\`\`\`\`suggestion\n${replacement}\n\`\`\`\``);
  });

  it('renders an empty replacement as a suggestion that deletes the lines', () => {
    const body = renderReviewComment(finding({ fix: { description: 'Remove the line', replacement: '' } }), { suggestions: true });
    expect(body).toContain('\n\n```suggestion\n```\n\n');
  });

  it('escapes markup and mentions in messages', () => {
    const body = renderReviewComment(finding({ message: 'Dependencies (II): @acme/util is imported but <b>not</b> declared; add `"@acme/util": "workspace:*"`.', fix: undefined }), {
      suggestions: true,
    });
    expect(body).toContain('Dependencies (II): `@acme/util` is imported but \\<b\\>not\\</b\\> declared; add `"@acme/util": "workspace:*"`.');
  });

  it('tells how to silence it in the file’s own comment syntax', () => {
    expect(renderReviewComment(finding({ path: 'Dockerfile', fix: undefined }), { suggestions: true })).toContain('`# twelve-factor-ignore-next-line port-binding/no-hardcoded-port -- <reason>`');
    expect(renderReviewComment(finding({ path: 'package.json', fix: undefined }), { suggestions: true })).toContain(
      'JSON has no comments: set `port-binding/no-hardcoded-port: off` under `rules`',
    );
    expect(renderReviewComment(finding({ ruleId: 'suppression/missing-reason', factor: 0, severity: 'warning', fix: undefined }), { suggestions: true })).not.toContain('Not applicable');
  });

  it('drops a suggestion too long for GitHub but keeps the marker and stays within the limit', () => {
    const body = renderReviewComment(finding({ fix: { description: 'd', replacement: 'x'.repeat(70_000) } }), { suggestions: true });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_COMMENT_BODY_LENGTH);
    expect(body).not.toContain('```suggestion');
    expect(body).toContain('_The suggested change is too long for a review comment._');
    expect(fingerprintOfComment(body)).toBe('6c81b057cceb04917ceaba3532f4e2cd');
  });
});

describe('fingerprintOfComment', () => {
  it('round-trips any fingerprint, even one that looks like markup', () => {
    for (const fingerprint of ['0123abcd', 'a b-->c', 'é/%?&']) {
      expect(fingerprintOfComment(renderReviewComment(finding({ fingerprint }), { suggestions: true }))).toBe(fingerprint);
    }
  });

  it('reads the last marker, so a quoted marker earlier in the body does not win', () => {
    const body = `> quoted\n> ${fingerprintMarker('old')}\n\nreply\n\n${fingerprintMarker('new')}`;
    expect(fingerprintOfComment(body)).toBe('new');
  });

  it('tolerates white space and line endings GitHub may normalise', () => {
    expect(fingerprintOfComment('text\r\n\r\n<!--  twelve-factor-review:fingerprint=abc123  -->\r\n')).toBe('abc123');
  });

  it('finds nothing in a body without a marker or with a broken one', () => {
    expect(fingerprintOfComment('Looks good to me')).toBeUndefined();
    expect(fingerprintOfComment('<!-- twelve-factor-review:fingerprint=%E0%A4%A -->')).toBeUndefined();
    expect(fingerprintOfComment(`x\n\n${REVIEW_BODY_MARKER}`)).toBeUndefined();
  });
});

describe('renderReviewBody', () => {
  it('points to the inline comments when every new finding got one', () => {
    const body = renderReviewBody(report([finding(), finding({ status: 'existing', line: 9 })]), []);
    expect(body).toBe(
      `**Twelve-Factor Review** found 1 new issue (1 error) in this pull request; see the inline comments. The **Twelve-Factor Review** check run has the full report.\n\n${REVIEW_BODY_MARKER}`,
    );
  });

  it('lists the new findings that did not get an inline comment', () => {
    const overflow = [finding({ severity: 'warning', path: 'src/b.ts', line: 2, message: 'Logs (XI): writes to a file.' }), finding({ path: 'src/c.ts', line: 7 })];
    const body = renderReviewBody(report([finding(), ...overflow]), overflow);
    expect(body).toContain('found 3 new issues (2 errors, 1 warning) in this pull request. 1 has an inline comment; 2 did not get one — listed below.');
    expect(body).toContain(
      '- ❌ `src/c.ts:7` Port binding (VII): server listens on hard-coded port 3000; read it from process.env.PORT. <sub>`port-binding/no-hardcoded-port`</sub>\n- ⚠️ `src/b.ts:2` Logs (XI): writes to a file. <sub>`port-binding/no-hardcoded-port`</sub>',
    );
    expect(fingerprintOfComment(body)).toBeUndefined();
  });

  it('caps the list and stays within GitHub’s limit', () => {
    const overflow = Array.from({ length: 120 }, (_, index) => finding({ path: `src/${'deep/'.repeat(200)}f${index}.ts`, line: index + 1 }));
    const body = renderReviewBody(report(overflow), overflow);
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_COMMENT_BODY_LENGTH);
    const listed = body.match(/^- ❌ /gm)?.length ?? 0;
    expect(listed).toBeLessThanOrEqual(MAX_REVIEW_BODY_FINDINGS);
    expect(body).toContain(`- …and ${120 - listed} more: see the check run's annotations.`);
    expect(body).toContain(`found 120 new issues (120 errors) in this pull request. None got an inline comment — the first ${listed} are listed below.`);
    expect(body.endsWith(REVIEW_BODY_MARKER)).toBe(true);
  });
});
