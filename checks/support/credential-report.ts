import { isPlaceholder } from '../../src/languages/kubernetes/literal-value.ts';

/**
 * How a committed literal credential is reported (RULES-kubernetes.md III): as the rule's error,
 * or as a notice when the value is plainly a placeholder (`changeme`, `<your-token>`).
 */
export function credentialReport<M extends string>(value: string, messageIds: { clear: M; placeholder: M }): { messageId: M; severity?: 'notice' } {
  return isPlaceholder(value) ? { messageId: messageIds.placeholder, severity: 'notice' } : { messageId: messageIds.clear };
}
