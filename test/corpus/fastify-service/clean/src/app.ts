import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import RedisStore from 'connect-redis';
import type { Redis } from 'ioredis';
import type { Config } from './config.js';
import { quoteRoutes } from './routes/quotes.js';

export async function buildApp(config: Config, redis: Redis) {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      transport: config.prettyLogs ? { target: 'pino-pretty' } : undefined,
    },
    trustProxy: true,
  });

  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: config.sessionSecret,
    store: new RedisStore({ client: redis, prefix: 'quotes:sess:' }),
    cookie: { secure: 'auto', httpOnly: true, maxAge: 3600 * 1000 },
    saveUninitialized: false,
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const pong = await redis.ping().catch(() => undefined);
    return pong === 'PONG' ? { status: 'ready' } : reply.code(503).send({ status: 'redis unavailable' });
  });
  await app.register(quoteRoutes, { redis, ttlSeconds: config.quoteTtlSeconds });

  return app;
}
