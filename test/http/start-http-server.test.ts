import { Agent, request as httpRequest } from 'node:http';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer, type RequestHandler } from '../../src/http/start-http-server.ts';
import { Metrics } from '../../src/metrics/metrics.ts';

const servers: HttpServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close(100);
});

async function start(options: { ready?: () => Promise<boolean>; webhooks?: RequestHandler } = {}): Promise<HttpServer> {
  const server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    metrics: new Metrics({ processType: 'web' }),
    ready: options.ready ?? (async () => true),
    ...(options.webhooks && { webhooks: options.webhooks }),
    log: pino({ level: 'silent' }),
  });
  servers.push(server);
  return server;
}

async function get(server: HttpServer, path: string): Promise<{ status: number; body: string; type: string | null }> {
  const response = await fetch(`http://127.0.0.1:${server.port}${path}`);
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
}

describe('startHttpServer', () => {
  it('serves /healthz, /readyz and /metrics', async () => {
    const server = await start();
    expect(await get(server, '/healthz')).toMatchObject({ status: 200, body: 'ok\n' });
    expect(await get(server, '/readyz')).toMatchObject({ status: 200, body: 'ready\n' });
    const metrics = await get(server, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.body).toContain('twelve_factor_review_jobs_total');
  });

  it('answers /readyz 503 while the backing service is unreachable', async () => {
    let reachable = false;
    const server = await start({ ready: async () => reachable });
    expect(await get(server, '/readyz')).toMatchObject({ status: 503, body: 'not ready\n' });
    reachable = true;
    expect((await get(server, '/readyz')).status).toBe(200);
  });

  it('passes other requests to the webhook handler, and answers 404 for what nobody handles', async () => {
    const server = await start({
      webhooks: (request, response) => {
        if (request.url !== '/api/github/webhooks') return false;
        response.writeHead(200).end('ok');
        return true;
      },
    });
    expect((await fetch(`http://127.0.0.1:${server.port}/api/github/webhooks`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect(await get(server, '/nowhere')).toMatchObject({ status: 404 });
  });

  it('answers 500 without crashing when a handler throws', async () => {
    const server = await start({
      webhooks: () => {
        throw new Error('boom');
      },
    });
    expect((await get(server, '/api/github/webhooks')).status).toBe(500);
    expect((await get(server, '/healthz')).status).toBe(200);
  });

  it('close() finishes the request in flight, refuses new connections, and says not ready meanwhile', async () => {
    let release!: () => void;
    let arrived!: () => void;
    const inFlight = new Promise<void>((resolve) => (arrived = resolve));
    const server = await start({
      webhooks: async (_request, response) => {
        arrived();
        await new Promise<void>((resolve) => (release = resolve));
        response.writeHead(200).end('done');
        return true;
      },
    });
    const pending = new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/github/webhooks', method: 'POST', agent: new Agent({ keepAlive: true }) }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode, body }));
      });
      request.on('error', reject);
      request.end('{}');
    });
    await inFlight;
    const closed = server.close(5_000);
    servers.splice(servers.indexOf(server), 1);
    await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
    release();
    expect(await pending).toEqual({ status: 200, body: 'done' });
    await closed;
  });
});
