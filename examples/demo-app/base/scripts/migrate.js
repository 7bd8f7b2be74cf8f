import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
await pool.query('create table if not exists orders (id serial primary key, total numeric not null)');
await pool.end();
