import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/tailscale-key',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Tailscale key committed',
    description:
      'A Tailscale API, auth or OAuth key joins machines to the tailnet or changes its policy. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the key in the Tailscale admin console and read a new one from the environment (TS_AUTHKEY).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Tailscale key {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('tailscale-key')],
});
