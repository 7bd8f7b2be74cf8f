import check from '../../../checks/disposability/missing-shutdown-handler/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const expressServer = `import express from 'express';
const app = express();
app.get('/', (req, res) => res.send('ok'));
app.listen(Number(process.env.PORT ?? 3000));
`;

testCheck(check, {
  valid: [
    {
      name: 'SIGTERM handled in the same file',
      code: `${expressServer}process.on('SIGTERM', () => server.close());\n`,
    },
    {
      name: 'SIGINT handled with process.once in another file',
      code: expressServer,
      files: { 'src/shutdown.ts': `export function onShutdown(close: () => void) {\n  process.once('SIGINT', close);\n}\n` },
    },
    {
      name: 'signals registered in a loop over a constant list',
      code: expressServer,
      files: {
        'src/main.ts': `const SIGNALS = ['SIGTERM', 'SIGINT'] as const;\nfor (const signal of SIGNALS) {\n  process.on(signal, () => stop(signal));\n}\n`,
      },
    },
    {
      name: 'a known helper required elsewhere (http-terminator)',
      code: `const http = require('http');\nconst server = http.createServer(handler);\nserver.listen(process.env.PORT);\n`,
      filename: 'src/server.js',
      files: { 'src/lifecycle.js': `const { createHttpTerminator } = require('http-terminator');\nmodule.exports = createHttpTerminator;\n` },
    },
    {
      name: 'a launcher under scripts/ handles the signal',
      code: expressServer,
      files: { 'scripts/serve.js': `const child = require('./spawn-server');\nprocess.on('SIGTERM', () => child.kill('SIGTERM'));\n` },
    },
    {
      name: 'terminus wraps the server',
      code: `import { createTerminus } from '@godaddy/terminus';\nimport http from 'node:http';\nconst server = http.createServer(app);\ncreateTerminus(server, { onSignal });\nserver.listen(port);\n`,
    },
    {
      name: 'Nest enableShutdownHooks',
      code: `import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableShutdownHooks();\n  await app.listen(process.env.PORT ?? 3000);\n}\nbootstrap();\n`,
    },
    {
      name: 'a react-router history.listen callback is not a server',
      code: `import { createBrowserHistory } from 'history';\nconst history = createBrowserHistory();\nhistory.listen((location) => track(location.pathname));\n`,
    },
    {
      name: 'worker_threads Worker is not a queue consumer',
      code: `import { Worker } from 'node:worker_threads';\nconst worker = new Worker(new URL('./resize.js', import.meta.url));\nworker.postMessage(job);\n`,
    },
    {
      name: 'only the first listening file (by path) reports',
      code: expressServer,
      filename: 'src/web.ts',
      files: { 'src/api.ts': `import Fastify from 'fastify';\nconst fastify = Fastify();\nawait fastify.listen({ port: Number(process.env.PORT) });\n` },
    },
    {
      name: 'Mock Service Worker listening in a test set-up file',
      code: `import { setupServer } from 'msw/node';\nexport const server = setupServer(...handlers);\nserver.listen({ onUnhandledRequest: 'error' });\n`,
      filename: 'src/setupTests.ts',
    },
    {
      name: 'a dev server in scripts/ is tooling',
      code: `import { createServer } from 'vite';\nconst server = await createServer();\nawait server.listen(5173);\n`,
      filename: 'scripts/dev.ts',
    },
    {
      name: 'a listening test server does not count',
      code: `import { app } from '../src/app';\nconst server = app.listen(0);\nafterAll(() => server.close());\n`,
      filename: 'test/app.test.ts',
    },
    {
      name: 'a Python worker of the repository handles SIGTERM (one fact across languages)',
      code: expressServer,
      files: { 'worker/consume.py': `import signal\n\nsignal.signal(signal.SIGTERM, stop_consuming)\nchannel.start_consuming()\n` },
    },
  ],
  invalid: [
    {
      name: 'an express server and no signal handling anywhere',
      code: expressServer,
      errors: [{ messageId: 'missing', line: 4, column: 1 }],
    },
    {
      name: 'http.createServer(...).listen in a CommonJS file',
      code: `const http = require('http');\n\nhttp\n  .createServer(handler)\n  .listen(process.env.PORT);\n`,
      filename: 'server.js',
      errors: [{ messageId: 'missing', line: 5, messageIncludes: 'HTTP server' }],
    },
    {
      name: 'a BullMQ worker with no SIGTERM handling',
      code: `import { Worker } from 'bullmq';\nimport { connection } from './redis';\n\nconst worker = new Worker('emails', async (job) => send(job.data), { connection });\n`,
      filename: 'src/worker.ts',
      errors: [{ messageId: 'missing', line: 4, messageIncludes: 'BullMQ worker' }],
    },
    {
      name: 'a kafkajs consumer; a SIGTERM handler only in a test file does not count',
      code: `const consumer = kafka.consumer({ groupId: 'billing' });\nawait consumer.connect();\nawait consumer.run({\n  eachMessage: async ({ message }) => handle(message),\n});\n`,
      filename: 'src/consumer.ts',
      files: { 'src/consumer.test.ts': `process.on('SIGTERM', () => consumer.disconnect());\n` },
      errors: [{ messageId: 'missing', line: 3, messageIncludes: 'Kafka consumer' }],
    },
    {
      name: 'an amqplib consumer',
      code: `const amqp = require('amqplib');\nasync function main() {\n  const channel = await (await amqp.connect(process.env.AMQP_URL)).createChannel();\n  await channel.consume('tasks', (msg) => work(msg));\n}\nmain();\n`,
      filename: 'src/tasks.js',
      errors: [{ messageId: 'missing', line: 4, messageIncludes: 'AMQP consumer' }],
    },
    {
      name: 'the first listening file by path reports, even when another listens too',
      code: `import Fastify from 'fastify';\nconst fastify = Fastify();\nawait fastify.listen({ port: Number(process.env.PORT) });\n`,
      filename: 'src/api.ts',
      files: { 'src/web.ts': expressServer, 'docs/shutdown.md': 'We should handle SIGTERM one day.\n' },
      errors: [{ messageId: 'missing', line: 3 }],
    },
    {
      name: 'an sqs-consumer Consumer',
      code: `import { Consumer } from 'sqs-consumer';\nconst app = Consumer.create({ queueUrl: process.env.QUEUE_URL, handleMessage });\napp.start();\n`,
      filename: 'src/sqs.ts',
      errors: [{ messageId: 'missing', line: 2, messageIncludes: 'SQS consumer' }],
    },
    {
      name: 'a Python module handling only SIGINT does not handle SIGTERM',
      code: expressServer,
      files: { 'worker/consume.py': `import signal\n\nsignal.signal(signal.SIGINT, stop_consuming)\n` },
      errors: [{ messageId: 'missing', line: 4 }],
    },
  ],
});
