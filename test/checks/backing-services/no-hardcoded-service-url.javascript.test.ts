import check from '../../../checks/backing-services/no-hardcoded-service-url/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { code: `// connect with postgres://user@localhost:5432/app in development\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL });` },
    { code: `const url = \`postgres://\${process.env.DB_USER}:\${process.env.DB_PASSWORD}@\${process.env.DB_HOST}/app\`;` },
    { code: `logger.info('connected to redis://localhost:6379');\nconsole.log('redis://localhost:6379');` },
    { code: `throw new Error('DATABASE_URL must look like postgres://user:pass@host:5432/db');` },
    { code: `if (!url.startsWith('postgres://')) throw new TypeError('bad url');\nconst isRedis = url.startsWith('redis://');` },
    { code: `const client = createClient({ url: 'redis://localhost:6379' });`, filename: 'test/redis.test.ts' },
    { code: `const db = new Pool({ connectionString: 'postgres://localhost/app' });`, filename: 'docs/examples/pool.ts' },
    { code: `const api = axios.create({ baseURL: 'https://api.example.com' });\nfetch('http://localhost:3000/health');` },
    { code: `const schema = convict({\n  db: { doc: 'Database URL', format: String, default: 'postgres://localhost/app', env: 'DATABASE_URL' },\n});` },
    { code: `const DEFAULT_DB = 'postgres://localhost/app';\nconst url = process.env.DATABASE_URL || DEFAULT_DB;` },
    { code: `if (url === 'redis://localhost:6379') warnAboutLocalRedis();` },
    { code: `const client = new pg.Client({ connectionString: 'postgres://localhost/app_dev' });\nawait seed(client);`, filename: 'scripts/seed.ts' },
  ],
  invalid: [
    {
      code: `import { Pool } from 'pg';\n\nconst pool = new Pool({\n  connectionString: 'postgres://app:secret@db.internal:5432/app',\n});`,
      errors: [{ messageId: 'url', line: 4, column: 21, messageIncludes: 'PostgreSQL' }],
    },
    {
      code: `import mongoose from 'mongoose';\nawait mongoose.connect('mongodb://127.0.0.1/app');`,
      errors: [{ messageId: 'url', line: 2, messageIncludes: 'MONGODB_URI' }],
    },
    {
      code: `export const config = {\n  redisUrl: 'redis://cache.internal:6379',\n  port: 3000,\n};`,
      errors: [{ messageId: 'url', line: 2 }],
    },
    {
      code: `const ES_URL = 'http://localhost:9200';\nconst es = new Client({ node: ES_URL });`,
      errors: [{ messageId: 'url', line: 1, messageIncludes: 'Elasticsearch' }],
    },
    {
      code: `const conn = await amqp.connect(\n  \`amqp://guest:guest@rabbit:5672/\${vhost}\`,\n);`,
      errors: [{ messageId: 'url', line: 2 }],
    },
    {
      code: `const transport = nodemailer.createTransport('smtps://mailer@smtp.example.com');`,
      filename: 'src/mail.js',
      errors: [{ messageId: 'url', line: 1, messageIncludes: 'SMTP' }],
    },
    {
      code: `const url = process.env.CACHE || 'redis://localhost:6379';\nconst other = config.url ?? 'nats://nats.internal:4222';`,
      errors: [
        { messageId: 'url', line: 1 },
        { messageId: 'url', line: 2 },
      ],
    },
    {
      code: `function connect(url = 'mysql://root@localhost:3306/shop') {\n  return mysql.createConnection(url);\n}`,
      errors: [{ messageId: 'url', line: 1 }],
    },
  ],
});
