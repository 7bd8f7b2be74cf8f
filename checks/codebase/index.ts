import type { Check } from '../define-check.ts';
import noPathDependency from './no-path-dependency/index.ts';

export const checks: readonly Check[] = [noPathDependency];
