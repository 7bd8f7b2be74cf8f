import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECK_IDS } from '../../checks/index.ts';
import { DEFAULT_CONFIG, parseConfig, type Config } from '../engine/config.ts';
import { GitRevision } from './git.ts';
import { UsageError } from './usage-error.ts';

/** Looked for at the repository's root when --config is not given, first match wins. */
export const CONFIG_FILES = ['.twelve-factor.yml', '.twelve-factor.yaml', '.github/twelve-factor.yml', '.github/twelve-factor.yaml'];

export interface LoadedConfigFile {
  config: Config;
  /** Where it came from, for the summary: a path, or "defaults". */
  source: string;
}

/** The configuration in `explicit`, else the first of CONFIG_FILES under `root`, else the defaults. */
export function loadConfigFile(root: string, explicit: string | undefined): LoadedConfigFile {
  const file = explicit ?? CONFIG_FILES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate));
  if (file === undefined) return { config: DEFAULT_CONFIG, source: 'defaults' };
  const name = path.relative(root, file).startsWith('..') ? file : path.relative(root, file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${name}: cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { config: parseConfig(text, name, CHECK_IDS), source: name };
}

/**
 * The configuration as committed in `commit` (a pull request's base), so that a change cannot
 * switch its own review off — the rule the App follows by reading the default branch.
 */
export function loadConfigAtCommit(root: string, commit: string): LoadedConfigFile {
  const revision = new GitRevision(root, commit, (filePath) => CONFIG_FILES.includes(filePath));
  for (const name of CONFIG_FILES) {
    const text = revision.read(name);
    if (text !== undefined) return { config: parseConfig(text, name, CHECK_IDS), source: `${name} (base commit ${commit.slice(0, 7)})` };
  }
  return { config: DEFAULT_CONFIG, source: 'defaults' };
}
