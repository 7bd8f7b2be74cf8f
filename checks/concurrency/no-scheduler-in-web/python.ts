import type { Node } from 'web-tree-sitter';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import { functionNamed } from '../../../src/languages/python/function-named.ts';
import { isStartUpCode, isWebModule } from '../../../src/languages/python/is-start-up-code.ts';
import { pythonModule, type PythonModule } from '../../../src/languages/python/module.ts';
import { constructedBy } from '../../../src/languages/python/constructed-by.ts';
import {
  argument,
  calleeName,
  dottedName,
  enclosingFunction,
  integerValue,
  keywordArgument,
  lastPart,
  positionalArguments,
  resolveValue,
  stringValue,
} from '../../../src/languages/python/syntax.ts';
import type { MessageId } from './index.ts';

/** Schedulers that run their jobs in a thread or the event loop of the process that starts them. */
const IN_PROCESS_SCHEDULERS = new Set([
  'apscheduler.schedulers.background.BackgroundScheduler',
  'apscheduler.schedulers.asyncio.AsyncIOScheduler',
  'apscheduler.schedulers.gevent.GeventScheduler',
  'apscheduler.schedulers.tornado.TornadoScheduler',
  'flask_apscheduler.APScheduler',
]);
/** Shorter periods are heartbeats and metrics flushes, not jobs (RULES.md). */
const MIN_PERIOD_SECONDS = 60;
const INTERVAL_UNITS: Readonly<Record<string, number>> = { weeks: 604_800, days: 86_400, hours: 3_600, minutes: 60, seconds: 1 };
const SCHEDULE_UNITS: Readonly<Record<string, number>> = {
  second: 1, seconds: 1, minute: 60, minutes: 60, hour: 3_600, hours: 3_600, day: 86_400, days: 86_400, week: 604_800, weeks: 604_800,
  monday: 604_800, tuesday: 604_800, wednesday: 604_800, thursday: 604_800, friday: 604_800, saturday: 604_800, sunday: 604_800,
};
const TASK_STARTERS = new Set(['asyncio.create_task', 'asyncio.ensure_future']);
const PREFILTER = ['scheduler', 'Scheduler', 'schedule', 'sleep', 'Timer'];

/** How often a job runs: `once`, every so many seconds, or `unknown` (taken as a recurring job). */
type Period = 'once' | number | 'unknown';

export default defineDetector<MessageId>({
  kinds: ['python'],
  needs: 'tree-sitter',
  detect(context) {
    if (!PREFILTER.some((word) => context.text.includes(word))) return;
    const module = pythonModule(context);
    const polled = module.calls.some((call) => calleeName(module, call) === 'schedule.run_pending');
    for (const call of module.calls) {
      const callee = calleeName(module, call);
      const receiver = call.childForFieldName('function')?.childForFieldName('object') ?? undefined;
      if (lastPart(callee) === 'start' && receiver && isInProcessScheduler(context, constructedBy(module, receiver))) {
        if (runsRecurringJobs(module, receiver.text) && isStartUpCode(context, call)) {
          context.report({ range: [call.startIndex, call.endIndex], messageId: 'schedulerPython', data: { scheduler: `${lastPart(constructedBy(module, receiver))}` } });
        }
      } else if (callee === 'schedule.every' && polled && isLong(schedulePeriod(call)) && isStartUpCode(context, call)) {
        context.report({ range: [call.startIndex, call.endIndex], messageId: 'schedulerPython', data: { scheduler: '`schedule`' } });
      } else if (isTaskStart(module, callee, receiver)) {
        reportSleepLoop(context, module, call);
      } else if (callee === 'threading.Timer') {
        reportTimerChain(context, module, call);
      }
    }
  },
});

/**
 * An APScheduler class by its qualified name, or by its bare name where the import sits inside a
 * function (Django's `AppConfig.ready()` imports there), which the module's imports do not list.
 */
function isInProcessScheduler(context: CheckContext, constructor: string | undefined): boolean {
  if (constructor === undefined) return false;
  if (IN_PROCESS_SCHEDULERS.has(constructor)) return true;
  return !constructor.includes('.') && context.text.includes('apscheduler') && [...IN_PROCESS_SCHEDULERS].some((name) => name.endsWith(`.${constructor}`));
}

function isLong(period: Period): boolean {
  return period === 'unknown' || (typeof period === 'number' && period >= MIN_PERIOD_SECONDS);
}

/** Some job of the scheduler recurs at least every minute, or its jobs are added elsewhere. */
function runsRecurringJobs(module: PythonModule, scheduler: string): boolean {
  const jobs = module.calls.filter((call) => {
    const callee = call.childForFieldName('function');
    const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    return callee?.childForFieldName('object')?.text === scheduler && (method === 'add_job' || method === 'scheduled_job' || method === 'task');
  });
  return jobs.length === 0 || jobs.some((job) => isLong(jobPeriod(module, job)));
}

/** `add_job(f, "interval", minutes=5)`, `@scheduled_job("cron", hour=3)`, `add_job(f, IntervalTrigger(seconds=30))`. */
function jobPeriod(module: PythonModule, job: Node): Period {
  const decorator = lastPart(dottedName(job.childForFieldName('function'))) !== 'add_job';
  const trigger = argument(job, decorator ? 0 : 1, 'trigger');
  if (!trigger) return 'once';
  const value = resolveValue(module, trigger);
  const kind = stringValue(value);
  if (kind === 'date') return 'once';
  if (kind === 'interval') return intervalSeconds(module, job);
  if (kind === 'cron') return cronPeriod(job);
  if (value.type !== 'call') return 'unknown';
  const triggerClass = lastPart(calleeName(module, value));
  if (triggerClass === 'IntervalTrigger') return intervalSeconds(module, value);
  if (triggerClass === 'CronTrigger') return cronPeriod(value);
  if (triggerClass === 'DateTrigger') return 'once';
  return 'unknown';
}

/** The interval's length from its `weeks=`…`seconds=` keywords (APScheduler's default is one second). */
function intervalSeconds(module: PythonModule, call: Node): Period {
  let total = 0;
  for (const [unit, seconds] of Object.entries(INTERVAL_UNITS)) {
    const given = keywordArgument(call, unit);
    if (!given) continue;
    const amount = numberValue(resolveValue(module, given));
    if (amount === undefined) return 'unknown';
    total += amount * seconds;
  }
  return Math.max(total, 1);
}

/** Cron fires at most once a minute, unless `second=` asks for more (every ten seconds, say). */
function cronPeriod(call: Node): Period {
  const second = keywordArgument(call, 'second');
  if (!second) return MIN_PERIOD_SECONDS;
  return integerValue(second) !== undefined || /^\d+$/.test(stringValue(second) ?? '') ? MIN_PERIOD_SECONDS : 1;
}

/** `schedule.every(10).minutes` → 600; `schedule.every().day.at("03:00")` → a day. */
function schedulePeriod(every: Node): Period {
  const [count] = positionalArguments(every);
  const amount = count ? numberValue(count) : 1;
  const parent = every.parent;
  const unit = parent?.type === 'attribute' && parent.childForFieldName('object')?.id === every.id ? parent.childForFieldName('attribute')?.text : undefined;
  const seconds = unit === undefined ? undefined : SCHEDULE_UNITS[unit];
  return amount === undefined || seconds === undefined ? 'unknown' : amount * seconds;
}

function numberValue(node: Node | undefined): number | undefined {
  if (node?.type === 'integer') return integerValue(node);
  if (node?.type === 'float') return Number(node.text.replace(/_/g, ''));
  return undefined;
}

/** `asyncio.create_task(…)`, `asyncio.ensure_future(…)`, `loop.create_task(…)`. */
function isTaskStart(module: PythonModule, callee: string | undefined, receiver: Node | undefined): boolean {
  return TASK_STARTERS.has(callee ?? '') || (lastPart(callee) === 'create_task' && receiver !== undefined);
}

/** A task started by web start-up code whose coroutine sleeps a minute or more in a `while` loop. */
function reportSleepLoop(context: CheckContext<MessageId>, module: PythonModule, start: Node): void {
  const [coroutine] = positionalArguments(start);
  const name = coroutine?.type === 'call' ? dottedName(coroutine.childForFieldName('function')) : undefined;
  const definition = name && !name.includes('.') ? functionNamed(module, name) : undefined;
  if (!definition) return;
  const seconds = longestSleepInLoop(module, definition);
  if (seconds === undefined || seconds < MIN_PERIOD_SECONDS || !isStartUpCode(context, start)) return;
  context.report({ range: [start.startIndex, start.endIndex], messageId: 'repeatingTask', data: { what: `${name}()`, seconds }, severity: 'notice' });
}

function longestSleepInLoop(module: PythonModule, definition: Node): number | undefined {
  let longest: number | undefined;
  for (const loop of definition.descendantsOfType('while_statement')) {
    for (const call of loop?.descendantsOfType('call') ?? []) {
      if (!call || calleeName(module, call) !== 'asyncio.sleep' || enclosingFunction(call)?.id !== definition.id) continue;
      const [delay] = positionalArguments(call);
      const seconds = delay ? numberValue(resolveValue(module, delay)) : undefined;
      if (seconds !== undefined) longest = Math.max(longest ?? 0, seconds);
    }
  }
  return longest;
}

/** `threading.Timer(n, f)` inside `f` itself: a timer that re-arms itself, in a module the web process loads. */
function reportTimerChain(context: CheckContext<MessageId>, module: PythonModule, timer: Node): void {
  const definition = enclosingFunction(timer);
  const [interval, callback] = positionalArguments(timer);
  const name = definition?.childForFieldName('name')?.text;
  if (!name || !interval || dottedName(callback) !== name) return;
  const seconds = numberValue(resolveValue(module, interval));
  if (seconds === undefined || seconds < MIN_PERIOD_SECONDS || !isWebModule(context, module)) return;
  context.report({ range: [timer.startIndex, timer.endIndex], messageId: 'repeatingTask', data: { what: `${name}()`, seconds }, severity: 'notice' });
}
