/** A container image reference split into its parts: `[registry/]repository[:tag][@digest]`. */
export interface ImageReference {
  registry: string | undefined;
  /** The path after the registry: `library/node`, `bitnami/postgresql`, `node`. */
  repository: string;
  /** The last path segment: `node`, `postgresql`. */
  name: string;
  tag: string | undefined;
  digest: string | undefined;
}

/**
 * Parses an image reference as Docker does: the first segment is a registry only when it has a
 * `.` or a `:` or is `localhost`, so `registry:5000/app` has no tag (5000 is the port).
 */
export function parseImageReference(reference: string): ImageReference {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon !== -1 && colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const name = rest.slice(rest.lastIndexOf('/') + 1);
  return { registry, repository: rest, name, tag: tag === '' ? undefined : tag, digest: digest === '' ? undefined : digest };
}

/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME-default}` the way Docker and
 * Compose do. `lookup` answers a variable's value, or undefined when it has none the file
 * knows of; the whole result is then undefined (the value is decided at build time).
 */
export function expandVariables(text: string, lookup: (name: string) => string | undefined): string | undefined {
  let unresolved = false;
  const expanded = text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_whole, braced: string | undefined, colon: string | undefined, operator: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare!;
      const value = lookup(name);
      const empty = value === undefined || (colon === ':' && value === '');
      if (operator === '-') return empty ? (word ?? '') : value!;
      if (operator === '+') return empty ? '' : (word ?? '');
      if (value === undefined) unresolved = true;
      return value ?? '';
    },
  );
  return unresolved ? undefined : expanded;
}
