import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../checks/define-check.ts';
import { checks } from '../../checks/secrets/index.ts';
import { detectSecrets, scanSecrets } from '../../checks/secrets/scanner.ts';
import { maskSecret } from '../../checks/secrets/support/secret-kind.ts';
import { PRESET_MESSAGE_KINDS, UNMAPPED_PRESET_RULES, presetMessageIds } from '../../checks/secrets/support/secretlint-preset.ts';
import { base62Checksum, checksumMatches } from '../../checks/secrets/support/token-checksum.ts';
import { githubToken, npmToken } from '../checks/secrets/fake-secret.ts';

describe('secret scanner', () => {
  it("switches off the profiler secretlint's core uses, so no per-file marks pile up", async () => {
    await scanSecrets({ path: 'src/a.ts', kind: 'javascript', text: `const token = '${githubToken('profiler')}';` }, []);
    const corePath = createRequire(import.meta.url).resolve('@secretlint/core');
    const profilerPath = createRequire(corePath).resolve('@secretlint/profiler');
    const { secretLintProfiler } = (await import(pathToFileURL(profilerPath).href)) as { secretLintProfiler: { isEnabled: boolean } };
    expect(secretLintProfiler.isEnabled).toBe(false);
    expect(performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('@core>'))).toEqual([]);
  });

  it('maps every message of the recommended preset to one of our kinds, each with a rule', () => {
    expect(UNMAPPED_PRESET_RULES).toEqual([]);
    const ids = new Set(checks.map((check) => check.id));
    for (const messageId of presetMessageIds()) {
      const mapping = PRESET_MESSAGE_KINDS[messageId];
      expect(mapping, messageId).toBeDefined();
      expect(ids.has(`secrets/${mapping!.kind}`), messageId).toBe(true);
    }
  });

  it('scans a file once however many kinds are enabled', async () => {
    const text = `GITHUB_TOKEN=${githubToken('memo')}\nNPM_TOKEN=${npmToken('memo')}\n`;
    const memo = new Map<string, unknown>();
    let scans = 0;
    const reported: string[] = [];
    const contextFor = (ruleId: string) =>
      ({
        path: '.env',
        kind: 'env-file',
        text,
        settings: { secretAllowlist: [] },
        perFile<T>(key: string, compute: () => T): T {
          if (!memo.has(key)) {
            scans++;
            memo.set(key, compute());
          }
          return memo.get(key) as T;
        },
        report: () => reported.push(ruleId),
      }) as unknown as CheckContext<'found'>;
    await detectSecrets<'found'>('github-token').detect(contextFor('secrets/github-token'));
    await detectSecrets<'found'>('npm-token').detect(contextFor('secrets/npm-token'));
    await detectSecrets<'found'>('slack-token').detect(contextFor('secrets/slack-token'));
    expect(scans).toBe(1);
    expect(reported).toEqual(['secrets/github-token', 'secrets/npm-token']);
  });

  it('computes GitHub checksums as GitHub does (expired sample tokens published with base62-token.js)', () => {
    expect(base62Checksum('zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ')).toBe('0mLq17');
    expect(base62Checksum('adE7dp8rHP6gUTuPwxLTZjZdtya3sV')).toBe('0UQzQM');
    expect(checksumMatches(`ghp_zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ${'0mLq17'}`)).toBe(true);
    expect(checksumMatches(`ghp_zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ${'0mLq18'}`)).toBe(false);
    expect(checksumMatches('ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')).toBe(false);
    expect(checksumMatches('github_pat_11AAAA')).toBeUndefined();
  });

  it('masks a secret to at most 4 leading characters, never more than a quarter of it', () => {
    expect(maskSecret(githubToken('mask'))).toBe('ghp_****');
    expect(maskSecret('Xk9#mP2$')).toBe('Xk****');
    expect(maskSecret('abc')).toBe('****');
  });

  it('reports nothing for a file with no marker at all', async () => {
    expect(await scanSecrets({ path: 'src/math.ts', kind: 'javascript', text: 'export const add = (a: number, b: number) => a + b;\n' }, [])).toEqual([]);
  });
});
