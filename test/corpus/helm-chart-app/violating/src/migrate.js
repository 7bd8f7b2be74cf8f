'use strict';

// Run once per release by the chart's pre-install/pre-upgrade hook Job, never by the web process.
const { readdir, readFile } = require('node:fs/promises');
const path = require('node:path');
const { Client } = require('pg');

async function migrate() {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY)');
    const directory = path.join(__dirname, '..', 'migrations');
    for (const name of (await readdir(directory)).sort()) {
      const { rowCount } = await client.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (rowCount > 0) continue;
      await client.query(await readFile(path.join(directory, name), 'utf8'));
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    }
  } finally {
    await client.end();
  }
}

migrate().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
