import type { Check } from '../define-check.ts';
import noCriticalFallback from './no-critical-fallback/index.ts';
import noEnvNameBranching from './no-env-name-branching/index.ts';
import noCommittedEnvFile from './no-committed-env-file/index.ts';
import noEnvGroupedConfig from './no-env-grouped-config/index.ts';
import noHardcodedDebug from './no-hardcoded-debug/index.ts';
import noHardcodedSecret from './no-hardcoded-secret/index.ts';
import noLiteralSecretEnv from './no-literal-secret-env/index.ts';
import noSecretInConfigmap from './no-secret-in-configmap/index.ts';
import noCommittedSecretManifest from './no-committed-secret-manifest/index.ts';

export const checks: readonly Check[] = [noCriticalFallback, noEnvNameBranching, noCommittedEnvFile, noEnvGroupedConfig, noHardcodedDebug, noHardcodedSecret, noLiteralSecretEnv, noSecretInConfigmap, noCommittedSecretManifest];
