import { Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InvoicesModule } from './invoices/invoices.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, cache: true }),
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        type: 'postgres' as const,
        url: config.getOrThrow<string>('DATABASE_URL'),
        ssl: config.get('DATABASE_SSL') === 'true' ? { rejectUnauthorized: true } : false,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        logging: config.get('NODE_ENV') === 'production' ? ['error'] : ['query', 'error'],
        poolSize: Number(config.get('DATABASE_POOL_SIZE') ?? 10),
      }),
    }),
    InvoicesModule,
  ],
})
export class AppModule {}
