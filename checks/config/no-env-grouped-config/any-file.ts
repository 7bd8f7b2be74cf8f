import path from 'node:path/posix';
import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';

/** Names of deploy environments (RULES.md III: "the combinatorial explosion of named groups"). */
const ENVIRONMENTS = new Set(['production', 'prod', 'staging', 'stage', 'stg', 'development', 'dev', 'qa', 'uat', 'preprod', 'preproduction', 'pre-production', 'live']);
/** Directories that hold application config. */
const CONFIG_DIRS = new Set(['config', 'configs', 'conf', 'settings']);
/** Sub-directories of a config directory that group by environment (`config/env/prod.js`). */
const ENV_DIRS = new Set(['env', 'envs', 'environments']);
/** File types that carry runtime config (not build tooling, docs or deployment manifests). */
const CONFIG_EXTENSIONS = new Set(['.json', '.json5', '.jsonc', '.yml', '.yaml', '.toml', '.ini', '.properties', '.js', '.cjs', '.mjs', '.ts', '.cts', '.mts', '.py']);
/** Spring Boot's profile files: `application-prod.yml`, `bootstrap-staging.properties`. */
const SPRING_PROFILE = /^(?:application|bootstrap)-([a-z-]+)\.(?:ya?ml|properties)$/;
/** Flat Python settings modules named after an environment: `settings_prod.py`, `config-staging.py`. */
const PYTHON_FLAT_SETTINGS = /^(?:settings|config)[_-]([a-z]+)\.py$/;
/**
 * Django's per-environment settings modules include `settings/local.py` (RULES-python.md III);
 * elsewhere `local` names a developer's own overrides (node-config's `local.json`), not a deploy.
 */
const PYTHON_ENVIRONMENTS = new Set([...ENVIRONMENTS, 'local']);

export default defineDetector<MessageId>({
  kinds: 'all',
  needs: 'text',
  detect(context) {
    const environment = environmentOf(context.path);
    if (!environment) return;
    const first = context.lines()[0] ?? '';
    context.report({ loc: { line: 1, column: 1, endLine: 1, endColumn: first.length + 1 }, messageId: 'grouped', data: { file: context.path, environment } });
  },
});

/** The environment name a config file is grouped under, if its path groups config by environment. */
function environmentOf(filePath: string): string | undefined {
  const base = path.basename(filePath).toLowerCase();
  const spring = SPRING_PROFILE.exec(base);
  if (spring) return ENVIRONMENTS.has(spring[1]!) ? spring[1] : undefined;
  const flat = PYTHON_FLAT_SETTINGS.exec(base);
  if (flat) return PYTHON_ENVIRONMENTS.has(flat[1]!) ? flat[1] : undefined;
  const extension = path.extname(base);
  if (!CONFIG_EXTENSIONS.has(extension)) return undefined;
  const stem = base.slice(0, -extension.length);
  if (!(extension === '.py' ? PYTHON_ENVIRONMENTS : ENVIRONMENTS).has(stem)) return undefined;
  const dirs = path.dirname(filePath).toLowerCase().split('/');
  const parent = dirs.at(-1) ?? '';
  const grandparent = dirs.at(-2) ?? '';
  return CONFIG_DIRS.has(parent) || (ENV_DIRS.has(parent) && CONFIG_DIRS.has(grandparent)) ? stem : undefined;
}
