import type { Check } from './define-check.ts';
import { checks as codebase } from './codebase/index.ts';
import { checks as dependencies } from './dependencies/index.ts';
import { checks as config } from './config/index.ts';
import { checks as backingServices } from './backing-services/index.ts';
import { checks as buildReleaseRun } from './build-release-run/index.ts';
import { checks as processes } from './processes/index.ts';
import { checks as portBinding } from './port-binding/index.ts';
import { checks as concurrency } from './concurrency/index.ts';
import { checks as disposability } from './disposability/index.ts';
import { checks as devProdParity } from './dev-prod-parity/index.ts';
import { checks as logs } from './logs/index.ts';
import { checks as adminProcesses } from './admin-processes/index.ts';
import { checks as secrets } from './secrets/index.ts';

/** Every rule, in factor order then secrets. Ids are unique (test/checks/registry.test.ts). */
export const CHECKS: readonly Check[] = [
  ...codebase,
  ...dependencies,
  ...config,
  ...backingServices,
  ...buildReleaseRun,
  ...processes,
  ...portBinding,
  ...concurrency,
  ...disposability,
  ...devProdParity,
  ...logs,
  ...adminProcesses,
  ...secrets,
];

const BY_ID = new Map(CHECKS.map((check) => [check.id, check]));

export function checkById(id: string): Check | undefined {
  return BY_ID.get(id);
}

export const CHECK_IDS: readonly string[] = CHECKS.map((check) => check.id);
