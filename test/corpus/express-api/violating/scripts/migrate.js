'use strict';

// One-off admin process: run as the release phase (Procfile) or `npm run migrate`.
const fs = require('node:fs/promises');
const path = require('node:path');
const { Client } = require('pg');

async function migrate() {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY)');
    const dir = path.join(__dirname, '..', 'migrations');
    const files = (await fs.readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
    for (const name of files) {
      const { rowCount } = await client.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (rowCount > 0) continue;
      const sql = await fs.readFile(path.join(dir, name), 'utf8');
      await client.query('BEGIN');
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      await client.query('COMMIT');
      console.log(`applied ${name}`);
    }
  } finally {
    await client.end();
  }
}

migrate().catch((err) => {
  console.error(err);
  process.exit(1);
});
