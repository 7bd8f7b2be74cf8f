import type { Check } from '../define-check.ts';
import noPidFile from './no-pid-file/index.ts';
import noSelfDaemonize from './no-self-daemonize/index.ts';
import noSchedulerInWeb from './no-scheduler-in-web/index.ts';
import noInProcessCluster from './no-in-process-cluster/index.ts';

export const checks: readonly Check[] = [noPidFile, noSelfDaemonize, noSchedulerInWeb, noInProcessCluster];
