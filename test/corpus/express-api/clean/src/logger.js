'use strict';

const pino = require('pino');
const config = require('./config');

const logger = pino(
  {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  },
  pino.destination(1),
);

module.exports = logger;
