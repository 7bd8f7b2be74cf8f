import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';

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

interface QuoteBody {
  service: string;
  region: string;
  weightKg: number;
}

export async function quoteRoutes(app: FastifyInstance, opts: { redis: Redis; ttlSeconds: number }) {
  app.post<{ Body: QuoteBody }>('/quotes', async (request, reply) => {
    const { service, region, weightKg } = request.body;
    const base = BASE_RATES[service];
    const multiplier = REGION_MULTIPLIER.get(region);
    if (base === undefined || multiplier === undefined) {
      return reply.code(422).send({ error: 'unknown service or region' });
    }
    const quote = { id: randomUUID(), service, region, price: Math.round(base * multiplier * weightKg * 100) / 100 };
    await opts.redis.set(`quote:${quote.id}`, JSON.stringify(quote), 'EX', opts.ttlSeconds);
    request.session.set('lastQuoteId', quote.id);
    return reply.code(201).send(quote);
  });

  app.get<{ Params: { id: string } }>('/quotes/:id', async (request, reply) => {
    const stored = await opts.redis.get(`quote:${request.params.id}`);
    if (!stored) return reply.code(404).send({ error: 'quote expired or unknown' });
    return JSON.parse(stored);
  });
}
