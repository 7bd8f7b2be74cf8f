'use strict';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

module.exports = {
  port: Number(required('PORT')),
  databaseUrl: required('DATABASE_URL'),
  logLevel: process.env.LOG_LEVEL || 'info',
  shutdownTimeoutMs: Number(process.env.SHUTDOWN_TIMEOUT_MS || 20000),
};
