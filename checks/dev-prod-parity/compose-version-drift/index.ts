import { defineCheck, type CheckMeta } from '../../define-check.ts';
import compose from './compose.ts';

const meta = {
  factor: 10,
  severity: 'notice',
  title: 'Backing service version differs or floats across environments',
  description:
    'Backing services on `:latest` or on different major versions across compose files let code pass in one environment and fail in another. Development, staging and production should stay as similar as possible, backing services included: `postgres:latest` gives each developer whatever version they pulled last, and postgres 13 locally with 16 in production hides changes in SQL features, defaults and behaviour between majors.',
  fix: 'Pin each backing service to the major version production runs (`postgres:16-alpine`) and use the same one in every compose file.',
  scope: 'repository',
  messages: {
    unpinned:
      'Dev/prod parity (X): backing service `{{image}}` {{why}}, so every machine runs whatever version it pulled last; pin the major version production runs, e.g. `{{name}}:<major>`.',
    drift:
      'Dev/prod parity (X): `{{image}}` here but {{others}}; run the same {{service}} major version in every environment, the one production runs.',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'dev-prod-parity/compose-version-drift',
  meta,
  detectors: [compose],
});
