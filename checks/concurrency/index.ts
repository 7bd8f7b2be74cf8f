import type { Check } from '../define-check.ts';
import noPidFile from './no-pid-file.ts';
import noSelfDaemonize from './no-self-daemonize.ts';
import noSchedulerInWeb from './no-scheduler-in-web.ts';
import noInProcessCluster from './no-in-process-cluster.ts';

export const checks: readonly Check[] = [noPidFile, noSelfDaemonize, noSchedulerInWeb, noInProcessCluster];
