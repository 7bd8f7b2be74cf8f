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
  ],
});
