'use strict';

const { Queue } = require('bullmq');
const IORedis = require('ioredis');

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

const connection = new IORedis(required('REDIS_URL'), { maxRetriesPerRequest: null });
const notifications = new Queue('notifications', { connection });

module.exports = { connection, notifications, required };
