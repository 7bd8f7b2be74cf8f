import check from '../../../checks/processes/no-memory-session-store/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'a Redis store is given',
      code: `import session from 'express-session';\nimport RedisStore from 'connect-redis';\napp.use(session({ store: new RedisStore({ client }), secret: process.env.SESSION_SECRET }));`,
    },
    {
      name: 'a store held in a variable (shorthand)',
      code: `const session = require('express-session');\nconst store = makeStore();\napp.use(session({ store, secret }));`,
    },
    {
      name: 'the store comes through a spread of a const object',
      code: `import session from 'express-session';\nconst base = { store: pgStore, resave: false };\napp.use(session({ ...base, secret }));`,
    },
    {
      name: 'options from elsewhere cannot be judged',
      code: `import session from 'express-session';\nimport { sessionOptions } from './config';\napp.use(session(sessionOptions));`,
    },
    {
      name: 'options completed later with a store',
      code: `import session from 'express-session';\nconst sess = { secret: 'x', cookie: {} };\nif (process.env.REDIS_URL) sess.store = new RedisStore({ client });\napp.use(session(sess));`,
    },
    {
      name: 'cookie-session keeps state in the signed cookie',
      code: `import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 'session', keys: [process.env.KEY] }));`,
    },
    {
      name: 'koa-session default is the cookie',
      code: `const session = require('koa-session');\napp.use(session({ key: 'koa.sess' }, app));`,
    },
    {
      name: 'fastify session with a store',
      code: `import fastifySession from '@fastify/session';\nfastify.register(fastifySession, { secret, store: new RedisStore({ client }) });`,
    },
    {
      name: 'a local function called session is not express-session',
      code: `import express from 'express';\nfunction session(opts: object) { return opts; }\napp.use(session({ secret: 'x' }));`,
    },
    {
      name: 'test code is exempt',
      filename: 'test/app.test.ts',
      code: `import session from 'express-session';\napp.use(session({ secret: 'x' }));`,
    },
  ],
  invalid: [
    {
      code: `import session from 'express-session';\nconst app = express();\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false }));`,
      errors: [{ messageId: 'defaultStore', line: 3, column: 9 }],
    },
    {
      name: 'require alias and a multi-line call',
      code: `const expressSession = require('express-session');\n\napp.use(\n  expressSession({\n    secret: 'keyboard cat',\n    saveUninitialized: false,\n  }),\n);`,
      filename: 'src/server.js',
      errors: [{ messageId: 'defaultStore', line: 4, endLine: 4 }],
    },
    {
      name: 'options through a const and a spread',
      code: `import session from 'express-session';\nconst defaults = { resave: false };\nconst options = { ...defaults, secret };\napp.use(session(options));`,
      errors: [{ messageId: 'defaultStore', line: 4 }],
    },
    {
      name: 'no options at all',
      code: `app.use(require('express-session')());`,
      filename: 'src/app.js',
      errors: [{ messageId: 'defaultStore', line: 1 }],
    },
    {
      name: 'explicit session.MemoryStore',
      code: `import session from 'express-session';\nconst store = new session.MemoryStore();\napp.use(session({ store, secret }));`,
      errors: [{ messageId: 'memoryStore', line: 3 }],
    },
    {
      name: 'explicit MemoryStore named import',
      code: `import session, { MemoryStore } from 'express-session';\napp.use(session({ secret, store: new MemoryStore() }));`,
      errors: [{ messageId: 'memoryStore', line: 2 }],
    },
    {
      name: '@fastify/session registered without a store',
      code: `import Fastify from 'fastify';\nimport fastifySession from '@fastify/session';\nconst fastify = Fastify();\nfastify.register(fastifySession, { secret: process.env.SESSION_SECRET });`,
      errors: [{ messageId: 'defaultStore', line: 4, column: 1 }],
    },
    {
      name: 'fastify-session required inline',
      code: `app.register(require('fastify-session'), {\n  secret,\n  cookie: { secure: true },\n});`,
      filename: 'src/app.cjs',
      errors: [{ messageId: 'defaultStore', line: 1 }],
    },
    {
      name: 'dynamic import of @fastify/session',
      code: `const app = Fastify();\nawait app.register(import('@fastify/session'), { secret: process.env.SESSION_SECRET });`,
      errors: [{ messageId: 'defaultStore', line: 2, column: 7 }],
    },
  ],
});
