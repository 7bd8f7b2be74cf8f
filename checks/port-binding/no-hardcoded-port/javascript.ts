import type { CallExpression, NewExpression, ts } from 'ts-morph';
import { Node, SyntaxKind, typescript } from '../../../src/languages/javascript/lazy-ts-morph.ts';
import { defineDetector, type CheckContext } from '../../define-check.ts';
import { calleeDeclaration } from '../../../src/languages/javascript/callee-declaration.ts';
import { isListeningPort } from '../../support/listening-port.ts';
import type { MessageId } from './index.ts';
import { literalValue, propertyValue, readsEnvironment, resolveValue, unwrap } from '../../../src/languages/javascript/constants.ts';

const HIGHEST_PORT = 65_535;
const CONVERSIONS = new Set(['Number', 'parseInt', 'parseFloat', 'String']);

export default defineDetector<MessageId>({
  kinds: ['javascript'],
  needs: 'ts-morph',
  detect(context) {
    for (const call of context.ofKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression();
      if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'listen') continue;
      const hardcoded = hardcodedPort(call);
      if (!hardcoded) continue;
      const { argument, port } = hardcoded;
      context.report({
        range: [call.getStart(), argument.getEnd()],
        messageId: 'literal',
        data: { port },
        fix: {
          description: 'Read the port from the environment',
          edits: [{ start: argument.getStart(), end: argument.getEnd(), text: `Number(process.env.PORT ?? ${argument.getText()})` }],
        },
      });
    }
    reportTravellingPorts(context);
  },
});

/**
 * A literal port handed to a function or constructor of the repository that listens on it:
 * `new App(3000).run()` where `run` calls `this.server.listen(this.port)`, `start(3000)` where
 * `start(port)` calls `app.listen(port)`. One boundary is crossed; reported at the literal.
 */
function reportTravellingPorts(context: CheckContext<MessageId>): void {
  const carriers = portCarriers(context);
  if (!carriers) return;
  const reported = new Set<Node>();
  for (const kind of [SyntaxKind.CallExpression, SyntaxKind.NewExpression]) {
    for (const node of context.compilerNodesOfKind(kind)) {
      if (!(node as ts.CallExpression | ts.NewExpression).arguments?.some((argument) => mayCarryPort(argument, carriers))) continue;
      reportTravellingPort(context, context.wrap(node) as CallExpression | NewExpression, reported);
    }
  }
}

/**
 * Names bound to a listening port or to options holding one (`const port = 3000`, `const
 * options = { port: 3000 }`); undefined when the file has no such number at all, the common case.
 */
function portCarriers(context: CheckContext): ReadonlySet<string> | undefined {
  const literals = context.compilerNodesOfKind(SyntaxKind.NumericLiteral).filter((literal) => isListeningPort(numberOf(literal as ts.NumericLiteral)));
  if (literals.length === 0) return undefined;
  const names = new Set<string>();
  for (const literal of literals) {
    let holder = literal.parent;
    if (typescript.isPropertyAssignment(holder) && isPortName(holder.name)) holder = holder.parent.parent;
    if (typescript.isVariableDeclaration(holder) && typescript.isIdentifier(holder.name)) names.add(holder.name.text);
  }
  return names;
}

/** Arguments worth resolving: a listening port, a name bound to one, an options object with a `port`. */
function mayCarryPort(argument: ts.Expression, carriers: ReadonlySet<string>): boolean {
  let value = argument;
  while (typescript.isParenthesizedExpression(value) || typescript.isAsExpression(value)) value = value.expression;
  if (typescript.isNumericLiteral(value)) return isListeningPort(numberOf(value));
  if (typescript.isIdentifier(value)) return carriers.has(value.text);
  return typescript.isObjectLiteralExpression(value) && value.properties.some((property) => property.name !== undefined && isPortName(property.name));
}

function isPortName(name: ts.PropertyName): boolean {
  return (typescript.isIdentifier(name) || typescript.isStringLiteral(name)) && name.text === 'port';
}

function numberOf(literal: ts.NumericLiteral): number {
  return Number(literal.text.replace(/_/g, ''));
}

/** Reports the listening ports `call` hands to a parameter its callee listens on, once per literal. */
function reportTravellingPort(context: CheckContext<MessageId>, call: CallExpression | NewExpression, reported: Set<Node>): void {
  const callee = calleeDeclaration(context, call.getExpression(), 'listen');
  if (!callee) return;
  call.getArguments().forEach((argument, index) => {
    const carried = carriedPort(argument);
    if (!carried || reported.has(carried.literal)) return;
    const listen = listenReceiving(callee.declaration, index, carried.member);
    if (!listen) return;
    reported.add(carried.literal);
    const file = callee.path === context.path ? 'this file' : callee.path;
    context.report({
      node: carried.literal,
      messageId: 'literalTravels',
      data: { port: carried.port, listen: `${listen.getExpression().getText().replace(/\s+/g, '')}()`, file, line: listen.getStartLineNumber() },
      fix: {
        description: 'Read the port from the environment',
        edits: [{ start: carried.literal.getStart(), end: carried.literal.getEnd(), text: `Number(process.env.PORT ?? ${carried.literal.getText()})` }],
      },
    });
  });
}

/** The literal port an argument carries (itself, or its `port` option), unless the environment is read on the way. */
function carriedPort(argument: Node): { literal: Node; port: number; member?: 'port' } | undefined {
  if (readsEnvironment(argument)) return undefined;
  const value = resolveValue(argument);
  const options = Node.isObjectLiteralExpression(value) ? propertyValue(value, 'port') : undefined;
  const carrier = options ?? argument;
  if (options && readsEnvironment(options)) return undefined;
  const literal = resolveValue(carrier);
  const port = Node.isNumericLiteral(literal) ? literal.getLiteralValue() : undefined;
  if (port === undefined || !isListeningPort(port)) return undefined;
  return options ? { literal, port, member: 'port' } : { literal, port };
}

/**
 * The `listen(…)` call of a function (or of any method of a class, through the field its
 * constructor stores the parameter in) that binds the value of parameter `index` — or its
 * `port` member — without reading the environment first.
 */
function listenReceiving(declaration: Node, index: number, member: 'port' | undefined): CallExpression | undefined {
  const isClass = Node.isClassDeclaration(declaration) || Node.isClassExpression(declaration);
  const fn = isClass ? declaration.getConstructors()[0] : declaration;
  if (!fn || !(Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn) || Node.isArrowFunction(fn) || Node.isConstructorDeclaration(fn) || Node.isMethodDeclaration(fn))) return undefined;
  const parameter = fn.getParameters()[index];
  if (!parameter) return undefined;
  let name: string | undefined;
  let path = member;
  const binding = parameter.getNameNode();
  if (Node.isIdentifier(binding)) name = binding.getText();
  else if (Node.isObjectBindingPattern(binding) && member) {
    const element = binding.getElements().find((candidate) => (candidate.getPropertyNameNode()?.getText() ?? candidate.getName()) === member);
    name = element?.getName();
    path = undefined;
  }
  if (name === undefined) return undefined;
  if (!isClass) return listenCalls(fn).find((call) => bindsValue(call, (value) => refersTo(value, name, path)));
  // The field the constructor keeps it in: a parameter property, or `this.port = port`.
  const stored = Node.isConstructorDeclaration(fn) && parameter.isParameterProperty() ? { field: name, member: path } : storedField(fn, name, path);
  if (!stored) return undefined;
  return listenCalls(declaration).find((call) => bindsValue(call, (value) => refersToField(value, stored.field, stored.member)));
}

/** `this.port = port` (or `this.options = options` when the port is a member of it) in a constructor. */
function storedField(constructor: Node, name: string, member: 'port' | undefined): { field: string; member?: 'port' } | undefined {
  for (const assignment of constructor.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const target = unwrap(assignment.getLeft());
    if (!Node.isPropertyAccessExpression(target) || !Node.isThisExpression(unwrap(target.getExpression()))) continue;
    if (refersTo(assignment.getRight(), name, member)) return { field: target.getName() };
    if (member && refersTo(assignment.getRight(), name, undefined)) return { field: target.getName(), member };
  }
  return undefined;
}

/** `x.listen(port…)` calls within a function or class (a callback first is an event listener, not a port). */
function listenCalls(scope: Node): CallExpression[] {
  return scope.getDescendantsOfKind(SyntaxKind.CallExpression).filter((call) => {
    const callee = unwrap(call.getExpression());
    const [first] = call.getArguments();
    return Node.isPropertyAccessExpression(callee) && callee.getName() === 'listen' && first !== undefined && !Node.isArrowFunction(unwrap(first)) && !Node.isFunctionExpression(unwrap(first));
  });
}

/** The port a `listen(…)` call binds (its first argument, or that object's `port`) satisfies `matches`, with no environment read. */
function bindsValue(call: CallExpression, matches: (value: Node) => boolean): boolean {
  const first = unwrap(call.getArguments()[0]!);
  const value = Node.isObjectLiteralExpression(first) ? propertyValue(first, 'port') : first;
  return value !== undefined && matches(value) && !readsEnvironment(value);
}

/** `port`, `Number(port)`, `+port` — or `options.port` when `member` is given. */
function refersTo(value: Node, name: string, member: 'port' | undefined): boolean {
  const node = withoutConversion(value);
  if (member === undefined) return Node.isIdentifier(node) && node.getText() === name;
  return Node.isPropertyAccessExpression(node) && node.getName() === member && unwrap(node.getExpression()).getText() === name;
}

/** `this.port`, `Number(this.port)` — or `this.options.port` when `member` is given. */
function refersToField(value: Node, field: string, member: 'port' | undefined): boolean {
  let node = withoutConversion(value);
  if (member !== undefined) {
    if (!Node.isPropertyAccessExpression(node) || node.getName() !== member) return false;
    node = unwrap(node.getExpression());
  }
  return Node.isPropertyAccessExpression(node) && node.getName() === field && Node.isThisExpression(unwrap(node.getExpression()));
}

/** Strips `Number(…)`, `parseInt(…)`, `String(…)` and unary `+` around a value. */
function withoutConversion(value: Node): Node {
  let node = unwrap(value);
  for (;;) {
    if (Node.isCallExpression(node) && Node.isIdentifier(node.getExpression()) && CONVERSIONS.has(node.getExpression().getText()) && node.getArguments()[0]) {
      node = unwrap(node.getArguments()[0]!);
    } else if (Node.isPrefixUnaryExpression(node) && node.getOperatorToken() === SyntaxKind.PlusToken) {
      node = unwrap(node.getOperand());
    } else return node;
  }
}
/** The argument that carries a literal port, when no environment lookup is involved. */
function hardcodedPort(call: CallExpression): { argument: Node; port: number } | undefined {
  const [first] = call.getArguments();
  if (!first) return undefined;
  const value = resolveValue(first);
  if (Node.isObjectLiteralExpression(value)) {
    const port = propertyValue(value, 'port');
    if (!port || readsEnvironment(port)) return undefined;
    const number = asPort(literalValue(port));
    return number === undefined ? undefined : { argument: unwrap(port), port: number };
  }
  if (readsEnvironment(first)) return undefined;
  const number = asPort(literalValue(first));
  return number === undefined ? undefined : { argument: unwrap(first), port: number };
}

/** A TCP port other than 0 (0 asks the OS for a free port: not hard-coded). */
function asPort(value: string | number | undefined): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 && number <= HIGHEST_PORT ? number : undefined;
}
