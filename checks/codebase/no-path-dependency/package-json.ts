import { defineDetector } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { directoryOf } from '../../../src/engine/repository.ts';
import { dependencyEntries } from '../../support/package-dependencies.ts';
import { escapesRepository } from './outside-repository.ts';

/** Protocols whose target is a directory or tarball on the file system. */
const PATH_PROTOCOLS = ['file:', 'link:', 'portal:'];

export default defineDetector<MessageId>({
  kinds: ['package-json'],
  needs: 'yaml',
  detect(context) {
    const entries = dependencyEntries(context, ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']);
    const packageDir = directoryOf(context.path);
    for (const entry of entries) {
      if (entry.spec === undefined) continue;
      const target = localTarget(entry.spec);
      if (target === undefined || !escapesRepository(packageDir, target)) continue;
      context.report({ range: entry.range, messageId: 'outside', data: { name: entry.name, spec: entry.spec } });
    }
  },
});

/** The path a `file:`/`link:`/`portal:` or bare-path specifier points to; undefined for other specs. */
function localTarget(spec: string): string | undefined {
  const trimmed = spec.trim();
  const protocol = PATH_PROTOCOLS.find((candidate) => trimmed.startsWith(candidate));
  let target: string;
  if (protocol) target = trimmed.slice(protocol.length).replace(/^\/\/(?=\/)/, '');
  else if (/^(?:\.{1,2}\/|\/|~\/)/.test(trimmed) || /^\.{1,2}$/.test(trimmed)) target = trimmed;
  else return undefined;
  return target.replace(/\\/g, '/').replace(/[#?].*$/, '');
}
