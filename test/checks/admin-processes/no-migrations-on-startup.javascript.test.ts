import check from '../../../checks/admin-processes/no-migrations-on-startup/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'a one-off migration script',
      code: `import { db } from '../src/db';\nawait db.migrate.latest();\nawait db.destroy();\n`,
      filename: 'scripts/migrate.ts',
    },
    {
      name: 'a bin/migrate command',
      code: `const { sequelize } = require('../models');\nsequelize.sync({ alter: true }).then(() => process.exit(0));\n`,
      filename: 'bin/migrate.js',
    },
    {
      name: 'TypeORM synchronize only outside production (not a literal true)',
      code: `import { DataSource } from 'typeorm';\nexport const dataSource = new DataSource({\n  type: 'postgres',\n  url: process.env.DATABASE_URL,\n  synchronize: process.env.NODE_ENV !== 'production',\n  migrationsRun: false,\n});\n`,
    },
    {
      name: 'glob.sync and an unrelated synchronize flag',
      code: `import glob from 'glob';\nconst files = glob.sync('src/**/*.ts');\nconst options = { synchronize: true, debounceMs: 100 };\n`,
    },
    {
      name: 'prisma generate in a listening file is not a migration',
      code: `import { execSync } from 'node:child_process';\nexecSync('npx prisma generate');\napp.listen(process.env.PORT);\n`,
    },
    {
      name: 'a migrate command exec-ed from a file that does not listen',
      code: `import { execSync } from 'node:child_process';\nexport function resetDatabase() {\n  execSync('npx prisma migrate reset --force');\n}\n`,
      filename: 'src/dev-tools.ts',
    },
  ],
  invalid: [
    {
      name: 'knex migrate.latest before listening',
      code: `import knex from 'knex';\nconst db = knex(config);\nawait db.migrate.latest();\napp.listen(process.env.PORT);\n`,
      filename: 'src/server.ts',
      errors: [{ messageId: 'call', line: 3, column: 7 }],
    },
    {
      name: 'sequelize.sync with alter, and a plain sync as a notice',
      code: `const db = require('./models');\ndb.sequelize.sync({ alter: true });\ndb.sequelize.sync();\n`,
      filename: 'src/app.js',
      errors: [
        { messageId: 'sync', line: 2, severity: 'warning' },
        { messageId: 'plainSync', line: 3, severity: 'notice' },
      ],
    },
    {
      name: 'umzug up in the server entry',
      code: `import { Umzug, SequelizeStorage } from 'umzug';\nconst umzug = new Umzug({ migrations: { glob: 'migrations/*.js' }, storage: new SequelizeStorage({ sequelize }) });\nawait umzug.up();\n`,
      filename: 'src/index.ts',
      errors: [{ messageId: 'call', line: 3 }],
    },
    {
      name: 'TypeORM synchronize and migrationsRun set to true in Nest',
      code: `TypeOrmModule.forRoot({\n  type: 'postgres',\n  url: process.env.DATABASE_URL,\n  autoLoadEntities: true,\n  synchronize: true,\n  migrationsRun: true,\n});\n`,
      filename: 'src/app.module.ts',
      errors: [
        { messageId: 'ormOption', line: 5, messageIncludes: 'synchronize' },
        { messageId: 'ormOption', line: 6, messageIncludes: 'migrationsRun' },
      ],
    },
    {
      name: 'exec of prisma migrate deploy in the file that listens',
      code: `const { execSync } = require('child_process');\nexecSync('npx prisma migrate deploy', { stdio: 'inherit' });\nconst server = app.listen(process.env.PORT);\n`,
      filename: 'server.js',
      errors: [{ messageId: 'exec', line: 2, messageIncludes: 'npx prisma migrate deploy' }],
    },
    {
      name: 'ormconfig.json with synchronize true',
      code: `{\n  "type": "mysql",\n  "url": "mysql://localhost/app",\n  "synchronize": true\n}\n`,
      filename: 'ormconfig.json',
      errors: [{ messageId: 'ormOption', line: 4 }],
    },
  ],
});
