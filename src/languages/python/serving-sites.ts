import type { Node } from 'web-tree-sitter';
import { constructedBy } from './constructed-by.ts';
import type { PythonModule } from './module.ts';
import { nodesOfType } from './module.ts';
import { booleanValue, calleeName, dottedName, enclosingFunction, keywordArgument, lastPart } from './syntax.ts';

/**
 * Where a module starts serving or consuming for good:
 * - `server`, `consumer`: loops that do not drain on SIGTERM by themselves (`serve_forever()`,
 *   pika `start_consuming()`, `for msg in consumer:`, SQS `receive_message` / redis `blpop` polling);
 * - `flask-run`: Flask's `app.run()` (werkzeug's development server does not drain either);
 * - `clock`: APScheduler's `BlockingScheduler.start()`;
 * - `self-draining`: servers and workers that handle SIGTERM themselves (`uvicorn.run`, aiohttp
 *   `run_app`, RQ `Worker.work()`, Celery `worker_main`).
 */
export interface ServingSite {
  /** The call, or the loop's header (`while True:`, `for msg in consumer:`). */
  range: readonly [number, number];
  node: Node;
  kind: 'server' | 'consumer' | 'flask-run' | 'clock' | 'self-draining';
  /** For messages: "`serve_forever()` server", "pika consumer"… */
  label: string;
}

const FLASK_CLASSES = new Set(['flask.Flask', 'quart.Quart']);
const FLASK_APP_NAMES = new Set(['app', 'application']);
const POLLING_CALLS: Readonly<Record<string, string>> = {
  receive_message: 'SQS polling loop',
  blpop: 'Redis polling loop',
  brpop: 'Redis polling loop',
  brpoplpush: 'Redis polling loop',
  blmove: 'Redis polling loop',
};

/** Every serving or consuming site of a module, in source order. */
export function servingSites(module: PythonModule): ServingSite[] {
  const sites: ServingSite[] = [];
  for (const call of module.calls) {
    const site = callSite(module, call);
    if (site) sites.push(site);
  }
  for (const loop of nodesOfType(module, ['for_statement', 'while_statement'])) {
    const site = loop && loopSite(module, loop);
    if (site) sites.push(site);
  }
  return sites.sort((a, b) => a.range[0] - b.range[0]);
}

function callSite(module: PythonModule, call: Node): ServingSite | undefined {
  const callee = calleeName(module, call);
  if (callee === undefined) return undefined;
  const range = [call.startIndex, call.endIndex] as const;
  if (callee === 'uvicorn.run' || callee === 'celery.Celery.worker_main') return { range, node: call, kind: 'self-draining', label: callee };
  if (callee === 'aiohttp.web.run_app') {
    const drains = booleanValue(keywordArgument(call, 'handle_signals')) !== false;
    return { range, node: call, kind: drains ? 'self-draining' : 'server', label: 'aiohttp server (`run_app(handle_signals=False)`)' };
  }
  if (!callee.includes('.')) return undefined;
  const method = lastPart(callee)!;
  const receiver = call.childForFieldName('function')!.childForFieldName('object');
  if (method === 'serve_forever') return { range, node: call, kind: 'server', label: '`serve_forever()` server' };
  if (method === 'start_consuming') return { range, node: call, kind: 'consumer', label: 'pika consumer (`start_consuming()`)' };
  if (method === 'worker_main') return { range, node: call, kind: 'self-draining', label: 'Celery worker' };
  if (method === 'work' && constructedBy(module, receiver)?.endsWith('Worker') === true) return { range, node: call, kind: 'self-draining', label: 'RQ worker' };
  if (method === 'start' && constructedBy(module, receiver) === 'apscheduler.schedulers.blocking.BlockingScheduler') {
    return { range, node: call, kind: 'clock', label: '`BlockingScheduler`' };
  }
  if (method === 'run' && isFlaskApp(module, receiver)) return { range, node: call, kind: 'flask-run', label: 'Flask development server (`app.run()`)' };
  return undefined;
}

function loopSite(module: PythonModule, loop: Node): ServingSite | undefined {
  if (loop.type === 'for_statement') {
    const iterable = loop.childForFieldName('right');
    if (!iterable || !isKafkaConsumer(module, iterable)) return undefined;
    return { range: [loop.startIndex, iterable.endIndex], node: loop, kind: 'consumer', label: 'Kafka consumer loop' };
  }
  const condition = loop.childForFieldName('condition');
  const body = loop.childForFieldName('body');
  if (!condition || !body) return undefined;
  for (const call of body.descendantsOfType('call')) {
    if (!call || enclosingFunction(call)?.id !== enclosingFunction(loop)?.id) continue;
    const callee = dottedName(call.childForFieldName('function'));
    const label = callee?.includes('.') ? POLLING_CALLS[lastPart(callee)!] : undefined;
    if (label) return { range: [loop.startIndex, condition.endIndex], node: loop, kind: 'consumer', label };
  }
  return undefined;
}

/** `consumer`, `self.consumer`, or a name bound to `KafkaConsumer(…)`. */
function isKafkaConsumer(module: PythonModule, iterable: Node): boolean {
  if (constructedBy(module, iterable)?.endsWith('KafkaConsumer') === true) return true;
  const name = dottedName(iterable);
  return name !== undefined && /(?:^|[._])consumer$/i.test(name);
}

/** `app` bound to `Flask(__name__)` or a factory's result, or an `app`/`application` imported or in a Flask module. */
function isFlaskApp(module: PythonModule, receiver: Node | null): boolean {
  if (receiver?.type !== 'identifier') return false;
  const constructor = constructedBy(module, receiver);
  if (constructor !== undefined) return FLASK_CLASSES.has(constructor) || constructor.endsWith('create_app');
  const importsFlask = [...module.imports.values()].some((name) => name === 'flask' || name.startsWith('flask.'));
  return FLASK_APP_NAMES.has(receiver.text) && (importsFlask || module.imports.has(receiver.text));
}
