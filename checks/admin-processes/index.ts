import type { Check } from '../define-check.ts';
import noAdminEndpoint from './no-admin-endpoint/index.ts';
import noMigrateInWeb from './no-migrate-in-web/index.ts';
import noMigrationsOnStartup from './no-migrations-on-startup/index.ts';

export const checks: readonly Check[] = [noMigrationsOnStartup, noAdminEndpoint, noMigrateInWeb];
