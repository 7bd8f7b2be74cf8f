import { createRequire } from 'node:module';
import AjvDraft04, { type ValidateFunction } from 'ajv-draft-04';

/**
 * Validates requests sent to GitHub against GitHub's published OpenAPI description
 * (@octokit/openapi, api.github.com): the method and path must name an operation, every query
 * parameter must be one it declares, and a JSON body must match its request-body schema, with
 * `$ref`s resolved and objects closed (`additionalProperties: false` wherever a schema lists
 * its properties), so that a misspelt field fails as surely as a 51-annotation batch. GraphQL
 * requests must be `POST /graphql` with a `query` string.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  specificity: number;
  query: Set<string>;
  bodySchema?: Schema;
  validate?: ValidateFunction;
}

const require = createRequire(import.meta.url);
const API = require('@octokit/openapi/generated/api.github.com.json') as Schema;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

// A CommonJS module: NodeNext types see the module object, whose `default` is the class (so is the module itself).
const Ajv = AjvDraft04.default;
const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false });
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/);
ajv.addFormat('uri', /^[a-z][\w+.-]*:\S*$/i);
ajv.addFormat('email', /^\S+@\S+$/);

const operations: Operation[] = indexOperations();

/** Problems with one request, as sentences; empty when GitHub's description accepts it. */
export function validateGitHubRequest(request: { method: string; url: string; body?: string | undefined }): string[] {
  const method = request.method.toUpperCase();
  const url = new URL(request.url);
  // GitHub Enterprise Server serves the REST API under /api/v3 and GraphQL under /api/graphql.
  const pathname = url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api\/graphql$/, '/graphql');
  const label = `${method} ${pathname}`;
  if (pathname === '/graphql') return validateGraphql(label, method, request.body);
  const operation = operations
    .filter((candidate) => candidate.method === method && candidate.pattern.test(pathname))
    .sort((a, b) => b.specificity - a.specificity)[0];
  if (!operation) return [`${label}: no such operation in GitHub's REST API description`];
  const problems: string[] = [];
  for (const key of url.searchParams.keys()) {
    if (!operation.query.has(key)) problems.push(`${label}: unknown query parameter "${key}" for ${operation.template}`);
  }
  const hasBody = request.body !== undefined && request.body !== '';
  if (!operation.bodySchema) {
    if (hasBody && method !== 'GET') problems.push(`${label}: ${operation.template} takes no JSON body`);
    return problems;
  }
  if (!hasBody) return problems;
  let body: unknown;
  try {
    body = JSON.parse(request.body!);
  } catch {
    return [...problems, `${label}: body is not JSON`];
  }
  const validate = (operation.validate ??= ajv.compile(operation.bodySchema));
  if (!validate(body)) {
    for (const error of validate.errors ?? []) {
      const extra = 'additionalProperty' in error.params ? ` "${String(error.params.additionalProperty)}"` : '';
      problems.push(`${label}: body${error.instancePath || ''} ${error.message ?? 'is invalid'}${extra}`);
    }
  }
  return problems;
}

/**
 * A fetch that validates every request before passing it on (to nock, in tests) and records
 * the problems it finds.
 */
export function validatingFetch(problems: string[], fetchImpl: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = request ? request.url : String(input);
    const method = init?.method ?? request?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? init.body : undefined;
    problems.push(...validateGitHubRequest({ method, url, body }));
    return fetchImpl(input, init);
  };
}

/** One request as a test sees it. */
export interface RecordedRequest {
  method: string;
  /** Path on the API host, without GitHub Enterprise Server's /api/v3 prefix. */
  path: string;
  query: Record<string, string>;
  /** The JSON body, parsed. */
  body: any;
  /** The status GitHub (nock) answered with. */
  status?: number;
}

/** A validating fetch (see validatingFetch) that also records each request and its answer's status. */
export function recordingFetch(requests: RecordedRequest[], problems: string[]): typeof fetch {
  const validated = validatingFetch(problems);
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const text = typeof init?.body === 'string' ? init.body : undefined;
    const recorded: RecordedRequest = {
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.pathname.replace(/^\/api\/v3(?=\/)/, ''),
      query: Object.fromEntries(url.searchParams),
      body: text ? JSON.parse(text) : undefined,
    };
    requests.push(recorded);
    const response = await validated(input, init);
    recorded.status = response.status;
    return response;
  };
}

function validateGraphql(label: string, method: string, body: string | undefined): string[] {
  if (method !== 'POST') return [`${label}: GraphQL takes POST`];
  try {
    const parsed = JSON.parse(body ?? '') as Record<string, unknown>;
    const unknown = Object.keys(parsed).filter((key) => !['query', 'variables', 'operationName'].includes(key));
    if (typeof parsed.query !== 'string' || parsed.query.trim() === '') return [`${label}: body has no "query" string`];
    if (unknown.length > 0) return [`${label}: unknown GraphQL body fields ${unknown.join(', ')}`];
    if (!balanced(parsed.query)) return [`${label}: unbalanced braces in the query`];
    return [];
  } catch {
    return [`${label}: body is not JSON`];
  }
}

function balanced(query: string): boolean {
  let depth = 0;
  for (const character of query.replace(/"(?:[^"\\]|\\.)*"/g, '')) {
    if (character === '{') depth++;
    if (character === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

function indexOperations(): Operation[] {
  const indexed: Operation[] = [];
  for (const [template, pathItem] of Object.entries(API.paths as Record<string, Schema>)) {
    const shared = (pathItem.parameters as Json[] | undefined) ?? [];
    for (const method of METHODS) {
      const operation = pathItem[method] as Schema | undefined;
      if (!operation) continue;
      const parameters = [...shared, ...((operation.parameters as Json[] | undefined) ?? [])].map((parameter) => deref(parameter) as Schema);
      const content = (deref(operation.requestBody ?? null) as Schema | null)?.content as Schema | undefined;
      const jsonSchema = (content?.['application/json'] as Schema | undefined)?.schema;
      indexed.push({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        specificity: template.replace(/\{[^}]+\}/g, '').length,
        query: new Set(parameters.filter((parameter) => parameter.in === 'query').map((parameter) => String(parameter.name))),
        ...(jsonSchema !== undefined && { bodySchema: close(deref(jsonSchema, new Set(), true)) as Schema }),
      });
    }
  }
  return indexed;
}

/** Resolves `$ref`s (document-local JSON pointers); with `deep`, throughout the tree. A cycle becomes `{}`. */
function deref(node: Json, resolving = new Set<string>(), deep = false): Json {
  if (Array.isArray(node)) return deep ? node.map((item) => deref(item, resolving, deep)) : node;
  if (node === null || typeof node !== 'object') return node;
  const ref = node.$ref;
  if (typeof ref === 'string') {
    if (resolving.has(ref)) return {};
    const target = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<Json>((value, key) => (value as Schema)[key]!, API);
    return deref(target, new Set([...resolving, ref]), deep);
  }
  if (!deep) return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, deref(value, resolving, deep)]));
}

/** Closes every object schema that lists its properties, except the parts of an `allOf`. */
function close(node: Json, inAllOf = false): Json {
  if (Array.isArray(node)) return node.map((item) => close(item));
  if (node === null || typeof node !== 'object') return node;
  const closed: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'allOf' && Array.isArray(value)) closed[key] = value.map((part) => close(part, true));
    else if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      closed[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, close(schema)]));
    } else closed[key] = close(value);
  }
  if (!inAllOf && closed.properties !== undefined && closed.additionalProperties === undefined) closed.additionalProperties = false;
  return closed;
}
