import { describe, expect, it } from 'vitest';
import { fileKindOf } from '../../src/engine/file-kind.ts';
import { MemoryRepository } from '../../src/engine/repository.ts';
import { review } from '../../src/engine/review.ts';

describe('shell scripts as a file kind', () => {
  it('knows scripts by extension, and extension-less files by a shell shebang', () => {
    expect(fileKindOf('bin/start.sh')).toBe('shell');
    expect(fileKindOf('scripts/run.bash')).toBe('shell');
    expect(fileKindOf('bin/docker-entrypoint', '#!/bin/bash -e\nexec "$@"\n')).toBe('shell');
    expect(fileKindOf('bin/web', '#!/usr/bin/env sh\nexec node server.js\n')).toBe('shell');
    expect(fileKindOf('bin/console', '#!/usr/bin/env ruby\nputs 1\n')).toBe('text');
    expect(fileKindOf('bin/web')).toBe('text');
    expect(fileKindOf('notes.txt', '#!/bin/sh\n')).toBe('text');
  });

  it('skips and names a script that does not parse, and still scans it for secrets', async () => {
    const key = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
    const files = {
      Dockerfile: 'FROM node:22.9.0\nCOPY start.sh /start.sh\nCMD ["sh", "/start.sh"]\n',
      'start.sh': `#!/bin/sh\nif [ -n "$X" ]; then\n  node scripts/migrate.js\nexport STRIPE_KEY=${key}\nnode dist/server.js\n`,
    };
    const report = await review({ files: Object.entries(files).map(([path, content]) => ({ path, content })), repo: new MemoryRepository(files) });
    expect(report.skipped).toEqual([expect.objectContaining({ path: 'start.sh', reason: 'unparsable', detail: expect.stringMatching(/^(?:syntax error|missing "[^"]+") at \d+:\d+$/) })]);
    expect(report.findings.filter((finding) => finding.path === 'start.sh').map((finding) => finding.ruleId)).toEqual(['secrets/stripe-key']);
  });
});
