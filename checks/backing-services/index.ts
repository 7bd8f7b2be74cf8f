import type { Check } from '../define-check.ts';
import noHardcodedServiceUrl from './no-hardcoded-service-url.ts';
import noHardcodedHost from './no-hardcoded-host.ts';

export const checks: readonly Check[] = [noHardcodedServiceUrl, noHardcodedHost];
