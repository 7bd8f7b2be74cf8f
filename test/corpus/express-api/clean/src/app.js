'use strict';

const path = require('node:path');
const express = require('express');
const session = require('express-session');
const RedisStore = require('connect-redis').default;
const pinoHttp = require('pino-http');
const config = require('./config');
const db = require('./db');
const logger = require('./logger');
const rateLimit = require('./rate-limit');
const { shippingCents } = require('./shipping');

const STATUS_LABELS = {
  pending: 'Awaiting payment',
  paid: 'Paid',
  shipped: 'On its way',
  cancelled: 'Cancelled',
};

const SORTABLE = new Set(['created_at', 'total_cents']);

function present(row) {
  return {
    id: row.id,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status] || row.status,
    totalCents: row.total_cents,
    createdAt: row.created_at,
  };
}

function ordersRouter() {
  const router = express.Router();

  router.get('/', async (req, res, next) => {
    try {
      const sort = SORTABLE.has(req.query.sort) ? req.query.sort : 'created_at';
      const { rows } = await db.query(
        `SELECT id, status, total_cents, created_at FROM orders WHERE customer_id = $1 ORDER BY ${sort} DESC LIMIT 50`,
        [req.session.customerId],
      );
      res.json(rows.map(present));
    } catch (err) {
      next(err);
    }
  });

  router.post('/', async (req, res, next) => {
    try {
      const { rows } = await db.query(
        'INSERT INTO orders (customer_id, status, total_cents) VALUES ($1, $2, $3) RETURNING *',
        [req.session.customerId, 'pending', req.body.totalCents],
      );
      req.session.lastOrderId = rows[0].id;
      res.status(201).json(present(rows[0]));
    } catch (err) {
      next(err);
    }
  });

  router.get('/shipping/:zone', (req, res) => {
    res.json({ zone: req.params.zone, cents: shippingCents(req.params.zone) });
  });

  router.get('/:id', async (req, res, next) => {
    try {
      const { rows } = await db.query('SELECT * FROM orders WHERE id = $1 AND customer_id = $2', [
        req.params.id,
        req.session.customerId,
      ]);
      if (rows.length === 0) return res.status(404).json({ error: 'not found' });
      return res.json(present(rows[0]));
    } catch (err) {
      return next(err);
    }
  });

  return router;
}

function createApp({ redisClient }) {
  const app = express();
  if (config.trustProxy) app.set('trust proxy', 1);

  app.use(pinoHttp({ logger }));
  app.use(express.json({ limit: '100kb' }));
  app.use(async (req, res, next) => {
    try {
      if ((await rateLimit.hit(redisClient, req.ip)) > config.rateLimitPerMinute) return res.sendStatus(429);
      return next();
    } catch (err) {
      return next(err);
    }
  });
  app.use(
    session({
      store: new RedisStore({ client: redisClient, prefix: 'orders:sess:' }),
      secret: config.sessionSecret,
      resave: false,
      saveUninitialized: false,
      cookie: { secure: process.env.NODE_ENV === 'production', sameSite: 'lax', maxAge: 86400000 },
    }),
  );

  app.get('/healthz', (req, res) => res.send('ok'));
  app.use('/static', express.static(path.join(__dirname, '..', 'public'), { maxAge: '1h', index: false }));
  app.use('/orders', ordersRouter());

  app.use((err, req, res, _next) => {
    req.log.error({ err }, 'request failed');
    res.status(500).json({ error: 'internal error' });
  });

  return app;
}

module.exports = { createApp };
