import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/huggingface-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Hugging Face access token committed',
    description:
      'A Hugging Face user access token reads (and with write scope, replaces) private models, datasets and Spaces. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Revoke the token in Hugging Face settings and read a new one from the environment (HF_TOKEN).',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Hugging Face access token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('huggingface-token')],
});
