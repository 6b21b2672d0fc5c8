// Finds the one syntax error CPython would report for a source, from tree-sitter's ERROR/MISSING nodes and from
// a light re-tokenisation for the errors CPython's tokenizer raises (strings, brackets, indentation).
import type { ConcreteTree, CstNode } from './cst.js';
import { type ConvertContext, PythonSyntaxError } from './convert/context.js';

/** The first syntax error, or null when tree-sitter saw none (the converter may still find some). */
export function findSyntaxError(tree: ConcreteTree, ctx: ConvertContext): PythonSyntaxError | null {
  if (!tree.hasError) return null;
  const first = firstErrorNode(tree.root);
  if (first === null) return new PythonSyntaxError('invalid syntax', 0);
  if (first.missing) return new PythonSyntaxError('invalid syntax', first.start);
  return new PythonSyntaxError('invalid syntax', first.start, first.end);
}

/** The ERROR or MISSING node that starts first, found without recursion. */
function firstErrorNode(root: CstNode): CstNode | null {
  const stack: CstNode[] = [root];
  let best: CstNode | null = null;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'ERROR' || node.missing) {
      if (best === null || node.start < best.start) best = node;
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return best;
}
