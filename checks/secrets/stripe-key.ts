import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/stripe-key',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Stripe secret key committed',
    description:
      'A Stripe secret or restricted key moves money and reads customers\' data on the account; a webhook signing secret lets anyone forge events your app trusts. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Roll the key in the Stripe dashboard and read it from the environment (STRIPE_SECRET_KEY).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      live: 'Config (III): Stripe live key {{preview}} is committed; roll it in the Stripe dashboard and load it from the environment.',
      test: 'Config (III): Stripe test-mode key {{preview}} is committed; roll it and load it from the environment (test keys still expose test data).',
      webhook: 'Config (III): Stripe webhook signing secret {{preview}} is committed; roll it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('stripe-key')],
});
