import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPOSITORY_FILES, selectRepositoryFiles } from '../../src/github/select-repository-files.ts';
import { loadShellGrammar } from '../../src/languages/shell/parse-shell.ts';

const PATHS = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'Dockerfile',
  'docker-compose.yml',
  'Procfile',
  'src/index.ts',
  'src/routes/users.ts',
  'src/app/main.ts',
  'packages/api/package.json',
  'packages/api/src/server.ts',
  'test/server.test.ts',
  'node_modules/express/package.json',
  'dist/index.js',
  'bin/cli.js',
  'lib/boot.js',
  'src/boot.ts',
  'workers/queue.js',
  'scripts/web.mjs',
];

beforeAll(async () => {
  await loadShellGrammar();
});

describe('selectRepositoryFiles', () => {
  it('selects manifests and conventional entry points, shallowest first, never tests, vendored or built files', () => {
    expect(selectRepositoryFiles(PATHS)).toEqual([
      'Dockerfile',
      'Procfile',
      'docker-compose.yml',
      'package.json',
      'tsconfig.json',
      'src/index.ts',
      'packages/api/package.json',
      'packages/api/src/server.ts',
    ]);
  });

  it('adds the scripts manifests start, mapping a built entry to its source', () => {
    const manifests = new Map([
      ['package.json', JSON.stringify({ main: 'dist/boot.js', bin: { cli: './bin/cli.js' }, scripts: { start: 'node workers/queue.js' } })],
      ['Procfile', 'web: node scripts/web.mjs\nworker: node workers/queue.js\n'],
      ['Dockerfile', 'FROM node:22\nCMD ["node", "lib/boot.js"]\n'],
    ]);
    const selected = selectRepositoryFiles(PATHS, manifests);
    expect(selected).toEqual(expect.arrayContaining(['src/boot.ts', 'bin/cli.js', 'workers/queue.js', 'scripts/web.mjs', 'lib/boot.js']));
    expect(selected).not.toContain('dist/index.js');
  });

  it('adds the shell scripts start commands run, and start-named scripts, so the process model can follow them', () => {
    const paths = ['Dockerfile', 'Procfile', 'heroku.yml', 'docker/docker-entrypoint.sh', 'scripts/migrate.sh', 'scripts/backup.sh', 'bin/web', 'bin/setup', 'README.md'];
    const manifests = new Map([
      ['Dockerfile', 'FROM python:3.12.5\nCOPY docker/docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\n'],
      ['Procfile', 'release: sh scripts/migrate.sh # runs once per release\nweb: bin/web\n'],
    ]);
    const selected = selectRepositoryFiles(paths, manifests);
    expect(selected).toEqual(expect.arrayContaining(['heroku.yml', 'docker/docker-entrypoint.sh', 'scripts/migrate.sh', 'bin/web']));
    expect(selected).not.toContain('scripts/backup.sh');
    expect(selected).not.toContain('bin/setup');
  });

  it('ignores entries outside the repository and unparsable manifests', () => {
    const manifests = new Map([
      ['package.json', '{ "main": "../elsewhere/index.js" '],
      ['packages/api/package.json', JSON.stringify({ main: '../../../outside.js' })],
    ]);
    expect(selectRepositoryFiles(PATHS, manifests)).toEqual(selectRepositoryFiles(PATHS));
  });

  it('selects kustomize and Skaffold files, which pin the images manifests deploy', () => {
    const paths = ['skaffold.yaml', 'k8s/base/kustomization.yaml', 'k8s/overlays/prod/kustomization.yml', 'k8s/base/deployment.yaml', 'test/k8s/kustomization.yaml'];
    expect(selectRepositoryFiles(paths)).toEqual(['skaffold.yaml', 'k8s/base/kustomization.yaml', 'k8s/overlays/prod/kustomization.yml']);
  });

  it('selects Python dependency manifests, never constraints or .in files', () => {
    const paths = ['pyproject.toml', 'poetry.lock', 'requirements.txt', 'requirements/dev.txt', 'requirements.in', 'constraints.txt', 'services/api/Pipfile', 'app/main.py'];
    expect(selectRepositoryFiles(paths)).toEqual(['pyproject.toml', 'requirements.txt', 'requirements/dev.txt', 'services/api/Pipfile']);
  });

  it(`keeps at most ${MAX_REPOSITORY_FILES} files`, () => {
    const many = Array.from({ length: MAX_REPOSITORY_FILES + 50 }, (_, index) => `services/s${index}/package.json`);
    const selected = selectRepositoryFiles(['package.json', ...many]);
    expect(selected).toHaveLength(MAX_REPOSITORY_FILES);
    expect(selected[0]).toBe('package.json');
  });
});
