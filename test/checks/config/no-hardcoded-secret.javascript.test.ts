import check from '../../../checks/config/no-hardcoded-secret/index.ts';
import { testCheck } from '../../support/check-tester.ts';

testCheck(check, {
  valid: [
    { code: `import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET }));` },
    { code: `import session from 'express-session';\nimport { config } from './config';\napp.use(session({ secret: config.sessionSecret, resave: false }));` },
    { name: 'an env fallback is config/no-critical-fallback’s', code: `import session from 'express-session';\napp.use(session({ secret: process.env.SESSION_SECRET || 'dev' }));` },
    { code: `import session from 'express-session';\nconst secret = process.env.SESSION_SECRET ?? 'keyboard cat';\napp.use(session({ secret }));` },
    { code: `import session from 'express-session';\napp.use(session({ secret: '' }));` },
    { code: `import session from 'express-session';\napp.use(session({ secret: 'keyboard cat' }));`, filename: 'test/app.test.ts' },
    { code: `import jwt from 'jsonwebtoken';\nconst token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET!, { expiresIn: '1h' });` },
    { code: `import jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, publicKey);` },
    { name: 'the payload is no key', code: `import jwt from 'jsonwebtoken';\njwt.sign('user-42', secretFromVault);` },
    { code: `import crypto from 'node:crypto';\nconst hmac = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET);` },
    { code: `import { createHash } from 'crypto';\ncreateHash('sha256').update('changeme');` },
    { code: `import mysql from 'mysql2';\nconst db = mysql.createConnection({ host: 'db', user: 'app', password: process.env.DB_PASSWORD });` },
    { code: `import { Pool } from 'pg';\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL });` },
    { code: `import nodemailer from 'nodemailer';\nnodemailer.createTransport({ auth: { user: 'mailer', pass: process.env.SMTP_PASS } });` },
    { name: 'a password option of a library this rule does not know', code: `import { login } from './auth';\nlogin({ user: 'admin', password: 'admin' });` },
    { name: 'a key list that is not Koa’s', code: `const app = { keys: [] as string[] };\napp.keys = ['a', 'b'];` },
    { code: `import Koa from 'koa';\nconst app = new Koa();\napp.keys = process.env.COOKIE_KEYS!.split(',');` },
    { code: `import { Strategy } from 'passport-github2';\npassport.use(new Strategy({ clientID: 'abc', clientSecret: process.env.GITHUB_CLIENT_SECRET }, verify));` },
    { code: `import session from 'express-session';\nconst secret = 'keyboard cat';\nconsole.log(session.name, secret);` },
  ],
  invalid: [
    {
      code: `import express from 'express';\nimport session from 'express-session';\nconst app = express();\napp.use(session({ secret: 'keyboard cat', resave: false }));`,
      errors: [{ messageId: 'literal', line: 4, column: 27, messageIncludes: "express-session() option secret gets the hard-coded secret key****" }],
    },
    {
      name: 'a constant holding the secret: reported at its literal',
      code: `const session = require('express-session');\nconst SESSION_SECRET = 'changeme';\n\napp.use(session({ secret: SESSION_SECRET }));`,
      errors: [{ messageId: 'literal', line: 2, messageIncludes: 'ch****' }],
    },
    {
      code: `import cookieSession from 'cookie-session';\napp.use(cookieSession({\n  name: 'session',\n  keys: ['key1', 'key2'],\n}));`,
      errors: [{ messageId: 'literal', line: 4, messageIncludes: 'k****' }],
    },
    { code: `import cookieParser from 'cookie-parser';\napp.use(cookieParser('secret'));`, errors: [{ messageId: 'literal', line: 2, messageIncludes: 'cookie-parser()' }] },
    {
      code: `import Koa from 'koa';\nconst app = new Koa();\napp.keys = ['im a newer secret', 'i like turtle'];`,
      errors: [{ messageId: 'literal', line: 3, messageIncludes: 'koa app.keys' }],
    },
    { code: `import jwt from 'jsonwebtoken';\nexport const issue = (id: string) => jwt.sign({ sub: id }, 'changeme', { expiresIn: '1h' });`, errors: [{ messageId: 'literal', line: 2, messageIncludes: 'jsonwebtoken.sign()' }] },
    { code: `import { verify } from 'jsonwebtoken';\n\nexport function check(token: string) {\n  return verify(token, 'secret');\n}`, errors: [{ messageId: 'literal', line: 4 }] },
    {
      code: `import passport from 'passport';\nimport { Strategy as GoogleStrategy } from 'passport-google-oauth20';\npassport.use(new GoogleStrategy({\n  clientID: '1234.apps.googleusercontent.com',\n  clientSecret: 'my-client-secret',\n  callbackURL: '/auth/google/callback',\n}, verify));`,
      errors: [{ messageId: 'literal', line: 5, messageIncludes: 'option clientSecret' }],
    },
    {
      code: `const TwitterStrategy = require('passport-twitter').Strategy;\npassport.use(new TwitterStrategy({ consumerKey: 'k', consumerSecret: 'twitter-secret' }, verify));`,
      errors: [{ messageId: 'literal', line: 2 }],
    },
    { code: `import crypto from 'crypto';\nconst signature = crypto.createHmac('sha256', 'webhook-key').update(body).digest('hex');`, errors: [{ messageId: 'literal', line: 2, messageIncludes: 'crypto.createHmac()' }] },
    { code: `import { createCipheriv } from 'node:crypto';\nconst cipher = createCipheriv('aes-256-cbc', 'a-32-character-long-key-for-aes!', iv);`, errors: [{ messageId: 'literal', line: 2 }] },
    { code: `const mysql = require('mysql');\nconst connection = mysql.createConnection({\n  host: 'localhost',\n  user: 'root',\n  password: 'root',\n});`, errors: [{ messageId: 'literal', line: 5, messageIncludes: 'mysql.createConnection() option password' }] },
    { code: `import mysql from 'mysql2/promise';\nexport const pool = mysql.createPool({ user: 'app', password: 'secret', database: 'shop' });`, errors: [{ messageId: 'literal', line: 2 }] },
    { code: `import pg from 'pg';\nconst pool = new pg.Pool({\n  user: 'postgres',\n  password: 'postgres',\n});`, errors: [{ messageId: 'literal', line: 4, messageIncludes: 'pg.Pool()' }] },
    { code: `import { Client } from 'pg';\nconst client = new Client({ password: 'hunter2' });`, errors: [{ messageId: 'literal', line: 2 }] },
    { code: `import { Sequelize } from 'sequelize';\nexport const sequelize = new Sequelize('shop', 'root',\n  'password', { dialect: 'mysql' });`, errors: [{ messageId: 'literal', line: 3, messageIncludes: 'sequelize.Sequelize()' }] },
    { code: `import knex from 'knex';\nexport const db = knex({\n  client: 'pg',\n  connection: { host: 'db', user: 'app', password: 'app' },\n});`, errors: [{ messageId: 'literal', line: 4, messageIncludes: 'option connection.password' }] },
    { code: `import mongoose from 'mongoose';\nawait mongoose.connect(uri, { user: 'admin', pass: 'admin' });`, errors: [{ messageId: 'literal', line: 2 }] },
    { code: `import Redis from 'ioredis';\nconst redis = new Redis({ host: 'cache', password: 'foobared' });`, errors: [{ messageId: 'literal', line: 2, messageIncludes: 'ioredis()' }] },
    { code: `import { createClient } from 'redis';\nconst client = createClient({ url, password: 'redispass' });`, errors: [{ messageId: 'literal', line: 2 }] },
    { code: `import amqp from 'amqplib';\nconst connection = await amqp.connect({ hostname: 'mq', username: 'guest', password: 'guest' });`, errors: [{ messageId: 'literal', line: 2 }] },
    {
      code: `import nodemailer from 'nodemailer';\nconst transport = nodemailer.createTransport({\n  host: 'smtp.example.com',\n  auth: { user: 'mailer', pass: 'mailpass' },\n});`,
      errors: [{ messageId: 'literal', line: 4, messageIncludes: 'option auth.pass' }],
    },
  ],
});
