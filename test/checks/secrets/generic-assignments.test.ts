import genericPassword from '../../../checks/secrets/generic-password.ts';
import genericSecret from '../../../checks/secrets/generic-secret.ts';
import { testCheck } from '../../support/check-tester.ts';
import { fakeBody } from './fake-secret.ts';

const PW = `${fakeBody('password', 6)}#${fakeBody('password-2', 6)}`;
const PW2 = `${fakeBody('password-3', 8)}%${fakeBody('password-4', 7)}`;

testCheck(genericPassword, {
  valid: [
    { name: 'a stand-in word', code: `const db = { user: 'orders', password: 'changeme' };` },
    { name: 'an environment lookup', code: `const db = { user: 'orders', password: process.env.DB_PASSWORD };` },
    { name: 'a template', code: `database:\n  password: \${DB_PASSWORD}\n`, filename: 'config/app.yml' },
    { name: 'a setting about passwords', code: `PASSWORD_MIN_LENGTH=12\n`, filename: '.env' },
    { name: 'a UI label', code: `export const labels = { password: 'Password', passwordHint: 'Enter your password' };` },
    { name: 'the working directory', code: `PWD=/srv/orders\n`, filename: 'scripts/env.sh' },
    { name: 'a Terraform variable', code: `resource "aws_db_instance" "orders" {\n  password = var.db_password\n}\n`, filename: 'infra/main.tf' },
    { name: 'a call in Python', code: `conn = connect(user="orders", password=get_secret("db"))\n`, filename: 'app/db.py' },
    { name: 'an example file', code: `DB_PASSWORD=${PW}\n`, filename: '.env.example' },
    { name: 'a password hash', code: `const admin = { passwordHash: '$2b$12$' + salt };` },
    { name: 'words joined by dashes', code: `const demo = { password: 'correct-horse-battery-staple' };` },
  ],
  invalid: [
    { code: `const db = { user: 'orders', password: '${PW}' };`, errors: [{ messageId: 'found', line: 1, column: 41, messageIncludes: 'in password' }] },
    { code: `NODE_ENV=production\nDB_PASSWORD=${PW}\n`, filename: '.env', errors: [{ messageId: 'found', line: 2, column: 13, messageIncludes: 'DB_PASSWORD' }] },
    { code: `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${PW2}\n`, filename: 'docker-compose.yml', errors: [{ messageId: 'found', line: 4, column: 26 }] },
    { code: `spring.datasource.password=${PW}\n`, filename: 'src/main/resources/application.properties', errors: [{ messageId: 'found', line: 1 }] },
    { name: "Dockerfile's legacy ENV form", code: `FROM node:22\nENV DB_PASSWORD ${PW2}\n`, filename: 'Dockerfile', errors: [{ messageId: 'found', line: 2, column: 17 }] },
    { code: `DATABASES = {\n    "default": {\n        "PASSWORD": "${PW}",\n    }\n}\n`, filename: 'orders/settings.py', errors: [{ messageId: 'found', line: 3 }] },
    { code: `<dataSource>\n  <password>${PW2}</password>\n</dataSource>\n`, filename: 'conf/datasource.xml', errors: [{ messageId: 'found', line: 2, column: 13 }] },
  ],
});

const JWT_SECRET = fakeBody('jwt-secret', 48, 'base64');
const CLIENT_SECRET = fakeBody('client-secret', 40, 'base64url');
const HEX_KEY = fakeBody('hex-key', 32, 'hex');
const SESSION_SECRET = fakeBody('session-secret', 64, 'hex');

testCheck(genericSecret, {
  valid: [
    { name: 'a UUID', code: `HEROKU_API_KEY=6b1e4f3a-2c5d-4e8f-9a0b-1c2d3e4f5a6b\n`, filename: 'scripts/deploy.sh' },
    { name: 'a git SHA', code: `deploy:\n  token: ${fakeBody('git-sha', 40, 'hex')}\n`, filename: 'config/deploy.yml' },
    { name: 'an integrity hash', code: `api_key: sha512-${fakeBody('integrity', 86, 'base64')}==\n`, filename: 'config/cache.yml' },
    { name: 'an inline image', code: `const avatarToken = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk';` },
    { name: 'a lexer token', code: `const token = 'IDENTIFIER';` },
    { name: 'a pagination cursor', code: `const nextPageToken = '${fakeBody('cursor', 24)}';` },
    { name: 'a name, not a secret', code: `const secretName = 'orders-db-credentials';` },
    { name: 'a template', code: `api_key: \${API_KEY}\n`, filename: 'config/app.yml' },
    { name: 'a file reference', code: `SECRET_KEY_FILE=/run/secrets/app_key\nJWT_SECRET=/run/secrets/jwt\n`, filename: '.env' },
    { name: 'a bearer template', code: 'const headers = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` });' },
    { name: 'an identifier with a number', code: `const resetToken = 'existingtoken123';` },
    { name: 'a vendor token whose checksum fails', code: `const TOKEN = 'ghs_${fakeBody('bad-checksum', 30)}Ab12Cd';` },
  ],
  invalid: [
    { code: `NODE_ENV=production\nJWT_SECRET=${JWT_SECRET}\n`, filename: '.env', errors: [{ messageId: 'found', line: 2, column: 12, messageIncludes: 'in JWT_SECRET' }] },
    { code: `export const oauth = { clientId: 'orders-web', clientSecret: '${CLIENT_SECRET}' };`, errors: [{ messageId: 'found', line: 1, column: 63 }] },
    { code: `import requests\n\napi_key = "${HEX_KEY}"\n`, filename: 'app/client.py', errors: [{ messageId: 'found', line: 3, column: 12 }] },
    { code: `session:\n  secret: ${SESSION_SECRET}\n`, filename: 'config/session.yml', errors: [{ messageId: 'found', line: 2 }] },
    { code: `package auth\n\nconst signingKey = "${CLIENT_SECRET}"\n`, filename: 'auth/keys.go', errors: [{ messageId: 'found', line: 3 }] },
    { code: `await fetch(url, { headers: { 'x-api-key': '${HEX_KEY}' } });`, errors: [{ messageId: 'found', line: 1, messageIncludes: `${HEX_KEY.slice(0, 4)}****` }] },
  ],
});
