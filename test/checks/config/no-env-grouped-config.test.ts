import check from '../../../checks/config/no-env-grouped-config/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { name: 'defaults alone', filename: 'config/default.json', code: `{ "port": 3000 }\n` },
    { name: 'node-config environment mapping', filename: 'config/custom-environment-variables.json', code: `{ "db": { "url": "DATABASE_URL" } }\n` },
    { name: 'test configuration', filename: 'config/test.json', code: `{ "db": { "url": "postgres://localhost/app_test" } }\n` },
    { name: 'build tooling per mode', filename: 'webpack.prod.js', code: `module.exports = { mode: 'production' };\n` },
    { name: 'environment name outside a config directory', filename: 'src/routes/dev.ts', code: `export const devRoutes = [];\n` },
    { name: 'Spring test profile', filename: 'src/main/resources/application-test.yml', code: `server:\n  port: 0\n` },
    { name: 'Angular build-time environments', filename: 'src/environments/environment.prod.ts', code: `export const environment = { production: true };\n` },
  ],
  invalid: [
    {
      filename: 'config/production.json',
      code: `{\n  "db": { "host": "db.prod.internal" }\n}\n`,
      errors: [{ messageId: 'grouped', line: 1, column: 1, endLine: 1, messageIncludes: '"production" environment' }],
    },
    { filename: 'src/config/staging.ts', code: `export default { apiUrl: 'https://staging.example.com' };\n`, errors: [{ messageId: 'grouped', line: 1 }] },
    { filename: 'settings/production.py', code: `DEBUG = False\n`, errors: [{ messageId: 'grouped', line: 1 }] },
    { filename: 'config/env/prod.js', code: `module.exports = { redis: { host: '10.0.0.5' } };\n`, errors: [{ messageId: 'grouped', line: 1 }] },
    { filename: 'src/main/resources/application-prod.yml', code: `spring:\n  datasource:\n    url: jdbc:postgresql://db/app\n`, errors: [{ messageId: 'grouped', line: 1, messageIncludes: '"prod"' }] },
  ],
});
