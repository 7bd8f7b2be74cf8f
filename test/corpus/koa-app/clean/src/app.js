'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const session = require('koa-session');
const config = require('config');
const db = require('./db');

const ALLOWED_SORTS = { newest: ['created_at', 'desc'], oldest: ['created_at', 'asc'], title: ['title', 'asc'] };

function log(level, msg, fields = {}) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
}

function createApp() {
  const app = new Koa();
  app.keys = config.get('session.keys');
  app.proxy = true;

  const router = new Router({ prefix: '/bookmarks' });

  router.get('/', async (ctx) => {
    const [column, direction] = ALLOWED_SORTS[ctx.query.sort] || ALLOWED_SORTS.newest;
    ctx.body = await db('bookmarks')
      .where({ owner_id: ctx.session.userId })
      .orderBy(column, direction)
      .limit(config.get('pageSize'));
  });

  router.post('/', async (ctx) => {
    const { url, title } = ctx.request.body;
    const [bookmark] = await db('bookmarks').insert({ owner_id: ctx.session.userId, url, title }).returning('*');
    ctx.session.lastBookmarkId = bookmark.id;
    ctx.status = 201;
    ctx.body = bookmark;
  });

  router.delete('/:id', async (ctx) => {
    const deleted = await db('bookmarks').where({ id: ctx.params.id, owner_id: ctx.session.userId }).del();
    ctx.status = deleted ? 204 : 404;
  });

  app.use(async (ctx, next) => {
    const started = Date.now();
    try {
      await next();
    } catch (err) {
      ctx.status = err.status || 500;
      ctx.body = { error: ctx.status < 500 ? err.message : 'internal error' };
      if (ctx.status >= 500) log('error', 'request failed', { err: err.message, stack: err.stack });
    }
    log('info', 'request', { method: ctx.method, path: ctx.path, status: ctx.status, ms: Date.now() - started });
  });
  app.use(session({ key: 'bookmarks.sess', maxAge: config.get('session.maxAgeMs'), httpOnly: true, sameSite: 'lax' }, app));
  app.use(bodyParser({ jsonLimit: '64kb' }));
  app.use(router.routes()).use(router.allowedMethods());

  return { app, log };
}

module.exports = { createApp };
