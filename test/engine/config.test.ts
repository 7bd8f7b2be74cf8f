import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, parseConfig } from '../../src/engine/config.ts';

const RULES = ['port-binding/no-hardcoded-port', 'logs/no-file-logging', 'secrets/github-token'];

function errorOf(text: string): string {
  try {
    parseConfig(text, '.twelve-factor.yml', RULES);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('applies defaults to an empty file', () => {
    expect(parseConfig('', 'x.yml', RULES)).toEqual(DEFAULT_CONFIG);
  });

  it('reads every documented key', () => {
    const config = parseConfig(
      [
        'fail_on: warning',
        'rules:',
        '  port-binding/no-hardcoded-port: notice',
        '  secrets/*: off',
        'factors:',
        '  8: off',
        '  11: on',
        'ignore: ["examples/**"]',
        'comments: { enabled: false, max: 5 }',
        'review_drafts: true',
        'secrets:',
        '  allow: ["^sk_test_"]',
      ].join('\n'),
      'x.yml',
      RULES,
    );
    expect(config).toEqual({
      failOn: 'warning',
      rules: { 'port-binding/no-hardcoded-port': 'notice', 'secrets/*': 'off' },
      factorsOff: [8],
      ignore: ['examples/**'],
      comments: { enabled: false, max: 5, suggestions: true },
      reviewDrafts: true,
      secrets: { allow: ['^sk_test_'] },
    });
  });

  it('names a misspelt rule id with its line and the nearest valid id', () => {
    expect(errorOf('fail_on: error\nrules:\n  port-binding/no-hardcodd-port: warning\n')).toBe(
      '.twelve-factor.yml:3: rules.port-binding/no-hardcodd-port: unknown rule — did you mean port-binding/no-hardcoded-port?',
    );
  });

  it('names an unknown top-level key with a suggestion', () => {
    expect(errorOf('fail_on: error\nfailOn: warning\n')).toBe(
      '.twelve-factor.yml:2: failOn: unknown key — did you mean fail_on?',
    );
  });

  it('names a bad value with its key path and line', () => {
    expect(errorOf('rules:\n  logs/no-file-logging: loud\n')).toMatch(/^\.twelve-factor\.yml:2: rules\.logs\/no-file-logging: /);
    expect(errorOf('comments:\n  max: 99\n')).toMatch(/^\.twelve-factor\.yml:2: comments\.max: /);
    expect(errorOf('factors:\n  13: off\n')).toMatch(/^\.twelve-factor\.yml:2: factors\.13: factor must be a number from 1 to 12$/);
  });

  it('reports YAML syntax errors as one line with the line number', () => {
    const message = errorOf('rules:\n  a: [unclosed\n');
    expect(message).toMatch(/^\.twelve-factor\.yml:\d+: invalid YAML: /);
    expect(message).not.toContain('\n');
  });

  it('rejects an invalid allowlist regular expression', () => {
    expect(errorOf('secrets:\n  allow: ["(unclosed"]\n')).toBe(
      '.twelve-factor.yml:2: secrets.allow.0: not a valid regular expression',
    );
  });

  it('rejects a top level that is not a mapping', () => {
    expect(errorOf('- a\n- b\n')).toBe('.twelve-factor.yml: expected a mapping of settings at the top level');
  });
});
