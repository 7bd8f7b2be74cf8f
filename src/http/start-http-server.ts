import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics/metrics.ts';

/** Handles a request it recognises (returns true) or leaves it (false): Probot's middleware. */
export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean | void> | boolean | void;

export interface HttpServerOptions {
  port: number;
  host: string;
  metrics: Metrics;
  /** Whether the process can do its work now (Redis reachable when configured). */
  ready: () => Promise<boolean>;
  /** The webhook endpoint (web process only). */
  webhooks?: RequestHandler;
  log: Logger;
}

export interface HttpServer {
  /** The port bound (useful with PORT=0). */
  port: number;
  /**
   * Stops accepting connections and waits for in-flight requests; after `timeoutMs` the
   * remaining connections are cut. `/readyz` answers 503 from the moment this is called.
   */
  close(timeoutMs: number): Promise<void>;
}

/**
 * The process's HTTP server: `/healthz` (the process is up and its event loop turns),
 * `/readyz` (it can take work: 503 while Redis is unreachable or once shutting down),
 * `/metrics` (Prometheus), and the webhook endpoint in the web process.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  let closing = false;
  const inFlight = new Set<ServerResponse>();
  const server = createServer(async (request, response) => {
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    if (closing) response.shouldKeepAlive = false;
    try {
      const path = (request.url ?? '/').split('?')[0];
      if (request.method === 'GET' && path === '/healthz') return send(response, 200, 'ok\n');
      if (request.method === 'GET' && path === '/readyz') {
        const ready = !closing && (await options.ready());
        return send(response, ready ? 200 : 503, ready ? 'ready\n' : closing ? 'shutting down\n' : 'not ready\n');
      }
      if (request.method === 'GET' && path === '/metrics') {
        const { contentType, body } = await options.metrics.exposition();
        return send(response, 200, body, contentType);
      }
      if (options.webhooks && (await options.webhooks(request, response))) return;
      send(response, 404, 'not found\n');
    } catch (error) {
      options.log.error({ err: error, path: request.url }, 'request failed');
      if (!response.headersSent) send(response, 500, 'internal error\n');
      else response.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close(timeoutMs: number) {
      closing = true;
      // Answers still to come end their connection, so the server can close once they are sent.
      for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        // Keep-alive connections with no request in flight would hold close() open.
        server.closeIdleConnections();
      });
    },
  };
}

function send(response: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}
