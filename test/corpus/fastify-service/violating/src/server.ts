import { Redis } from 'ioredis';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3, enableReadyCheck: true });
const app = await buildApp(config, redis);

await app.listen({ port: 8080, host: '0.0.0.0' });
