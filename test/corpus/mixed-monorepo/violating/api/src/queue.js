'use strict';

const Redis = require('ioredis');

// Celery's Redis transport reads JSON messages from a list named after the queue.
const redis = new Redis('redis://localhost:6379/0');

async function enqueueRefund(paymentId) {
  const message = { task: 'worker.tasks.refund', args: [paymentId], kwargs: {} };
  await redis.lpush('celery', JSON.stringify(message));
}

module.exports = { enqueueRefund, redis };
