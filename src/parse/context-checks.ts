// The SyntaxErrors CPython raises after parsing, from its symbol table and compiler (Python/symtable.c,
// Python/compile.c): statements and expressions that are grammatical but not allowed where they stand, such as
// `await` in a plain `def` or `break` outside a loop. Checked on the typed tree; the first in source order wins.
import type { Module, Node, Position, Range, Stmt } from './ast.js';
import { forEachChild } from './ast-children.js';

export interface ContextError {
  message: string;
  range: Range;
}

interface Scope {
  inFunction: boolean;
  isAsync: boolean;
  inLoop: boolean;
  /** the enclosing function's record, for the async-generator rule */
  frame: FunctionFrame | null;
}

interface FunctionFrame {
  isAsync: boolean;
  firstYield: Range | null;
  returnsWithValue: Range[];
}

const MODULE_SCOPE: Scope = { inFunction: false, isAsync: false, inLoop: false, frame: null };

/** The first context error in `module`, or null. */
export function findContextError(module: Module): ContextError | null {
  const errors: ContextError[] = [];
  visitBody(module.body, MODULE_SCOPE, errors, true);
  let first: ContextError | null = null;
  for (const error of errors) if (first === null || before(error.range.start, first.range.start)) first = error;
  return first;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.col < b.col);
}

function visitBody(body: Stmt[], scope: Scope, errors: ContextError[], atModuleLevel = false): void {
  for (const statement of body) visitStatement(statement, scope, errors, atModuleLevel);
}

function visitStatement(node: Stmt, scope: Scope, errors: ContextError[], atModuleLevel: boolean): void {
  const report = (message: string, range: Range = node.range): void => {
    errors.push({ message, range });
  };
  switch (node.kind) {
    case 'FunctionDef': {
      for (const decorator of node.decorators) visitExpression(decorator, scope, errors);
      visitChildren(node.args, scope, errors);
      if (node.returns !== null) visitExpression(node.returns, scope, errors);
      const frame: FunctionFrame = { isAsync: node.isAsync, firstYield: null, returnsWithValue: [] };
      visitBody(node.body, { inFunction: true, isAsync: node.isAsync, inLoop: false, frame }, errors);
      if (node.isAsync && frame.firstYield !== null) {
        for (const range of frame.returnsWithValue) errors.push({ message: "'return' with value in async generator", range });
      }
      return;
    }
    case 'ClassDef':
      for (const decorator of node.decorators) visitExpression(decorator, scope, errors);
      for (const base of node.bases) visitExpression(base, scope, errors);
      for (const keyword of node.keywords) visitExpression(keyword.value, scope, errors);
      visitBody(node.body, { inFunction: false, isAsync: false, inLoop: false, frame: null }, errors);
      return;
    case 'Return':
      if (!scope.inFunction) report("'return' outside function");
      else if (node.value !== null) scope.frame?.returnsWithValue.push(node.range);
      if (node.value !== null) visitExpression(node.value, scope, errors);
      return;
    case 'Break':
      if (!scope.inLoop) report("'break' outside loop");
      return;
    case 'Continue':
      if (!scope.inLoop) report("'continue' not properly in loop");
      return;
    case 'Nonlocal':
      if (atModuleLevel) report('nonlocal declaration not allowed at module level');
      return;
    case 'For':
    case 'While': {
      if (node.kind === 'For' && node.isAsync && !scope.isAsync) report("'async for' outside async function");
      if (node.kind === 'For') {
        visitExpression(node.target, scope, errors);
        visitExpression(node.iter, scope, errors);
      } else {
        visitExpression(node.test, scope, errors);
      }
      visitBody(node.body, { ...scope, inLoop: true }, errors);
      visitBody(node.orelse, scope, errors);
      return;
    }
    case 'With':
      if (node.isAsync && !scope.isAsync) report("'async with' outside async function");
      visitChildren(node, scope, errors, atModuleLevel);
      return;
    default:
      visitChildren(node, scope, errors, atModuleLevel);
  }
}

/** Visits every child node of `node` with the same scope (statements keep the module-level flag). */
function visitChildren(node: Node, scope: Scope, errors: ContextError[], atModuleLevel = false): void {
  forEachChild(node, visitNode, { scope, errors, atModuleLevel });
}

interface ChildVisit {
  scope: Scope;
  errors: ContextError[];
  atModuleLevel: boolean;
}

function visitNode(node: Node, { scope, errors, atModuleLevel }: ChildVisit): void {
  if (isStatement(node)) visitStatement(node, scope, errors, atModuleLevel);
  else visitExpression(node, scope, errors);
}

function visitExpression(node: Node, scope: Scope, errors: ContextError[]): void {
  const report = (message: string): void => {
    errors.push({ message, range: node.range });
  };
  switch (node.kind) {
    case 'Await':
      if (!scope.inFunction) report("'await' outside function");
      else if (!scope.isAsync) report("'await' outside async function");
      break;
    case 'Yield':
    case 'YieldFrom':
      if (!scope.inFunction) report("'yield' outside function");
      else if (node.kind === 'YieldFrom' && scope.isAsync) report("'yield from' inside async function");
      if (scope.frame !== null && scope.frame.firstYield === null) scope.frame.firstYield = node.range;
      break;
    case 'Lambda':
      visitChildren(node.args, scope, errors);
      visitExpression(node.body, { inFunction: true, isAsync: false, inLoop: false, frame: null }, errors);
      return;
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
      // A comprehension that awaits is asynchronous; only a generator expression may be one in a plain function.
      if (!scope.isAsync && (node.generators.some((g) => g.isAsync) || containsAwait(node))) {
        report('asynchronous comprehension outside of an asynchronous function');
      }
      break;
    case 'GeneratorExp':
      // An awaiting generator expression is an async generator, allowed anywhere (PEP 530).
      visitChildren(node, { ...scope, isAsync: true, inFunction: true }, errors);
      return;
    default:
      break;
  }
  visitChildren(node, scope, errors);
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
