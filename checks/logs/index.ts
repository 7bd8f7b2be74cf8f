import type { Check } from '../define-check.ts';
import noFileLogging from './no-file-logging/index.ts';

export const checks: readonly Check[] = [noFileLogging];
