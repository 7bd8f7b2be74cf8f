import check from '../../../checks/dev-prod-parity/compose-version-drift/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const prod = `services:\n  db:\n    image: postgres:16-alpine\n  cache:\n    image: redis:7.2\n`;

testCheck(check, {
  valid: [
    {
      name: 'pinned majors, same in every compose file',
      filename: 'docker-compose.yml',
      code: `services:\n  db:\n    image: postgres:16.4\n  cache:\n    image: redis:7-alpine\n`,
      files: { 'docker-compose.prod.yml': prod },
    },
    {
      name: "the app's own image: built here, or not a backing service",
      filename: 'docker-compose.yml',
      code: `services:\n  api:\n    build: .\n    image: acme/api:latest\n  web:\n    image: ghcr.io/acme/web\n`,
    },
    {
      name: 'digest pins',
      filename: 'compose.yaml',
      code: `services:\n  db:\n    image: postgres@sha256:4b1c9a4b8f4e6b0f1f5d0c0e2c0b9a6a3e4f5d6c7b8a9f0e1d2c3b4a5f6e7d8c\n`,
    },
    {
      name: 'variable with a pinned default',
      filename: 'docker-compose.yml',
      code: `services:\n  db:\n    image: "postgres:\${POSTGRES_VERSION:-16}"\n  mq:\n    image: \${RABBIT_IMAGE}\n`,
      files: { 'docker-compose.prod.yml': prod },
    },
    {
      name: 'different majors in one file are not drift between environments',
      filename: 'docker-compose.yml',
      code: `services:\n  old-db:\n    image: postgres:13\n  new-db:\n    image: postgres:16\n`,
    },
    {
      name: 'compose files of tests are not environments',
      filename: 'docker-compose.yml',
      code: `services:\n  db:\n    image: postgres:16\n`,
      files: { 'test/docker-compose.yml': `services:\n  db:\n    image: postgres:14\n` },
    },
  ],
  invalid: [
    {
      filename: 'docker-compose.yml',
      code: `version: "3.9"\nservices:\n  db:\n    image: postgres:latest\n  cache:\n    image: redis\n  mq:\n    image: rabbitmq:management\n`,
      errors: [
        { messageId: 'unpinned', line: 4, column: 5, messageIncludes: 'uses `:latest`' },
        { messageId: 'unpinned', line: 6, messageIncludes: 'has no tag' },
        { messageId: 'unpinned', line: 8, messageIncludes: 'moving `:management` tag' },
      ],
    },
    {
      name: 'major drift against another compose file',
      filename: 'docker-compose.yml',
      code: `services:\n  db:\n    image: postgres:13\n    environment:\n      POSTGRES_PASSWORD: example\n  cache:\n    image: redis:7.2.4\n`,
      files: { 'docker-compose.prod.yml': prod },
      errors: [{ messageId: 'drift', line: 3, messageIncludes: '`postgres:13` here but `postgres:16-alpine` in docker-compose.prod.yml' }],
    },
    {
      name: 'drift reported in each drifting file, across vendors of one service',
      filename: 'deploy/compose.prod.yaml',
      code: `services:\n  db:\n    image: docker.io/bitnami/postgresql:16\n`,
      files: { 'docker-compose.yml': `services:\n  db:\n    image: postgres:15\n` },
      errors: [{ messageId: 'drift', line: 3 }],
    },
    {
      name: 'registry-qualified untagged image',
      filename: 'compose.yaml',
      code: `services:\n  search:\n    image: docker.elastic.co/elasticsearch/elasticsearch\n`,
      errors: [{ messageId: 'unpinned', line: 3, messageIncludes: 'e.g. `docker.elastic.co/elasticsearch/elasticsearch:<major>`' }],
    },
  ],
});
