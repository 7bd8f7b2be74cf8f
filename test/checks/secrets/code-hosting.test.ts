import dockerHubToken from '../../../checks/secrets/docker-hub-token.ts';
import githubToken from '../../../checks/secrets/github-token.ts';
import gitlabToken from '../../../checks/secrets/gitlab-token.ts';
import npmToken from '../../../checks/secrets/npm-token.ts';
import { testCheck } from '../../support/check-tester.ts';
import { fakeBody, githubToken as fakeGithubToken, npmToken as fakeNpmToken } from './fake-secret.ts';

const PAT = fakeGithubToken('github-pat');
const APP_TOKEN = fakeGithubToken('github-app', 'ghs');
/** Right shape, wrong checksum: what a hand-typed or truncated token looks like. */
const BROKEN_PAT = `ghp_${fakeBody('github-broken', 30)}AbC123`;
const FINE_GRAINED = `github_pat_${fakeBody('github-fine', 22)}_${fakeBody('github-fine-2', 59)}`;

testCheck(githubToken, {
  valid: [
    { name: 'a placeholder', code: `const octokit = new Octokit({ auth: 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' });` },
    { name: 'a token whose checksum fails', code: `const octokit = new Octokit({ auth: '${BROKEN_PAT}' });` },
    { name: "GitHub's documentation example", code: `Tokens look like \`ghp_16C7e42F292c6912E7710c838347Ae178B4a\`.\n`, filename: 'docs/tokens.md' },
    { name: 'an environment lookup', code: `const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });` },
    { name: 'an Actions secret', code: `env:\n  GITHUB_TOKEN: \${{ secrets.GITHUB_TOKEN }}\n`, filename: '.github/workflows/ci.yml' },
  ],
  invalid: [
    { code: `const octokit = new Octokit({ auth: '${PAT}' });`, errors: [{ messageId: 'found', line: 1, column: 38, messageIncludes: 'ghp_****' }] },
    { name: 'a checksum-valid token counts even in an example file', code: `GITHUB_TOKEN=${PAT}\n`, filename: '.env.example', errors: [{ messageId: 'found', line: 1 }] },
    { code: `const installation = '${APP_TOKEN}';\nconst pat = '${FINE_GRAINED}';`, errors: [{ messageId: 'found', line: 1 }, { messageId: 'found', line: 2 }] },
    {
      code: `{\n  "dependencies": {\n    "@acme/ledger": "git+https://${PAT}:x-oauth-basic@github.com/acme/ledger.git"\n  }\n}\n`,
      filename: 'package.json',
      errors: [{ messageId: 'found', line: 3, column: 34 }],
    },
  ],
});

const GITLAB = `glpat-${fakeBody('gitlab', 20, 'base64url')}`;

testCheck(gitlabToken, {
  valid: [
    { name: 'a placeholder', code: `GITLAB_TOKEN=glpat-xxxxxxxxxxxxxxxxxxxx\n`, filename: '.env' },
    { name: 'too short', code: `const token = 'glpat-${fakeBody('gitlab-short', 12)}';` },
    { name: 'a CI variable', code: `variables:\n  GITLAB_TOKEN: $CI_JOB_TOKEN\n`, filename: '.gitlab-ci.yml' },
  ],
  invalid: [
    { code: `const gitlab = new Gitlab({ token: '${GITLAB}' });`, errors: [{ messageId: 'found', line: 1, column: 37, messageIncludes: 'glpa****' }] },
    { code: `GITLAB_TOKEN=${GITLAB}\n`, filename: '.env', errors: [{ messageId: 'found', line: 1 }] },
    { code: `[remote "origin"]\n  url = https://oauth2:${GITLAB}@gitlab.com/acme/orders.git\n`, filename: 'deploy/gitconfig', errors: [{ messageId: 'found', line: 2 }] },
  ],
});

const NPM = fakeNpmToken('npm-token');
const LEGACY_NPM = '5f0c6a2e-8d3b-4c1f-9e7a-' + '2b4d6f8a0c1e';

testCheck(npmToken, {
  valid: [
    { name: 'a template (.npmrc)', code: `//registry.npmjs.org/:_authToken=\${NPM_TOKEN}\n`, filename: '.npmrc' },
    { name: 'a placeholder', code: `NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n`, filename: '.env' },
    { name: 'a token whose checksum fails', code: `const token = 'npm_${fakeBody('npm-broken', 30)}Zz9Zz9';` },
    { name: 'an Actions secret', code: `env:\n  NODE_AUTH_TOKEN: \${{ secrets.NPM_TOKEN }}\n`, filename: '.github/workflows/release.yml' },
  ],
  invalid: [
    { code: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM}\n`, filename: '.npmrc', errors: [{ messageId: 'found', line: 2, column: 34 }] },
    { name: 'a legacy token in .npmrc', code: `//npm.acme.io/:_authToken=${LEGACY_NPM}\n`, filename: '.npmrc', errors: [{ messageId: 'found', line: 1 }] },
    { code: `ARG NPM_TOKEN=${NPM}\nRUN npm ci\n`, filename: 'Dockerfile', errors: [{ messageId: 'found', line: 1, messageIncludes: 'npm_****' }] },
  ],
});

const DOCKER = `dckr_pat_${fakeBody('docker-pat', 27, 'base64url')}`;

testCheck(dockerHubToken, {
  valid: [
    { name: 'a placeholder', code: `DOCKERHUB_TOKEN=dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx\n`, filename: '.env' },
    { name: 'an Actions secret', code: `with:\n  password: \${{ secrets.DOCKERHUB_TOKEN }}\n`, filename: '.github/workflows/ci.yml' },
    { name: 'too short', code: `const token = 'dckr_pat_${fakeBody('docker-short', 20)}';` },
  ],
  invalid: [
    { code: `DOCKERHUB_TOKEN=${DOCKER}\n`, filename: '.env', errors: [{ messageId: 'found', line: 1, column: 17 }] },
    { code: `echo '${DOCKER}' | docker login -u acme --password-stdin\n`, filename: 'scripts/push.sh', errors: [{ messageId: 'found', line: 1 }] },
    { code: `const registry = { username: 'acme', password: '${DOCKER}' };`, errors: [{ messageId: 'found', line: 1, messageIncludes: 'dckr****' }] },
  ],
});
