import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { maskHelmTemplate, type Span } from './mask-helm-template.ts';
import { keyText, pairsNamed, scalarText, valuesNamed } from './yaml-nodes.ts';

/** A Kubernetes object: a mapping with string `apiVersion` and `kind` at its top level. */
export interface ManifestObject {
  readonly apiVersion: string;
  readonly kind: string;
  /** `metadata.name`, when literal. */
  readonly name: string | undefined;
  readonly node: YAMLMap<Node, Node | null>;
  /** The `kind:` pair: where a finding about the object as a whole sits. */
  readonly kindPair: Pair<Node, Node | null>;
  /** `metadata.annotations`, by literal key. */
  readonly annotations: ReadonlyMap<string, Pair<Node, Node | null>>;
  /** The Helm (`helm.sh/hook`) or Argo CD (`argocd.argoproj.io/hook`) hook annotation's value. */
  readonly hook: string | undefined;
}

/** A YAML document of the file that does not parse: skipped, and named with where. */
export interface BrokenDocument {
  /** 1-based line in the file. */
  readonly line: number;
  readonly message: string;
}

/** One manifest file read render-free: its objects, and what its Helm actions hid. */
export interface Manifest {
  /** The file as written. */
  readonly text: string;
  readonly helmTemplate: boolean;
  /** The objects of every document that parses, `kind: List` items included; chart tests are not among them. */
  readonly objects: readonly ManifestObject[];
  readonly broken: readonly BrokenDocument[];
  /** True for a node that contained a template action: its value is unknown, never a literal. */
  isTemplated(node: unknown): boolean;
  /**
   * True when blanked template actions (an `include`, a `toYaml … | nindent`) come after `offset`
   * before any other content: whatever the key before them holds is written by the template.
   */
  hidesContentAfter(offset: number): boolean;
  /** True when blanked template actions start between the offsets. */
  hidesContentWithin(start: number, end: number): boolean;
  /** The 1-based line of an offset. */
  lineOf(offset: number): number;
}

export interface ParseManifestOptions {
  /** Read the text as a Helm template: actions masked, duplicate keys from both branches kept. */
  helmTemplate?: boolean;
}

const HOOK_ANNOTATIONS = ['helm.sh/hook', 'argocd.argoproj.io/hook'];
/** `helm.sh/hook: test` (and Helm 2's `test-success`/`test-failure`) marks a chart test. */
const CHART_TEST_HOOKS = new Set(['test', 'test-success', 'test-failure']);

/**
 * Reads a YAML or JSON file for Kubernetes objects (RULES-kubernetes.md, Reading): each
 * document on its own, `kind: List` items as objects, Helm templates masked first. Offsets of
 * every node are offsets of the original text. Nothing is rendered or run.
 */
export function parseManifest(text: string, options: ParseManifestOptions = {}): Manifest {
  const helmTemplate = options.helmTemplate === true;
  const masked = helmTemplate ? maskHelmTemplate(text) : { text, actions: [] as Span[], blanked: [] as Span[] };
  const isTemplated = (node: unknown): boolean => {
    const range = (node as { range?: readonly number[] } | null)?.range;
    return range !== undefined && overlapsAny(masked.actions, range[0]!, contentEnd(masked.text, range[0]!, range[1]!));
  };
  const objects: ManifestObject[] = [];
  const broken: BrokenDocument[] = [];
  const lineCounter = new LineCounter();
  if (mayHoldObjects(text)) {
    const documents = parseAllDocuments(masked.text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    for (const document of Array.isArray(documents) ? documents : []) {
      const error = document.errors[0];
      if (error) broken.push({ line: lineCounter.linePos(error.pos[0]).line, message: error.message.split('\n')[0]! });
      else objects.push(...objectsOf(document, isTemplated));
    }
  }
  return {
    text,
    helmTemplate,
    objects: objects.filter((object) => !isChartTest(object)),
    broken,
    isTemplated,
    hidesContentAfter: (offset) => hidesContentAfter(masked.text, masked.blanked, offset),
    hidesContentWithin: (start, end) => masked.blanked.some(([from]) => from >= start && from < end),
    lineOf: (offset) => lineCounter.linePos(offset).line,
  };
}

function isChartTest(object: ManifestObject): boolean {
  return object.hook !== undefined && object.hook.split(',').some((hook) => CHART_TEST_HOOKS.has(hook.trim()));
}

const API_VERSION_KEY = /(?:^|[\s{,])["']?apiVersion["']?[ \t]*:/;
const KIND_KEY = /(?:^|[\s{,])["']?kind["']?[ \t]*:/;

/**
 * Every object has both keys, in YAML or JSON: a file without them is not parsed at all, so
 * that other YAML and JSON (CI workflows, data files, OpenAPI descriptions) cost nothing.
 */
function mayHoldObjects(text: string): boolean {
  return text.includes('apiVersion') && API_VERSION_KEY.test(text) && KIND_KEY.test(text);
}

type TemplatedTest = (node: unknown) => boolean;

function objectsOf(document: Document.Parsed, isTemplated: TemplatedTest): ManifestObject[] {
  const object = toObject(document.contents, isTemplated);
  if (!object) return [];
  if (object.kind !== 'List') return [object];
  return valuesNamed(object.node, 'items').flatMap((items) => (isSeq(items) ? items.items.flatMap((item) => toObject(item, isTemplated) ?? []) : []));
}

function toObject(node: unknown, isTemplated: TemplatedTest): ManifestObject | undefined {
  if (!isMap(node)) return undefined;
  const map = node as YAMLMap<Node, Node | null>;
  const apiVersion = stringValue(map, 'apiVersion');
  const kindPair = pairsNamed(map, 'kind').find((pair) => isScalar(pair.value) && typeof pair.value.value === 'string');
  if (apiVersion === undefined || !kindPair) return undefined;
  const metadata = valuesNamed(map, 'metadata').find((value) => isMap(value));
  const annotations = new Map<string, Pair<Node, Node | null>>();
  for (const value of valuesNamed(metadata, 'annotations')) {
    if (!isMap(value)) continue;
    for (const pair of (value as YAMLMap<Node, Node | null>).items) {
      const key = keyText(pair);
      if (key !== undefined && !annotations.has(key)) annotations.set(key, pair);
    }
  }
  const hook = HOOK_ANNOTATIONS.map((name) => annotations.get(name)?.value)
    .filter((value) => !isTemplated(value))
    .map(scalarText)
    .find((value) => value !== undefined);
  const name = valuesNamed(metadata, 'name').find((value) => !isTemplated(value));
  return { apiVersion, kind: scalarText(kindPair.value)!, name: scalarText(name), node: map, kindPair, annotations, hook };
}

function stringValue(node: unknown, key: string): string | undefined {
  const value = valuesNamed(node, key).find((candidate) => isScalar(candidate) && typeof candidate.value === 'string');
  return scalarText(value);
}

/**
 * The end of a node's content without trailing white space: a block scalar's range runs over the
 * blank lines after it, which may be blanked actions that close an `if` around it.
 */
function contentEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/** True when a span of `spans` (sorted, disjoint) overlaps `[start, end)`. */
function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]![1] <= start) low = middle + 1;
    else high = middle;
  }
  return low < spans.length && spans[low]![0] < end;
}

function hidesContentAfter(text: string, blanked: readonly Span[], offset: number): boolean {
  if (blanked.length === 0) return false;
  // What follows a key: white space and its `:` indicator, then its value or the next entry.
  let next = offset;
  while (next < text.length && /[\s:]/.test(text[next]!)) next++;
  return blanked.some(([start]) => start >= offset && start < next);
}
