'use strict';

const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const Koa = require('koa');
const Router = require('@koa/router');
const { koaBody } = require('koa-body');
const session = require('koa-session');
const config = require('config');
const db = require('./db');

const ALLOWED_SORTS = { newest: ['created_at', 'desc'], oldest: ['created_at', 'asc'], title: ['title', 'asc'] };

const accessLog = fs.createWriteStream(path.join(__dirname, '..', 'logs', 'access.log'), { flags: 'a' });

function log(level, msg, fields = {}) {
  accessLog.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
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

  router.post('/:id/screenshot', async (ctx) => {
    const { screenshot } = ctx.request.files;
    await db('bookmarks').where({ id: ctx.params.id }).update({ screenshot_path: screenshot.filepath });
    ctx.status = 204;
  });

  router.post('/admin/deploy', async (ctx) => {
    ctx.body = execSync('git pull --ff-only && npm ci --omit=dev', { cwd: path.join(__dirname, '..') }).toString();
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
  app.use(
    koaBody({
      jsonLimit: '64kb',
      multipart: true,
      formidable: { uploadDir: path.join(__dirname, '..', 'uploads'), keepExtensions: true },
    }),
  );
  app.use(router.routes()).use(router.allowedMethods());

  return { app, log };
}

module.exports = { createApp };
