import type { Check } from '../define-check.ts';
import exitWithoutDrain from './exit-without-drain.ts';
import missingShutdownHandler from './missing-shutdown-handler.ts';
import signalForwarding from './signal-forwarding.ts';

export const checks: readonly Check[] = [missingShutdownHandler, exitWithoutDrain, signalForwarding];
