import path from 'node:path/posix';
import type { ObjectLiteralExpression } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { isMap, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { propertyNameOf, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { adminTaskOf, adminTaskOfCommand } from '../../support/admin-task-of.ts';
import { importsAny } from '../../../src/languages/javascript/imports.ts';
import { fileLongRunningSites } from '../../../src/languages/javascript/long-running-sites.ts';
import { isOneOffScriptPath } from '../../support/one-off-script-path.ts';
import { schemaChangeCall } from '../../../src/languages/javascript/schema-change-call.ts';
import { effectiveCommand, expandInlineShell, parseShellCommands } from '../../../src/languages/shell/commands.ts';
import { isFullyStatic } from '../../../src/languages/javascript/static-text.ts';
import { spawnedCommand } from '../../../src/languages/javascript/spawned-command.ts';

/** TypeORM options that change the schema whenever a DataSource initialises. */
const ORM_OPTIONS = new Set(['synchronize', 'migrationsRun']);
/** Keys that mark an object as ORM connection options, so `synchronize: true` elsewhere is left alone. */
const ORM_OPTION_SIGNS = ['type', 'entities', 'migrations', 'database', 'url', 'host', 'autoLoadEntities', 'subscribers', 'synchronize'];
/** package.json scripts that run every time the app starts. */
const START_SCRIPTS = ['prestart', 'start', 'start:prod', 'start:production'];

export default defineDetector<MessageId>({
  kinds: ['javascript', 'package-json', 'json'],
  needs: 'ts-morph',
  detect(context) {
    if (context.kind === 'package-json') return detectStartScripts(context);
    if (context.kind === 'json') return detectOrmConfigFile(context);
    if (!mayMigrate(context.text)) return;
    const listens = fileLongRunningSites(context).some((site) => site.kind === 'server');
    if (!listens && isOneOffScriptPath(context.path)) return;
    for (const call of context.ofKind(SyntaxKind.CallExpression)) {
      const change = schemaChangeCall(context, call);
      if (change) {
        const messageId = change.sync === 'destructive' ? 'sync' : change.sync === 'plain' ? 'plainSync' : 'call';
        context.report({
          range: callRange(call),
          messageId,
          data: { call: change.label },
          ...(messageId === 'plainSync' ? { severity: 'notice' as const } : {}),
        });
        continue;
      }
      if (!listens) continue;
      const spawned = spawnedCommand(context, call);
      if (spawned?.text === undefined || !isFullyStatic(spawned.text)) continue;
      if (adminTaskOfCommand(spawned.text) !== 'migrations') continue;
      context.report({ range: callRange(call), messageId: 'exec', data: { command: spawned.text.length > 60 ? `${spawned.text.slice(0, 59)}…` : spawned.text } });
    }
    if (context.text.includes('synchronize') || context.text.includes('migrationsRun')) {
      for (const property of context.ofKind(SyntaxKind.PropertyAssignment)) {
        const name = propertyNameOf(property.getNameNode());
        if (name === undefined || !ORM_OPTIONS.has(name)) continue;
        const value = property.getInitializer();
        if (!value || !Node.isTrueLiteral(resolveValue(value))) continue;
        const object = property.getParent();
        if (!Node.isObjectLiteralExpression(object) || !looksLikeOrmOptions(context, object)) continue;
        context.report({ node: property, messageId: 'ormOption', data: { option: name } });
      }
    }
  },
});

/** Prefilter: words every detected construct contains. */
function mayMigrate(text: string): boolean {
  return ['igrat', '.sync(', 'mzug', 'prisma', 'synchronize'].some((word) => text.includes(word));
}

function looksLikeOrmOptions(context: CheckContext, object: ObjectLiteralExpression): boolean {
  if (importsAny(context, ['typeorm', '@nestjs/typeorm'])) return true;
  const keys = object.getProperties().map((property) =>
    Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) ? propertyNameOf(property.getNameNode()) : undefined,
  );
  return keys.filter((key) => key !== undefined && ORM_OPTION_SIGNS.includes(key)).length >= 2;
}

/** The call up to the end of its callee when it spans lines, so the comment lands on one line. */
function callRange(call: Node): [number, number] {
  if (!Node.isCallExpression(call) || call.getStartLineNumber() === call.getEndLineNumber()) return [call.getStart(), call.getEnd()];
  return [call.getStart(), unwrap(call.getExpression()).getEnd()];
}

/** `"start": "npm run migrate && node server.js"`, `"prestart": "knex migrate:latest"`. */
function detectStartScripts(context: CheckContext): void {
  if (!context.text.includes('"start') && !context.text.includes('"prestart')) return;
  const document = context.yaml();
  if (!isMap(document.contents)) return;
  const scripts = pairNamed(document.contents, 'scripts')?.value;
  if (!isMap(scripts)) return;
  const bodies: Record<string, string> = {};
  for (const pair of scripts.items) {
    if (isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.value === 'string') bodies[String(pair.key.value)] = pair.value.value;
  }
  for (const name of START_SCRIPTS) {
    const body = bodies[name];
    const pair = pairNamed(scripts, name);
    if (body === undefined || !pair || !isScalar(pair.key) || !pair.key.range) continue;
    const commands = parseShellCommands(body)
      .flatMap((command) => expandInlineShell(effectiveCommand(command).words))
      .map((command) => effectiveCommand(command).words)
      .filter((words) => words.length > 0);
    const tasks = commands.map((words) => adminTaskOf(words, bodies));
    const index = tasks.findIndex((task) => task !== undefined);
    if (index === -1) continue;
    // `start` must go on to start something; `prestart` always runs right before `start`.
    if (name !== 'prestart' && !tasks.slice(index + 1).includes(undefined)) continue;
    const end = isScalar(pair.value) && pair.value.range ? pair.value.range[1] : pair.key.range[1];
    context.report({
      loc: context.locate(pair.key.range[0], end),
      messageId: 'startScript',
      data: { script: name, task: tasks[index] === 'seeds' ? 'database seeds' : 'migrations' },
    });
  }
}

/** `ormconfig.json` with `"synchronize": true` or `"migrationsRun": true` (also in a list of connections). */
function detectOrmConfigFile(context: CheckContext): void {
  if (!/^ormconfig\.json$/i.test(path.basename(context.path))) return;
  const document: Document.Parsed = context.yaml();
  const maps = isSeq(document.contents) ? document.contents.items.filter(isMap) : isMap(document.contents) ? [document.contents] : [];
  for (const map of maps) {
    for (const pair of (map as YAMLMap).items as Pair[]) {
      if (!isScalar(pair.key) || !ORM_OPTIONS.has(String(pair.key.value)) || !isScalar(pair.value) || pair.value.value !== true) continue;
      if (!pair.key.range || !pair.value.range) continue;
      context.report({ loc: context.locate(pair.key.range[0], pair.value.range[1]), messageId: 'ormOption', data: { option: String(pair.key.value) } });
    }
  }
}

function pairNamed(map: YAMLMap, name: string): Pair | undefined {
  return (map.items as Pair[]).find((pair) => isScalar(pair.key) && pair.key.value === name);
}
