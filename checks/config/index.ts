import type { Check } from '../define-check.ts';
import noCriticalFallback from './no-critical-fallback.ts';
import noEnvNameBranching from './no-env-name-branching.ts';
import noCommittedEnvFile from './no-committed-env-file.ts';
import noEnvGroupedConfig from './no-env-grouped-config.ts';

export const checks: readonly Check[] = [noCriticalFallback, noEnvNameBranching, noCommittedEnvFile, noEnvGroupedConfig];
