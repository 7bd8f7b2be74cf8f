import check from '../../../checks/logs/no-file-logging/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { code: `import pino from 'pino';\nconst logger = pino({ level: 'info' }, pino.destination(1));\nconst errors = pino(pino.destination(2));` },
    { code: `import pino from 'pino';\nconst logger = pino(pino.destination({ dest: process.stdout.fd, sync: false }));` },
    { code: `import winston from 'winston';\nexport const logger = winston.createLogger({\n  transports: [new winston.transports.Console({ level: 'info' })],\n});` },
    { code: `import fs from 'node:fs';\nconst out = fs.createWriteStream('exports/report.csv');\nfs.appendFileSync('data/events.jsonl', line);` },
    { code: `process.stdout.write(JSON.stringify(event) + '\\n');\nconsole.log('started');` },
    { code: `import pino from 'pino';\nconst logger = pino({ transport: { target: 'pino/file', options: { destination: 1 } } });` },
    { code: `import log4js from 'log4js';\nlog4js.configure({\n  appenders: { out: { type: 'stdout' } },\n  categories: { default: { appenders: ['out'], level: 'info' } },\n});` },
    { code: `import winston from 'winston';\nconst logger = winston.createLogger({ transports: [new winston.transports.File({ filename: 'test.log' })] });`, filename: 'test/logger.test.ts' },
    { code: `const transports = { File: class {} };\nconst t = new transports.File({ filename: 'app.log' });` },
    { code: `import pino from 'pino';\nconst logger = pino(pino.destination('/dev/stdout'));` },
    { code: `import bunyan from 'bunyan';\nconst log = bunyan.createLogger({ name: 'api', streams: [{ level: 'info', stream: process.stdout }] });` },
  ],
  invalid: [
    {
      code: `import winston from 'winston';\n\nexport const logger = winston.createLogger({\n  transports: [new winston.transports.File({ filename: 'error.log', level: 'error' })],\n});`,
      errors: [{ messageId: 'winston', line: 4, replacement: `  transports: [new winston.transports.Console({ level: 'error' })],` }],
    },
    {
      code: `const { createLogger, transports } = require('winston');\nconst logger = createLogger({\n  transports: [\n    new transports.File({\n      filename: 'combined.log',\n    }),\n  ],\n});`,
      filename: 'src/logger.js',
      errors: [{ messageId: 'winston', line: 4, endLine: 6, replacement: `    new transports.Console(),` }],
    },
    {
      code: `import * as winston from 'winston';\nimport DailyRotateFile from 'winston-daily-rotate-file';\nwinston.add(new DailyRotateFile({ filename: 'app-%DATE%.log' }));`,
      errors: [{ messageId: 'winston', line: 3, replacement: `winston.add(new winston.transports.Console());` }],
    },
    {
      name: 'winston-daily-rotate-file registered by require, winston 2 add()',
      code: `const winston = require('winston');\nrequire('winston-daily-rotate-file');\nconst rotating = new winston.transports.DailyRotateFile({ filename: 'app-%DATE%.log' });\nwinston.add(winston.transports.File, { filename: 'legacy.log' });`,
      filename: 'src/log.js',
      errors: [
        { messageId: 'winston', line: 3, replacement: `const rotating = new winston.transports.Console();` },
        { messageId: 'winston', line: 4, replacement: null },
      ],
    },
    {
      code: `import pino from 'pino';\nconst logger = pino(pino.destination('./logs/app.log'));`,
      errors: [{ messageId: 'pino', line: 2, replacement: `const logger = pino(pino.destination(1));`, messageIncludes: `'app.log'` }],
    },
    {
      code: `import pino from 'pino';\nconst logger = pino({\n  transport: { target: 'pino/file', options: { destination: '/var/log/app.log' } },\n});`,
      errors: [{ messageId: 'pinoTransport', line: 3, replacement: `  transport: { target: 'pino/file', options: { destination: 1 } },` }],
    },
    {
      code: `const log4js = require('log4js');\n\nlog4js.configure({\n  appenders: {\n    app: { type: 'dateFile', filename: 'logs/app.log' },\n  },\n  categories: { default: { appenders: ['app'], level: 'info' } },\n});`,
      filename: 'src/logging.js',
      errors: [{ messageId: 'log4js', line: 5, replacement: null }],
    },
    {
      code: `import bunyan from 'bunyan';\nconst log = bunyan.createLogger({\n  name: 'api',\n  streams: [{ level: 'info', stream: process.stdout }, { level: 'error', path: '/var/tmp/api-error.log' }],\n});`,
      errors: [{ messageId: 'bunyan', line: 4 }],
    },
    {
      code: `import fs from 'node:fs';\nimport path from 'node:path';\nimport morgan from 'morgan';\nconst accessLog = fs.createWriteStream(path.join(__dirname, 'access.log'), { flags: 'a' });\napp.use(morgan('combined', { stream: accessLog }));`,
      errors: [{ messageId: 'fs', line: 4, messageIncludes: `'access.log'` }],
    },
    {
      code: `import { appendFileSync } from 'fs';\nexport function audit(line: string) {\n  appendFileSync(\`\${process.cwd()}/audit.log\`, line + '\\n');\n}`,
      errors: [{ messageId: 'fs', line: 3 }],
    },
  ],
});
