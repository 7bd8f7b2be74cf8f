import type { ProbotOctokit } from 'probot';
import { parse, stringify } from 'yaml';
import { CHECK_IDS } from '../../checks/index.ts';
import { ConfigError, DEFAULT_CONFIG, MAX_CONFIG_ALIAS_COUNT, parseConfig, type Config } from '../engine/config.ts';

/** The configuration file, read from the default branch of the repository. */
export const CONFIG_PATH = '.github/twelve-factor.yml';

/** How many `_extends` hops are followed before the chain counts as broken. */
export const MAX_EXTENDS_DEPTH = 5;

export interface LoadedConfig {
  config: Config;
  /** Where it came from, for the summary: the files read, nearest first, or "defaults". */
  source: string;
}

interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
  text: string;
}

/**
 * Loads the configuration in force for a repository, following Probot's conventions
 * (@probot/octokit-plugin-config): `.github/twelve-factor.yml` on the DEFAULT branch (never a
 * pull request's head, so a pull request cannot switch its own checks off); when the repository
 * has none, the organisation's `.github` repository's; `_extends: repo`, `owner/repo` or
 * `owner/repo:path.yml` chains to a base file whose settings the nearer file overrides. Unlike
 * the plugin, each file is validated on its own text, so an error names the file, the line
 * and the key. Throws ConfigError for an invalid file or a broken `_extends`.
 */
export async function loadConfig(octokit: ProbotOctokit, repository: { owner: string; repo: string }): Promise<LoadedConfig> {
  const files: ConfigFile[] = [];
  let file = await readFile(octokit, repository.owner, repository.repo, CONFIG_PATH);
  if (!file && repository.repo !== '.github') file = await readFile(octokit, repository.owner, '.github', CONFIG_PATH);
  while (file) {
    files.push(file);
    const settings = validated(file);
    const extendsValue = settings._extends;
    if (extendsValue === undefined) break;
    const target = parseExtends(extendsValue, file);
    if (files.some((seen) => seen.owner === target.owner && seen.repo === target.repo && seen.path === target.path)) {
      throw new ConfigError(`${label(file)}: _extends: ${extendsValue} loops back to a file already read`);
    }
    if (files.length > MAX_EXTENDS_DEPTH) throw new ConfigError(`${label(file)}: _extends: more than ${MAX_EXTENDS_DEPTH} levels`);
    file = await readFile(octokit, target.owner, target.repo, target.path);
    if (!file) throw new ConfigError(`${label(files.at(-1)!)}: _extends: ${target.owner}/${target.repo}:${target.path} not found`);
  }
  if (files.length === 0) return { config: DEFAULT_CONFIG, source: 'defaults' };
  const merged = files.map(validated).reduceRight<Record<string, unknown>>((base, nearer) => mergeSettings(base, nearer), {});
  delete merged._extends;
  const source = files.map((read, index) => (index === 0 && read.owner === repository.owner && read.repo === repository.repo ? `${read.path} (default branch)` : label(read)));
  return { config: parseConfig(stringify(merged), label(files[0]!), CHECK_IDS), source: source.join(', extending ') };
}

async function readFile(octokit: ProbotOctokit, owner: string, repo: string, filePath: string): Promise<ConfigFile | undefined> {
  try {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path: filePath, mediaType: { format: 'raw' } });
    // The raw media type answers a file with its text; a directory still comes back as a JSON listing.
    return typeof data === 'string' ? { owner, repo, path: filePath, text: data } : undefined;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

function label(file: ConfigFile): string {
  return `${file.owner}/${file.repo}:${file.path}`;
}

/** The file's settings as written, after validating them (ConfigError names the line and key). */
function validated(file: ConfigFile): Record<string, unknown> & { _extends?: string } {
  parseConfig(file.text, label(file), CHECK_IDS);
  const value: unknown = parse(file.text, { maxAliasCount: MAX_CONFIG_ALIAS_COUNT });
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

const EXTENDS = /^(?:([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/)?([\w.-]+)(?::([\w./-]+\.ya?ml))?$/i;

function parseExtends(value: string, from: ConfigFile): { owner: string; repo: string; path: string } {
  const match = EXTENDS.exec(value);
  if (!match) throw new ConfigError(`${label(from)}: _extends: expected "repo", "owner/repo" or "owner/repo:path.yml", got "${value}"`);
  return { owner: match[1] ?? from.owner, repo: match[2]!, path: match[3] ?? CONFIG_PATH };
}

/**
 * The nearer file wins key by key: maps (`rules`, `factors`, `comments`, `secrets`) merge one
 * level deep, lists (`ignore`, `secrets.allow`) add up, other values are replaced.
 */
function mergeSettings(base: Record<string, unknown>, nearer: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(nearer)) {
    const before = merged[key];
    if (Array.isArray(before) && Array.isArray(value)) merged[key] = [...new Set([...before, ...value])];
    else if (isMap(before) && isMap(value)) merged[key] = key === 'secrets' ? mergeSettings(before, value) : { ...before, ...value };
    else merged[key] = value;
  }
  return merged;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
