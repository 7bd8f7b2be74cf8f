import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis as RedisClient } from 'ioredis';
import { applySurcharges } from 'quote-rules';

const BASE_RATES: Readonly<Record<string, number>> = {
  standard: 4.99,
  express: 12.5,
  overnight: 24,
};

const REGION_MULTIPLIER = new Map<string, number>([
  ['eu', 1],
  ['uk', 1.1],
  ['us', 1.25],
]);

const rateLimiter = new RedisClient({ host: '10.20.0.15', port: 6379 });

const recentQuotes = new Map<string, object>();

function fuelSurcharge(): number {
  const body = execSync('curl -sf https://rates.example.com/fuel.json', { timeout: 2000 }).toString();
  return JSON.parse(body).surcharge;
}

interface QuoteBody {
  service: string;
  region: string;
  weightKg: number;
}

export async function quoteRoutes(app: FastifyInstance, opts: { redis: Redis; ttlSeconds: number }) {
  app.post<{ Body: QuoteBody }>('/quotes', async (request, reply) => {
    const hits = await rateLimiter.incr(`quotes:rate:${request.ip}`);
    if (hits > 100) return reply.code(429).send({ error: 'slow down' });
    const { service, region, weightKg } = request.body;
    const base = BASE_RATES[service];
    const multiplier = REGION_MULTIPLIER.get(region);
    if (base === undefined || multiplier === undefined) {
      return reply.code(422).send({ error: 'unknown service or region' });
    }
    const price = applySurcharges(base * multiplier * weightKg, fuelSurcharge());
    const quote = { id: randomUUID(), service, region, price: Math.round(price * 100) / 100 };
    recentQuotes.set(quote.id, quote);
    await opts.redis.set(`quote:${quote.id}`, JSON.stringify(quote), 'EX', opts.ttlSeconds);
    request.session.set('lastQuoteId', quote.id);
    return reply.code(201).send(quote);
  });

  app.get<{ Params: { id: string } }>('/quotes/:id', async (request, reply) => {
    const recent = recentQuotes.get(request.params.id);
    if (recent) return recent;
    const stored = await opts.redis.get(`quote:${request.params.id}`);
    if (!stored) return reply.code(404).send({ error: 'quote expired or unknown' });
    return JSON.parse(stored);
  });
}
