'use strict';

const express = require('express');
const { enqueueRefund, redis } = require('./queue');

const app = express();
app.use(express.json());

app.post('/payments/:id/refund', async (req, res, next) => {
  try {
    await enqueueRefund(req.params.id);
    res.status(202).json({ queued: true });
  } catch (error) {
    next(error);
  }
});

const server = app.listen(Number(process.env.PORT ?? 3000));

process.on('SIGTERM', () => {
  server.close(async () => {
    await redis.quit();
    process.exit(0);
  });
});
