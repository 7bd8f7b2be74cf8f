import path from 'node:path/posix';
import { defineCheck } from '../define-check.ts';
import { directoryOf } from '../support/command-trace.ts';
import { dependencyEntries } from '../support/package-dependencies.ts';

/** Protocols whose target is a directory or tarball on the file system. */
const PATH_PROTOCOLS = ['file:', 'link:', 'portal:'];

export default defineCheck({
  id: 'codebase/no-path-dependency',
  meta: {
    factor: 1,
    severity: 'warning',
    title: 'Dependency on code outside the repository',
    description:
      'One codebase per app: code shared between apps belongs in a versioned package they depend on. A `file:` or `link:` dependency pointing outside the repository builds only on a machine where that other checkout happens to sit at the same relative path, in whatever state it is in — CI, colleagues and the build server get a different app or none.',
    fix: 'Publish the shared code as a versioned package (a private registry works) and depend on a version, or move it into this repository as a workspace package.',
    kinds: ['package-json'],
    needs: 'yaml',
    messages: {
      outside:
        'Codebase (I): dependency "{{name}}" points outside the repository ({{spec}}); publish the shared code as a versioned package or move it into this repository as a workspace package.',
    },
  },
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

/** True when `target`, relative to the package's directory, leaves the repository root. */
function escapesRepository(packageDir: string, target: string): boolean {
  if (target.startsWith('/') || target.startsWith('~') || /^[A-Za-z]:\//.test(target)) return true;
  const resolved = path.normalize(path.join(packageDir || '.', target));
  return resolved === '..' || resolved.startsWith('../');
}
