import check from '../../../checks/config/no-env-name-branching/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { code: `const logger = pino({ level: process.env.NODE_ENV === 'production' ? 'info' : 'debug' });` },
    { code: `if (process.env.NODE_ENV !== 'production') {\n  app.use(errorHandler({ showStack: true }));\n  app.set('view cache', false);\n}` },
    { code: `const isProd = process.env.NODE_ENV === 'production';\nexport default { mode: isProd ? 'production' : 'development', minify: isProd, sourcemap: !isProd };` },
    { code: `if (process.env.NODE_ENV === 'development') {\n  console.log('Docs at http://localhost:3000/docs');\n}` },
    { code: `const flags = { newCheckout: process.env.STAGE === 'beta' };\nif (process.env.APP_ENV === 'staging') enableFeature('search-v2');` },
    { code: `const db = new Pool({ connectionString: process.env.DATABASE_URL });\nif (settings.env === 'production') db.on('error', report);` },
    { code: `const messages = require('./messages')[process.env.NODE_ENV];` },
    { code: `if (process.env.NODE_ENV === 'development') {\n  req.user = { id: 1, name: 'developer' };\n}` },
    { code: `const host = process.env.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1';\nawait app.listen({ host: process.env.NODE_ENV === 'production' ? '0.0.0.0' : undefined, port });` },
    { code: `module.exports = process.env.NODE_ENV === 'production' ? { publicPath: 'https://cdn.example.com/' } : {};`, filename: 'webpack.config.js' },
  ],
  invalid: [
    {
      code: `let databaseUrl;\nif (process.env.NODE_ENV === 'production') {\n  databaseUrl = 'postgres://db.prod.internal/app';\n} else {\n  databaseUrl = 'postgres://localhost/app';\n}`,
      errors: [{ messageId: 'branch', line: 2, column: 5, messageIncludes: 'NODE_ENV' }],
    },
    {
      code: `const apiBase = process.env.APP_ENV === 'prod'\n  ? 'https://api.example.com'\n  : 'http://localhost:8080';`,
      errors: [{ messageId: 'branch', line: 1, messageIncludes: 'APP_ENV' }],
    },
    {
      code: `const knexConfig = require('./knexfile');\nconst db = knex(knexConfig[process.env.NODE_ENV || 'development']);`,
      filename: 'src/db.js',
      errors: [{ messageId: 'branch', line: 2 }],
    },
    {
      code: `const { STAGE } = process.env;\n\nswitch (STAGE) {\n  case 'prod':\n    redis = new Redis({ host: 'cache.prod.internal' });\n    break;\n  default:\n    redis = new Redis();\n}`,
      errors: [{ messageId: 'branch', line: 3, messageIncludes: 'STAGE' }],
    },
    {
      code: `const env = process.env.ENVIRONMENT ?? 'dev';\nconst settings = {\n  dev: { database: 'app_dev', user: 'dev' },\n  prod: { database: 'app', user: 'app' },\n};\nexport const dbSettings = settings[env];`,
      errors: [{ messageId: 'branch', line: 6 }],
    },
    {
      code: `const isProduction = () => process.env.NODE_ENV === 'production';\nif (isProduction()) {\n  options.password = readSecret('redis');\n} else if (process.env.NODE_ENV === 'test') {\n  options.host = '127.0.0.1';\n}`,
      errors: [{ messageId: 'branch', line: 2 }],
    },
  ],
});
