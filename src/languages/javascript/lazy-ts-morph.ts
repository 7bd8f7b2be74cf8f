import type * as TsMorph from 'ts-morph';

/*
 * ts-morph's runtime values, bound once `loadTsMorph()` has run. Loading ts-morph means loading
 * the whole TypeScript compiler (about a third of a second at start-up); a review whose rules
 * read only text (secret scanning alone) never pays it. Rules and engine import these bindings
 * instead of 'ts-morph' itself; types still come from 'ts-morph' with `import type`.
 */

export let Node: typeof TsMorph.Node;
export type Node<T extends TsMorph.ts.Node = TsMorph.ts.Node> = TsMorph.Node<T>;
export let SyntaxKind: typeof TsMorph.SyntaxKind;
export type SyntaxKind = TsMorph.SyntaxKind;
export let Project: typeof TsMorph.Project;
export type Project = TsMorph.Project;
/** The TypeScript compiler API bundled with ts-morph (`ts` there; types: `import type { ts }`). */
export let typescript: typeof TsMorph.ts;

let loading: Promise<void> | undefined;

/** Loads ts-morph once; every later call resolves at once. */
export function loadTsMorph(): Promise<void> {
  loading ??= import('ts-morph').then((tsMorph) => {
    Node = tsMorph.Node;
    SyntaxKind = tsMorph.SyntaxKind;
    Project = tsMorph.Project;
    typescript = tsMorph.ts;
  });
  return loading;
}
