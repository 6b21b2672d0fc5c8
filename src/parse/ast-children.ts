// The child nodes of each kind of node, for the passes that walk the whole tree (analysis, the context checks,
// the run-time signature scan). Enumerating a node's properties instead (`for…in`) visits strings, ranges and
// constants as well, and is slow: every kind has its own object shape, so such a loop is megamorphic.
//
// Children come in the order of the node's properties as the converter creates them (also what `for…in` gave):
// `FunctionDef` visits its body before its decorators, `Dict` all keys before all values. Some analyses record
// what they meet in walk order, so that order is part of the output; test/parse/ast-children.test.ts compares it
// with the properties' order on parsed code.
import type { Node } from './ast.js';

/** Calls `visit(child, state)` for each child node of `node`, in the order above (null children skipped). */
export function forEachChild<S>(node: Node, visit: (child: Node, state: S) => void, state: S): void {
  switch (node.kind) {
    case 'Name':
    case 'Constant':
    case 'Identifier':
    case 'Pass':
    case 'Break':
    case 'Continue':
    case 'MatchSingleton':
      return;
    case 'Module':
      return visitAll(node.body, visit, state);
    case 'FunctionDef':
      visit(node.name, state);
      visit(node.args, state);
      visitAll(node.body, visit, state);
      visitAll(node.decorators, visit, state);
      if (node.returns !== null) visit(node.returns, state);
      return;
    case 'ClassDef':
      visit(node.name, state);
      visitAll(node.bases, visit, state);
      visitAll(node.keywords, visit, state);
      visitAll(node.body, visit, state);
      visitAll(node.decorators, visit, state);
      return;
    case 'Return':
    case 'Yield':
      if (node.value !== null) visit(node.value, state);
      return;
    case 'Delete':
      return visitAll(node.targets, visit, state);
    case 'Assign':
      visitAll(node.targets, visit, state);
      visit(node.value, state);
      return;
    case 'AugAssign':
      visit(node.target, state);
      visit(node.value, state);
      return;
    case 'AnnAssign':
      visit(node.target, state);
      visit(node.annotation, state);
      if (node.value !== null) visit(node.value, state);
      return;
    case 'For':
      visit(node.target, state);
      visit(node.iter, state);
      visitAll(node.body, visit, state);
      visitAll(node.orelse, visit, state);
      return;
    case 'While':
    case 'If':
      visit(node.test, state);
      visitAll(node.body, visit, state);
      visitAll(node.orelse, visit, state);
      return;
    case 'With':
      visitAll(node.items, visit, state);
      visitAll(node.body, visit, state);
      return;
    case 'WithItem':
      visit(node.contextExpr, state);
      if (node.optionalVars !== null) visit(node.optionalVars, state);
      return;
    case 'Match':
      visit(node.subject, state);
      visitAll(node.cases, visit, state);
      return;
    case 'MatchCase':
      visit(node.pattern, state);
      if (node.guard !== null) visit(node.guard, state);
      visitAll(node.body, visit, state);
      return;
    case 'MatchValue':
    case 'ExprStmt':
    case 'Await':
    case 'YieldFrom':
    case 'Starred':
      visit(node.value, state);
      return;
    case 'MatchSequence':
    case 'MatchOr':
      return visitAll(node.patterns, visit, state);
    case 'MatchMapping':
      visitAll(node.keys, visit, state);
      visitAll(node.patterns, visit, state);
      if (node.rest !== null) visit(node.rest, state);
      return;
    case 'MatchClass':
      visit(node.cls, state);
      visitAll(node.patterns, visit, state);
      visitAll(node.kwdAttrs, visit, state);
      visitAll(node.kwdPatterns, visit, state);
      return;
    case 'MatchStar':
      if (node.name !== null) visit(node.name, state);
      return;
    case 'MatchAs':
      if (node.pattern !== null) visit(node.pattern, state);
      if (node.name !== null) visit(node.name, state);
      return;
    case 'Raise':
      if (node.exc !== null) visit(node.exc, state);
      if (node.cause !== null) visit(node.cause, state);
      return;
    case 'Try':
      visitAll(node.body, visit, state);
      visitAll(node.handlers, visit, state);
      visitAll(node.orelse, visit, state);
      visitAll(node.finalbody, visit, state);
      return;
    case 'ExceptHandler':
      if (node.type !== null) visit(node.type, state);
      if (node.name !== null) visit(node.name, state);
      visitAll(node.body, visit, state);
      return;
    case 'Assert':
      visit(node.test, state);
      if (node.msg !== null) visit(node.msg, state);
      return;
    case 'Import':
    case 'ImportFrom':
    case 'Global':
    case 'Nonlocal':
      return visitAll(node.names, visit, state);
    case 'Alias':
      if (node.asname !== null) visit(node.asname, state);
      return;
    case 'BoolOp':
    case 'JoinedStr':
      return visitAll(node.values, visit, state);
    case 'NamedExpr':
      visit(node.target, state);
      visit(node.value, state);
      return;
    case 'BinOp':
      visit(node.left, state);
      visit(node.right, state);
      return;
    case 'UnaryOp':
      visit(node.operand, state);
      return;
    case 'Lambda':
      visit(node.args, state);
      visit(node.body, state);
      return;
    case 'IfExp':
      visit(node.test, state);
      visit(node.body, state);
      visit(node.orelse, state);
      return;
    case 'Dict':
      visitAll(node.keys, visit, state);
      visitAll(node.values, visit, state);
      return;
    case 'Set':
    case 'List':
    case 'Tuple':
      return visitAll(node.elts, visit, state);
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      visit(node.elt, state);
      visitAll(node.generators, visit, state);
      return;
    case 'DictComp':
      visit(node.key, state);
      visit(node.value, state);
      visitAll(node.generators, visit, state);
      return;
    case 'Comprehension':
      visit(node.target, state);
      visit(node.iter, state);
      visitAll(node.ifs, visit, state);
      return;
    case 'Compare':
      visit(node.left, state);
      visitAll(node.comparators, visit, state);
      return;
    case 'Call':
      visit(node.func, state);
      visitAll(node.args, visit, state);
      visitAll(node.keywords, visit, state);
      return;
    case 'Keyword':
      if (node.arg !== null) visit(node.arg, state);
      visit(node.value, state);
      return;
    case 'FormattedValue':
      visit(node.value, state);
      if (node.formatSpec !== null) visit(node.formatSpec, state);
      return;
    case 'Attribute':
      visit(node.value, state);
      visit(node.attr, state);
      return;
    case 'Subscript':
      visit(node.value, state);
      visit(node.slice, state);
      return;
    case 'Slice':
      if (node.lower !== null) visit(node.lower, state);
      if (node.upper !== null) visit(node.upper, state);
      if (node.step !== null) visit(node.step, state);
      return;
    case 'Arguments':
      visitAll(node.posonlyargs, visit, state);
      visitAll(node.args, visit, state);
      if (node.vararg !== null) visit(node.vararg, state);
      visitAll(node.kwonlyargs, visit, state);
      visitAll(node.kwDefaults, visit, state);
      if (node.kwarg !== null) visit(node.kwarg, state);
      visitAll(node.defaults, visit, state);
      return;
    case 'Arg':
      if (node.annotation !== null) visit(node.annotation, state);
      return;
    default:
      return unknownKind(node);
  }
}

function visitAll<S>(nodes: readonly (Node | null)[], visit: (child: Node, state: S) => void, state: S): void {
  for (const child of nodes) if (child !== null) visit(child, state);
}

/** A kind added to ast.ts without a case above fails to compile here. */
function unknownKind(node: never): never {
  throw new Error(`forEachChild: unknown node kind ${(node as Node).kind}`);
}
