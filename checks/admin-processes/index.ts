import type { Check } from '../define-check.ts';
import noAdminEndpoint from './no-admin-endpoint.ts';
import noMigrateInWeb from './no-migrate-in-web.ts';
import noMigrationsOnStartup from './no-migrations-on-startup.ts';

export const checks: readonly Check[] = [noMigrationsOnStartup, noAdminEndpoint, noMigrateInWeb];
