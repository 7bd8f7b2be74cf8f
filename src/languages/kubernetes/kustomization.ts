import path from 'node:path/posix';
import { isMap, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { joinPath } from './file-kinds.ts';
import { pairsNamed, rangeOf, scalarText, textOf, valuesNamed } from './yaml-nodes.ts';

/*
 * The three fields of a kustomize file the rules read (RULES-kubernetes.md, Kustomize):
 * `images`, `secretGenerator` and `configMapGenerator`. Resources and patches it lists are files
 * of the repository, read as objects in their own right; inline patches, JSON 6902 operations
 * and remote bases are not read.
 */

/** One entry of `secretGenerator` or `configMapGenerator`. */
export interface Generator {
  readonly node: YAMLMap<Node, Node | null>;
  readonly name: string | undefined;
  /** Where a finding about the entry sits: its `name:` pair, or the entry itself. */
  readonly range: readonly [number, number];
}

/** A `NAME=value` item of a generator's `literals`. */
export interface GeneratorLiteral {
  readonly name: string;
  readonly value: string;
  readonly range: readonly [number, number];
}

/** A kustomize `images` entry. */
export interface KustomizeImage {
  readonly name: string;
  readonly newTag: string | undefined;
  readonly digest: string | undefined;
  /** The `newTag:` pair, when there is one. */
  readonly newTagPair: Pair<Node, Node | null> | undefined;
}

/** The entries of a generator field of a kustomize file. */
export function generatorsOf(document: Document.Parsed, field: 'secretGenerator' | 'configMapGenerator'): Generator[] {
  return mapEntries(document.contents, field).map((node) => {
    const [namePair] = pairsNamed(node, 'name');
    const range = (namePair ? rangeOf(namePair.key) : undefined) ?? rangeOf(node)!;
    return { node, name: textOf(node, 'name'), range };
  });
}

/** The `NAME=value` items of a generator's `literals`. */
export function generatorLiterals(generator: Generator): GeneratorLiteral[] {
  const found: GeneratorLiteral[] = [];
  for (const literals of valuesNamed(generator.node, 'literals')) {
    if (!isSeq(literals)) continue;
    for (const item of literals.items) {
      const text = scalarText(item);
      const equals = text?.indexOf('=') ?? -1;
      if (text === undefined || equals <= 0) continue;
      found.push({ name: text.slice(0, equals).trim(), value: stripQuotes(text.slice(equals + 1).trim()), range: rangeOf(item)! });
    }
  }
  return found;
}

/**
 * The repository paths of the files a generator reads (`envs`, the older `env`, and `files`,
 * whose items may be `key=path`), resolved against the kustomize file's directory.
 */
export function generatorSourcePaths(generator: Generator, kustomizationPath: string): string[] {
  const directory = path.dirname(kustomizationPath);
  const written = [...valuesNamed(generator.node, 'envs'), ...valuesNamed(generator.node, 'files')].flatMap((value) =>
    isSeq(value) ? value.items.map(scalarText) : [],
  );
  written.push(...valuesNamed(generator.node, 'env').map(scalarText));
  return written
    .filter((item): item is string => item !== undefined && item !== '')
    .map((item) => item.slice(item.indexOf('=') + 1))
    .map((item) => path.normalize(joinPath(directory, item)));
}

/** The entries of a kustomize file's `images`. */
export function kustomizeImages(document: Document.Parsed): KustomizeImage[] {
  return mapEntries(document.contents, 'images').flatMap((node) => {
    const name = textOf(node, 'name');
    if (name === undefined) return [];
    const [newTagPair] = pairsNamed(node, 'newTag');
    return [{ name, newTag: textOf(node, 'newTag'), digest: textOf(node, 'digest'), newTagPair }];
  });
}

function mapEntries(root: unknown, field: string): YAMLMap<Node, Node | null>[] {
  if (!isMap(root)) return [];
  return valuesNamed(root, field).flatMap((value) =>
    isSeq(value) ? value.items.filter((item): item is YAMLMap<Node, Node | null> => isMap(item)) : [],
  );
}

function stripQuotes(value: string): string {
  return /^(["']).*\1$/s.test(value) ? value.slice(1, -1) : value;
}

