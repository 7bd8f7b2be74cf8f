import { createRequire } from 'node:module';
import path from 'node:path/posix';
import { pathToFileURL } from 'node:url';
import { lintSource } from '@secretlint/core';
import { rules as presetRules } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig, SecretLintCoreResultMessage } from '@secretlint/types';
import type { Trigger } from './prefilter.ts';
import { PRIORITY, type Candidate, type SecretKind } from './secret-kind.ts';
import { decode, isCredential } from './url-credentials.ts';

/**
 * secretlint's core marks every rule of every file in the global performance timeline unless
 * its profiler is switched off: a library user pays that per file, and the marks are never
 * freed (about 62 per file: 2,000 scans leave 124,000 marks behind). The switch must reach the
 * profiler instance the core itself imports — npm may install a different version of
 * `@secretlint/profiler` beside the core — so it is resolved from the core's own location.
 */
async function switchOffProfiler(): Promise<void> {
  const corePath = createRequire(import.meta.url).resolve('@secretlint/core');
  const profilerPath = createRequire(corePath).resolve('@secretlint/profiler');
  const profiler = (await import(pathToFileURL(profilerPath).href)) as {
    secretLintProfiler: { setEnabled(enabled: boolean): void; readonly isEnabled: boolean };
  };
  profiler.secretLintProfiler.setEnabled(false);
  if (profiler.secretLintProfiler.isEnabled) throw new Error('could not switch off the secretlint profiler');
}

await switchOffProfiler();

interface PresetRule {
  rule: (typeof presetRules)[number];
  /** Prefilter markers any of which makes the rule worth running on a file. */
  triggers: readonly Trigger[];
  options?: Record<string, unknown>;
  /** Only for files with this extension. */
  extension?: string;
}

const RULE_TRIGGERS: Readonly<Record<string, readonly Trigger[]>> = {
  '@secretlint/secretlint-rule-aws': ['aws-id', 'account', 'secret'],
  '@secretlint/secretlint-rule-gcp': ['gcp-json'],
  '@secretlint/secretlint-rule-privatekey': ['private-key'],
  '@secretlint/secretlint-rule-npm': ['npm'],
  '@secretlint/secretlint-rule-basicauth': ['url'],
  '@secretlint/secretlint-rule-slack': ['slack'],
  '@secretlint/secretlint-rule-sendgrid': ['sendgrid'],
  '@secretlint/secretlint-rule-shopify': ['shopify'],
  '@secretlint/secretlint-rule-stripe': ['stripe'],
  '@secretlint/secretlint-rule-github': ['github'],
  '@secretlint/secretlint-rule-gitlab': ['gitlab'],
  '@secretlint/secretlint-rule-grafana': ['grafana'],
  '@secretlint/secretlint-rule-openai': ['sk-dash'],
  '@secretlint/secretlint-rule-anthropic': ['sk-dash'],
  '@secretlint/secretlint-rule-groq': ['groq'],
  '@secretlint/secretlint-rule-huggingface': ['huggingface'],
  '@secretlint/secretlint-rule-linear': ['linear'],
  '@secretlint/secretlint-rule-notion': ['notion'],
  '@secretlint/secretlint-rule-1password': ['1password'],
  '@secretlint/secretlint-rule-database-connection-string': ['url'],
  '@secretlint/secretlint-rule-hashicorp-vault': ['vault'],
  '@secretlint/secretlint-rule-vercel': ['vercel'],
  '@secretlint/secretlint-rule-databricks': ['databricks'],
  '@secretlint/secretlint-rule-docker': ['docker'],
  '@secretlint/secretlint-rule-figma': ['figma'],
  '@secretlint/secretlint-rule-cloudflare': ['cloudflare'],
  '@secretlint/secretlint-rule-tailscale': ['tailscale'],
};

/**
 * Rules of the preset we run. Left out: `filter-comments` (`secretlint-disable` comments take no
 * reason; our suppressions require one). The AWS rule scans access key ids too
 * (`enableIDScanRule`): without it the preset misses every `AKIA…` id of the corpus.
 */
const PRESET: readonly PresetRule[] = presetRules.flatMap((rule): PresetRule[] => {
  const triggers = RULE_TRIGGERS[rule.meta.id];
  if (!triggers) return [];
  const entry: PresetRule = { rule, triggers };
  if (rule.meta.id === '@secretlint/secretlint-rule-aws') entry.options = { enableIDScanRule: true };
  // The GCP rule reads `.p12` files from disk by path; it only ever runs on JSON text here.
  if (rule.meta.id === '@secretlint/secretlint-rule-gcp') entry.extension = '.json';
  return [entry];
});

/** Preset rule ids that have no trigger: must stay empty (a new preset rule needs a mapping). */
export const UNMAPPED_PRESET_RULES: readonly string[] = presetRules
  .map((rule) => rule.meta.id)
  .filter((id) => !(id in RULE_TRIGGERS) && id !== '@secretlint/secretlint-rule-filter-comments');

/** Which of our kinds each secretlint message id reports, and the message our rule uses. */
export const PRESET_MESSAGE_KINDS: Readonly<Record<string, { kind: SecretKind; messageId?: string }>> = {
  AWSAccessKeyID: { kind: 'aws-access-key' },
  AWSSecretAccessKey: { kind: 'aws-secret-key' },
  AWSAccountID: { kind: 'aws-account-id' },
  PrivateKeyJSON: { kind: 'gcp-service-account-key' },
  PrivateKeyP12: { kind: 'gcp-service-account-key' },
  PackageJSON_xOauthToken: { kind: 'github-token' },
  Npmrc_authToken: { kind: 'npm-token' },
  NPM_ACCESS_TOKEN: { kind: 'npm-token' },
  SLACK_TOKEN: { kind: 'slack-token' },
  IncomingWebhook: { kind: 'slack-webhook' },
  BasicAuth: { kind: 'connection-string-credentials' },
  MongoDBConnection: { kind: 'connection-string-credentials' },
  MySQLConnection: { kind: 'connection-string-credentials' },
  PostgreSQLConnection: { kind: 'connection-string-credentials' },
  OPENAI_TOKEN: { kind: 'openai-api-key' },
  ANTHROPIC_API_KEY: { kind: 'anthropic-api-key' },
  GROQ_API_KEY: { kind: 'groq-api-key' },
  HUGGINGFACE_USER_ACCESS_TOKEN: { kind: 'huggingface-token' },
  LINEAR_API_TOKEN: { kind: 'linear-api-key' },
  NOTION_INTEGRATION_TOKEN: { kind: 'notion-token' },
  PrivateKey: { kind: 'private-key' },
  SENDGRID_KEY: { kind: 'sendgrid-api-key' },
  SHOPIFY_KEY: { kind: 'shopify-token' },
  STRIPE_SECRET_KEY_LIVE: { kind: 'stripe-key', messageId: 'live' },
  STRIPE_RESTRICTED_KEY_LIVE: { kind: 'stripe-key', messageId: 'live' },
  STRIPE_SECRET_KEY_TEST: { kind: 'stripe-key', messageId: 'test' },
  STRIPE_RESTRICTED_KEY_TEST: { kind: 'stripe-key', messageId: 'test' },
  GITHUB_TOKEN: { kind: 'github-token' },
  GITLAB_PERSONAL_ACCESS_TOKEN: { kind: 'gitlab-token' },
  GRAFANA_CLOUD_API_TOKEN: { kind: 'grafana-token' },
  GRAFANA_SERVICE_ACCOUNT_TOKEN: { kind: 'grafana-token' },
  OPS_TOKEN: { kind: '1password-token' },
  HASHICORP_VAULT_SERVICE_TOKEN: { kind: 'hashicorp-vault-token' },
  HASHICORP_VAULT_BATCH_TOKEN: { kind: 'hashicorp-vault-token' },
  HASHICORP_VAULT_RECOVERY_TOKEN: { kind: 'hashicorp-vault-token' },
  VERCEL_PERSONAL_ACCESS_TOKEN: { kind: 'vercel-token' },
  VERCEL_INTEGRATION_TOKEN: { kind: 'vercel-token' },
  VERCEL_APP_ACCESS_TOKEN: { kind: 'vercel-token' },
  VERCEL_APP_REFRESH_TOKEN: { kind: 'vercel-token' },
  VERCEL_AI_GATEWAY_API_KEY: { kind: 'vercel-token' },
  DATABRICKS_PERSONAL_ACCESS_TOKEN: { kind: 'databricks-token' },
  DOCKER_PERSONAL_ACCESS_TOKEN: { kind: 'docker-hub-token' },
  FIGMA_PERSONAL_ACCESS_TOKEN: { kind: 'figma-token' },
  CLOUDFLARE_GLOBAL_API_KEY: { kind: 'cloudflare-api-token' },
  CLOUDFLARE_USER_API_TOKEN: { kind: 'cloudflare-api-token' },
  CLOUDFLARE_ACCOUNT_API_TOKEN: { kind: 'cloudflare-api-token' },
  TAILSCALE_API_KEY: { kind: 'tailscale-key' },
  TAILSCALE_AUTH_KEY: { kind: 'tailscale-key' },
  TAILSCALE_CLIENT_KEY: { kind: 'tailscale-key' },
  TAILSCALE_SCIM_KEY: { kind: 'tailscale-key' },
  TAILSCALE_WEBHOOK_KEY: { kind: 'tailscale-key' },
  TAILSCALE_KEY: { kind: 'tailscale-key' },
};

/** Every message id the preset's rules can report (for the mapping test). */
export function presetMessageIds(): string[] {
  return presetRules
    .filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments')
    .flatMap((rule) => Object.keys((rule as { messages?: object }).messages ?? {}));
}

const configs = new Map<string, SecretLintCoreConfig>();

/** The preset rules a file's markers call for, as a secretlint config (one per combination). */
function configFor(triggers: ReadonlySet<Trigger>, extension: string): SecretLintCoreConfig | undefined {
  const selected = PRESET.filter(
    (entry) => entry.triggers.some((trigger) => triggers.has(trigger)) && (entry.extension === undefined || entry.extension === extension),
  );
  if (selected.length === 0) return undefined;
  const key = selected.map((entry) => entry.rule.meta.id).join(',');
  let config = configs.get(key);
  if (!config) {
    config = {
      rules: selected.map((entry) => ({ id: entry.rule.meta.id, rule: entry.rule, options: entry.options ?? {} })),
    };
    configs.set(key, config);
  }
  return config;
}

/** Runs the preset rules `triggers` call for on `text`, in memory, and maps their messages to candidates. */
export async function presetCandidates(filePath: string, text: string, triggers: ReadonlySet<Trigger>): Promise<Candidate[]> {
  const extension = path.extname(filePath).toLowerCase();
  const config = configFor(triggers, extension);
  if (!config) return [];
  const result = await lintSource({
    source: { content: text, filePath, ext: extension, contentType: 'text' },
    options: { config, noPhysicFilePath: true },
  });
  return result.messages.flatMap((message) => toCandidate(message, text) ?? []);
}

function toCandidate(message: SecretLintCoreResultMessage, text: string): Candidate | undefined {
  const mapping = PRESET_MESSAGE_KINDS[message.messageId];
  if (!mapping) return undefined;
  const [from, to] = message.range;
  const located = locate(message, text, from, to);
  if (!located) return undefined;
  const candidate: Candidate = {
    kind: mapping.kind,
    start: located.start,
    end: located.start + located.value.length,
    value: located.value,
    priority: mapping.kind === 'gcp-service-account-key' ? PRIORITY.container : mapping.kind === 'connection-string-credentials' ? PRIORITY.url : PRIORITY.format,
  };
  if (mapping.messageId) candidate.messageId = mapping.messageId;
  if (mapping.messageId === 'test') candidate.severity = 'notice';
  if (located.data) candidate.data = located.data;
  return candidate;
}

interface Located {
  start: number;
  value: string;
  data?: Record<string, string>;
}

const URL_USERINFO = /^([a-z][a-z0-9+.:-]{1,30}):\/\/([^\s:@/]*):([^\s@/]+)@/i;
const GCP_PRIVATE_KEY = /"private_key"\s*:\s*"((?:[^"\\]|\\.)*)"/;

/**
 * The exact range of the secret value: some preset rules report the whole match (the URL, the
 * `aws_secret_access_key = …` assignment, the whole JSON file) rather than the secret itself.
 */
function locate(message: SecretLintCoreResultMessage, text: string, from: number, to: number): Located | undefined {
  const matched = text.slice(from, to);
  switch (message.messageId) {
    case 'PrivateKeyJSON': {
      const match = GCP_PRIVATE_KEY.exec(text);
      return match ? { start: match.index + match[0].length - match[1]!.length - 1, value: match[1]! } : undefined;
    }
    case 'PrivateKeyP12':
      return undefined;
    case 'AWSAccountID': {
      const digits = /\d{4}-?\d{4}-?\d{4}/.exec(matched);
      return digits ? { start: from + digits.index, value: digits[0] } : undefined;
    }
    case 'BasicAuth':
    case 'MongoDBConnection':
    case 'MySQLConnection':
    case 'PostgreSQLConnection': {
      const userinfo = URL_USERINFO.exec(matched);
      if (!userinfo) return undefined;
      const [whole, scheme, user, password] = userinfo as unknown as [string, string, string, string];
      const data = { scheme: scheme.replace(/^jdbc:/i, '').toLowerCase() };
      if (password.toLowerCase() === 'x-oauth-basic') {
        return isCredential(decode(user), '') ? { start: from + scheme.length + 3, value: user, data } : undefined;
      }
      if (!isCredential(decode(password), decode(user))) return undefined;
      return { start: from + whole.length - 1 - password.length, value: password, data };
    }
    case 'Npmrc_authToken': {
      const value = /^["']?([^"'\s]+)/.exec(messageValue(message) ?? '')?.[1];
      const start = value === undefined ? -1 : text.indexOf(value, from);
      return value !== undefined && start !== -1 ? { start, value } : undefined;
    }
    default: {
      const value = messageValue(message);
      if (value === undefined) return undefined;
      const start = text.indexOf(value, from);
      return start === -1 || start > to ? undefined : { start, value };
    }
  }
}

/** The secret a preset message carries in its data (`KEY`, `TOKEN`, `ID`, `URL`…). */
function messageValue(message: SecretLintCoreResultMessage): string | undefined {
  const data = (message.data ?? {}) as Record<string, unknown>;
  for (const field of ['KEY', 'TOKEN', 'ID', 'URL', 'URI', 'CREDENTIAL']) {
    const value = data[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}
