import check from '../../../checks/concurrency/no-scheduler-in-web/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'a cron job in a file that does not listen',
      filename: 'src/jobs/nightly.ts',
      code: `import cron from 'node-cron';\ncron.schedule('0 3 * * *', sendReport);`,
    },
    {
      name: 'a short heartbeat interval beside listen',
      code: `const HEARTBEAT_MS = 30_000;\nsetInterval(() => metrics.flush(), HEARTBEAT_MS);\napp.listen(process.env.PORT);`,
    },
    {
      name: 'a non-literal interval',
      code: `setInterval(refresh, config.refreshMs);\nserver.listen(Number(process.env.PORT));`,
    },
    {
      name: 'BullMQ repeatable jobs run once across replicas',
      code: `import { Queue } from 'bullmq';\nconst queue = new Queue('maintenance', { connection });\nawait queue.add('cleanup', {}, { repeat: { every: 3_600_000 } });\nawait queue.upsertJobScheduler('report', { pattern: '0 3 * * *' });\napp.listen(process.env.PORT);`,
    },
    {
      name: 'Agenda with its database lock',
      code: `import Agenda from 'agenda';\nconst agenda = new Agenda({ db: { address: process.env.MONGO_URL } });\nawait agenda.every('1 hour', 'cleanup');\napp.listen(process.env.PORT);`,
    },
    {
      name: 'a clock process with a health port',
      filename: 'src/clock.ts',
      code: `import cron from 'node-cron';\ncron.schedule('*/5 * * * *', enqueueMissed);\nhealth.listen(Number(process.env.HEALTH_PORT));`,
    },
    {
      name: 'listen without arguments is not a port binding',
      code: `import { CronJob } from 'cron';\nnew CronJob('0 * * * *', tick, null, true);\nsubscriber.listen();`,
    },
  ],
  invalid: [
    {
      code: `import express from 'express';\nimport cron from 'node-cron';\nconst app = express();\ncron.schedule('0 3 * * *', () => sendDailyDigest());\napp.listen(Number(process.env.PORT ?? 3000));`,
      errors: [{ messageId: 'scheduled', line: 4, column: 1, messageIncludes: '`cron.schedule`' }],
    },
    {
      name: 'setInterval with an arithmetic period through a const',
      code: `const FIFTEEN_MINUTES = 15 * 60 * 1000;\nsetInterval(async () => {\n  await purgeExpired();\n}, FIFTEEN_MINUTES);\nhttp.createServer(handler).listen(process.env.PORT);`,
      filename: 'src/server.js',
      errors: [{ messageId: 'scheduled', line: 2, messageIncludes: 'every 15 min' }],
    },
    {
      name: 'cron CronJob constructor and CronJob.from',
      code: `const { CronJob } = require('cron');\nconst job = new CronJob('0 0 * * *', rotate);\nCronJob.from({ cronTime: '0 * * * *', onTick: sync, start: true });\nfastify.listen({ port: Number(process.env.PORT) });`,
      filename: 'src/index.cjs',
      errors: [
        { messageId: 'scheduled', line: 2 },
        { messageId: 'scheduled', line: 3 },
      ],
    },
    {
      name: 'node-schedule scheduleJob',
      code: `import { scheduleJob } from 'node-schedule';\nscheduleJob('*/10 * * * *', syncInventory);\nawait app.listen(process.env.PORT);`,
      errors: [{ messageId: 'scheduled', line: 2 }],
    },
    {
      name: 'an hourly literal interval with globalThis',
      code: `globalThis.setInterval(refreshRates, 3_600_000);\nserver.listen(process.env.PORT, '0.0.0.0');`,
      errors: [{ messageId: 'scheduled', line: 1, messageIncludes: 'every 1 h' }],
    },
  ],
});
