import check from '../../../checks/config/no-critical-fallback/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { code: `const url = process.env.DATABASE_URL || '';` },
    { code: `const port = Number(process.env.PORT || '3000');\nconst level = process.env.LOG_LEVEL ?? 'info';\nconst env = process.env.NODE_ENV || 'development';` },
    { code: `const host = process.env.HOST || '0.0.0.0';\nconst bind = process.env.BIND_HOST ?? '::';` },
    { code: `const host = process.env.HOST ?? 'localhost';\nserver.listen(Number(process.env.PORT), host);` },
    { code: `const prefix = process.env.CACHE_KEY_PREFIX || 'app:';\nconst header = process.env.HOST_HEADER || 'x-forwarded-host';` },
    { code: `const timeout = Number(process.env.REQUEST_TIMEOUT_MS ?? 5000);\nconst enabled = process.env.FEATURE_SEARCH === 'true';` },
    { code: `const url = process.env.DATABASE_URL;\nif (!url) throw new Error('DATABASE_URL is required');` },
    { code: `const url = options.databaseUrl || 'postgres://localhost/app';` },
    { code: `const key = process.env.API_KEY ?? config.apiKey;` },
    { code: `const { DATABASE_URL, PORT = '3000' } = process.env;` },
    { code: `export const url = process.env.DATABASE_URL || 'postgres://localhost/app';`, filename: 'test/helpers/db.ts' },
    {
      name: 'an env parameter: PORT, a bind HOST and empty fallbacks stay silent',
      code: `export function loadConfig(env: NodeJS.ProcessEnv = process.env) {\n  return { port: Number(env.PORT ?? 8080), host: env.HOST ?? '0.0.0.0', url: env.DATABASE_URL ?? '' };\n}`,
    },
    { code: `function connect(settings = defaults) {\n  return settings.DATABASE_URL ?? 'postgres://localhost/app';\n}` },
    { code: `let env = process.env;\nenv = overrides;\nconst url = env.DATABASE_URL || 'postgres://localhost/app';` },
  ],
  invalid: [
    {
      code: `const url = process.env.DATABASE_URL || 'postgres://localhost:5432/app';`,
      errors: [{ messageId: 'fallback', line: 1, column: 41 }],
    },
    {
      code: `import Redis from 'ioredis';\n\nconst redis = new Redis({\n  host: process.env.REDIS_HOST ?? 'localhost',\n});`,
      errors: [{ messageId: 'fallback', line: 4, column: 35, messageIncludes: 'REDIS_HOST' }],
    },
    {
      code: `const {\n  PORT = '3000',\n  DATABASE_URL = 'postgres://localhost/app',\n} = process.env;`,
      errors: [{ messageId: 'fallback', line: 3 }],
    },
    {
      code: `const secret = process.env.JWT_SECRET ? process.env.JWT_SECRET : 'dev-secret';`,
      errors: [{ messageId: 'fallback', line: 1, messageIncludes: 'JWT_SECRET' }],
    },
    {
      code: `const token = !process.env.API_TOKEN\n  ? 'dev-token'\n  : process.env.API_TOKEN;`,
      errors: [{ messageId: 'fallback', line: 2 }],
    },
    {
      code: `const DEFAULT_MONGO = 'mongodb://127.0.0.1:27017/app';\n\nconst uri = process.env.MONGO_URI || DEFAULT_MONGO;`,
      errors: [{ messageId: 'fallback', line: 3 }],
    },
    {
      code: `const key = process.env['STRIPE_API_KEY'] ?? 'sk_test_placeholder';`,
      errors: [{ messageId: 'fallback', line: 1, messageIncludes: 'STRIPE_API_KEY' }],
    },
    {
      code: `const url =\n  process.env.DATABASE_URL ||\n  process.env.PG_URL ||\n  'postgres://localhost/app';`,
      errors: [{ messageId: 'fallback', line: 4, messageIncludes: 'DATABASE_URL' }],
    },
    {
      code: `const { SESSION_SECRET: sessionSecret = 'keyboard cat' } = process.env;`,
      errors: [{ messageId: 'fallback', line: 1 }],
    },
    {
      code: `export function loadConfig(env: NodeJS.ProcessEnv = process.env) {\n  return {\n    redisUrl: env.REDIS_URL ?? 'redis://cache.internal:6379',\n  };\n}`,
      errors: [{ messageId: 'fallback', line: 3, column: 32, messageIncludes: 'REDIS_URL' }],
    },
    {
      code: `function readConfig(env: NodeJS.ProcessEnv) {\n  const { DATABASE_URL = 'postgres://localhost/app' } = env;\n  return DATABASE_URL;\n}`,
      errors: [{ messageId: 'fallback', line: 2 }],
    },
    {
      code: `const env = process.env;\nconst secret = env['JWT_SECRET'] || 'dev-secret';`,
      errors: [{ messageId: 'fallback', line: 2, messageIncludes: 'JWT_SECRET' }],
    },
    {
      code: `process.env.AMQP_URL ??= 'amqp://guest:guest@localhost:5672';`,
      filename: 'src/bootstrap.js',
      errors: [{ messageId: 'fallback', line: 1 }],
    },
  ],
});
