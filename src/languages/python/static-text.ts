import type { Node } from 'web-tree-sitter';
import { DYNAMIC } from '../shell/command-line.ts';
import { boundValue } from './bound-value.ts';
import type { PythonModule } from './module.ts';

/** How many names and nested expressions are followed before a part counts as dynamic. */
const MAX_DEPTH = 6;

/**
 * The text a string expression builds, as far as it is static: literals, f-strings (fields
 * followed when they hold a known string), implicit and `+` concatenation, `%` and `.format()`
 * templates, and names bound once. Each part known only at run time is `DYNAMIC` (shell/command-line.ts):
 * `f"ffmpeg -i {src} out.mp4"` → `"ffmpeg -i \0 out.mp4"`.
 */
export function staticText(module: PythonModule, node: Node, depth = 0): string {
  if (depth > MAX_DEPTH) return DYNAMIC;
  switch (node.type) {
    case 'string':
      return node.namedChildren
        .map((part) => {
          if (part?.type === 'string_content' || part?.type === 'escape_sequence') return part.text;
          if (part?.type === 'interpolation') {
            const expression = part.childForFieldName('expression');
            return expression ? staticText(module, expression, depth + 1) : DYNAMIC;
          }
          return '';
        })
        .join('');
    case 'concatenated_string':
      return node.namedChildren.map((part) => (part ? staticText(module, part, depth + 1) : '')).join('');
    case 'parenthesized_expression':
      return node.namedChildCount === 1 ? staticText(module, node.namedChild(0)!, depth + 1) : DYNAMIC;
    case 'binary_operator': {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      const operator = node.childForFieldName('operator')?.type;
      if (!left || !right) return DYNAMIC;
      if (operator === '+') return staticText(module, left, depth + 1) + staticText(module, right, depth + 1);
      if (operator === '%') return staticText(module, left, depth + 1).replace(/%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]/g, (spec) => (spec === '%%' ? '%' : DYNAMIC));
      return DYNAMIC;
    }
    case 'call': {
      const callee = node.childForFieldName('function');
      const receiver = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
      if (receiver && callee?.childForFieldName('attribute')?.text === 'format') {
        return staticText(module, receiver, depth + 1).replace(/\{[^{}]*\}/g, DYNAMIC);
      }
      return DYNAMIC;
    }
    case 'identifier': {
      const value = boundValue(module, node);
      return value ? staticText(module, value, depth + 1) : DYNAMIC;
    }
    default:
      return DYNAMIC;
  }
}
