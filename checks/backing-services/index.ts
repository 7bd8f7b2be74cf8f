import type { Check } from '../define-check.ts';

export const checks: readonly Check[] = [];
