import check from '../../../checks/disposability/exit-without-drain/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const server = `const server = app.listen(Number(process.env.PORT ?? 3000));\n`;

testCheck(check, {
  valid: [
    {
      name: 'exit inside the close callback',
      code: `${server}process.on('SIGTERM', () => {\n  server.close(() => {\n    process.exit(0);\n  });\n});\n`,
    },
    {
      name: 'exit after awaiting close, stop and disconnect',
      code: `${server}process.on('SIGTERM', async () => {\n  await new Promise((resolve) => server.close(resolve));\n  await worker.close();\n  await prisma.$disconnect();\n  process.exit(0);\n});\n`,
    },
    {
      name: 'a forced-exit timer beside a proper close',
      code: `${server}process.on('SIGTERM', () => {\n  setTimeout(() => process.exit(1), 10_000).unref();\n  server.close(() => process.exit(0));\n});\n`,
    },
    {
      name: 'a named handler that awaits Promise.all of closes',
      code: `${server}async function shutdown(signal: string) {\n  logger.info({ signal }, 'shutting down');\n  await Promise.all([server.close(), queue.close(), redis.quit()]);\n  process.exit(0);\n}\nprocess.on('SIGTERM', shutdown);\nprocess.on('SIGINT', shutdown);\n`,
    },
    {
      name: 'an arrow delegating to a named function that drains',
      code: `${server}process.on('SIGINT', () => void shutdown('SIGINT'));\nasync function shutdown(signal) {\n  await app.close();\n  process.exit(0);\n}\n`,
    },
    {
      name: 'a guard exit on a second signal beside a real drain',
      code: `${server}let stopping = false;\nprocess.on('SIGTERM', () => {\n  if (stopping) process.exit(1);\n  stopping = true;\n  server.close(() => process.exit(0));\n});\n`,
    },
    {
      name: 'an exit after an awaited helper of another module (cannot tell: silent)',
      code: `import { hooks } from './lifecycle';\n${server}process.on('SIGTERM', async () => {\n  await hooks.runAll();\n  process.exit(0);\n});\n`,
    },
    {
      name: 'exit in catch after a failed close',
      code: `${server}process.once('SIGTERM', async () => {\n  try {\n    await server.stop();\n  } catch (error) {\n    console.error(error);\n    process.exit(1);\n  }\n  process.exit(0);\n});\n`,
    },
    {
      name: 'not a shutdown signal',
      code: `${server}process.on('uncaughtException', (error) => {\n  console.error(error);\n  process.exit(1);\n});\n`,
    },
    {
      name: 'a one-off script may exit on Ctrl-C',
      code: `process.on('SIGINT', () => {\n  console.log('aborted');\n  process.exit(130);\n});\nawait importRows();\n`,
      filename: 'scripts/import-rows.ts',
      files: { 'src/server.ts': server },
    },
    {
      name: 'a CLI beside a server it does not import',
      code: `process.on('SIGINT', () => process.exit(130));\nconst answers = await prompt(questions);\n`,
      filename: 'src/cli.ts',
      files: { 'src/server.ts': server },
    },
    {
      name: 'nothing to drain anywhere in the repository',
      code: `process.on('SIGINT', () => process.exit(130));\nconst answers = await prompt(questions);\n`,
      filename: 'src/cli.ts',
    },
    {
      name: 'awaiting Promise.all over an array of closers held in a variable',
      code: `${server}const closers: Array<Promise<unknown>> = [];\nprocess.on('SIGTERM', async () => {\n  await Promise.all(closers);\n  process.exit(0);\n});\n`,
    },
    {
      name: 'awaiting allSettled over closers and Promise.all over servers.map(s => s.close())',
      code: `const servers = [app.listen(Number(process.env.PORT))];\nconst closers = [() => redis.quit()];\nprocess.on('SIGTERM', async () => {\n  await Promise.all(servers.map((s) => s.close()));\n  process.exit(0);\n});\nprocess.on('SIGINT', async () => {\n  await Promise.allSettled(closers.map((close) => close()));\n  process.exit(0);\n});\n`,
    },
    {
      name: 'one handler drains on SIGTERM and exits at once on a second SIGINT',
      code: `${server}async function onSignal(signal: string) {\n  if (signal === 'SIGINT' && stopping) process.exit(1);\n  stopping = true;\n  await new Promise((resolve) => server.close(resolve));\n  process.exit(0);\n}\nlet stopping = false;\nprocess.on('SIGTERM', onSignal);\nprocess.on('SIGINT', onSignal);\n`,
    },
  ],
  invalid: [
    {
      name: 'exit with no close at all',
      code: `${server}process.on('SIGTERM', () => {\n  console.log('SIGTERM received');\n  process.exit(0);\n});\n`,
      errors: [{ messageId: 'noClose', line: 4, column: 3 }],
    },
    {
      name: 'close then exit in sequence',
      code: `${server}process.on('SIGTERM', () => {\n  server.close();\n  process.exit(0);\n});\n`,
      errors: [{ messageId: 'closeNotAwaited', line: 4, messageIncludes: 'server.close()' }],
    },
    {
      name: 'close with a callback, then exit without waiting for it',
      code: `${server}function shutdown() {\n  server.close(() => logger.info('closed'));\n  process.exit(0);\n}\nprocess.on('SIGINT', shutdown);\n`,
      errors: [{ messageId: 'closeNotAwaited', line: 4 }],
    },
    {
      name: 'process.exit passed as the handler',
      code: `${server}process.on('SIGINT', process.exit);\n`,
      errors: [{ messageId: 'noClose', line: 2 }],
    },
    {
      name: 'a forced-exit timer with no close beside it',
      code: `${server}process.on('SIGTERM', () => {\n  logger.warn('stopping');\n  setTimeout(() => process.exit(0), 1000);\n});\n`,
      errors: [{ messageId: 'noClose', line: 4 }],
    },
    {
      name: 'signals from a list, exit imported from node:process, server in another file',
      code: `import { exit } from 'node:process';\nimport './server.js';\n['SIGTERM', 'SIGINT'].forEach((signal) => {\n  process.on(signal, () => {\n    log(\`got \${signal}\`);\n    exit(0);\n  });\n});\n`,
      filename: 'src/index.ts',
      files: { 'src/server.ts': server },
      errors: [{ messageId: 'noClose', line: 6 }],
    },
    {
      name: 'a delegate reached before anything else exits without draining',
      code: `${server}process.on('SIGTERM', () => shutdown());\nfunction shutdown() {\n  console.info('bye');\n  process.exit(0);\n}\n`,
      errors: [{ messageId: 'noClose', line: 5 }],
    },
    {
      name: 'SIGTERM exits at once while only SIGINT drains',
      code: `${server}process.on('SIGINT', () => {\n  server.close(() => process.exit(0));\n});\nprocess.on('SIGTERM', () => {\n  process.exit(0);\n});\n`,
      errors: [{ messageId: 'noClose', line: 6 }],
    },
    {
      name: 'one shared handler exits at once when the signal is SIGTERM',
      code: `${server}async function shutdown(signal: string) {\n  if (signal === 'SIGTERM') process.exit(0);\n  await new Promise((resolve) => server.close(resolve));\n  process.exit(0);\n}\nprocess.on('SIGINT', () => shutdown('SIGINT'));\nprocess.on('SIGTERM', () => shutdown('SIGTERM'));\n`,
      errors: [{ messageId: 'noClose', line: 3 }],
    },
    {
      name: 'a switch on the signal: case SIGTERM exits, case SIGINT closes',
      code: `${server}function onSignal(signal: NodeJS.Signals) {\n  switch (signal) {\n    case 'SIGTERM':\n      process.exit(0);\n    case 'SIGINT':\n      server.close(() => process.exit(0));\n  }\n}\nprocess.on('SIGTERM', onSignal);\nprocess.on('SIGINT', onSignal);\n`,
      errors: [{ messageId: 'noClose', line: 5 }],
    },
  ],
});
