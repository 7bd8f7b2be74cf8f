import { CHECKS } from '../../checks/index.ts';
import { FACTOR_NAMES, type Factor, type Severity } from '../engine/finding.ts';
import { SUPPRESSION_DIAGNOSTICS } from '../engine/post-process.ts';

/** What every reporter needs to know about a rule, taken from its metadata (never written twice). */
export interface RuleInfo {
  id: string;
  factor: Factor;
  title: string;
  /** Why it matters, one paragraph. */
  description: string;
  /** What to do instead, one sentence. */
  fix: string;
  /** The rule's default severity (configuration may change it per repository). */
  severity: Severity;
}

/** Fix guidance for the engine's own diagnostics, which carry no `fix` in their metadata. */
const SUPPRESSION_FIXES: Readonly<Record<keyof typeof SUPPRESSION_DIAGNOSTICS, string>> = {
  'suppression/missing-reason': 'Add `-- <reason>` after the rule id, saying why the finding does not apply here.',
  'suppression/unknown-rule': 'Correct the rule id to one from the rule catalogue, or remove the suppression.',
};

/**
 * A secret kind that is not (or no longer) in the catalogue still gets documentation: secret
 * findings must always explain themselves, and a reporter must never fail on an unknown kind.
 */
const GENERIC_SECRET: Omit<RuleInfo, 'id'> = {
  factor: 3,
  title: 'Credential committed to the repository',
  description:
    'Config, and credentials above all, belongs in the environment, not in the code: anyone with read access to the repository (and its history) can use a committed credential.',
  fix: 'Revoke and rotate the credential, then read it from the environment or a secret manager.',
  severity: 'error',
};

let byId: ReadonlyMap<string, RuleInfo> | undefined;

function catalogue(): ReadonlyMap<string, RuleInfo> {
  if (byId) return byId;
  const infos = new Map<string, RuleInfo>();
  for (const check of CHECKS) {
    const { factor, title, description, fix, severity } = check.meta;
    infos.set(check.id, { id: check.id, factor, title, description, fix, severity });
  }
  for (const [id, diagnostic] of Object.entries(SUPPRESSION_DIAGNOSTICS)) {
    const fix = SUPPRESSION_FIXES[id as keyof typeof SUPPRESSION_DIAGNOSTICS];
    infos.set(id, { id, factor: 0, title: diagnostic.title, description: diagnostic.description, fix, severity: diagnostic.severity });
  }
  byId = infos;
  return infos;
}

/**
 * Documentation of one rule: the registered checks (checks/index.ts) and the engine's
 * suppression diagnostics. Undefined for an id that is neither, except `secrets/<kind>`, which
 * always gets the generic secret documentation.
 */
export function ruleInfo(ruleId: string): RuleInfo | undefined {
  const known = catalogue().get(ruleId);
  if (known) return known;
  return ruleId.startsWith('secrets/') ? { id: ruleId, ...GENERIC_SECRET } : undefined;
}

/** Every documented rule: checks in registry order, then the suppression diagnostics. */
export function allRuleInfos(): readonly RuleInfo[] {
  return [...catalogue().values()];
}

const NUMERALS = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'] as const;

/** The factor's Roman numeral as 12factor.net writes it ("VII"); empty for 0 (not a factor). */
export function factorNumeral(factor: Factor): string {
  return NUMERALS[factor];
}

/** "VII. Port binding"; the tool's own diagnostics (factor 0) read "Suppression comments". */
export function factorLabel(factor: Factor): string {
  return factor === 0 ? 'Suppression comments' : `${NUMERALS[factor]}. ${FACTOR_NAMES[factor]}`;
}

/** Every factor number, 1 to 12. */
export const FACTORS: readonly Exclude<Factor, 0>[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Secret findings count for factor III whatever their metadata says (DESIGN.md, rule interface). */
export function factorOf(finding: { ruleId: string; factor: Factor }): Factor {
  return finding.ruleId.startsWith('secrets/') ? 3 : finding.factor;
}
