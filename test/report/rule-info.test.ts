import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../checks/index.ts';
import { allRuleInfos, factorLabel, factorNumeral, factorOf, ruleInfo } from '../../src/report/rule-info.ts';

describe('ruleInfo', () => {
  it('documents a registered rule from its metadata', () => {
    expect(ruleInfo('port-binding/no-hardcoded-port')).toEqual({
      id: 'port-binding/no-hardcoded-port',
      factor: 7,
      title: 'Server listens on a hard-coded port',
      description: expect.stringContaining('binding to a port the environment assigns'),
      fix: 'Read the port from the PORT environment variable, keeping the literal only as a local default.',
      severity: 'error',
    });
  });

  it('documents the suppression diagnostics as factor 0, with a fix', () => {
    const info = ruleInfo('suppression/missing-reason');
    expect(info).toMatchObject({ factor: 0, severity: 'warning', title: 'Suppression without a reason' });
    expect(info?.fix).toContain('-- <reason>');
    expect(ruleInfo('suppression/unknown-rule')?.factor).toBe(0);
  });

  it('documents an unregistered secret kind generically under factor III, and nothing else', () => {
    expect(ruleInfo('secrets/some-future-kind')).toMatchObject({ id: 'secrets/some-future-kind', factor: 3, severity: 'error' });
    expect(ruleInfo('port-binding/no-such-rule')).toBeUndefined();
  });

  it('lists every registered rule and diagnostic, each with a title, a why and a fix', () => {
    const infos = allRuleInfos();
    expect(infos.map((info) => info.id)).toEqual([...CHECK_IDS, 'suppression/missing-reason', 'suppression/unknown-rule']);
    for (const info of infos) {
      expect([info.id, info.title.length > 0, info.description.length > 0, info.fix.length > 0]).toEqual([info.id, true, true, true]);
    }
  });
});

describe('factor helpers', () => {
  it('names factors the way 12factor.net numbers them', () => {
    expect(factorNumeral(7)).toBe('VII');
    expect(factorNumeral(12)).toBe('XII');
    expect(factorLabel(10)).toBe('X. Dev/prod parity');
    expect(factorLabel(0)).toBe('Suppression comments');
  });

  it('counts secrets under factor III', () => {
    expect(factorOf({ ruleId: 'secrets/aws-access-key', factor: 0 })).toBe(3);
    expect(factorOf({ ruleId: 'logs/no-file-logging', factor: 11 })).toBe(11);
  });
});
