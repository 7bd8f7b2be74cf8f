import check from '../../../checks/config/no-committed-env-file/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { filename: '.env.example', code: `DATABASE_URL=postgres://user:password@localhost:5432/app\nPORT=3000\n` },
    { filename: '.env.sample', code: `API_KEY=\n` },
    { filename: 'apps/web/.env.template', code: `NEXT_PUBLIC_API_URL=\n` },
    { filename: '.env.dist', code: `REDIS_URL=redis://localhost:6379\n` },
    { name: 'shared defaults and test-run settings', filename: '.env.defaults', code: `LOG_LEVEL=info\n` },
    { filename: '.env.test', code: `DATABASE_URL=postgres://localhost:5432/app_test\n` },
    { name: 'template named the other way round', filename: 'deploy/example.env', code: `TOKEN=changeme\n` },
    { name: 'inside test fixtures (exempt by the engine)', filename: 'test/fixtures/app/.env', code: `PORT=1\n` },
  ],
  invalid: [
    {
      filename: '.env',
      code: `DATABASE_URL=postgres://app:s3cret@db.internal:5432/app\nPORT=3000\n`,
      errors: [{ messageId: 'committed', line: 1, column: 1, endLine: 1, messageIncludes: '.env is committed' }],
    },
    { filename: '.env.local', code: `# local overrides\nDEBUG=app:*\n`, errors: [{ messageId: 'committed', line: 1 }] },
    { filename: 'services/api/.env.production', code: `API_URL=https://api.example.com\n`, errors: [{ messageId: 'committed', line: 1, messageIncludes: 'services/api/.env.production' }] },
    { filename: 'deploy/prod.env', code: `NODE_ENV=production\n`, errors: [{ messageId: 'committed', line: 1 }] },
    { name: 'an empty file still reports line 1', filename: '.env.staging', code: ``, errors: [{ messageId: 'committed', line: 1, column: 1 }] },
  ],
});
