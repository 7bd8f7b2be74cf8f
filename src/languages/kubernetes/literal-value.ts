import { isScalar } from 'yaml';
import type { Manifest } from './parse-manifest.ts';
import { scalarText, valuesNamed } from './yaml-nodes.ts';

/**
 * What a value in a manifest is (RULES-kubernetes.md, "Literal value"): only a `literal` is
 * committed as written. A templated value is unknown, a reference is filled in at deploy time,
 * a path names a mounted file, and `ENC[…]` is SOPS ciphertext.
 */
export type ValueKind = 'literal' | 'empty' | 'templated' | 'reference' | 'boolean' | 'path' | 'encrypted' | 'not-scalar';

export interface ManifestValue {
  readonly kind: ValueKind;
  /** The scalar's text ('' unless a scalar). */
  readonly text: string;
}

const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off']);
/** `$(VAR)` (Kubernetes' dependent variables) or `${VAR}` (envsubst, Flux post-build substitution). */
const REFERENCE = /\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[A-Za-z_][A-Za-z0-9_]*(?:[:?=+-][^}]*)?\}/;
const PATH = /^(?:\/|\.\.?\/|~\/)/;
/** A SOPS-encrypted value: `ENC[AES256_GCM,data:…,iv:…,tag:…,type:str]`. */
const SOPS_VALUE = /^ENC\[[A-Z0-9_]+,/;

/** Classifies a value node of `manifest`. */
export function manifestValue(node: unknown, manifest: Manifest): ManifestValue {
  if (node !== null && node !== undefined && !isScalar(node)) return { kind: 'not-scalar', text: '' };
  if (node && manifest.isTemplated(node)) return { kind: 'templated', text: String(node.value ?? '') };
  const value = node?.value;
  if (value === null || value === undefined || value === '') return { kind: 'empty', text: '' };
  if (typeof value === 'boolean') return { kind: 'boolean', text: String(value) };
  return classifyText(String(value));
}

/** Classifies a literal string that no template touched (a kustomize `literals` value). */
export function classifyText(text: string): ManifestValue {
  if (text === '') return { kind: 'empty', text };
  if (BOOLEAN_WORDS.has(text.toLowerCase())) return { kind: 'boolean', text };
  if (SOPS_VALUE.test(text)) return { kind: 'encrypted', text };
  if (REFERENCE.test(text)) return { kind: 'reference', text };
  if (PATH.test(text)) return { kind: 'path', text };
  return { kind: 'literal', text };
}

const PLACEHOLDER_WORDS = new Set(['changeme', 'change-me', 'change_me', 'replaceme', 'replace-me', 'replace_me', 'todo', 'tbd', 'placeholder', 'dummy']);

/** A literal that is plainly not a real value: `changeme`, `TODO`, `<your-token>`, `xxxx`, `****`. */
export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  return PLACEHOLDER_WORDS.has(trimmed.toLowerCase()) || /^<.*>$/s.test(trimmed) || /^x+$/i.test(trimmed) || /^\*+$/.test(trimmed);
}

/** The text of `key` in `node` when no template action wrote it; undefined otherwise. */
export function literalTextOf(manifest: Manifest, node: unknown, key: string): string | undefined {
  const value = valuesNamed(node, key).find((candidate) => isScalar(candidate));
  return value === undefined || manifest.isTemplated(value) ? undefined : scalarText(value);
}
