import path from 'node:path/posix';

/**
 * True when `target`, a path written in the manifest at `manifestDir`, leaves the repository:
 * absolute and home paths always do, relative ones when they climb above the root.
 */
export function escapesRepository(manifestDir: string, target: string): boolean {
  const normalized = target.replace(/\\/g, '/');
  if (normalized.startsWith('/') || normalized.startsWith('~') || /^[A-Za-z]:\//.test(normalized)) return true;
  const resolved = path.normalize(path.join(manifestDir || '.', normalized));
  return resolved === '..' || resolved.startsWith('../');
}
