import express from 'express';
import pg from 'pg';
import { config } from './config.js';
import { logger } from './logger.js';

const pool = new pg.Pool({ connectionString: config.databaseUrl });
const app = express();
app.use(express.json());

app.get('/orders/:id', async (req, res) => {
  const { rows } = await pool.query('select * from orders where id = $1', [req.params.id]);
  if (rows.length === 0) return res.status(404).end();
  res.json(rows[0]);
});

const server = app.listen(config.port, () => logger.info({ port: config.port }, 'listening'));

process.on('SIGTERM', () => {
  server.close(async () => {
    await pool.end();
    process.exit(0);
  });
});
