import 'reflect-metadata';
import { Logger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule, {
    logger: process.env.NODE_ENV === 'production' ? ['log', 'warn', 'error'] : ['log', 'warn', 'error', 'debug', 'verbose'],
  });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  await app.listen(process.env.PORT ?? 3000, process.env.HOST ?? '0.0.0.0');
  Logger.log(`billing-service listening on ${await app.getUrl()}`, 'Bootstrap');
}

void bootstrap();
