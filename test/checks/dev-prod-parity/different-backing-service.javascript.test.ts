import check from '../../../checks/dev-prod-parity/different-backing-service/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'knexfile with pg everywhere, different hosts',
      code: `module.exports = {\n  development: { client: 'pg', connection: 'postgres://localhost/app_dev' },\n  production: { client: 'pg', connection: process.env.DATABASE_URL },\n};\n`,
      filename: 'knexfile.js',
    },
    {
      name: 'SQLite only for tests beside production PostgreSQL',
      code: `export default {\n  test: { client: 'sqlite3', connection: { filename: ':memory:' } },\n  development: { client: 'postgresql', connection: process.env.DATABASE_URL },\n  production: { client: 'postgresql', connection: process.env.DATABASE_URL },\n};\n`,
      filename: 'knexfile.ts',
    },
    {
      name: 'a ternary on NODE_ENV === test',
      code: `const dialect = process.env.NODE_ENV === 'test' ? 'sqlite' : 'postgres';\nexport const sequelize = new Sequelize(process.env.DATABASE_URL, { dialect });\n`,
    },
    {
      name: 'per-environment logging levels, not services',
      code: `export const logging = {\n  development: { level: 'debug', pretty: true },\n  production: { level: 'info', pretty: false },\n};\n`,
    },
    {
      name: 'MariaDB in development and MySQL in production are the same kind',
      code: `module.exports = {\n  development: { dialect: 'mariadb' },\n  production: { dialect: 'mysql' },\n};\n`,
      filename: 'config/database.js',
    },
    {
      name: 'production service from the environment only (unknown kind)',
      code: `module.exports = {\n  development: { client: 'sqlite3', connection: { filename: './dev.sqlite3' } },\n  production: { client: process.env.DB_CLIENT, connection: process.env.DATABASE_URL },\n};\n`,
      filename: 'knexfile.js',
    },
    {
      name: 'a client chosen by a non-environment variable',
      code: `const client = process.env.DB_CLIENT === 'sqlite' ? 'sqlite3' : 'pg';\nexport const db = knex({ client, connection: process.env.DATABASE_URL });\n`,
    },
    {
      name: 'Rails database.yml with one adapter through a merge key',
      code: `default: &default\n  adapter: postgresql\n  pool: 5\ndevelopment:\n  <<: *default\n  database: app_dev\nproduction:\n  <<: *default\n  url: <%= ENV['DATABASE_URL'] %>\n`,
      filename: 'config/database.yml',
    },
  ],
  invalid: [
    {
      name: 'knexfile with SQLite for development and pg for production',
      code: `module.exports = {\n  development: {\n    client: 'sqlite3',\n    connection: { filename: './dev.sqlite3' },\n  },\n  production: {\n    client: 'pg',\n    connection: process.env.DATABASE_URL,\n  },\n};\n`,
      filename: 'knexfile.js',
      errors: [{ messageId: 'different', line: 3, column: 13, messageIncludes: 'development uses SQLite but production uses PostgreSQL' }],
    },
    {
      name: 'shared settings spread into named environment objects',
      code: `const common = { migrations: { directory: './migrations' } };\nconst development = { ...common, client: 'better-sqlite3' };\nconst staging = { ...common, client: 'mysql2' };\nexport default { development, staging };\n`,
      filename: 'knexfile.ts',
      errors: [{ messageId: 'different', line: 2, messageIncludes: 'staging uses MySQL' }],
    },
    {
      name: 'a map from environment to dialect name',
      code: `const dialects = { local: 'sqlite', test: 'sqlite', production: 'postgres' };\nexport const dialect = dialects[process.env.NODE_ENV ?? 'local'];\n`,
      errors: [{ messageId: 'different', line: 1, messageIncludes: 'local uses SQLite' }],
    },
    {
      name: 'a ternary on NODE_ENV choosing the dialect',
      code: `const dialect = process.env.NODE_ENV === 'development' ? 'sqlite' : 'postgres';\n`,
      errors: [{ messageId: 'different', line: 1, column: 58 }],
    },
    {
      name: 'if/else on an isProduction constant choosing TypeORM types',
      code: `const isProduction = process.env.APP_ENV === 'production';\nlet options: DataSourceOptions;\nif (isProduction) {\n  options = { type: 'postgres', url: process.env.DATABASE_URL };\n} else {\n  options = {\n    type: 'better-sqlite3',\n    database: 'dev.db',\n  };\n}\n`,
      errors: [{ messageId: 'different', line: 7 }],
    },
    {
      name: 'different client packages per environment',
      code: `import Database from 'better-sqlite3';\nimport { Pool } from 'pg';\nexport const db = process.env.NODE_ENV !== 'production'\n  ? new Database('dev.db')\n  : new Pool({ connectionString: process.env.DATABASE_URL });\n`,
      errors: [{ messageId: 'different', line: 4, messageIncludes: 'SQLite' }],
    },
    {
      name: 'Sequelize config.json with sqlite for development',
      code: `{\n  "development": {\n    "dialect": "sqlite",\n    "storage": "./db.sqlite"\n  },\n  "test": {\n    "dialect": "sqlite",\n    "storage": ":memory:"\n  },\n  "production": {\n    "use_env_variable": "DATABASE_URL",\n    "dialect": "postgres"\n  }\n}\n`,
      filename: 'config/config.json',
      errors: [{ messageId: 'different', line: 3 }],
    },
    {
      name: 'an in-memory cache store in development, Redis in production',
      code: `switch (process.env.NODE_ENV) {\n  case 'production':\n    cacheConfig.store = 'redis';\n    break;\n  default:\n    cacheConfig.store = 'memory';\n}\n`,
      errors: [{ messageId: 'different', line: 6, messageIncludes: 'in-process memory store' }],
    },
  ],
});
