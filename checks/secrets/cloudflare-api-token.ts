import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/cloudflare-api-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Cloudflare API token committed',
    description:
      'A Cloudflare API token or global API key can change DNS, TLS and firewall settings of the zones it covers. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Roll the token in the Cloudflare dashboard and read it from the environment (CLOUDFLARE_API_TOKEN).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Cloudflare API token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('cloudflare-api-token')],
});
