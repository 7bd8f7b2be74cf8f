import { privateKeys, privateKeyType } from './format-detectors.ts';
import type { Candidate } from './secret-kind.ts';
import { checksumMatches } from './token-checksum.ts';
import { looksRandom, shannonEntropy } from './value-shape.ts';

const SLACK_WEBHOOK_PATH = /\/services\/(T\w+)\/(B\w+)\/(\w+)/;

/**
 * Checks a detection against what real credentials of its kind look like, beyond the pattern
 * that found it. Marks checksum-proven tokens `verified`. False drops the detection.
 */
export function validateKind(candidate: Candidate, text: string): boolean {
  const { value } = candidate;
  switch (candidate.kind) {
    case 'aws-access-key':
      // A presigned S3 URL names its key id in the clear (`X-Amz-Credential=AKIA…`); its signature expires.
      return !/credential=$/i.test(text.slice(Math.max(0, candidate.start - 11), candidate.start));
    case 'github-token':
    case 'npm-token': {
      const checksum = checksumMatches(value);
      if (checksum === true) candidate.verified = true;
      // Legacy formats carry no checksum: 40-hex GitHub tokens, UUID npm tokens in `.npmrc`.
      return checksum ?? value.length >= 20;
    }
    case 'slack-token': {
      const segments = value.split('-').slice(1);
      const last = segments.at(-1) ?? '';
      return segments.some((segment) => /^\d{8,}$/.test(segment)) && last.length >= 16 && looksRandom(last);
    }
    case 'slack-webhook': {
      const path = SLACK_WEBHOOK_PATH.exec(value);
      if (!path) return false;
      const [, team, bot, secret] = path as unknown as [string, string, string, string];
      candidate.body = secret;
      return !/^[TB]0+$/.test(team) && !/^[TB]0+$/.test(bot) && secret.length >= 20 && looksRandom(secret);
    }
    case 'aws-secret-key':
      return !/^[0-9a-f]{40}$/.test(value) && looksRandom(value) && shannonEntropy(value) >= 3.5;
    case 'aws-account-id':
      return !/(\d)\1{5,}|0123456|123456789|987654321/.test(value.replace(/-/g, ''));
    case 'gcp-service-account-key':
      return privateKeys(value).length > 0;
    case 'private-key':
      candidate.data = { ...candidate.data, type: privateKeyType(value) };
      return true;
    case 'generic-password':
    case 'generic-secret':
      // A vendor token whose checksum fails is a placeholder, whatever the name it is assigned to.
      return checksumMatches(value) !== false;
    default:
      return true;
  }
}
