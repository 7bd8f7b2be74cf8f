import connectionStringCredentials from '../../../checks/secrets/connection-string-credentials.ts';
import { testCheck } from '../../support/check-tester.ts';
import { fakeBody } from './fake-secret.ts';

const PW = `${fakeBody('db-password', 10)}!${fakeBody('db-password-2', 5)}`;
const REDIS_PW = fakeBody('redis-password', 24);
const BROKER_PW = fakeBody('amqp-password', 18);

testCheck(connectionStringCredentials, {
  valid: [
    { name: 'the user name repeated as the password', code: `const url = 'postgres://postgres:postgres@localhost:5432/orders';` },
    { name: 'a template', code: `DATABASE_URL=postgres://orders:\${DB_PASSWORD}@db.internal:5432/orders\n`, filename: '.env' },
    { name: "RabbitMQ's default guest account", code: `const amqp = 'amqp://guest:guest@localhost:5672';` },
    { name: 'a placeholder password', code: `DATABASE_URL=postgres://user:password@localhost:5432/app\n`, filename: 'docs/setup.md' },
    { name: 'a weak development password', code: `const url = 'mysql://root:pw@127.0.0.1/orders';` },
    { name: 'no password at all', code: `const redis = new Redis('redis://cache.internal:6379/0');` },
    { name: 'an encoded placeholder', code: `const url = 'postgres://orders:%3Cpassword%3E@db.internal/orders';` },
    { name: 'an example file', code: `DATABASE_URL=postgres://orders:${PW}@db.internal:5432/orders\n`, filename: '.env.example' },
  ],
  invalid: [
    {
      code: `import { Pool } from 'pg';\nexport const pool = new Pool({ connectionString: 'postgres://orders:${PW}@db.internal:5432/orders' });`,
      errors: [{ messageId: 'found', line: 2, column: 69, messageIncludes: `${PW.slice(0, 4)}****` }],
    },
    { name: 'an empty user (redis://:pass@)', code: `REDIS_URL=redis://:${REDIS_PW}@cache.internal:6379/0\n`, filename: '.env', errors: [{ messageId: 'found', line: 1, column: 20 }] },
    { code: `queue:\n  url: amqps://orders:${BROKER_PW}@rabbit.internal:5671/orders\n`, filename: 'config/queue.yml', errors: [{ messageId: 'found', line: 2, messageIncludes: 'amqps://' }] },
    { code: `MONGO_URL=mongodb+srv://analytics:${REDIS_PW}@cluster0.a1b2c.mongodb.net/events\n`, filename: '.env', errors: [{ messageId: 'found', line: 1 }] },
    { code: `spring.datasource.url=jdbc:mysql://orders:${PW}@mysql.internal:3306/orders\n`, filename: 'src/main/resources/application.properties', errors: [{ messageId: 'found', line: 1 }] },
    { name: 'HTTP basic auth', code: `curl -fsS https://deploy:${BROKER_PW}@artifacts.acme.io/releases/latest.tgz\n`, filename: 'scripts/fetch.sh', errors: [{ messageId: 'found', line: 1 }] },
  ],
});
