export interface Config {
  port: number;
  host: string;
  redisUrl: string;
  sessionSecret: string;
  logLevel: string;
  prettyLogs: boolean;
  quoteTtlSeconds: number;
  upstreamTimeoutMs: number;
}

function requireEnv(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} must be set`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const sessionSecret = requireEnv(env, 'SESSION_SECRET');
  if (sessionSecret.length < 32) {
    throw new Error('SESSION_SECRET must be at least 32 characters');
  }
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
    redisUrl: requireEnv(env, 'REDIS_URL'),
    sessionSecret,
    logLevel: env.LOG_LEVEL ?? 'info',
    prettyLogs: env.NODE_ENV === 'development',
    quoteTtlSeconds: Number(env.QUOTE_TTL_SECONDS ?? 900),
    upstreamTimeoutMs: Number(env.UPSTREAM_TIMEOUT_MS ?? 2000),
  };
}
