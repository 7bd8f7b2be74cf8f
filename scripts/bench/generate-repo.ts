import { pickSome, pickWeighted, seededRandom, type SeededRandom } from './seeded-random.ts';

/** One file of a synthetic repository, path relative to its root with forward slashes. */
export interface GeneratedFile {
  path: string;
  content: string;
}

export interface GenerateRepoOptions {
  /** How many TS/JS source files; a root `package.json` comes on top. */
  scriptFiles: number;
  seed?: number;
}

/** The seed `npm run bench` uses, so every run measures the same repositories. */
export const DEFAULT_SEED = 0x12f4c7;

/**
 * Generates a synthetic TypeScript/JavaScript service repository: Express and Fastify routes,
 * services, data access, config modules, utilities, React components, CommonJS and ESM scripts
 * and tests, averaging about 150 lines a file, with a few twelve-factor violations and a few
 * obviously placeholder secrets. Deterministic: file N depends only on the seed and N, so a
 * 1,000-file repository is the first 1,000 files of the 2,000-file one.
 */
export function generateRepo(options: GenerateRepoOptions): GeneratedFile[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const files: GeneratedFile[] = [];
  for (let index = 0; index < options.scriptFiles; index++) {
    files.push(generateFile(seed, index));
  }
  files.push({ path: 'package.json', content: packageJson() });
  return files;
}

type Role =
  | 'express-routes'
  | 'fastify-routes'
  | 'service'
  | 'repository'
  | 'utils'
  | 'config'
  | 'component'
  | 'commonjs'
  | 'cjs-worker'
  | 'esm-script'
  | 'test';

/** How often each kind of file appears, roughly as in a mid-sized Node service monorepo. */
const ROLE_WEIGHTS: readonly (readonly [Role, number])[] = [
  ['express-routes', 17],
  ['fastify-routes', 8],
  ['service', 22],
  ['repository', 8],
  ['utils', 15],
  ['config', 5],
  ['component', 8],
  ['commonjs', 5],
  ['cjs-worker', 3],
  ['esm-script', 3],
  ['test', 6],
];

const ENTITIES = [
  'user', 'order', 'invoice', 'product', 'customer', 'payment', 'shipment', 'session', 'account',
  'report', 'cart', 'review', 'ticket', 'subscription', 'notification', 'inventory', 'coupon',
  'address', 'vendor', 'warehouse', 'refund', 'catalog', 'discount', 'booking',
] as const;

const FIELDS: readonly (readonly [string, string, string])[] = [
  ['name', 'string', "'untitled'"],
  ['email', 'string', "''"],
  ['status', 'string', "'pending'"],
  ['amountCents', 'number', '0'],
  ['currency', 'string', "'EUR'"],
  ['quantity', 'number', '1'],
  ['notes', 'string', "''"],
  ['priority', 'number', '0'],
  ['archived', 'boolean', 'false'],
  ['region', 'string', "'eu-west'"],
  ['ownerId', 'string', "''"],
  ['tags', 'string[]', '[]'],
  ['version', 'number', '1'],
  ['externalRef', 'string', "''"],
];

interface Names {
  entity: string;
  plural: string;
  Entity: string;
  index: number;
  fields: readonly (readonly [string, string, string])[];
}

function generateFile(seed: number, index: number): GeneratedFile {
  const rng = seededRandom(seed, index);
  const role = pickWeighted(rng, ROLE_WEIGHTS);
  const entity = rng.pick(ENTITIES);
  const names: Names = {
    entity,
    plural: plural(entity),
    Entity: pascal(entity),
    index,
    fields: pickSome(rng, FIELDS, 4, 8),
  };
  const shard = `group-${Math.floor(index / 40)}`;
  const stem = `${entity}-${index}`;
  const extras = sprinkle(rng, role);
  switch (role) {
    case 'express-routes':
      return { path: `src/routes/${shard}/${stem}.routes.ts`, content: expressRoutes(rng, names, extras) };
    case 'fastify-routes':
      return { path: `src/plugins/${shard}/${stem}.plugin.ts`, content: fastifyRoutes(rng, names, extras) };
    case 'service':
      return { path: `src/services/${shard}/${stem}.service.ts`, content: service(rng, names, extras) };
    case 'repository':
      return { path: `src/data/${shard}/${stem}.repository.ts`, content: repository(rng, names, extras) };
    case 'utils':
      return { path: `src/utils/${shard}/${stem}.utils.ts`, content: utils(rng, names, extras) };
    case 'config':
      return { path: `src/config/${shard}/${stem}.config.ts`, content: configModule(rng, names, extras) };
    case 'component':
      return { path: `web/components/${shard}/${pascal(entity)}Panel${index}.tsx`, content: component(rng, names, extras) };
    case 'commonjs':
      return { path: `lib/${shard}/${stem}.js`, content: commonJs(rng, names, extras) };
    case 'cjs-worker':
      return { path: `workers/${shard}/${stem}.worker.cjs`, content: cjsWorker(rng, names, extras) };
    case 'esm-script':
      return { path: `scripts/${shard}/${stem}.mjs`, content: esmScript(rng, names, extras) };
    case 'test':
      return { path: `test/${shard}/${stem}.test.ts`, content: testFile(rng, names, extras) };
  }
}

/** Snippets some files carry: a few violations and a few placeholder "secrets". */
interface Extras {
  imports: string[];
  body: string[];
}

/** Roughly 1 file in 30 gets a violation and 1 in 60 a placeholder credential. */
const VIOLATION_RATE = 1 / 30;
const PLACEHOLDER_SECRET_RATE = 1 / 60;

function sprinkle(rng: SeededRandom, role: Role): Extras {
  const extras: Extras = { imports: [], body: [] };
  const typed = role !== 'commonjs' && role !== 'cjs-worker' && role !== 'esm-script';
  const commonJs = role === 'commonjs' || role === 'cjs-worker';
  if (rng.chance(VIOLATION_RATE)) {
    switch (rng.int(0, 4)) {
      case 0:
        extras.body.push(
          `export function startStandalone(app${typed ? ': { listen(port: number, done: () => void): unknown }' : ''}) {`,
          "  app.listen(8080, () => process.stdout.write('standalone server up\\n'));",
          '}',
        );
        break;
      case 1:
        extras.imports.push(commonJs ? "const fs = require('node:fs');" : "import fs from 'node:fs';");
        extras.body.push(
          `export function audit(line${typed ? ': string' : ''}) {`,
          "  fs.appendFileSync('/var/log/app/audit.log', `${new Date().toISOString()} ${line}\\n`);",
          '}',
        );
        break;
      case 2:
        extras.imports.push(commonJs ? "const Redis = require('ioredis');" : "import Redis from 'ioredis';");
        extras.body.push("export const cache = new Redis('redis://localhost:6379/0');");
        break;
      case 3:
        extras.body.push(
          "export const verboseErrors = process.env.NODE_ENV === 'development';",
          "export const retryLimit = process.env.NODE_ENV === 'production' ? 5 : 1;",
        );
        break;
      default:
        extras.body.push(
          `const localSessions = new Map${typed ? '<string, { userId: string; expires: number }>' : ''}();`,
          `export function remember(token${typed ? ': string' : ''}, userId${typed ? ': string' : ''}) {`,
          '  localSessions.set(token, { userId, expires: Date.now() + 3_600_000 });',
          '}',
        );
    }
  }
  if (rng.chance(PLACEHOLDER_SECRET_RATE)) {
    const exported = commonJs ? 'exports.' : 'export const ';
    switch (rng.int(0, 3)) {
      case 0:
        // The AWS documentation's example key id: obviously not a live credential.
        extras.body.push(`${exported}awsDefaults = { region: 'eu-west-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' };`);
        break;
      case 1:
        extras.body.push(`${exported}githubToken = process.env.GITHUB_TOKEN ?? 'ghp_${'x'.repeat(36)}';`);
        break;
      case 2:
        extras.body.push(`${exported}paymentApiKey = process.env.PAYMENT_API_KEY || 'your-api-key';`);
        break;
      default:
        extras.body.push(`${exported}localDatabase = { user: 'app', password: 'changeme', host: 'db' };`);
    }
  }
  return extras;
}

function expressRoutes(rng: SeededRandom, n: Names, extras: Extras): string {
  const lines = [
    "import { Router, type NextFunction, type Request, type Response } from 'express';",
    "import { z } from 'zod';",
    `import { ${n.Entity}Service } from '../../services/${n.entity}.service.js';`,
    "import { logger } from '../../utils/logger.js';",
    ...extras.imports,
    '',
    `const service = new ${n.Entity}Service();`,
    `export const ${n.entity}Router = Router();`,
    '',
    `const ${n.Entity}Input = z.object({`,
    ...n.fields.map(([field, type]) => `  ${field}: ${zodType(type)},`),
    '});',
    '',
    `interface ListQuery {`,
    '  limit?: string;',
    '  cursor?: string;',
    '  sort?: string;',
    '}',
    '',
  ];
  const handlers = rng.int(5, 10);
  for (let h = 0; h < handlers; h++) {
    const verb = rng.pick(['get', 'get', 'post', 'put', 'patch', 'delete'] as const);
    const action = `${verb}${n.Entity}${h}`;
    lines.push(
      `/** ${capitalise(verb)} handler ${h} for ${n.plural}. */`,
      `${n.entity}Router.${verb}('/${n.plural}${verb === 'get' && h % 2 === 0 ? '' : '/:id'}${h > 1 ? `/v${h}` : ''}', async (req: Request<{ id?: string }, unknown, unknown, ListQuery>, res: Response, next: NextFunction) => {`,
      '  const started = performance.now();',
      '  try {',
    );
    if (verb === 'get') {
      lines.push(
        `    const limit = Math.min(Number(req.query.limit ?? ${rng.int(10, 50)}), ${rng.pick([100, 200, 500])});`,
        `    const page = await service.list({ limit, cursor: req.query.cursor, sort: req.query.sort ?? '${n.fields[0]![0]}' });`,
        '    if (page.items.length === 0 && req.query.cursor) {',
        "      res.status(404).json({ error: 'cursor expired' });",
        '      return;',
        '    }',
        '    res.json({ data: page.items, next: page.cursor ?? null });',
      );
    } else if (verb === 'delete') {
      lines.push(
        `    const removed = await service.remove(req.params.id ?? '');`,
        '    if (!removed) {',
        `      res.status(404).json({ error: '${n.entity} not found' });`,
        '      return;',
        '    }',
        '    res.status(204).end();',
      );
    } else {
      lines.push(
        `    const parsed = ${n.Entity}Input.safeParse(req.body);`,
        '    if (!parsed.success) {',
        '      res.status(422).json({ error: parsed.error.issues.map((issue) => issue.message) });',
        '      return;',
        '    }',
        `    const saved = await service.${verb === 'post' ? 'create' : 'update'}(${verb === 'post' ? '' : "req.params.id ?? '', "}parsed.data);`,
        `    res.status(${verb === 'post' ? 201 : 200}).json(saved);`,
      );
    }
    lines.push(
      '  } catch (error) {',
      `    logger.error({ err: error, route: '${action}' }, 'request failed');`,
      '    next(error);',
      '  } finally {',
      `    logger.debug({ route: '${action}', ms: performance.now() - started }, 'handled');`,
      '  }',
      '});',
      '',
    );
  }
  lines.push(...extras.body);
  return finish(lines);
}

function fastifyRoutes(rng: SeededRandom, n: Names, extras: Extras): string {
  const lines = [
    "import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';",
    `import { ${n.Entity}Repository } from '../../data/${n.entity}.repository.js';`,
    ...extras.imports,
    '',
    `const ${n.entity}Schema = {`,
    "  type: 'object',",
    `  required: [${n.fields.slice(0, 2).map(([field]) => `'${field}'`).join(', ')}],`,
    '  properties: {',
    ...n.fields.map(([field, type]) => `    ${field}: { type: '${jsonSchemaType(type)}' },`),
    '  },',
    '} as const;',
    '',
    'type IdParams = { Params: { id: string } };',
    '',
    `export const ${n.entity}Plugin: FastifyPluginAsync<{ prefix?: string }> = async (app: FastifyInstance) => {`,
    `  const repository = new ${n.Entity}Repository(app.pg);`,
    '',
  ];
  const routes = rng.int(8, 13);
  for (let r = 0; r < routes; r++) {
    const verb = rng.pick(['get', 'post', 'put', 'delete'] as const);
    lines.push(
      `  app.${verb}<IdParams>('/${n.plural}/:id${r > 0 ? `/r${r}` : ''}', {`,
      `    schema: { params: { type: 'object', properties: { id: { type: 'string' } } }${verb === 'post' || verb === 'put' ? `, body: ${n.entity}Schema` : ''} },`,
      `  }, async (request: FastifyRequest<IdParams>, reply: FastifyReply) => {`,
      `    const existing = await repository.findById(request.params.id);`,
      ...(verb === 'post'
        ? ['    if (existing) {', "      return reply.code(409).send({ error: 'already exists' });", '    }']
        : ['    if (!existing) {', `      return reply.code(404).send({ error: '${n.entity} ' + request.params.id + ' not found' });`, '    }']),
      `    request.log.info({ id: request.params.id, route: ${r} }, '${verb} ${n.entity}');`,
      verb === 'delete'
        ? '    await repository.delete(request.params.id);'
        : `    const result = ${verb === 'get' ? 'existing' : `await repository.save({ ...existing, ...(request.body as object), id: request.params.id })`};`,
      verb === 'delete' ? '    return reply.code(204).send();' : '    return reply.send(result);',
      '  });',
      '',
    );
  }
  lines.push(
    `  app.addHook('onClose', async () => {`,
    `    app.log.info('closing ${n.entity} plugin');`,
    '  });',
    '};',
    '',
    `export default ${n.entity}Plugin;`,
    '',
    ...extras.body,
  );
  return finish(lines);
}

function service(rng: SeededRandom, n: Names, extras: Extras): string {
  const lines = [
    "import { randomUUID } from 'node:crypto';",
    "import type { Pool } from 'pg';",
    "import { logger } from '../../utils/logger.js';",
    ...extras.imports,
    '',
    `export type ${n.Entity}Status = 'pending' | 'active' | 'suspended' | 'archived';`,
    '',
    `/** A ${n.entity} as the API exposes it. */`,
    `export interface ${n.Entity} {`,
    '  id: string;',
    '  createdAt: Date;',
    '  updatedAt: Date;',
    ...n.fields.map(([field, type]) => `  ${field}: ${type};`),
    '}',
    '',
    `export interface ${n.Entity}Page {`,
    `  items: ${n.Entity}[];`,
    '  cursor?: string;',
    '}',
    '',
    `export class ${n.Entity}Service {`,
    '  readonly #pool: Pool | undefined;',
    `  readonly #cache = new Map<string, ${n.Entity}>();`,
    '',
    '  constructor(pool?: Pool) {',
    '    this.#pool = pool;',
    '  }',
    '',
    `  async list(options: { limit: number; cursor?: string; sort?: string }): Promise<${n.Entity}Page> {`,
    "    const rows = await this.#query('SELECT * FROM " + n.plural + " WHERE id > $1 ORDER BY id LIMIT $2', [options.cursor ?? '', options.limit]);",
    '    const items = rows.map((row) => this.#fromRow(row));',
    '    return { items, cursor: items.at(-1)?.id };',
    '  }',
    '',
    `  async create(input: Partial<${n.Entity}>): Promise<${n.Entity}> {`,
    '    const now = new Date();',
    `    const ${n.entity}: ${n.Entity} = {`,
    '      id: randomUUID(),',
    '      createdAt: now,',
    '      updatedAt: now,',
    ...n.fields.map(([field, , fallback]) => `      ${field}: input.${field} ?? ${fallback},`),
    '    };',
    `    await this.#query('INSERT INTO ${n.plural} (id, data) VALUES ($1, $2)', [${n.entity}.id, JSON.stringify(${n.entity})]);`,
    `    this.#cache.set(${n.entity}.id, ${n.entity});`,
    `    return ${n.entity};`,
    '  }',
    '',
    `  async update(id: string, input: Partial<${n.Entity}>): Promise<${n.Entity}> {`,
    '    const current = await this.get(id);',
    '    if (!current) {',
    `      throw new Error(\`${n.entity} \${id} not found\`);`,
    '    }',
    `    const next: ${n.Entity} = { ...current, ...input, id, updatedAt: new Date() };`,
    `    await this.#query('UPDATE ${n.plural} SET data = $2 WHERE id = $1', [id, JSON.stringify(next)]);`,
    '    this.#cache.set(id, next);',
    '    return next;',
    '  }',
    '',
    '  async remove(id: string): Promise<boolean> {',
    '    this.#cache.delete(id);',
    `    const rows = await this.#query('DELETE FROM ${n.plural} WHERE id = $1 RETURNING id', [id]);`,
    '    return rows.length > 0;',
    '  }',
    '',
    `  async get(id: string): Promise<${n.Entity} | undefined> {`,
    '    const cached = this.#cache.get(id);',
    '    if (cached) return cached;',
    `    const [row] = await this.#query('SELECT * FROM ${n.plural} WHERE id = $1', [id]);`,
    '    return row ? this.#fromRow(row) : undefined;',
    '  }',
    '',
  ];
  const extraMethods = rng.int(4, 9);
  for (let m = 0; m < extraMethods; m++) {
    const [field, type] = rng.pick(n.fields);
    lines.push(
      `  /** Finds ${n.plural} by ${field} (variant ${m}). */`,
      `  async findBy${pascal(field)}${m}(value: ${type}, limit = ${rng.int(10, 100)}): Promise<${n.Entity}[]> {`,
      `    const rows = await this.#query("SELECT * FROM ${n.plural} WHERE data->>'${field}' = $1 LIMIT $2", [String(value), limit]);`,
      '    const result = rows.map((row) => this.#fromRow(row));',
      `    logger.debug({ count: result.length, field: '${field}' }, 'lookup');`,
      '    return result.filter((item) => item.updatedAt.getTime() > 0);',
      '  }',
      '',
    );
  }
  lines.push(
    '  async #query(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {',
    '    if (!this.#pool) return [];',
    '    const result = await this.#pool.query(sql, params);',
    '    return result.rows as Record<string, unknown>[];',
    '  }',
    '',
    `  #fromRow(row: Record<string, unknown>): ${n.Entity} {`,
    `    const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data ?? {}) as Partial<${n.Entity}>;`,
    '    return {',
    '      id: String(row.id),',
    '      createdAt: new Date(String(data.createdAt ?? 0)),',
    '      updatedAt: new Date(String(data.updatedAt ?? 0)),',
    ...n.fields.map(([field, , fallback]) => `      ${field}: data.${field} ?? ${fallback},`),
    '    };',
    '  }',
    '}',
    '',
    ...extras.body,
  );
  return finish(lines);
}

function repository(rng: SeededRandom, n: Names, extras: Extras): string {
  const lines = [
    "import pg from 'pg';",
    ...extras.imports,
    '',
    'const pool = new pg.Pool({',
    '  connectionString: process.env.DATABASE_URL,',
    `  max: Number(process.env.PG_POOL_SIZE ?? ${rng.int(5, 20)}),`,
    '});',
    '',
    `export interface ${n.Entity}Row {`,
    '  id: string;',
    ...n.fields.map(([field, type]) => `  ${field}: ${type};`),
    '}',
    '',
    `export class ${n.Entity}Repository {`,
    '  readonly #pool: pg.Pool;',
    '',
    '  constructor(client?: pg.Pool) {',
    '    this.#pool = client ?? pool;',
    '  }',
    '',
    `  async findById(id: string): Promise<${n.Entity}Row | undefined> {`,
    `    const { rows } = await this.#pool.query<${n.Entity}Row>('SELECT * FROM ${n.plural} WHERE id = $1', [id]);`,
    '    return rows[0];',
    '  }',
    '',
    `  async save(row: Partial<${n.Entity}Row> & { id: string }): Promise<${n.Entity}Row> {`,
    `    const columns = Object.keys(row);`,
    "    const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');",
    '    const { rows } = await this.#pool.query(',
    `      \`INSERT INTO ${n.plural} (\${columns.join(', ')}) VALUES (\${placeholders}) ON CONFLICT (id) DO UPDATE SET \${columns.map((c, i) => \`\${c} = $\${i + 1}\`).join(', ')} RETURNING *\`,`,
    '      Object.values(row),',
    '    );',
    `    return rows[0] as ${n.Entity}Row;`,
    '  }',
    '',
    '  async delete(id: string): Promise<void> {',
    `    await this.#pool.query('DELETE FROM ${n.plural} WHERE id = $1', [id]);`,
    '  }',
    '',
  ];
  const queries = rng.int(4, 9);
  for (let q = 0; q < queries; q++) {
    const [field, type] = rng.pick(n.fields);
    lines.push(
      `  async countBy${pascal(field)}${q}(value: ${type}): Promise<number> {`,
      '    const { rows } = await this.#pool.query<{ count: string }>(',
      `      'SELECT count(*) AS count FROM ${n.plural} WHERE ${snake(field)} = $1 AND deleted_at IS NULL',`,
      '      [value],',
      '    );',
      "    return Number(rows[0]?.count ?? '0');",
      '  }',
      '',
      `  async *stream${pascal(field)}${q}(batchSize = ${rng.pick([100, 250, 500])}): AsyncGenerator<${n.Entity}Row[]> {`,
      "    let after = '';",
      '    for (;;) {',
      `      const { rows } = await this.#pool.query<${n.Entity}Row>('SELECT * FROM ${n.plural} WHERE id > $1 ORDER BY id LIMIT $2', [after, batchSize]);`,
      '      if (rows.length === 0) return;',
      '      yield rows;',
      '      after = rows[rows.length - 1]!.id;',
      '    }',
      '  }',
      '',
    );
  }
  lines.push('}', '', ...extras.body);
  return finish(lines);
}

/** Small pure helpers of the kind every codebase accumulates. */
const UTILITIES: readonly ((suffix: string) => string[])[] = [
  (s) => [
    `export function chunk${s}<T>(items: readonly T[], size: number): T[][] {`,
    '  if (size <= 0) throw new RangeError(`size must be positive, got ${size}`);',
    '  const out: T[][] = [];',
    '  for (let i = 0; i < items.length; i += size) {',
    '    out.push(items.slice(i, i + size));',
    '  }',
    '  return out;',
    '}',
  ],
  (s) => [
    `export function groupBy${s}<T, K extends PropertyKey>(items: Iterable<T>, key: (item: T) => K): Record<K, T[]> {`,
    '  const groups = {} as Record<K, T[]>;',
    '  for (const item of items) {',
    '    const k = key(item);',
    '    (groups[k] ??= []).push(item);',
    '  }',
    '  return groups;',
    '}',
  ],
  (s) => [
    `export function slugify${s}(text: string): string {`,
    '  return text',
    "    .normalize('NFKD')",
    "    .replace(/[\\u0300-\\u036f]/g, '')",
    '    .toLowerCase()',
    "    .replace(/[^a-z0-9]+/g, '-')",
    "    .replace(/^-+|-+$/g, '');",
    '}',
  ],
  (s) => [
    `export function formatMoney${s}(cents: number, currency = 'EUR', locale = 'en-GB'): string {`,
    '  return new Intl.NumberFormat(locale, { style: \'currency\', currency }).format(cents / 100);',
    '}',
  ],
  (s) => [
    `export async function retry${s}<T>(task: () => Promise<T>, attempts = 3, baseDelayMs = 100): Promise<T> {`,
    '  let lastError: unknown;',
    '  for (let attempt = 0; attempt < attempts; attempt++) {',
    '    try {',
    '      return await task();',
    '    } catch (error) {',
    '      lastError = error;',
    '      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** attempt));',
    '    }',
    '  }',
    '  throw lastError;',
    '}',
  ],
  (s) => [
    `export function debounce${s}<A extends unknown[]>(fn: (...args: A) => void, waitMs: number): (...args: A) => void {`,
    '  let timer: ReturnType<typeof setTimeout> | undefined;',
    '  return (...args: A) => {',
    '    if (timer) clearTimeout(timer);',
    '    timer = setTimeout(() => fn(...args), waitMs);',
    '  };',
    '}',
  ],
  (s) => [
    `export function parseDuration${s}(text: string): number {`,
    '  const match = /^(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)$/.exec(text.trim());',
    '  if (!match) throw new SyntaxError(`not a duration: ${text}`);',
    '  const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };',
    '  return Number(match[1]) * units[match[2]!]!;',
    '}',
  ],
  (s) => [
    `export function deepMerge${s}<T extends Record<string, unknown>>(target: T, source: Partial<T>): T {`,
    '  const out: Record<string, unknown> = { ...target };',
    '  for (const [key, value] of Object.entries(source)) {',
    "    const current = out[key];",
    "    if (value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object') {",
    '      out[key] = deepMerge' + s + '(current as Record<string, unknown>, value as Record<string, unknown>);',
    '    } else if (value !== undefined) {',
    '      out[key] = value;',
    '    }',
    '  }',
    '  return out as T;',
    '}',
  ],
  (s) => [
    `export function pick${s}<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {`,
    '  const out = {} as Pick<T, K>;',
    '  for (const key of keys) {',
    '    if (key in value) out[key] = value[key];',
    '  }',
    '  return out;',
    '}',
  ],
  (s) => [
    `export class LruCache${s}<K, V> {`,
    '  readonly #entries = new Map<K, V>();',
    '  readonly #capacity: number;',
    '',
    '  constructor(capacity: number) {',
    '    this.#capacity = capacity;',
    '  }',
    '',
    '  get(key: K): V | undefined {',
    '    const value = this.#entries.get(key);',
    '    if (value === undefined) return undefined;',
    '    this.#entries.delete(key);',
    '    this.#entries.set(key, value);',
    '    return value;',
    '  }',
    '',
    '  set(key: K, value: V): void {',
    '    this.#entries.delete(key);',
    '    this.#entries.set(key, value);',
    '    if (this.#entries.size > this.#capacity) {',
    '      const oldest = this.#entries.keys().next();',
    '      if (!oldest.done) this.#entries.delete(oldest.value);',
    '    }',
    '  }',
    '}',
  ],
  (s) => [
    `export function toQueryString${s}(params: Record<string, string | number | boolean | undefined>): string {`,
    '  const search = new URLSearchParams();',
    '  for (const [key, value] of Object.entries(params)) {',
    '    if (value !== undefined) search.set(key, String(value));',
    '  }',
    '  const text = search.toString();',
    "  return text ? `?${text}` : '';",
    '}',
  ],
  (s) => [
    `export function clamp${s}(value: number, min: number, max: number): number {`,
    '  return Math.min(max, Math.max(min, value));',
    '}',
  ],
  (s) => [
    `export function isoWeek${s}(date: Date): number {`,
    '  const day = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));',
    '  const weekday = day.getUTCDay() || 7;',
    '  day.setUTCDate(day.getUTCDate() + 4 - weekday);',
    '  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));',
    '  return Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);',
    '}',
  ],
  (s) => [
    `export function maskEmail${s}(email: string): string {`,
    "  const [local = '', domain = ''] = email.split('@');",
    "  if (!domain) return '***';",
    "  return `${local.slice(0, 1)}***@${domain}`;",
    '}',
  ],
];

function utils(rng: SeededRandom, n: Names, extras: Extras): string {
  const lines = [`/** Helpers used by the ${n.entity} module. */`, ...extras.imports, ''];
  const count = rng.int(11, 21);
  for (let u = 0; u < count; u++) {
    lines.push(...rng.pick(UTILITIES)(`${pascal(n.entity)}${u}`), '');
  }
  lines.push(...extras.body);
  return finish(lines);
}

function configModule(rng: SeededRandom, n: Names, extras: Extras): string {
  const settings = rng.int(34, 52);
  const lines = [
    "import { z } from 'zod';",
    ...extras.imports,
    '',
    `/** Settings of the ${n.entity} module, read once from the environment. */`,
    'const schema = z.object({',
    "  PORT: z.coerce.number().int().positive().default(3000),",
    "  DATABASE_URL: z.string().url(),",
    "  REDIS_URL: z.string().url().optional(),",
    "  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),",
  ];
  const keys: string[] = [];
  for (let s = 0; s < settings; s++) {
    const key = `${snake(n.entity).toUpperCase()}_${rng.pick(['TIMEOUT_MS', 'BATCH_SIZE', 'RETRIES', 'ENDPOINT', 'FEATURE', 'LIMIT', 'TTL_SECONDS'])}_${s}`;
    keys.push(key);
    lines.push(
      key.includes('ENDPOINT')
        ? `  ${key}: z.string().url().default('http://${n.entity}-service:${rng.int(8000, 8999)}'),`
        : key.includes('FEATURE')
          ? `  ${key}: z.enum(['on', 'off']).default('off'),`
          : `  ${key}: z.coerce.number().int().min(0).default(${rng.int(1, 5000)}),`,
    );
  }
  lines.push(
    '});',
    '',
    'export type Settings = z.infer<typeof schema>;',
    '',
    'export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {',
    '  const parsed = schema.safeParse(env);',
    '  if (!parsed.success) {',
    "    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);",
    "    throw new Error(`invalid configuration:\\n${problems.join('\\n')}`);",
    '  }',
    '  return parsed.data;',
    '}',
    '',
    'export const settings = loadSettings();',
    '',
    `export const ${n.entity}Limits = {`,
    ...keys.filter((key) => !key.includes('ENDPOINT') && !key.includes('FEATURE')).map((key) => `  ${camel(key)}: settings.${key},`),
    '} as const;',
    '',
    ...extras.body,
  );
  return finish(lines);
}

function component(rng: SeededRandom, n: Names, extras: Extras): string {
  const columns = n.fields.slice(0, rng.int(3, n.fields.length));
  const lines = [
    "import { useCallback, useEffect, useMemo, useState } from 'react';",
    ...extras.imports,
    '',
    `interface ${n.Entity}Item {`,
    '  id: string;',
    ...n.fields.map(([field, type]) => `  ${field}: ${type};`),
    '}',
    '',
    `export interface ${n.Entity}PanelProps {`,
    '  apiBase: string;',
    `  onSelect?: (item: ${n.Entity}Item) => void;`,
    '  pageSize?: number;',
    '}',
    '',
    `export function ${n.Entity}Panel${n.index}({ apiBase, onSelect, pageSize = ${rng.int(10, 50)} }: ${n.Entity}PanelProps) {`,
    `  const [items, setItems] = useState<${n.Entity}Item[]>([]);`,
    '  const [error, setError] = useState<string | null>(null);',
    "  const [filter, setFilter] = useState('');",
    '',
    '  useEffect(() => {',
    '    const controller = new AbortController();',
    `    fetch(\`\${apiBase}/${n.plural}?limit=\${pageSize}\`, { signal: controller.signal })`,
    '      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(response.statusText))))',
    `      .then((body: { data: ${n.Entity}Item[] }) => setItems(body.data))`,
    "      .catch((cause: Error) => cause.name !== 'AbortError' && setError(cause.message));",
    '    return () => controller.abort();',
    '  }, [apiBase, pageSize]);',
    '',
    '  const visible = useMemo(',
    `    () => items.filter((item) => String(item.${columns[0]![0]}).toLowerCase().includes(filter.toLowerCase())),`,
    '    [items, filter],',
    '  );',
    '',
    `  const select = useCallback((item: ${n.Entity}Item) => onSelect?.(item), [onSelect]);`,
    '',
    '  if (error) {',
    `    return <p className="error">Could not load ${n.plural}: {error}</p>;`,
    '  }',
    '',
    '  return (',
    `    <section className="${n.entity}-panel">`,
    '      <header>',
    `        <h2>${pascal(n.plural)}</h2>`,
    `        <input value={filter} placeholder="Filter ${n.plural}" onChange={(event) => setFilter(event.target.value)} />`,
    '      </header>',
    '      <table>',
    '        <thead>',
    '          <tr>',
    ...columns.map(([field]) => `            <th>${field}</th>`),
    '          </tr>',
    '        </thead>',
    '        <tbody>',
    '          {visible.map((item) => (',
    '            <tr key={item.id} onClick={() => select(item)}>',
    ...columns.map(([field]) => `              <td>{String(item.${field})}</td>`),
    '            </tr>',
    '          ))}',
    '        </tbody>',
    '      </table>',
    '      <footer>',
    `        {visible.length} of {items.length} ${n.plural}`,
    '      </footer>',
    '    </section>',
    '  );',
    '}',
    '',
  ];
  const helpers = rng.int(4, 9);
  for (let h = 0; h < helpers; h++) {
    const [field] = rng.pick(columns);
    lines.push(
      `export function ${n.Entity}${pascal(field)}Badge${h}({ value }: { value: unknown }) {`,
      "  const text = value === undefined || value === null ? '—' : String(value);",
      `  return <span className="badge badge-${field}" title={text}>{text.slice(0, ${rng.int(8, 24)})}</span>;`,
      '}',
      '',
      `export function sort${pascal(n.plural)}By${pascal(field)}${h}(items: readonly ${n.Entity}Item[], descending = false): ${n.Entity}Item[] {`,
      '  const direction = descending ? -1 : 1;',
      `  return [...items].sort((a, b) => (String(a.${field}) < String(b.${field}) ? -direction : String(a.${field}) > String(b.${field}) ? direction : 0));`,
      '}',
      '',
    );
  }
  lines.push(...extras.body);
  return finish(lines);
}

function commonJs(rng: SeededRandom, n: Names, extras: Extras): string {
  const lines = [
    "'use strict';",
    '',
    "const express = require('express');",
    "const { promisify } = require('node:util');",
    ...extras.imports,
    '',
    'const router = express.Router();',
    '',
    `function validate${n.Entity}(body) {`,
    '  const errors = [];',
    ...n.fields.slice(0, 4).map(([field, type]) => `  if (body.${field} !== undefined && typeof body.${field} !== '${type.endsWith('[]') ? 'object' : type}') errors.push('${field} must be ${type}');`),
    '  return errors;',
    '}',
    '',
  ];
  const routes = rng.int(6, 12);
  for (let r = 0; r < routes; r++) {
    lines.push(
      `router.${rng.pick(['get', 'post', 'put'])}('/${n.plural}/legacy-${r}', function handle${r}(req, res, next) {`,
      `  const errors = validate${n.Entity}(req.body || {});`,
      '  if (errors.length > 0) {',
      '    return res.status(422).json({ errors: errors });',
      '  }',
      '  const started = Date.now();',
      `  req.app.locals.db.query('SELECT * FROM ${n.plural} WHERE id = $1', [req.params.id || req.query.id])`,
      '    .then(function (result) {',
      `      res.set('x-elapsed', String(Date.now() - started));`,
      '      res.json(result.rows);',
      '    })',
      '    .catch(next);',
      '});',
      '',
    );
  }
  lines.push(
    'const sleep = promisify(setTimeout);',
    '',
    'module.exports = {',
    '  router: router,',
    `  validate${n.Entity}: validate${n.Entity},`,
    '  sleep: sleep,',
    '};',
    '',
    ...extras.body.map((line) => line.replace(/^export (const|function) /, '$1 ')),
  );
  return finish(lines);
}

function cjsWorker(rng: SeededRandom, n: Names, extras: Extras): string {
  const lines = [
    "'use strict';",
    '',
    "const { Worker } = require('bullmq');",
    "const pino = require('pino');",
    ...extras.imports,
    '',
    `const logger = pino({ name: '${n.entity}-worker' });`,
    '',
    'const handlers = {',
  ];
  const jobs = rng.int(8, 15);
  for (let j = 0; j < jobs; j++) {
    lines.push(
      `  async '${n.entity}.job-${j}'(job) {`,
      `    logger.info({ id: job.id, attempt: job.attemptsMade }, 'processing ${n.entity} job ${j}');`,
      `    const items = Array.isArray(job.data.items) ? job.data.items : [];`,
      '    let processed = 0;',
      '    for (const item of items) {',
      `      if (!item || !item.${n.fields[0]![0]}) continue;`,
      '      processed += 1;',
      `      await job.updateProgress(Math.round((processed / items.length) * 100));`,
      '    }',
      '    return { processed };',
      '  },',
    );
  }
  lines.push(
    '};',
    '',
    `const worker = new Worker('${n.plural}', async (job) => {`,
    '  const handler = handlers[job.name];',
    '  if (!handler) throw new Error(`no handler for ${job.name}`);',
    '  return handler(job);',
    '}, { connection: { url: process.env.REDIS_URL }, concurrency: Number(process.env.WORKER_CONCURRENCY || 4) });',
    '',
    "process.on('SIGTERM', async () => {",
    '  await worker.close();',
    '  process.exit(0);',
    '});',
    '',
    'module.exports = { handlers };',
    '',
    ...extras.body.map((line) => line.replace(/^export (const|function) /, '$1 ')),
  );
  return finish(lines);
}

function esmScript(rng: SeededRandom, n: Names, extras: Extras): string {
  const lines = [
    '#!/usr/bin/env node',
    "import { parseArgs } from 'node:util';",
    "import pg from 'pg';",
    ...extras.imports,
    '',
    'const { values } = parseArgs({',
    '  options: {',
    "    'dry-run': { type: 'boolean', default: false },",
    `    batch: { type: 'string', default: '${rng.pick([100, 500, 1000])}' },`,
    '  },',
    '});',
    '',
    'const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });',
    '',
  ];
  const steps = rng.int(7, 13);
  for (let s = 0; s < steps; s++) {
    lines.push(
      `async function step${s}(client) {`,
      `  const { rows } = await client.query('SELECT id FROM ${n.plural} WHERE migrated_${s} IS NOT TRUE LIMIT $1', [Number(values.batch)]);`,
      `  if (values['dry-run']) {`,
      `    console.log(\`step ${s}: would migrate \${rows.length} ${n.plural}\`);`,
      '    return rows.length;',
      '  }',
      '  for (const row of rows) {',
      `    await client.query('UPDATE ${n.plural} SET migrated_${s} = TRUE WHERE id = $1', [row.id]);`,
      '  }',
      '  return rows.length;',
      '}',
      '',
    );
  }
  lines.push(
    'const client = await pool.connect();',
    'try {',
    `  for (const step of [${Array.from({ length: steps }, (_, s) => `step${s}`).join(', ')}]) {`,
    '    const count = await step(client);',
    '    console.log(`${step.name}: ${count}`);',
    '  }',
    '} finally {',
    '  client.release();',
    '  await pool.end();',
    '}',
    '',
    ...extras.body,
  );
  return finish(lines);
}

function testFile(rng: SeededRandom, n: Names, extras: Extras): string {
  const lines = [
    "import { describe, expect, it, beforeEach } from 'vitest';",
    `import { ${n.Entity}Service } from '../../src/services/${n.entity}.service.js';`,
    ...extras.imports,
    '',
    `describe('${n.Entity}Service', () => {`,
    `  let service: ${n.Entity}Service;`,
    '',
    '  beforeEach(() => {',
    `    service = new ${n.Entity}Service();`,
    '  });',
    '',
  ];
  const cases = rng.int(14, 23);
  for (let c = 0; c < cases; c++) {
    const [field, , fallback] = rng.pick(n.fields);
    lines.push(
      `  it('defaults ${field} when it is missing (case ${c})', async () => {`,
      `    const created = await service.create({});`,
      `    expect(created.${field}).toEqual(${fallback});`,
      '    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);',
      '    expect(created.createdAt.getTime()).toBeLessThanOrEqual(Date.now());',
      '  });',
      '',
    );
  }
  lines.push('});', '', ...extras.body);
  return finish(lines);
}

function packageJson(): string {
  const manifest = {
    name: 'synthetic-service',
    version: '1.0.0',
    private: true,
    type: 'module',
    engines: { node: '>=22' },
    scripts: { start: 'node dist/server.js', build: 'tsc -p tsconfig.json', test: 'vitest run' },
    dependencies: {
      bullmq: '^5.0.0',
      express: '^4.19.2',
      fastify: '^4.28.1',
      ioredis: '^5.4.1',
      pg: '^8.12.0',
      pino: '^9.3.2',
      react: '^18.3.1',
      zod: '^3.23.8',
    },
    devDependencies: { typescript: '^5.5.4', vitest: '^2.0.5', '@types/express': '^4.17.21', '@types/pg': '^8.11.6' },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function finish(lines: readonly string[]): string {
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function zodType(type: string): string {
  if (type === 'string[]') return 'z.array(z.string())';
  return `z.${type}()`;
}

function jsonSchemaType(type: string): string {
  return type === 'string[]' ? 'array' : type;
}

function plural(word: string): string {
  if (word.endsWith('y') && !/[aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (word.endsWith('s')) return `${word}es`;
  return `${word}s`;
}

function pascal(word: string): string {
  return word
    .split(/[-_]/)
    .map((part) => capitalise(part))
    .join('');
}

function camel(word: string): string {
  const parts = word.toLowerCase().split('_');
  return parts[0]! + parts.slice(1).map(capitalise).join('');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function snake(word: string): string {
  return word.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
