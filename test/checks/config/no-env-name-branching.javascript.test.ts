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
    { name: 'a locale module chosen by a non-environment variable', code: `const lang = process.env.LANG ?? 'en';\nconst messages = require('./locales/' + lang);\nconst { NODE_ENV } = process.env;\nconsole.log(NODE_ENV);` },
    { name: 'a config file path given by the environment itself', code: `import path from 'node:path';\nconst config = require(path.resolve(process.cwd(), process.env.CONFIG_PATH ?? 'config.json'));\nif (process.env.NODE_ENV === 'test') config.logLevel = 'silent';` },
    { name: 'plugins loaded by name from a list', filename: 'src/plugins.ts', code: `const enabled = (process.env.PLUGINS ?? '').split(',');\nexport const plugins = await Promise.all(enabled.map((name) => import(\`./plugins/\${name}.js\`)));\nexport const production = process.env.NODE_ENV === 'production';` },
    { name: 'a literal module path beside an environment-name read', code: `const defaults = require('./config/defaults.json');\nmodule.exports = { ...defaults, env: process.env.NODE_ENV };` },
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
    {
      name: 'require of a config module named after NODE_ENV',
      filename: 'src/config/index.js',
      code: `const base = require('./base');\nconst overrides = require('./' + process.env.NODE_ENV);\nmodule.exports = { ...base, ...overrides };`,
      errors: [{ messageId: 'configClass', line: 2, column: 19 }],
    },
    {
      name: 'a dynamic import of a template path through a const holding NODE_ENV',
      filename: 'src/config.ts',
      code: `const env = process.env.NODE_ENV ?? 'development';\n\nexport async function loadConfig() {\n  const { default: config } = await import(\`./env/\${env}.js\`);\n  return config;\n}`,
      errors: [{ messageId: 'configClass', line: 4 }],
    },
    {
      name: 'require(path.join(__dirname, env)) with APP_ENV',
      filename: 'src/settings.js',
      code: `const path = require('path');\nconst { APP_ENV: env = 'local' } = process.env;\nmodule.exports = require(path.join(__dirname, 'environments', env));`,
      errors: [{ messageId: 'configClass', line: 3 }],
    },
  ],
});
