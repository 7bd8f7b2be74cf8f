'use strict';

const { Worker } = require('bullmq');
const nodemailer = require('nodemailer');
const { connection, required } = require('./queue');

const transport = nodemailer.createTransport(required('SMTP_URL'));

const worker = new Worker(
  'notifications',
  async (job) => {
    await transport.sendMail({ from: required('MAIL_FROM'), to: job.data.to, subject: job.data.subject, text: job.data.text });
  },
  { connection, concurrency: Number(process.env.WORKER_CONCURRENCY || 5) },
);

async function shutdown() {
  await worker.close();
  await connection.quit();
  process.exit(0);
}

process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
