import type { Check } from '../define-check.ts';
import noHardcodedPort from './no-hardcoded-port/index.ts';

export const checks: readonly Check[] = [noHardcodedPort];
