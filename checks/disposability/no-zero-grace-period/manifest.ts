import { isSeq, type Node, type YAMLMap } from 'yaml';
import { literalTextOf } from '../../../src/languages/kubernetes/literal-value.ts';
import { objectLabel } from '../../../src/languages/kubernetes/object-label.ts';
import type { Manifest } from '../../../src/languages/kubernetes/parse-manifest.ts';
import { objectDetector } from '../../../src/languages/kubernetes/read-manifest.ts';
import { containersOf, isLongRunning, podSpecsOf } from '../../../src/languages/kubernetes/workloads.ts';
import { mapsAt, pairRange, pairsNamed, scalarText, valuesNamed } from '../../../src/languages/kubernetes/yaml-nodes.ts';
import { argvCommands } from '../../../src/languages/shell/command-line.ts';
import { basename } from '../../../src/languages/shell/commands.ts';
import type { MessageId } from './index.ts';

export default objectDetector<MessageId>((object, manifest, context) => {
  if (!isLongRunning(object)) return;
  for (const podSpec of podSpecsOf(object)) {
    for (const pair of pairsNamed(podSpec, 'terminationGracePeriodSeconds')) {
      const seconds = manifest.isTemplated(pair.value) ? undefined : wholeSeconds(scalarText(pair.value));
      if (seconds === undefined) continue;
      const sleep = longestPreStopSleep(manifest, podSpec);
      if (seconds !== 0 && (sleep === undefined || seconds > sleep)) continue;
      context.report({
        range: pairRange(pair, context.text),
        messageId: seconds === 0 ? 'zero' : 'preStop',
        data: { workload: objectLabel(object), seconds, sleep: sleep ?? 0 },
      });
    }
  }
});

function wholeSeconds(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : undefined;
}

/** The longest literal sleep of the main containers' preStop hooks: `exec` sleeps (also in `sh -c`) and the `sleep` action. */
function longestPreStopSleep(manifest: Manifest, podSpec: YAMLMap<Node, Node | null>): number | undefined {
  const sleeps: number[] = [];
  for (const container of containersOf(podSpec)) {
    if (container.role !== 'main') continue;
    for (const preStop of mapsAt(container.node, ['lifecycle', 'preStop'])) {
      for (const action of mapsAt(preStop, ['sleep'])) {
        const seconds = wholeSeconds(literalTextOf(manifest, action, 'seconds'));
        if (seconds !== undefined) sleeps.push(seconds);
      }
      for (const command of mapsAt(preStop, ['exec']).flatMap((exec) => valuesNamed(exec, 'command'))) {
        if (!isSeq(command) || command.items.some((item) => manifest.isTemplated(item))) continue;
        sleeps.push(...execSleeps(command.items.map((item) => scalarText(item) ?? '')));
      }
    }
  }
  return sleeps.length === 0 ? undefined : Math.max(...sleeps);
}

/** `sleep N` (or `Ns`) among the commands an exec hook runs, `sh -c` scripts read through. */
function execSleeps(argv: readonly string[]): number[] {
  return argvCommands(argv).flatMap((words) => {
    const match = words.length === 2 && basename(words[0]!) === 'sleep' ? /^(\d+)s?$/.exec(words[1]!) : null;
    return match ? [Number(match[1])] : [];
  });
}
