import check from '../../../checks/admin-processes/no-admin-endpoint/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    {
      name: 'a /catalog/seeds route that lists seeds',
      code: `import express from 'express';\nconst app = express();\napp.get('/catalog/seeds', async (req, res) => {\n  res.json(await db('seeds').select('*'));\n});\n`,
    },
    {
      name: 'a /migrate path whose handler only reads migration status',
      code: `router.get('/admin/migrations', async (ctx) => {\n  ctx.body = await knex('knex_migrations').select('name');\n});\n`,
    },
    {
      name: 'migrations at start-up, outside any route (another rule)',
      code: `import knex from 'knex';\nconst db = knex(config);\nawait db.migrate.latest();\napp.get('/health', (req, res) => res.send('ok'));\n`,
    },
    {
      name: 'a Nest controller listing seed varieties',
      code: `import { Controller, Get } from '@nestjs/common';\n\n@Controller('catalog')\nexport class CatalogController {\n  constructor(private readonly seeds: SeedService) {}\n\n  @Get('seeds')\n  list() {\n    return this.seeds.findAll();\n  }\n}\n`,
      filename: 'src/catalog/catalog.controller.ts',
    },
    {
      name: 'faker.seed in a route that makes fixtures',
      code: `import { faker } from '@faker-js/faker';\napp.get('/demo/users', (req, res) => {\n  faker.seed(42);\n  res.json([faker.person.fullName()]);\n});\n`,
    },
    {
      name: 'an HTTP client call with a callback is not a route',
      code: `import axios from 'axios';\nimport { exec } from 'node:child_process';\naxios.get('/api/status').then(() => exec('npm run migrate'));\n`,
    },
    {
      name: 'a shell command run by a CLI, not a route',
      code: `import { execSync } from 'node:child_process';\nexport function migrate() {\n  execSync('npx knex migrate:latest', { stdio: 'inherit' });\n}\n`,
      filename: 'src/cli.ts',
    },
    {
      name: 'child_process.exec of a worker script is not in any handler',
      code: `const { fork } = require('child_process');\nfork('./jobs/reindex.js');\napp.post('/search', (req, res) => res.json(search(req.body)));\n`,
      filename: 'src/app.js',
    },
    {
      name: 'a route converting an upload with ffmpeg (Factor II, not an admin task)',
      code: `import { spawn } from 'node:child_process';\napp.post('/thumbnails', upload.single('video'), (req, res) => {\n  spawn('ffmpeg', ['-i', req.file.path, '-frames:v', '1', 'thumb.png']);\n  res.sendStatus(202);\n});\n`,
    },
    {
      name: 'ImageMagick, ffprobe, pandoc, LibreOffice, pdftotext and Ghostscript in routes, one through sh -c',
      filename: 'src/media.ts',
      code: `import { exec, execFile, execSync } from 'node:child_process';\nrouter.post('/resize', (req, res) => execFile('convert', [req.body.path, '-resize', '200x200', 'out.png'], () => res.end()));\nrouter.post('/identify', (req, res) => res.send(execSync(\`identify \${req.body.file}\`)));\nrouter.post('/webp', (req, res) => execFile('magick', ['in.png', 'out.webp'], () => res.end()));\nrouter.post('/probe', (req, res) => exec(\`ffprobe -v quiet -print_format json \${req.body.file}\`, (error, out) => res.send(out)));\nrouter.post('/docs', (req, res) => execFile('pandoc', ['in.md', '-o', 'out.html'], () => res.end()));\nrouter.post('/pdf', (req, res) => exec('libreoffice --headless --convert-to pdf doc.docx', () => res.end()));\nrouter.post('/text', (req, res) => execFile('pdftotext', ['in.pdf', '-'], () => res.end()));\nrouter.post('/render', (req, res) => execFile('gs', ['-sDEVICE=png16m', '-o', 'out.png', 'in.pdf'], () => res.end()));\nrouter.post('/transcode', (req, res) => exec(\`sh -c "ffmpeg -i \${req.body.in} out.mp4"\`, () => res.end()));\n`,
    },
    {
      name: 'a flush outside any route (a one-off script)',
      filename: 'scripts/clear-cache.ts',
      code: `import { createClient } from 'redis';\nconst client = createClient({ url: process.env.REDIS_URL });\nawait client.connect();\nawait client.flushAll();\n`,
    },
  ],
  invalid: [
    {
      name: 'an express route running knex migrations',
      code: `import express from 'express';\nconst app = express();\napp.post('/admin/migrate', async (req, res) => {\n  await knex.migrate.latest();\n  res.send('done');\n});\n`,
      errors: [{ messageId: 'migrations', line: 3, column: 1, messageIncludes: 'POST /admin/migrate' }],
    },
    {
      name: 'a named handler calling sequelize.sync, registered on a router',
      code: `const { sequelize } = require('../models');\nasync function resetSchema(req, res) {\n  await sequelize.sync({ force: true });\n  res.sendStatus(204);\n}\nrouter.post('/reset', resetSchema);\n`,
      filename: 'src/routes/admin.js',
      errors: [{ messageId: 'migrations', line: 6 }],
    },
    {
      name: 'a Fastify route that seeds through knex',
      code: `fastify.route({\n  method: 'POST',\n  url: '/seed',\n  handler: async () => {\n    await db.seed.run();\n    return { ok: true };\n  },\n});\n`,
      errors: [{ messageId: 'seeds', line: 1, messageIncludes: 'POST /seed' }],
    },
    {
      name: 'a route running prisma migrate through exec',
      code: `import { exec } from 'node:child_process';\nimport { promisify } from 'node:util';\nconst run = promisify(exec);\napp.post('/deploy/db', async (req, res) => {\n  const { stdout } = await run('npx prisma migrate deploy');\n  res.send(stdout);\n});\n`,
      errors: [{ messageId: 'migrations', line: 4, messageIncludes: 'npx prisma migrate deploy' }],
    },
    {
      name: 'a hapi route whose handler calls a local seeding helper',
      code: `async function seedDatabase() {\n  await knex.seed.run({ specific: 'demo.js' });\n}\nserver.route({\n  method: 'POST',\n  path: '/admin/seed',\n  handler: async () => {\n    await seedDatabase();\n    return 'ok';\n  },\n});\n`,
      errors: [{ messageId: 'seeds', line: 4, messageIncludes: 'POST /admin/seed' }],
    },
    {
      name: 'a route running a command from the request',
      code: `const { execSync } = require('child_process');\napp.post('/admin/run', (req, res) => {\n  res.send(execSync(req.body.command).toString());\n});\n`,
      filename: 'src/admin.js',
      errors: [{ messageId: 'shell', line: 2, severity: 'warning' }],
    },
    {
      name: 'a Nest controller method calling a migration helper of its class',
      code: `import { Controller, Post } from '@nestjs/common';\nimport { DataSource } from 'typeorm';\n\n@Controller('admin')\nexport class AdminController {\n  constructor(private readonly dataSource: DataSource) {}\n\n  @Post('migrate')\n  async migrate() {\n    return this.apply();\n  }\n\n  private async apply() {\n    return this.dataSource.runMigrations();\n  }\n}\n`,
      filename: 'src/admin/admin.controller.ts',
      errors: [{ messageId: 'migrations', line: 8, messageIncludes: 'POST /admin/migrate' }],
    },
    {
      name: 'a route running another program (not admin, not media) is only a notice',
      code: `import { execFile } from 'node:child_process';\napp.post('/exports', (req, res) => {\n  execFile('zip', ['-r', 'export.zip', req.body.dir], () => res.end());\n});\n`,
      errors: [{ messageId: 'shell', line: 2, severity: 'notice' }],
    },
    {
      name: 'database dumps, cache flushes and restarts from routes',
      filename: 'src/admin.ts',
      code: `import { exec } from 'node:child_process';\nimport { createClient } from 'redis';\nconst redis = createClient({ url: process.env.REDIS_URL });\nrouter.post('/admin/dump', (req, res) => exec('pg_dump $DATABASE_URL > dump.sql', () => res.end()));\nrouter.post('/admin/restore', (req, res) => exec(\`sh -c "pg_restore -d \${process.env.DATABASE_URL} dump.sql"\`, () => res.end()));\nrouter.post('/admin/cache', async (req, res) => {\n  await redis.flushAll();\n  res.end();\n});\nrouter.post('/admin/queue', async (req, res) => {\n  await emailQueue.obliterate({ force: true });\n  res.end();\n});\nrouter.post('/admin/restart', (req, res) => exec('pm2 restart all', () => res.end()));\n`,
      errors: [
        { messageId: 'shell', line: 4, severity: 'warning' },
        { messageId: 'shell', line: 5, severity: 'warning' },
        { messageId: 'flush', line: 6, messageIncludes: 'redis.flushAll()' },
        { messageId: 'flush', line: 10, messageIncludes: 'emailQueue.obliterate()' },
        { messageId: 'shell', line: 14, severity: 'warning' },
      ],
    },
  ],
});
