'use strict';

const config = require('config');

module.exports = {
  client: 'pg',
  connection: config.get('database.url'),
  pool: config.get('database.pool'),
  migrations: { directory: './migrations', tableName: 'knex_migrations' },
};
