import path from 'node:path/posix';
import type { CallExpression } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { callRange } from '../../../src/languages/javascript/call-range.ts';
import { calleeName } from '../../../src/languages/javascript/callee-name.ts';
import { bindingOf, importsAny } from '../../../src/languages/javascript/imports.ts';
import { moduleReference } from '../../../src/languages/javascript/module-reference.ts';
import { numericValue } from '../../../src/languages/javascript/numeric-value.ts';
import { isShadowed } from '../../../src/languages/javascript/is-shadowed.ts';

/** Below this period a timer is a heartbeat or a metrics flush, not a job (RULES.md). */
const MIN_JOB_PERIOD_MS = 60_000;

const SCHEDULER_MODULES = ['node-cron', 'cron', 'node-schedule'];

/** File names of a separate clock or worker process: a health port there is not a web process. */
const SCHEDULER_PROCESS_WORDS = new Set(['clock', 'worker', 'cron', 'scheduler', 'jobs']);

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    if (isSchedulerProcessFile(context.path)) return;
    const calls = context.ofKind(SyntaxKind.CallExpression);
    if (!calls.some(isListen)) return;
    const schedulers = importsAny(context, SCHEDULER_MODULES);
    for (const call of calls) {
      const scheduler = intervalTimer(context, call) ?? (schedulers ? schedulerCall(context, call) : undefined);
      if (scheduler) context.report({ range: callRange(call), messageId: 'scheduled', data: { scheduler } });
    }
    if (!schedulers) return;
    for (const construction of context.ofKind(SyntaxKind.NewExpression)) {
      const reference = moduleReference(context, construction.getExpression());
      if (reference?.module === 'cron' && reference.path.at(-1) === 'CronJob') {
        context.report({ range: callRange(construction), messageId: 'scheduled', data: { scheduler: '`new CronJob`' } });
      }
    }
  },
});

/** `.listen(…)` with at least one argument: an HTTP/TCP server binding a port. */
function isListen(call: CallExpression): boolean {
  const callee = call.getExpression();
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'listen' && call.getArguments().length > 0;
}

function isSchedulerProcessFile(filePath: string): boolean {
  const base = path.basename(filePath).replace(/\.[^.]+$/, '');
  return base.toLowerCase().split(/[^a-z0-9]+/).some((word) => SCHEDULER_PROCESS_WORDS.has(word));
}

/** `cron.schedule(…)`, `scheduleJob(…)`, `CronJob.from(…)`, `cron.job(…)`. */
function schedulerCall(context: CheckContext, call: CallExpression): string | undefined {
  const name = calleeName(call);
  if (!['schedule', 'scheduleJob', 'from', 'job'].includes(name) && bindingOf(context, name) === undefined) return undefined;
  const reference = moduleReference(context, call.getExpression());
  if (!reference) return undefined;
  const member = reference.path.join('.');
  if (reference.module === 'node-cron' && member === 'schedule') return '`cron.schedule`';
  if (reference.module === 'node-schedule' && member === 'scheduleJob') return '`scheduleJob`';
  if (reference.module === 'cron' && (member === 'CronJob.from' || member === 'job')) return `\`${member === 'job' ? 'cron.job' : 'CronJob.from'}\``;
  return undefined;
}

/** `setInterval(fn, 5 * 60 * 1000)`, and `for await (… of setInterval(3_600_000))` from timers/promises. */
function intervalTimer(context: CheckContext, call: CallExpression): string | undefined {
  if (calleeName(call) !== 'setInterval') return undefined;
  const callee = call.getExpression();
  let delayIndex = 1;
  if (Node.isIdentifier(callee)) {
    const binding = bindingOf(context, 'setInterval');
    if (binding) {
      if (binding.module === 'timers/promises') delayIndex = 0;
      else if (binding.module !== 'timers') return undefined;
    } else if (isShadowed(callee)) return undefined;
  } else if (Node.isPropertyAccessExpression(callee)) {
    const owner = callee.getExpression().getText();
    const reference = moduleReference(context, callee);
    if (reference?.module === 'timers/promises') delayIndex = 0;
    else if (reference?.module !== 'timers' && owner !== 'global' && owner !== 'globalThis' && owner !== 'window') return undefined;
  } else return undefined;
  const delay = call.getArguments()[delayIndex];
  const period = delay ? numericValue(delay) : undefined;
  return period !== undefined && period >= MIN_JOB_PERIOD_MS ? `\`setInterval\` every ${formatPeriod(period)}` : undefined;
}

function formatPeriod(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}
