import { defineCheck, type CheckMeta } from '../../define-check.ts';
import packageJson from './package-json.ts';

const meta = {
  factor: 2,
  severity: 'warning',
  title: 'Dependencies without a lockfile',
  description:
    'Without a committed lockfile every install resolves the ranges of package.json afresh, so CI, colleagues and production each get whatever versions are newest that day. Dependencies must be declared and isolated exactly: without the lockfile a build cannot be reproduced, and a broken transitive release reaches production unreviewed. Workspace members are covered by the lockfile at the workspace root.',
  fix: 'Run your package manager once and commit the lockfile it writes (package-lock.json, yarn.lock, pnpm-lock.yaml or bun.lock); install with `npm ci` or `--frozen-lockfile`.',
  scope: 'repository',
  messages: {
    missing:
      'Dependencies (II): {{file}} declares dependencies but no lockfile pins them ({{where}}); commit the lockfile your package manager writes (package-lock.json, yarn.lock, pnpm-lock.yaml or bun.lock).',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'dependencies/lockfile-required',
  meta,
  detectors: [packageJson],
});
