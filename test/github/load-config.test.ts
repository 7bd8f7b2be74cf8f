import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG } from '../../src/engine/config.ts';
import { loadConfig } from '../../src/github/load-config.ts';

const API = 'https://api.github.com';
const FILE = '/contents/.github%2Ftwelve-factor.yml';
const octokit = new ProbotOctokit({ auth: { token: 'test' }, throttle: { enabled: false }, retry: { enabled: false } });
const repository = { owner: 'acme', repo: 'shop' };

beforeEach(() => nock.disableNetConnect());

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

function file(repo: string, text: string | undefined, path = FILE): void {
  const scope = nock(API).get(`/repos/acme/${repo}${path}`);
  if (text === undefined) scope.reply(404, { message: 'Not Found' });
  else scope.reply(200, text);
}

describe('loadConfig', () => {
  it('answers the defaults when neither the repository nor the organisation has a file', async () => {
    file('shop', undefined);
    file('.github', undefined);
    expect(await loadConfig(octokit, repository)).toEqual({ config: DEFAULT_CONFIG, source: 'defaults' });
  });

  it("uses the organisation's .github repository when the repository has no file", async () => {
    file('shop', undefined);
    file('.github', 'fail_on: warning\n');
    const loaded = await loadConfig(octokit, repository);
    expect(loaded.config.failOn).toBe('warning');
    expect(loaded.source).toBe('acme/.github:.github/twelve-factor.yml');
  });

  it('merges an _extends chain: maps key by key, lists added up, the nearer file winning', async () => {
    file('shop', '_extends: policies:base.yml\nrules:\n  port-binding/no-hardcoded-port: warning\nignore: ["examples/**"]\n');
    file('policies', 'fail_on: warning\nrules:\n  logs/no-file-logging: "off"\n  port-binding/no-hardcoded-port: notice\nignore: ["vendor-js/**"]\ncomments: { max: 5 }\n', '/contents/base.yml');
    const { config, source } = await loadConfig(octokit, repository);
    expect(config.failOn).toBe('warning');
    expect(config.rules).toEqual({ 'logs/no-file-logging': 'off', 'port-binding/no-hardcoded-port': 'warning' });
    expect(config.ignore).toEqual(['vendor-js/**', 'examples/**']);
    expect(config.comments).toEqual({ enabled: true, max: 5, suggestions: true });
    expect(source).toBe('.github/twelve-factor.yml (default branch), extending acme/policies:base.yml');
  });

  it('names the file, line and key of an invalid base file', async () => {
    file('shop', '_extends: .github\n');
    file('.github', 'fail_on: error\nfactors:\n  13: off\n');
    await expect(loadConfig(octokit, repository)).rejects.toThrow(new ConfigError('acme/.github:.github/twelve-factor.yml:3: factors.13: factor must be a number from 1 to 12'));
  });

  it('refuses an _extends loop and an _extends to nowhere', async () => {
    file('shop', '_extends: .github\n');
    file('.github', '_extends: shop\n');
    await expect(loadConfig(octokit, repository)).rejects.toThrow('_extends: shop loops back to a file already read');

    file('shop', '_extends: missing\n');
    file('missing', undefined);
    await expect(loadConfig(octokit, repository)).rejects.toThrow(
      'acme/shop:.github/twelve-factor.yml: _extends: acme/missing:.github/twelve-factor.yml not found',
    );
  });

  it('refuses a malformed _extends value', async () => {
    file('shop', '_extends: "not a repo!"\n');
    await expect(loadConfig(octokit, repository)).rejects.toThrow('expected "repo", "owner/repo" or "owner/repo:path.yml"');
  });
});
