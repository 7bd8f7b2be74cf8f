import check from '../../../checks/processes/no-module-state-in-handlers/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'a lookup table only read in a handler',
      code: `const PRICES = { basic: 5, pro: 20 };\nconst plans = new Map([['a', 1]]);\napp.get('/price/:plan', (req, res) => {\n  res.json({ price: PRICES[req.params.plan], id: plans.get(req.params.plan) });\n});`,
    },
    {
      name: 'written only at start-up',
      code: `const routesByName = new Map();\nfor (const route of loadRoutes()) routesByName.set(route.name, route);\nconst allowed = [];\nallowed.push('admin');\napp.get('/r/:name', (req, res) => res.json(routesByName.get(req.params.name)));`,
    },
    {
      name: 'a local collection shadows the module one',
      code: `const items = [];\nrouter.post('/items', (req, res) => {\n  const items = [];\n  items.push(req.body);\n  res.json(items);\n});`,
    },
    {
      name: 'written in the listen callback, not in a handler',
      code: `const state = {};\napp.listen(Number(process.env.PORT), () => {\n  state.startedAt = Date.now();\n});`,
    },
    {
      name: 'an HTTP client callback is not a request handler',
      code: `import axios from 'axios';\nconst seen = [];\naxios.get('/api/items', (data) => { seen.push(data); });\naxios.interceptors.request.use((config) => { seen.push(config); return config; });`,
    },
    {
      name: 'lru-cache keyed by content, not by user',
      code: `import { LRUCache } from 'lru-cache';\nconst rendered = new LRUCache({ max: 500 });\napp.get('/page/:slug', (req, res) => {\n  rendered.set(req.params.slug, render(req.params.slug));\n  res.send(rendered.get(req.params.slug));\n});`,
    },
    {
      name: 'a counter property incremented per request',
      code: `const stats = { requests: 0 };\napp.use((req, res, next) => {\n  stats.requests++;\n  next();\n});`,
    },
    {
      name: 'a Map written outside any handler function',
      code: `const jobs = new Map();\nexport function schedule(id: string, job: unknown) {\n  jobs.set(id, job);\n}\nqueue.on('completed', (job) => jobs.delete(job.id));`,
    },
    {
      name: 'a registry of open SSE connections',
      code: `const clients = new Set();\napp.get('/events', (req, res) => {\n  clients.add(res);\n  req.on('close', () => clients.delete(res));\n});`,
    },
    {
      name: 'a store helper that only reads, called from a handler',
      filename: 'src/store.ts',
      code: `const prices = new Map<string, number>();\nexport function priceOf(plan: string) {\n  return prices.get(plan);\n}\nexport function load(entries: [string, number][]) {\n  for (const [plan, price] of entries) prices.set(plan, price);\n}`,
      files: {
        'src/routes.ts': `import { Router } from 'express';\nimport { priceOf } from './store.js';\nexport const router = Router();\nrouter.get('/price/:plan', (req, res) => res.json({ price: priceOf(req.params.plan) }));`,
        'src/index.ts': `import { load } from './store.js';\nload([['basic', 5]]);`,
      },
    },
    {
      name: 'a helper writing a bounded LRU cache from the lru-cache library',
      filename: 'src/cache.ts',
      code: `import { LRUCache } from 'lru-cache';\nconst rendered = new LRUCache<string, string>({ max: 500, ttl: 60_000 });\nexport function remember(slug: string, html: string) {\n  rendered.set(slug, html);\n}`,
      files: {
        'src/routes.ts': `import { remember } from './cache';\napp.get('/page/:slug', (req, res) => {\n  remember(req.params.slug, render(req.params.slug));\n  res.end();\n});`,
      },
    },
    {
      name: 'a writing helper called only at start-up, never from a handler',
      filename: 'src/registry.ts',
      code: `const plugins = new Map();\nexport function register(name, plugin) {\n  plugins.set(name, plugin);\n}\nexport function pluginNamed(name) {\n  return plugins.get(name);\n}`,
      files: {
        'src/index.js': `const { register } = require('./registry');\nconst { pluginNamed } = require('./registry');\nregister('csv', require('./csv'));\napp.get('/export/:kind', (req, res) => res.send(pluginNamed(req.params.kind).run()));`,
      },
    },
    {
      name: 'a Map local to the helper a handler calls',
      filename: 'src/stats.ts',
      code: `export function countWords(text: string) {\n  const counts = new Map<string, number>();\n  for (const word of text.split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);\n  return counts;\n}`,
      files: { 'src/routes.ts': `import { countWords } from './stats';\napp.post('/count', (req, res) => res.json([...countWords(req.body.text)]));` },
    },
    {
      name: 'the writing helper is called from a handler in test code only',
      filename: 'src/store.ts',
      code: `const seen = new Set<string>();\nexport function mark(id: string) {\n  seen.add(id);\n}`,
      files: { 'test/store.test.ts': `import { mark } from '../src/store';\napp.post('/mark', (req, res) => { mark(req.body.id); res.end(); });` },
    },
    {
      name: 'a handler calls a function of the same name from another module',
      filename: 'src/store.ts',
      code: `const items = new Map();\nexport function put(key, value) {\n  items.set(key, value);\n}`,
      files: { 'src/routes.js': `import { put } from './redis-store';\napp.put('/items/:id', async (req, res) => { await put(req.params.id, req.body); res.end(); });` },
    },
  ],
  invalid: [
    {
      name: 'an Express handler stores sessions in a module Map',
      code: `import express from 'express';\nconst app = express();\nconst sessions = new Map();\n\napp.post('/login', (req, res) => {\n  sessions.set(req.body.user, { at: Date.now() });\n  res.sendStatus(204);\n});`,
      errors: [{ messageId: 'moduleState', line: 3, column: 7 }],
    },
    {
      name: 'reported once per collection, at its declaration',
      code: `let carts = {};\nrouter.post('/cart', (req, res) => {\n  carts[req.user.id] = req.body;\n});\nrouter.delete('/cart', (req, res) => {\n  delete carts[req.user.id];\n});`,
      errors: [{ messageId: 'moduleState', line: 1 }],
    },
    {
      name: 'a named handler declared in the same file',
      code: `var uploads = [];\nfunction handleUpload(req, res) {\n  uploads.push(req.file);\n  res.end();\n}\napp.post('/upload', handleUpload);`,
      filename: 'src/routes.js',
      errors: [{ messageId: 'moduleState', line: 1 }],
    },
    {
      name: 'http.createServer and an in-memory rate limiter',
      code: `import http from 'node:http';\nconst hits = {};\nhttp.createServer((req, res) => {\n  hits[req.socket.remoteAddress]++;\n  res.end();\n}).listen(process.env.PORT);`,
      errors: [{ messageId: 'moduleState', line: 2 }],
    },
    {
      name: 'fastify route handler option, wrapped handler and array reset',
      code: `const online = new Set();\nconst log = [];\nfastify.route({ method: 'POST', url: '/ping', handler: async (request) => { online.add(request.ip); } });\napp.post('/clear', asyncHandler(async (req, res) => { log.length = 0; }));`,
      errors: [
        { messageId: 'moduleState', line: 1 },
        { messageId: 'moduleState', line: 2 },
      ],
    },
    {
      name: 'a Nest controller method',
      code: `import { Controller, Post, Body } from '@nestjs/common';\nconst votes: Record<string, number> = {};\n@Controller('votes')\nexport class VotesController {\n  @Post()\n  vote(@Body() body: { option: string }) {\n    votes[body.option] = (votes[body.option] ?? 0) + 1;\n  }\n}`,
      errors: [{ messageId: 'moduleState', line: 2 }],
    },
    {
      name: 'lru-cache keyed by session is a notice',
      code: `import { LRUCache } from 'lru-cache';\nconst perUser = new LRUCache({ max: 1000 });\napp.get('/me', (req, res) => {\n  perUser.set(req.sessionID, req.body);\n  res.end();\n});`,
      errors: [{ messageId: 'userKeyedCache', line: 2, severity: 'notice' }],
    },
    {
      name: 'a chained route and a hapi route handler',
      code: `const books = {};\nconst audit = [];\nrouter.route('/book').get((req, res) => res.json(books)).post((req, res) => {\n  books[req.body.id] = req.body;\n});\nserver.route({ method: 'POST', path: '/audit', handler(request, h) { audit.unshift(request.payload); return h.response(); } });`,
      filename: 'src/routes.js',
      errors: [
        { messageId: 'moduleState', line: 1 },
        { messageId: 'moduleState', line: 2 },
      ],
    },
    {
      name: 'a handler writes the Map through a helper of another module (namespace import)',
      filename: 'src/store.ts',
      code: `const sessions = new Map<string, { user: string }>();\nexport function put(key: string, value: { user: string }) {\n  sessions.set(key, value);\n}\nexport function get(key: string) {\n  return sessions.get(key);\n}`,
      files: {
        'src/routes.ts': `import express from 'express';\nimport * as store from './store.js';\nconst app = express();\napp.post('/login', (req, res) => {\n  store.put(req.body.token, { user: req.body.user });\n  res.sendStatus(204);\n});`,
      },
      errors: [{ messageId: 'moduleStateThroughHelper', line: 1, column: 7, messageIncludes: 'put(), which a request handler calls (src/routes.ts, line 5)' }],
    },
    {
      name: 'a default-exported store object whose method writes, used by a Koa route',
      filename: 'src/cart-store.js',
      code: `const carts = {};\n\nexport default {\n  add(userId, item) {\n    (carts[userId] ??= []).push(item);\n  },\n  list(userId) {\n    return carts[userId] ?? [];\n  },\n};`,
      files: {
        'src/routes/cart.js': `import Router from '@koa/router';\nimport cartStore from '../cart-store.js';\nexport const router = new Router();\nrouter.post('/cart', async (ctx) => {\n  cartStore.add(ctx.state.user.id, ctx.request.body);\n  ctx.status = 201;\n});`,
      },
      errors: [{ messageId: 'moduleStateThroughHelper', line: 1, messageIncludes: 'add(), which a request handler calls (src/routes/cart.js, line 5)' }],
    },
    {
      name: 'two modules away: route → service → store, through a local helper',
      filename: 'src/lib/store.ts',
      code: `const uploads: string[] = [];\nfunction record(name: string) {\n  uploads.push(name);\n}\nexport function track(name: string) {\n  record(name);\n}`,
      files: {
        'src/services/upload.service.ts': `import { track } from '../lib/store';\nexport async function acceptUpload(name: string) {\n  track(name);\n  return { ok: true };\n}`,
        'src/routes/upload.ts': `import { Router } from 'express';\nimport { acceptUpload } from '../services/upload.service';\nexport const uploadRouter = Router();\nuploadRouter.post('/uploads', async (req, res) => {\n  res.json(await acceptUpload(req.body.name));\n});`,
      },
      errors: [{ messageId: 'moduleStateThroughHelper', line: 1, messageIncludes: 'track(), which a request handler calls (src/routes/upload.ts, line 5)' }],
    },
    {
      name: 'a Nest controller calls a method of an injected service that writes a module Map',
      filename: 'src/votes/votes.store.ts',
      code: `import { Injectable } from '@nestjs/common';\n\nconst tallies = new Map<string, number>();\n\n@Injectable()\nexport class VotesStore {\n  increment(option: string) {\n    tallies.set(option, (tallies.get(option) ?? 0) + 1);\n  }\n}`,
      files: {
        'src/votes/votes.controller.ts': `import { Body, Controller, Post } from '@nestjs/common';\nimport { VotesStore } from './votes.store';\n@Controller('votes')\nexport class VotesController {\n  constructor(private readonly store: VotesStore) {}\n  @Post()\n  vote(@Body() body: { option: string }) {\n    this.store.increment(body.option);\n  }\n}`,
      },
      errors: [{ messageId: 'moduleStateThroughHelper', line: 3, messageIncludes: 'VotesStore.increment(), which a request handler calls (src/votes/votes.controller.ts, line 8)' }],
    },
    {
      name: 'CommonJS: module.exports of helpers, required by an Express router',
      filename: 'lib/rate-limit.js',
      code: `const hits = {};\nfunction hit(ip) {\n  hits[ip] = (hits[ip] || 0) + 1;\n  return hits[ip];\n}\nmodule.exports = { hit };`,
      files: {
        'routes/api.js': `const express = require('express');\nconst limiter = require('../lib/rate-limit');\nconst router = express.Router();\nrouter.use((req, res, next) => {\n  if (limiter.hit(req.ip) > 100) return res.sendStatus(429);\n  next();\n});\nmodule.exports = router;`,
      },
      errors: [{ messageId: 'moduleStateThroughHelper', line: 1, messageIncludes: '(routes/api.js, line 5)' }],
    },
    {
      name: 'a module-level service instance of an imported class',
      filename: 'src/services/session.service.ts',
      code: `const active = new Set<string>();\nexport class SessionService {\n  open(token: string) {\n    active.add(token);\n  }\n}`,
      files: {
        'src/routes/session.ts': `import { Router } from 'express';\nimport { SessionService } from '../services/session.service.js';\nconst service = new SessionService();\nexport const sessionRouter = Router();\nsessionRouter.post('/sessions', (req, res) => {\n  service.open(req.body.token);\n  res.end();\n});`,
      },
      errors: [{ messageId: 'moduleStateThroughHelper', line: 1, messageIncludes: 'SessionService.open(), which a request handler calls (src/routes/session.ts, line 6)' }],
    },
    {
      name: 'a handler calls a helper of the same file that writes',
      filename: 'src/routes.js',
      code: `const carts = new Map();\nfunction addToCart(user, item) {\n  const cart = carts.get(user) ?? [];\n  carts.set(user, [...cart, item]);\n}\napp.post('/cart', (req, res) => {\n  addToCart(req.user.id, req.body);\n  res.end();\n});`,
      errors: [{ messageId: 'moduleState', line: 1, messageIncludes: '(line 4)' }],
    },
  ],
});
