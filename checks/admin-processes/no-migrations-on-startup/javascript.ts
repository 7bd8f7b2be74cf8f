import path from 'node:path/posix';
import type { ObjectLiteralExpression } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { isMap, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { propertyNameOf, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { adminTaskOfCommand } from '../../support/admin-task-of.ts';
import { importsAny } from '../../../src/languages/javascript/imports.ts';
import { fileLongRunningSites } from '../../../src/languages/javascript/long-running-sites.ts';
import { isOneOffScriptPath } from '../../support/one-off-script-path.ts';
import { schemaChangeCall } from '../../../src/languages/javascript/schema-change-call.ts';
import { isFullyStatic } from '../../../src/languages/javascript/static-text.ts';
import { spawnedCommand } from '../../../src/languages/javascript/spawned-command.ts';

/** TypeORM options that change the schema whenever a DataSource initialises. */
const ORM_OPTIONS = new Set(['synchronize', 'migrationsRun']);
/** Keys that mark an object as ORM connection options, so `synchronize: true` elsewhere is left alone. */
const ORM_OPTION_SIGNS = ['type', 'entities', 'migrations', 'database', 'url', 'host', 'autoLoadEntities', 'subscribers', 'synchronize'];

export default defineDetector<MessageId>({
  kinds: ['javascript', 'json'],
  needs: 'ts-morph',
  detect(context) {
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
