import { defineCheck } from '../define-check.ts';
import { SECRET_WINS_OVER } from './support/secret-kind.ts';
import { detectSecrets } from './scanner.ts';

export default defineCheck({
  id: 'secrets/docker-hub-token',
  meta: {
    factor: 3,
    severity: 'error',
    title: 'Docker Hub access token committed',
    description:
      'A Docker Hub personal access token can push images under its account: a supply-chain foothold. Credentials are config (factor III): they belong in the environment, never in the code, where everyone who can read the repository — its history, forks, clones and CI logs included — can use them until they are revoked.',
    fix: 'Delete the token in Docker Hub security settings and pass a new one to the build through the environment or a build secret.',
    includeTests: true,
    winsOver: SECRET_WINS_OVER,
    messages: {
      found: 'Config (III): Docker Hub access token {{preview}} is committed; revoke it and load it from the environment.',
    },
  },
  detectors: [detectSecrets('docker-hub-token')],
});
