import type { CallExpression, NewExpression, ObjectLiteralExpression } from 'ts-morph';
import { Node, SyntaxKind } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import type { MessageId } from './index.ts';
import { callRange } from '../../../src/languages/javascript/call-range.ts';
import { literalValue, propertyValue, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';
import { importsAny } from '../../../src/languages/javascript/imports.ts';
import { moduleReference } from '../../../src/languages/javascript/module-reference.ts';

const UPLOAD_MODULES = ['multer', 'formidable', 'busboy', 'connect-busboy', 'koa-body', 'express-formidable'];
const FS_MODULES = new Set(['fs', 'fs/promises', 'fs-extra', 'graceful-fs']);
/** How many `path.join(…)` levels the temporary-directory check follows; a recursion guard. */
const MAX_DEPTH = 3;

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    if (!importsAny(context, UPLOAD_MODULES)) return;
    for (const call of context.ofKind(SyntaxKind.CallExpression)) checkCall(context, call);
    for (const construction of context.ofKind(SyntaxKind.NewExpression)) checkConstruction(context, construction);
    if (!importsAny(context, ['formidable'])) return;
    for (const assignment of context.ofKind(SyntaxKind.BinaryExpression)) {
      if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
      const left = unwrap(assignment.getLeft());
      if (Node.isPropertyAccessExpression(left) && left.getName() === 'uploadDir') reportDirectory(context, assignment, assignment.getRight());
    }
  },
});

function checkCall(context: CheckContext, call: CallExpression): void {
  const reference = moduleReference(context, call.getExpression());
  if (!reference) {
    checkBusboyWrite(context, call);
    return;
  }
  const member = reference.path.at(-1);
  const [options] = call.getArguments();
  if (reference.module === 'multer') {
    if (reference.path.length === 0 || member === 'default') reportOption(context, options, 'dest');
    else if (member === 'diskStorage') {
      const settings = options ? objectOf(options) : undefined;
      if (options && (!settings || hasOpaqueSpread(settings))) return;
      const value = settings ? propertyValue(settings, 'destination') : undefined;
      // Without a destination multer writes to the OS temporary directory.
      if (value) reportDirectory(context, call, value);
      else reportAt(context, callRange(call), 'temporaryDirectory', undefined);
    }
  } else if (reference.module === 'formidable' && (reference.path.length === 0 || member === 'default' || member === 'formidable')) {
    reportOption(context, options, 'uploadDir');
  } else if (reference.module === 'express-formidable' && (reference.path.length === 0 || member === 'default')) {
    reportOption(context, options, 'uploadDir');
  } else if (reference.module === 'koa-body' && (reference.path.length === 0 || member === 'default' || member === 'koaBody')) {
    // koa-body hands its `formidable` options to formidable: `koaBody({ multipart: true, formidable: { uploadDir } })`.
    const settings = options ? objectOf(options) : undefined;
    const formidable = settings ? propertyValue(settings, 'formidable') : undefined;
    reportOption(context, formidable, 'uploadDir');
  }
}

function checkConstruction(context: CheckContext, construction: NewExpression): void {
  const reference = moduleReference(context, unwrap(construction.getExpression()));
  if (reference?.module !== 'formidable') return;
  const member = reference.path.at(-1);
  if (member === 'IncomingForm' || member === 'Formidable' || reference.path.length === 0) {
    reportOption(context, construction.getArguments()[0], 'uploadDir');
  }
}

/** `busboy.on('file', (name, file) => file.pipe(fs.createWriteStream(path)))`. */
function checkBusboyWrite(context: CheckContext, call: CallExpression): void {
  const callee = call.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'on') return;
  const [event, listener] = call.getArguments();
  if (!event || literalValue(event) !== 'file' || !listener || !(Node.isArrowFunction(listener) || Node.isFunctionExpression(listener))) return;
  if (!importsAny(context, ['busboy', 'connect-busboy'])) return;
  for (const inner of listener.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const reference = moduleReference(context, inner.getExpression());
    if (!reference || !FS_MODULES.has(reference.module) || reference.path.at(-1) !== 'createWriteStream') continue;
    const [target] = inner.getArguments();
    if (target) reportDirectory(context, inner, target);
  }
}

/** Reports `name:` of an options object (at the property) when it is there. */
function reportOption(context: CheckContext, options: Node | undefined, name: string): void {
  const object = options ? objectOf(options) : undefined;
  if (!object) return;
  const value = propertyValue(object, name);
  if (!value) return;
  const property = value.getParent();
  const site = property && (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)) ? property : value;
  reportDirectory(context, site, value);
}

/** Reports a write of uploads to `directory`, at `site` (a call, a property or an assignment). */
function reportDirectory(context: CheckContext, site: Node, directory: Node): void {
  const range = siteRange(site);
  const destinations = destinationsOf(directory);
  if (destinations.length > 0 && destinations.every((destination) => isTemporary(destination))) {
    reportAt(context, range, 'temporaryDirectory', undefined);
    return;
  }
  const literal = destinations.length === 1 ? literalValue(destinations[0]!) : undefined;
  reportAt(context, range, 'localDirectory', typeof literal === 'string' ? `in local directory '${literal}'` : undefined);
}

/**
 * The directory expressions a destination stands for: itself, or for multer's
 * `destination(req, file, cb)` function the second argument of each `cb(…)` call.
 */
function destinationsOf(directory: Node): Node[] {
  const value = resolveValue(directory);
  if (!(Node.isArrowFunction(value) || Node.isFunctionExpression(value))) return [directory];
  const callback = value.getParameters()[2]?.getName();
  if (!callback) return [];
  return value
    .getDescendantsOfKind(SyntaxKind.CallExpression)
    .filter((call) => call.getExpression().getText() === callback)
    .flatMap((call) => call.getArguments().slice(1, 2));
}

/** The node itself when it fits on one line; otherwise its first line's anchor. */
function siteRange(site: Node): [number, number] {
  if (Node.isCallExpression(site) || Node.isNewExpression(site)) return callRange(site);
  if (site.getStartLineNumber() === site.getEndLineNumber()) return [site.getStart(), site.getEnd()];
  if (Node.isPropertyAssignment(site)) return [site.getStart(), site.getNameNode().getEnd()];
  if (Node.isBinaryExpression(site)) return [site.getStart(), site.getLeft().getEnd()];
  return [site.getStart(), site.getStart()];
}

function reportAt(context: CheckContext, range: [number, number], messageId: 'localDirectory' | 'temporaryDirectory', target: string | undefined): void {
  if (messageId === 'temporaryDirectory') context.report({ range, messageId, severity: 'notice' });
  else context.report({ range, messageId, data: { where: target ?? 'on the local disk' } });
}

/** `os.tmpdir()`, `path.join(os.tmpdir(), 'x')`, `'/tmp/uploads'`: scratch space for one request. */
function isTemporary(directory: Node, depth = 0): boolean {
  const value = resolveValue(directory);
  const literal = literalValue(value);
  if (typeof literal === 'string') return literal === '/tmp' || literal.startsWith('/tmp/');
  if (Node.isTemplateExpression(value)) {
    const head = value.getHead().getLiteralText();
    const first = value.getTemplateSpans()[0];
    return head.startsWith('/tmp/') || (head === '' && first !== undefined && isTemporary(first.getExpression(), depth + 1));
  }
  if (Node.isCallExpression(value) && depth < MAX_DEPTH) {
    const callee = value.getExpression();
    const name = Node.isPropertyAccessExpression(callee) ? callee.getName() : callee.getText();
    if (name === 'tmpdir') return true;
    if (name === 'join' || name === 'resolve') {
      const [first] = value.getArguments();
      return first !== undefined && isTemporary(first, depth + 1);
    }
  }
  return false;
}

function objectOf(options: Node): ObjectLiteralExpression | undefined {
  const value = resolveValue(options);
  return Node.isObjectLiteralExpression(value) ? value : undefined;
}

function hasOpaqueSpread(object: ObjectLiteralExpression): boolean {
  return (
    object.getProperties().some((property) => Node.isSpreadAssignment(property) && !Node.isObjectLiteralExpression(resolveValue(property.getExpression())))
  );
}
