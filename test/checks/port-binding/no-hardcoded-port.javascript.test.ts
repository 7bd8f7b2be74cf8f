import check from '../../../checks/port-binding/no-hardcoded-port/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const APP_TS = `import express from 'express';\nimport http from 'node:http';\n\nexport class App {\n  private readonly app = express();\n  constructor(private readonly port: number) {}\n\n  run() {\n    http.createServer(this.app).listen(this.port, () => console.log('up'));\n  }\n}\n`;

testCheck(check, {
  valid: [
    { code: `import express from 'express';\nconst app = express();\napp.listen(process.env.PORT || 3000);` },
    { code: `const port = Number(process.env.PORT ?? 3000);\nserver.listen(port);` },
    { code: `import { config } from './config';\napp.listen(config.port);` },
    { code: `const PORT = process.env.PORT ?? '8080';\nconst opts = { port: PORT };\nfastify.listen(opts);` },
    { code: `server.listen(0, () => console.log('ephemeral'));` },
    { code: `app.listen(3000);`, filename: 'test/server.test.ts' },
    { code: `const app = { listen(n: number) { return n; } };\nlisten(3000);` },
    {
      name: 'the port handed to the App class comes from the environment',
      filename: 'src/index.ts',
      code: `import { App } from './app.js';\nnew App(Number(process.env.PORT ?? 3000)).run();`,
      files: { 'src/app.ts': APP_TS },
    },
    {
      name: 'the class listens on the environment port first',
      filename: 'src/index.ts',
      code: `import { Server } from './server';\nconst port = 8080;\nnew Server(port).start();`,
      files: { 'src/server.ts': `import express from 'express';\nexport class Server {\n  private port: number;\n  constructor(port: number) {\n    this.port = port;\n  }\n  start() {\n    express().listen(process.env.PORT ?? this.port);\n  }\n}\n` },
    },
    {
      name: 'a timeout handed to a client class, and a client port to redis',
      filename: 'src/index.ts',
      code: `import { Client } from './client';\nimport { createClient } from 'redis';\nconst client = new Client(3000);\nawait createClient().connect(6379);\nclient.ping();`,
      files: { 'src/client.ts': `export class Client {\n  constructor(private timeout: number) {}\n  ping() {\n    return fetch('http://api', { signal: AbortSignal.timeout(this.timeout) });\n  }\n  listen(callback: () => void) {\n    callback();\n  }\n}\n` },
    },
    {
      name: 'a port handed on in test code',
      filename: 'test/app.test.ts',
      code: `import { App } from '../src/app.js';\nnew App(3000).run();`,
      files: { 'src/app.ts': APP_TS },
    },
  ],
  invalid: [
    {
      code: `import express from 'express';\nconst app = express();\napp.listen(3000, () => {\n  console.log('up');\n});`,
      errors: [{ messageId: 'literal', line: 3, column: 1, replacement: 'app.listen(Number(process.env.PORT ?? 3000), () => {' }],
    },
    {
      code: `const PORT = 8080;\nhttp.createServer(handler).listen(PORT);`,
      errors: [{ messageId: 'literal', line: 2, replacement: 'http.createServer(handler).listen(Number(process.env.PORT ?? PORT));' }],
    },
    {
      code: `await fastify.listen({ port: 3000, host: '0.0.0.0' });`,
      errors: [{ messageId: 'literal', line: 1, replacement: `await fastify.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });` }],
    },
    {
      code: `const base = { port: 4000 };\nconst options = { ...base, host: '::' };\n\nserver.listen(options);`,
      errors: [{ messageId: 'literal', line: 4 }],
    },
    {
      code: `const server = require('http').createServer();\nserver.listen('8081');`,
      filename: 'src/server.js',
      errors: [{ messageId: 'literal', line: 2 }],
    },
    {
      name: 'a literal port travels into a class whose method listens on this.port',
      filename: 'src/index.ts',
      code: `import { App } from './app.js';\n\nconst port = 3000;\nnew App(port).run();`,
      files: { 'src/app.ts': APP_TS },
      errors: [
        {
          messageId: 'literalTravels',
          line: 3,
          column: 14,
          messageIncludes: 'http.createServer(this.app).listen() (src/app.ts, line 9)',
          replacement: 'const port = Number(process.env.PORT ?? 3000);',
        },
      ],
    },
    {
      name: 'a start(options) function of another module, CommonJS, with the port as an option',
      filename: 'index.js',
      code: `const start = require('./lib/start');\nstart({ port: 4000, host: '0.0.0.0' });`,
      files: { 'lib/start.js': `const express = require('express');\nmodule.exports = function start(options) {\n  const app = express();\n  app.listen(Number(options.port), options.host);\n};\n` },
      errors: [{ messageId: 'literalTravels', line: 2, messageIncludes: 'app.listen() (lib/start.js, line 4)' }],
    },
    {
      name: 'a function of the same file that listens on its parameter',
      filename: 'src/server.js',
      code: `import http from 'node:http';\n\nfunction serve(port) {\n  http.createServer(handler).listen(port);\n}\n\nserve(9000);`,
      errors: [{ messageId: 'literalTravels', line: 7, messageIncludes: '(this file, line 4)' }],
    },
    {
      name: 'an options object stored by the constructor',
      filename: 'src/main.ts',
      code: `import * as server from './server';\nconst app = new server.HttpServer({ port: 8081 });\napp.start();`,
      files: { 'src/server.ts': `import Koa from 'koa';\nexport class HttpServer {\n  private readonly options: { port: number };\n  constructor(options: { port: number }) {\n    this.options = options;\n  }\n  start() {\n    new Koa().listen(this.options.port);\n  }\n}\n` },
      errors: [{ messageId: 'literalTravels', line: 2, messageIncludes: '(src/server.ts, line 8)' }],
    },
  ],
});
