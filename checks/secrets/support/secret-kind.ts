import type { Severity } from '../../../src/engine/finding.ts';

/** Every kind of secret a `secrets/<kind>` rule reports; the rule id is `secrets/` + kind. */
export type SecretKind =
  | '1password-token'
  | 'anthropic-api-key'
  | 'aws-access-key'
  | 'aws-account-id'
  | 'aws-secret-key'
  | 'azure-connection-string'
  | 'cloudflare-api-token'
  | 'connection-string-credentials'
  | 'databricks-token'
  | 'docker-hub-token'
  | 'figma-token'
  | 'gcp-service-account-key'
  | 'generic-password'
  | 'generic-secret'
  | 'github-token'
  | 'gitlab-token'
  | 'google-api-key'
  | 'grafana-token'
  | 'groq-api-key'
  | 'hashicorp-vault-token'
  | 'huggingface-token'
  | 'jwt'
  | 'linear-api-key'
  | 'notion-token'
  | 'npm-token'
  | 'openai-api-key'
  | 'private-key'
  | 'sendgrid-api-key'
  | 'shopify-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'stripe-key'
  | 'tailscale-key'
  | 'twilio-credentials'
  | 'vercel-token';

/** How sure a detection is: a vendor format beats a connection URL, which beats a keyword guess. */
export const PRIORITY = { generic: 0, url: 1, format: 2, container: 3 } as const;

/** A detection before allowlists and dedupe. `value` never leaves the scanner. */
export interface Candidate {
  kind: SecretKind;
  /** Character range of the secret value in the file. */
  start: number;
  end: number;
  value: string;
  /** The part placeholders are judged on: the value without its fixed vendor prefix. */
  body?: string;
  messageId?: string;
  data?: Readonly<Record<string, string>>;
  severity?: Severity;
  /** A checksum proves the token real: reported even where example values are expected. */
  verified?: boolean;
  /** Detections of a shape that is not a credential by itself (UUIDs, SHAs) are generic guesses. */
  generic?: boolean;
  priority: number;
}

/** A secret found in a file, masked: what the rules report. */
export interface SecretHit {
  kind: SecretKind;
  start: number;
  end: number;
  messageId: string;
  /** The data a message shows: `preview` (at most 4 leading characters, then `****`) and rule-specific labels. */
  data: Readonly<Record<string, string>>;
  severity?: Severity;
}

/**
 * At most the first 4 characters, and never more than a quarter of the secret, then `****`:
 * enough to tell which key it is, never enough to use it.
 */
export function maskSecret(value: string): string {
  return `${value.slice(0, Math.min(4, Math.floor(value.length / 4)))}****`;
}

/**
 * Factor rules a `secrets/<kind>` finding silences on its line: the secret's own finding stands,
 * one per line (RULES.md, `config/no-hardcoded-secret`). A recognised credential format also
 * wins over the Kubernetes rules that judge a credential by its name (RULES-kubernetes.md).
 */
export const SECRET_WINS_OVER: readonly string[] = ['config/no-hardcoded-secret', 'config/no-literal-secret-env', 'config/no-secret-in-configmap'];

/**
 * What the keyword layer's guesses (`secrets/generic-password`, `secrets/generic-secret`) win
 * over: those Kubernetes rules read the name and value structurally and win over them instead.
 */
export const KEYWORD_SECRET_WINS_OVER: readonly string[] = ['config/no-hardcoded-secret'];
