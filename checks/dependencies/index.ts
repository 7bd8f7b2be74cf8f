import type { Check } from '../define-check.ts';
import noUndeclaredImport from './no-undeclared-import/index.ts';
import noImplicitSystemTool from './no-implicit-system-tool/index.ts';
import noUnpinnedVersion from './no-unpinned-version/index.ts';
import lockfileRequired from './lockfile-required/index.ts';
import noGlobalInstall from './no-global-install/index.ts';

export const checks: readonly Check[] = [noUndeclaredImport, noImplicitSystemTool, noUnpinnedVersion, lockfileRequired, noGlobalInstall];
