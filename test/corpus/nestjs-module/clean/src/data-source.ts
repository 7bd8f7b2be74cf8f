import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { Invoice } from './invoices/invoice.entity';

// Used only by the TypeORM CLI (`yarn migration:run`), run once per release.
const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('DATABASE_URL must be set to run migrations');
}

export default new DataSource({
  type: 'postgres',
  url,
  entities: [Invoice],
  migrations: ['dist/migrations/*.js'],
});
