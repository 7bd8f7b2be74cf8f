import type { Check } from '../define-check.ts';
import composeVersionDrift from './compose-version-drift/index.ts';
import devServerInProduction from './dev-server-in-production/index.ts';
import differentBackingService from './different-backing-service/index.ts';

export const checks: readonly Check[] = [differentBackingService, composeVersionDrift, devServerInProduction];
