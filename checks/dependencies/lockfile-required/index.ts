import { defineCheck, type CheckMeta } from '../../define-check.ts';
import packageJson from './package-json.ts';
import pipfile from './pipfile.ts';
import pyproject from './pyproject.ts';

const meta = {
  factor: 2,
  severity: 'warning',
  title: 'Dependencies without a lockfile',
  description:
    'Without a committed lockfile every install resolves the ranges of the manifest (package.json, pyproject.toml, Pipfile) afresh, so CI, colleagues and production each get whatever versions are newest that day. Dependencies must be declared and isolated exactly: without the lockfile a build cannot be reproduced, and a broken transitive release reaches production unreviewed. Workspace members are covered by the lockfile at the workspace root.',
  fix: 'Run your package manager once and commit the lockfile it writes (package-lock.json, yarn.lock, pnpm-lock.yaml, bun.lock; poetry.lock, uv.lock, pdm.lock, Pipfile.lock); install from it (`npm ci`, `--frozen-lockfile`, `uv sync --locked`, `poetry install`, `pipenv sync`).',
  scope: 'repository',
  messages: {
    missing:
      'Dependencies (II): {{file}} declares dependencies but no lockfile pins them ({{where}}); commit the lockfile your package manager writes ({{lockfiles}}).',
  },
} satisfies CheckMeta;

export type MessageId = keyof typeof meta.messages;

export default defineCheck<MessageId>({
  id: 'dependencies/lockfile-required',
  meta,
  detectors: [packageJson, pyproject, pipfile],
});
