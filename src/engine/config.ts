import { closest, distance } from 'fastest-levenshtein';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import type { Severity } from './finding.ts';

export type RuleSetting = 'off' | Severity;
export type FailOn = Severity | 'never';

/** The configuration in force for one review, defaults applied. */
export interface Config {
  failOn: FailOn;
  rules: Readonly<Record<string, RuleSetting>>;
  /** Factors switched off as a whole. */
  factorsOff: readonly number[];
  ignore: readonly string[];
  comments: { enabled: boolean; max: number; suggestions: boolean };
  reviewDrafts: boolean;
  secrets: { allow: readonly string[] };
}

/** GitHub's review API accepts many comments, but more than 30 buries a PR; DESIGN.md caps it there. */
export const MAX_REVIEW_COMMENTS = 30;

export const DEFAULT_CONFIG: Config = {
  failOn: 'error',
  rules: {},
  factorsOff: [],
  ignore: [],
  comments: { enabled: true, max: 20, suggestions: true },
  reviewDrafts: false,
  secrets: { allow: [] },
};

const ruleSetting = z.enum(['off', 'notice', 'warning', 'error']);

const schema = z
  .object({
    fail_on: z.enum(['error', 'warning', 'notice', 'never']),
    rules: z.record(z.string(), ruleSetting),
    factors: z.record(z.string(), z.enum(['off', 'on'])),
    ignore: z.array(z.string().min(1)),
    comments: z
      .object({
        enabled: z.boolean(),
        max: z.number().int().min(0).max(MAX_REVIEW_COMMENTS),
        suggestions: z.boolean(),
      })
      .strict()
      .partial(),
    review_drafts: z.boolean(),
    secrets: z
      .object({ allow: z.array(z.string().refine(isValidRegExp, 'not a valid regular expression')) })
      .strict()
      .partial(),
    _extends: z.string(),
  })
  .strict()
  .partial();

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** A configuration problem, with the file and the key it concerns, as one line. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Parses and validates a configuration file. `source` names it in messages; `ruleIds` are the
 * known rules (a misspelt id is an error with the nearest valid id suggested).
 */
export function parseConfig(text: string, source: string, ruleIds: readonly string[]): Config {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    const line = lineCounter.linePos(syntaxError.pos[0]).line;
    throw new ConfigError(`${source}${line ? `:${line}` : ''}: invalid YAML: ${firstLine(syntaxError.message)}`);
  }
  const raw: unknown = configValue(document, source);
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${source}: expected a mapping of settings at the top level`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keyPath = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    const what = issue.code === 'unrecognized_keys' ? `unknown key${suggest(issue.keys[0]!, Object.keys(schema.shape))}` : issue.message;
    throw new ConfigError(`${where(document, lineCounter, source, keyPath)}: ${what}`);
  }
  const value = parsed.data;
  for (const factor of Object.keys(value.factors ?? {})) {
    if (!/^(?:[1-9]|1[0-2])$/.test(factor)) {
      throw new ConfigError(`${where(document, lineCounter, source, ['factors', factor])}: factor must be a number from 1 to 12`);
    }
  }
  for (const ruleId of Object.keys(value.rules ?? {})) {
    if (!ruleIds.includes(ruleId) && !isSecretWildcard(ruleId)) {
      throw new ConfigError(`${where(document, lineCounter, source, ['rules', ruleId])}: unknown rule${suggest(ruleId, ruleIds)}`);
    }
  }
  return {
    failOn: value.fail_on ?? DEFAULT_CONFIG.failOn,
    rules: value.rules ?? {},
    factorsOff: Object.entries(value.factors ?? {})
      .filter(([, state]) => state === 'off')
      .map(([factor]) => Number(factor)),
    ignore: value.ignore ?? [],
    comments: { ...DEFAULT_CONFIG.comments, ...value.comments },
    reviewDrafts: value.review_drafts ?? DEFAULT_CONFIG.reviewDrafts,
    secrets: { allow: value.secrets?.allow ?? [] },
  };
}

/** `secrets/*` sets every secret kind at once. */
/**
 * How many alias expansions a configuration file may make. A few anchors are legitimate; a
 * "billion laughs" file (anchors of anchors) would expand exponentially, so the yaml package
 * stops at this count (its `maxAliasCount`, https://eemeli.org/yaml/#tojs-options).
 */
export const MAX_CONFIG_ALIAS_COUNT = 100;

/** The document as plain data, alias expansion bounded: an alias bomb is a ConfigError, not a crash. */
function configValue(document: Document, source: string): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_CONFIG_ALIAS_COUNT }) ?? {};
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new ConfigError(`${source}: invalid YAML: aliases expand beyond ${MAX_CONFIG_ALIAS_COUNT} nodes (an alias bomb?)`);
  }
}

function isSecretWildcard(ruleId: string): boolean {
  return ruleId === 'secrets/*';
}

function suggest(given: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const nearest = closest(given, [...candidates]);
  return distance(given, nearest) <= Math.max(3, Math.floor(given.length / 3)) ? ` — did you mean ${nearest}?` : '';
}

function where(document: Document, lineCounter: LineCounter, source: string, keyPath: readonly PropertyKey[]): string {
  const dotted = keyPath.map(String).join('.');
  const offset = offsetOfKey(document, keyPath);
  const line = offset === undefined ? undefined : lineCounter.linePos(offset).line;
  return `${source}${line ? `:${line}` : ''}: ${dotted}`;
}

/** The offset of the deepest key of `keyPath` present in the document. */
function offsetOfKey(document: Document, keyPath: readonly PropertyKey[]): number | undefined {
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const key of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      offset = isScalar(pair.key) ? pair.key.range?.[0] : offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (!item) break;
      offset = isScalar(item) ? item.range?.[0] : offset;
      node = item;
    } else break;
  }
  return offset;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
