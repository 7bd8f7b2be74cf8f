import type { Node, ts } from 'ts-morph';
import { SyntaxKind } from './lazy-ts-morph.ts';
import type { CheckContext } from '../../../checks/define-check.ts';
import { DYNAMIC } from './static-text.ts';

/**
 * String literals, no-substitution templates and template expressions whose (static) text
 * passes `test`, memoised per file under `key`. Uses the single-pass buckets of nodes-of-kind.ts
 * (`ofKind(SyntaxKind.StringLiteral)` makes ts-morph parse every token of the file, about six
 * times the cost of parsing it) and wraps only the matching literals. Template expressions are
 * tested with `DYNAMIC` for each substitution.
 */
export function literalsMatching(context: CheckContext, key: string, test: (text: string) => boolean): readonly Node[] {
  return context.perFile(`literals-matching:${key}`, () => {
    const found: ts.Node[] = [];
    for (const kind of [SyntaxKind.StringLiteral, SyntaxKind.NoSubstitutionTemplateLiteral]) {
      for (const node of context.compilerNodesOfKind(kind)) {
        if (test((node as ts.StringLiteral | ts.NoSubstitutionTemplateLiteral).text)) found.push(node);
      }
    }
    for (const node of context.compilerNodesOfKind(SyntaxKind.TemplateExpression)) {
      const template = node as ts.TemplateExpression;
      if (test(template.head.text + template.templateSpans.map((span) => DYNAMIC + span.literal.text).join(''))) found.push(node);
    }
    found.sort((a, b) => a.pos - b.pos);
    return found.map((node) => context.wrap(node));
  });
}
