import check from '../../../checks/backing-services/no-hardcoded-host/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { code: `import Redis from 'ioredis';\nconst redis = new Redis({ host: process.env.REDIS_HOST, port: Number(process.env.REDIS_PORT) });` },
    { code: `import { Pool } from 'pg';\nimport { config } from './config.ts';\nconst pool = new Pool({ host: config.db.host, database: config.db.name });` },
    { code: `import Redis from 'ioredis';\nconst redis = new Redis({ host: process.env.REDIS_HOST ?? 'localhost' });` },
    { code: `import Fastify from 'fastify';\nconst app = Fastify();\nawait app.listen({ host: '0.0.0.0', port: 3000 });` },
    { code: `import { Pool } from 'pg';\nconst pool = new Pool({ host: '/var/run/postgresql', database: 'app' });` },
    { code: `import mongoose from 'mongoose';\nawait mongoose.connect('mongodb://127.0.0.1/app');` },
    { code: `import { Client } from '@elastic/elasticsearch';\nconst es = new Client({ node: 'http://localhost:9200' });` },
    { code: `const pool = new Pool({ host: 'localhost' });` },
    { code: `import { Pool } from 'pg';\nconst pool = new Pool({ host: 'localhost', database: 'app_dev' });\nawait seed(pool);`, filename: 'scripts/seed.ts' },
    { code: `import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ clientId: 'app', brokers: process.env.KAFKA_BROKERS!.split(',') });` },
    { code: `import Redis from 'ioredis';\nexport const redis = new Redis({ host: 'localhost' });`, filename: 'src/__tests__/redis.ts' },
    { code: `import { TypeOrmModule } from '@nestjs/typeorm';\nexport const db = TypeOrmModule.forRoot({ type: 'postgres', host: process.env.DB_HOST, port: 5432 });` },
    {
      code: `import { TypeOrmModule } from '@nestjs/typeorm';\nconst base = { type: 'postgres', url: process.env.DATABASE_URL } as const;\nexport const db = TypeOrmModule.forRoot(useSsl ? { ...base, ssl: true } : base);`,
    },
    {
      code: `import { TypeOrmModule } from '@nestjs/typeorm';\nexport const db = TypeOrmModule.forRootAsync({\n  useFactory: (config: ConfigService) => ({ type: 'postgres', host: config.get('DB_HOST') }),\n});`,
    },
  ],
  invalid: [
    {
      code: `import Redis from 'ioredis';\n\nconst redis = new Redis({ host: '10.0.0.5', port: 6379 });`,
      errors: [{ messageId: 'host', line: 3, column: 33, messageIncludes: "'10.0.0.5'" }],
    },
    {
      code: `const mysql = require('mysql2');\nconst connection = mysql.createConnection({\n  host: 'db.internal',\n  user: process.env.DB_USER,\n});`,
      filename: 'src/db.js',
      errors: [{ messageId: 'host', line: 3 }],
    },
    {
      code: `import pg from 'pg';\nconst pool = new pg.Pool({ host: 'localhost', database: 'app' });`,
      errors: [{ messageId: 'host', line: 2, messageIncludes: 'pg client' }],
    },
    {
      code: `import Redis from 'ioredis';\nconst redis = new Redis(6379, '10.0.0.5');`,
      errors: [{ messageId: 'host', line: 2 }],
    },
    {
      code: `import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({\n  clientId: 'orders',\n  brokers: ['kafka-1.internal:9092', 'kafka-2.internal:9092'],\n});`,
      errors: [{ messageId: 'host', line: 4, messageIncludes: "'kafka-1.internal'" }],
    },
    {
      code: `const DB_HOST = 'db.prod.internal';\nconst db = require('knex')({\n  client: 'pg',\n  connection: { host: DB_HOST, database: 'app' },\n});`,
      filename: 'src/knex.js',
      errors: [{ messageId: 'host', line: 4 }],
    },
    {
      code: `import { createClient } from 'redis';\nconst client = createClient({ socket: { host: 'cache.internal', port: 6379 } });`,
      errors: [{ messageId: 'host', line: 2 }],
    },
    {
      code: `import nodemailer from 'nodemailer';\nexport const mailer = nodemailer.createTransport({ host: 'smtp.mailgun.org', port: 587 });`,
      errors: [{ messageId: 'host', line: 2 }],
    },
    {
      code: `import { Queue } from 'bullmq';\nconst queue = new Queue('emails', { connection: { host: '192.168.1.20' } });`,
      errors: [{ messageId: 'host', line: 2 }],
    },
    {
      code: `import { TypeOrmModule } from '@nestjs/typeorm';\n\nexport const database = TypeOrmModule.forRoot(\n  process.env.NODE_ENV === 'production'\n    ? { type: 'postgres', host: 'billing-db.prod.internal', port: 5432 }\n    : { type: 'postgres', host: 'localhost', port: 5432 },\n);`,
      errors: [
        { messageId: 'host', line: 5, messageIncludes: "'billing-db.prod.internal'" },
        { messageId: 'host', line: 6, messageIncludes: "'localhost'" },
      ],
    },
    {
      code: `import { BullModule } from '@nestjs/bullmq';\nexport const queues = BullModule.forRoot({ connection: { host: 'redis.internal', port: 6379 } });`,
      errors: [{ messageId: 'host', line: 2, messageIncludes: '@nestjs/bullmq client' }],
    },
  ],
});
