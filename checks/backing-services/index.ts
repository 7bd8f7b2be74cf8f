import type { Check } from '../define-check.ts';
import noHardcodedServiceUrl from './no-hardcoded-service-url/index.ts';
import noHardcodedHost from './no-hardcoded-host/index.ts';

export const checks: readonly Check[] = [noHardcodedServiceUrl, noHardcodedHost];
