// The SyntaxErrors CPython raises after parsing, from its symbol table and compiler (Python/symtable.c,
// Python/compile.c): statements and expressions that are grammatical but not allowed where they stand, such as
// `await` in a plain `def` or `break` outside a loop. Checked on the typed tree; the first in source order wins.
import type { Module, Node, Position, Range, Stmt } from './ast.js';
import { forEachChild } from './ast-children.js';

export interface ContextError {
  message: string;
  range: Range;
}

/** Where a node stands; also what every visit of a child is given, so visiting a node allocates nothing. */
interface Scope {
  inFunction: boolean;
  isAsync: boolean;
  inLoop: boolean;
  /** the enclosing function's record, for the async-generator rule */
  frame: FunctionFrame | null;
  /** the statements visited with this scope are at module level (the `nonlocal` rule) */
  atModuleLevel: boolean;
  /** where the errors found go */
  errors: ContextError[];
}

interface FunctionFrame {
  isAsync: boolean;
  firstYield: Range | null;
  returnsWithValue: Range[];
}

/** The first context error in `module`, or null. */
export function findContextError(module: Module): ContextError | null {
  const errors: ContextError[] = [];
  const moduleScope: Scope = {
    inFunction: false,
    isAsync: false,
    inLoop: false,
    frame: null,
    atModuleLevel: true,
    errors,
  };
  visitBody(module.body, moduleScope);
  let first: ContextError | null = null;
  for (const error of errors) if (first === null || before(error.range.start, first.range.start)) first = error;
  return first;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.col < b.col);
}

/** A scope for the statements of a new block: a function's, a class's, or a loop's (`{ inLoop: true }`). */
function inner(scope: Scope, change: Partial<Scope>): Scope {
  return { ...scope, atModuleLevel: false, ...change };
}

function visitBody(body: Stmt[], scope: Scope): void {
  for (const statement of body) visitStatement(statement, scope);
}

function visitStatement(node: Stmt, scope: Scope): void {
  const errors = scope.errors;
  switch (node.kind) {
    case 'FunctionDef': {
      for (const decorator of node.decorators) visitExpression(decorator, scope);
      forEachChild(node.args, visitNode, scope);
      if (node.returns !== null) visitExpression(node.returns, scope);
      const frame: FunctionFrame = { isAsync: node.isAsync, firstYield: null, returnsWithValue: [] };
      visitBody(node.body, inner(scope, { inFunction: true, isAsync: node.isAsync, inLoop: false, frame }));
      if (node.isAsync && frame.firstYield !== null) {
        for (const range of frame.returnsWithValue)
          errors.push({ message: "'return' with value in async generator", range });
      }
      return;
    }
    case 'ClassDef':
      for (const decorator of node.decorators) visitExpression(decorator, scope);
      for (const base of node.bases) visitExpression(base, scope);
      for (const keyword of node.keywords) visitExpression(keyword.value, scope);
      visitBody(node.body, inner(scope, { inFunction: false, isAsync: false, inLoop: false, frame: null }));
      return;
    case 'Return':
      if (!scope.inFunction) errors.push({ message: "'return' outside function", range: node.range });
      else if (node.value !== null) scope.frame?.returnsWithValue.push(node.range);
      if (node.value !== null) visitExpression(node.value, scope);
      return;
    case 'Break':
      if (!scope.inLoop) errors.push({ message: "'break' outside loop", range: node.range });
      return;
    case 'Continue':
      if (!scope.inLoop) errors.push({ message: "'continue' not properly in loop", range: node.range });
      return;
    case 'Nonlocal':
      if (scope.atModuleLevel)
        errors.push({ message: 'nonlocal declaration not allowed at module level', range: node.range });
      return;
    case 'For':
    case 'While': {
      if (node.kind === 'For' && node.isAsync && !scope.isAsync)
        errors.push({ message: "'async for' outside async function", range: node.range });
      if (node.kind === 'For') {
        visitExpression(node.target, scope);
        visitExpression(node.iter, scope);
      } else {
        visitExpression(node.test, scope);
      }
      visitBody(node.body, inner(scope, { inLoop: true }));
      visitBody(node.orelse, inner(scope, {}));
      return;
    }
    case 'With':
      if (node.isAsync && !scope.isAsync)
        errors.push({ message: "'async with' outside async function", range: node.range });
      forEachChild(node, visitNode, scope);
      return;
    default:
      forEachChild(node, visitNode, scope);
  }
}

function visitNode(node: Node, scope: Scope): void {
  if (isStatement(node)) visitStatement(node, scope);
  else visitExpression(node, scope);
}

function visitExpression(node: Node, scope: Scope): void {
  const errors = scope.errors;
  switch (node.kind) {
    case 'Await':
      if (!scope.inFunction) errors.push({ message: "'await' outside function", range: node.range });
      else if (!scope.isAsync) errors.push({ message: "'await' outside async function", range: node.range });
      break;
    case 'Yield':
    case 'YieldFrom':
      if (!scope.inFunction) errors.push({ message: "'yield' outside function", range: node.range });
      else if (node.kind === 'YieldFrom' && scope.isAsync)
        errors.push({ message: "'yield from' inside async function", range: node.range });
      if (scope.frame !== null && scope.frame.firstYield === null) scope.frame.firstYield = node.range;
      break;
    case 'Lambda':
      forEachChild(node.args, visitNode, scope);
      visitExpression(node.body, inner(scope, { inFunction: true, isAsync: false, inLoop: false, frame: null }));
      return;
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
      // A comprehension that awaits is asynchronous; only a generator expression may be one in a plain function.
      if (!scope.isAsync && (node.generators.some((g) => g.isAsync) || containsAwait(node))) {
        errors.push({ message: 'asynchronous comprehension outside of an asynchronous function', range: node.range });
      }
      break;
    case 'GeneratorExp':
      // An awaiting generator expression is an async generator, allowed anywhere (PEP 530).
      forEachChild(node, visitNode, inner(scope, { isAsync: true, inFunction: true }));
      return;
    default:
      break;
  }
  forEachChild(node, visitNode, scope);
}

function containsAwait(node: Node): boolean {
  const pending: Node[] = [node];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (current.kind === 'Await') return true;
    if (current.kind === 'Lambda' || current.kind === 'GeneratorExp') continue;
    forEachChild(current, pushNode, pending);
  }
  return false;
}

function pushNode(node: Node, list: Node[]): void {
  list.push(node);
}

const STATEMENT_KINDS = new Set<string>([
  'FunctionDef', 'ClassDef', 'Return', 'Delete', 'Assign', 'AugAssign', 'AnnAssign', 'For', 'While', 'If', 'With',
  'Match', 'Raise', 'Try', 'Assert', 'Import', 'ImportFrom', 'Global', 'Nonlocal', 'ExprStmt', 'Pass', 'Break', 'Continue',
]);

function isStatement(node: Node): node is Stmt {
  return STATEMENT_KINDS.has(node.kind);
}
