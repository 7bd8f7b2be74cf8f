import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/shopify-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Shopify access token committed',
    description:
      'A Shopify access token or app secret acts on the shop with the scopes it was granted: orders, customers, products. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Rotate the token or app secret in the Shopify admin and read it from the environment.',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Shopify token {{preview}} is committed; rotate it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('shopify-token')],
});
