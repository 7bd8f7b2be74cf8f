import express from 'express';
import session from 'express-session';
import pg from 'pg';
import { config } from './config.js';
import { logger } from './logger.js';

const pool = new pg.Pool({ connectionString: config.databaseUrl });
const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.get('/orders/:id', async (req, res) => {
  const { rows } = await pool.query('select * from orders where id = $1', [req.params.id]);
  if (rows.length === 0) return res.status(404).end();
  res.json(rows[0]);
});

setInterval(() => pool.query('delete from carts where expires_at < now()'), 3600000);

const server = app.listen(3000, () => logger.info('listening on 3000'));

process.on('SIGTERM', () => {
  server.close(async () => {
    await pool.end();
    process.exit(0);
  });
});
