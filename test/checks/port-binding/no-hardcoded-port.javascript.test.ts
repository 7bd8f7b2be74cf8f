import check from '../../../checks/port-binding/no-hardcoded-port/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { code: `import express from 'express';\nconst app = express();\napp.listen(process.env.PORT || 3000);` },
    { code: `const port = Number(process.env.PORT ?? 3000);\nserver.listen(port);` },
    { code: `import { config } from './config';\napp.listen(config.port);` },
    { code: `const PORT = process.env.PORT ?? '8080';\nconst opts = { port: PORT };\nfastify.listen(opts);` },
    { code: `server.listen(0, () => console.log('ephemeral'));` },
    { code: `app.listen(3000);`, filename: 'test/server.test.ts' },
    { code: `const app = { listen(n: number) { return n; } };\nlisten(3000);` },
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
  ],
});
