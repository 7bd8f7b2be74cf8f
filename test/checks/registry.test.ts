import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../checks/index.ts';

const FACTOR_SLUGS: Record<string, number> = {
  codebase: 1,
  dependencies: 2,
  config: 3,
  secrets: 3,
  'backing-services': 4,
  'build-release-run': 5,
  processes: 6,
  'port-binding': 7,
  concurrency: 8,
  disposability: 9,
  'dev-prod-parity': 10,
  logs: 11,
  'admin-processes': 12,
};

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

describe('rule registry', () => {
  it('has unique ids', () => {
    const ids = CHECKS.map((check) => check.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  for (const check of CHECKS) {
    describe(check.id, () => {
      const [slug] = check.id.split('/');

      it('lives at checks/<id>.ts or checks/<id>/index.ts, in the folder of its factor', () => {
        expect(check.id).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
        const asFile = existsSync(fileURLToPath(new URL(`../../checks/${check.id}.ts`, import.meta.url)));
        const asFolder = existsSync(fileURLToPath(new URL(`../../checks/${check.id}/index.ts`, import.meta.url)));
        expect(asFile !== asFolder).toBe(true);
        expect(check.meta.factor).toBe(FACTOR_SLUGS[slug!]);
      });

      it('has at most one detector per file kind', () => {
        const kinds = check.detectors.flatMap((detector): readonly string[] => (detector.kinds === 'all' ? ['*'] : detector.kinds));
        expect(check.detectors.length).toBeGreaterThan(0);
        expect(kinds.length).toBe(new Set(kinds).size);
      });

      it('documents itself: title, why, fix', () => {
        expect(check.meta.title.length).toBeGreaterThan(5);
        expect(check.meta.title).not.toMatch(/\.$/);
        expect(check.meta.description.length).toBeGreaterThan(40);
        expect(check.meta.fix.length).toBeGreaterThan(10);
      });

      it('names its factor in every message', () => {
        for (const message of Object.values(check.meta.messages)) {
          expect(message).toContain(`(${ROMAN[check.meta.factor]})`);
        }
      });

      it('only lets factor rules skip tests: secret rules include them', () => {
        expect(check.meta.includeTests === true).toBe(slug === 'secrets');
      });
    });
  }
});
