import type { Check } from '../define-check.ts';
import noUndeclaredImport from './no-undeclared-import.ts';
import noImplicitSystemTool from './no-implicit-system-tool.ts';
import noUnpinnedVersion from './no-unpinned-version.ts';
import lockfileRequired from './lockfile-required.ts';
import noGlobalInstall from './no-global-install.ts';

export const checks: readonly Check[] = [noUndeclaredImport, noImplicitSystemTool, noUnpinnedVersion, lockfileRequired, noGlobalInstall];
