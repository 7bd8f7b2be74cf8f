import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InvoicesModule } from './invoices/invoices.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true }),
    TypeOrmModule.forRoot(
      process.env.NODE_ENV === 'production'
        ? {
            type: 'postgres',
            host: 'billing-db.prod.internal',
            port: 5432,
            username: 'billing',
            password: process.env.DB_PASSWORD,
            database: 'billing',
            autoLoadEntities: true,
            synchronize: true,
          }
        : {
            type: 'sqlite',
            database: 'billing.sqlite',
            autoLoadEntities: true,
            synchronize: true,
          },
    ),
    InvoicesModule,
  ],
})
export class AppModule {}
