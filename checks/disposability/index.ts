import type { Check } from '../define-check.ts';
import exitWithoutDrain from './exit-without-drain/index.ts';
import missingShutdownHandler from './missing-shutdown-handler/index.ts';
import signalForwarding from './signal-forwarding/index.ts';
import noZeroGracePeriod from './no-zero-grace-period/index.ts';

export const checks: readonly Check[] = [missingShutdownHandler, exitWithoutDrain, signalForwarding, noZeroGracePeriod];
