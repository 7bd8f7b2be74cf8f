import type { Check } from '../define-check.ts';
import composeVersionDrift from './compose-version-drift.ts';
import differentBackingService from './different-backing-service.ts';

export const checks: readonly Check[] = [differentBackingService, composeVersionDrift];
