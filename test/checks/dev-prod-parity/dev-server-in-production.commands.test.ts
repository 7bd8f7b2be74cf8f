import check from '../../../checks/dev-prod-parity/dev-server-in-production/index.ts';
import { testCheck } from '../../support/check-tester.ts';

const NODE_IMAGE = `FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["npm", "start"]\n`;
const PYTHON_IMAGE = `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["./docker-entrypoint.sh"]\n`;

testCheck(check, {
  valid: [
    { name: 'a development Procfile', filename: 'Procfile.dev', code: `web: flask --app app run --debug\n` },
    {
      name: 'a compose service that bind-mounts its source',
      filename: 'docker-compose.yml',
      code: `services:\n  web:\n    build: .\n    command: uvicorn app.main:app --host 0.0.0.0 --reload\n    volumes:\n      - .:/app\n    ports: ["8000:8000"]\n`,
    },
    { name: 'a development Dockerfile', filename: 'Dockerfile.dev', code: `FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["npx", "nodemon", "src/server.js"]\n` },
    { name: 'a devcontainer Dockerfile', filename: '.devcontainer/Dockerfile', code: `FROM python:3.12\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n` },
    {
      name: 'development package scripts no start site runs',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "dev": "next dev",\n    "start:dev": "nest start --watch",\n    "start:debug": "nest start --debug --watch",\n    "start": "next start"\n  }\n}\n`,
      files: { Dockerfile: NODE_IMAGE },
    },
    { name: 'production modes of the same tools', filename: 'Procfile', code: `web: uvicorn app.main:app --host 0.0.0.0 --port $PORT\nadmin: npx nuxt start\n` },
    { name: 'rails server in production', filename: 'Dockerfile', code: `FROM ruby:3.3\nWORKDIR /rails\nCOPY . .\nENV RAILS_ENV=production\nCMD ["./bin/rails", "server", "-b", "0.0.0.0"]\n` },
    {
      name: 'flask subcommands other than run',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\nflask db upgrade\nexec gunicorn "app:create_app()" --bind 0.0.0.0:8000\n`,
      files: { Dockerfile: PYTHON_IMAGE },
    },
    { name: 'ts-node in a one-off release', filename: 'Procfile', code: `release: npx ts-node scripts/seed.ts\nweb: node dist/main.js\n` },
    { name: 'an unreferenced script whose name marks development', filename: 'scripts/dev-server.sh', code: `#!/bin/sh\nexec python manage.py runserver 0.0.0.0:8000\n` },
    {
      name: 'tool names in comments and echo text',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\n# not nodemon, not flask run: the production server\necho "use python manage.py runserver locally"\nexec gunicorn mysite.wsgi\n`,
      files: { Dockerfile: PYTHON_IMAGE },
    },
  ],
  invalid: [
    {
      name: 'runserver as the image command',
      filename: 'Dockerfile',
      code: `FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n`,
      errors: [{ messageId: 'devServer', line: 4, severity: 'warning', messageIncludes: '`python manage.py runserver 0.0.0.0:8000` in production (Dockerfile line 4)' }],
    },
    {
      name: 'flask run on a Procfile web line',
      filename: 'Procfile',
      code: `web: flask --app app run --host 0.0.0.0 --port $PORT\n`,
      errors: [{ messageId: 'devServer', line: 1, messageIncludes: 'the web process' }],
    },
    {
      name: 'nodemon in the start script the image runs',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "start": "nodemon src/server.js"\n  }\n}\n`,
      files: { Dockerfile: NODE_IMAGE },
      errors: [{ messageId: 'devServer', line: 3, messageIncludes: '(Dockerfile line 5 → package.json line 3)' }],
    },
    {
      name: 'uvicorn --reload in a compose service',
      filename: 'docker-compose.yml',
      code: `services:\n  api:\n    image: registry.example.com/api:1.2.0\n    command: uvicorn app.main:app --host 0.0.0.0 --reload\n    ports: ["8000:8000"]\n`,
      errors: [{ messageId: 'devServer', line: 4 }],
    },
    {
      name: 'runserver at the end of the script the image runs',
      filename: 'docker-entrypoint.sh',
      code: `#!/bin/sh\nset -e\npython manage.py collectstatic --noinput\nexec python manage.py runserver 0.0.0.0:8000\n`,
      files: { Dockerfile: PYTHON_IMAGE },
      errors: [{ messageId: 'devServer', line: 4, messageIncludes: '(Dockerfile line 4 → docker-entrypoint.sh line 4)' }],
    },
    {
      name: 'heroku.yml run.web',
      filename: 'heroku.yml',
      code: `build:\n  docker:\n    web: Dockerfile\nrun:\n  web: npx next dev -p $PORT\n`,
      errors: [{ messageId: 'devServer', line: 5 }],
    },
    {
      name: 'nest start --watch is a development server, not a build',
      filename: 'Procfile',
      code: `web: npx nest start --watch\n`,
      errors: [{ messageId: 'devServer', line: 1 }],
    },
    {
      name: 'tsx FILE without a build: notice',
      filename: 'Procfile',
      code: `web: npx tsx src/server.ts\n`,
      errors: [{ messageId: 'typescriptRunner', line: 1, severity: 'notice' }],
    },
    {
      name: 'npm start as the implicit start site (nothing else declares one): notice',
      filename: 'package.json',
      code: `{\n  "scripts": {\n    "start": "react-scripts start",\n    "build": "react-scripts build"\n  }\n}\n`,
      errors: [{ messageId: 'devServer', line: 3, severity: 'notice', messageIncludes: '(package.json line 3)' }],
    },
    {
      name: 'a worker started by ts-node-dev',
      filename: 'Procfile',
      code: `web: node dist/main.js\nworker: ts-node-dev src/worker.ts\n`,
      errors: [{ messageId: 'devServer', line: 2, messageIncludes: 'the worker process' }],
    },
  ],
});
