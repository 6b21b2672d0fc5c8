// Statements: tree-sitter's statement nodes → ast statements (`elif` chains nest in `orelse`, decorators move onto
// their definition, `async` is a flag on FunctionDef/For/With).
import type { Alias, ExceptHandler, Expr, Identifier, MatchCase, Stmt, WithItem } from '../ast.js';
import { type CstNode, parseConcrete } from '../cst.js';
import {
  type ConvertContext,
  PythonSyntaxError,
  UnknownConstruct,
  fieldChild,
  fieldChildren,
  hasToken,
  namedChildren,
  rangeOf,
  requiredField,
  textOf,
} from './context.js';
import { convertArguments, convertExpression, convertTarget, convertValue } from './expressions.js';
import { convertParameters } from './parameters.js';
import { convertCasePatterns } from './patterns.js';
import { COMPOUND_STATEMENTS } from '../syntax-errors.js';

/** Converts the statements of a `module` or `block` node, in order. */
export function convertBody(node: CstNode, ctx: ConvertContext): Stmt[] {
  const body: Stmt[] = [];
  let semicolonEnd = -1;
  for (const child of node.children) {
    if (!child.named) {
      semicolonEnd = child.type === ';' ? child.end : -1;
      continue;
    }
    if (child.field === 'alternative') continue;
    // `x = 1; if y: pass` is invalid: a block statement must start its line (a trailing ';' is fine).
    if (semicolonEnd !== -1 && COMPOUND_STATEMENTS.has(child.type) && !ctx.source.slice(semicolonEnd, child.start).includes('\n')) {
      throw new PythonSyntaxError('invalid syntax', child.start, child.start + 1);
    }
    semicolonEnd = -1;
    body.push(convertStatement(child, ctx));
  }
  return body;
}

export function convertStatement(node: CstNode, ctx: ConvertContext): Stmt {
  const range = rangeOf(ctx, node);
  switch (node.type) {
    case 'expression_statement':
      return convertExpressionStatement(node, ctx);
    case 'return_statement': {
      const value = namedChildren(node)[0];
      return { kind: 'Return', range, value: value === undefined ? null : convertValue(value, ctx) };
    }
    case 'pass_statement':
      return { kind: 'Pass', range };
    case 'break_statement':
      return { kind: 'Break', range };
    case 'continue_statement':
      return { kind: 'Continue', range };
    case 'delete_statement': {
      const target = namedChildren(node)[0]!;
      const targets = target.type === 'expression_list' ? namedChildren(target) : [target];
      return { kind: 'Delete', range, targets: targets.map((t) => convertTarget(t, ctx, 'Del')) };
    }
    case 'raise_statement': {
      const exc = node.children.find((child) => child.named && child.field !== 'cause');
      if (exc !== undefined && exc.type === 'expression_list') throw new PythonSyntaxError('invalid syntax', exc.start, exc.end);
      const cause = fieldChild(node, 'cause');
      return {
        kind: 'Raise',
        range,
        exc: exc === undefined ? null : convertExpression(exc, ctx),
        cause: cause === null ? null : convertExpression(cause, ctx),
      };
    }
    case 'global_statement':
    case 'nonlocal_statement':
      return { kind: node.type === 'global_statement' ? 'Global' : 'Nonlocal', range, names: namedChildren(node).map((n) => identifier(n, ctx)) };
    case 'assert_statement': {
      const [test, msg] = namedChildren(node);
      return { kind: 'Assert', range, test: convertExpression(test!, ctx), msg: msg === undefined ? null : convertExpression(msg, ctx) };
    }
    case 'import_statement':
      return { kind: 'Import', range, names: fieldChildren(node, 'name').map((n) => alias(n, ctx)) };
    case 'import_from_statement':
    case 'future_import_statement':
      return convertImportFrom(node, ctx);
    case 'if_statement':
      return convertIf(node, ctx);
    case 'for_statement':
      return {
        kind: 'For',
        range,
        isAsync: hasToken(node, 'async'),
        target: convertTarget(requiredField(node, 'left'), ctx, 'Store'),
        iter: convertValue(requiredField(node, 'right'), ctx),
        body: convertBody(requiredField(node, 'body'), ctx),
        orelse: elseBody(fieldChild(node, 'alternative'), ctx),
      };
    case 'while_statement':
      return {
        kind: 'While',
        range,
        test: convertExpression(requiredField(node, 'condition'), ctx),
        body: convertBody(requiredField(node, 'body'), ctx),
        orelse: elseBody(fieldChild(node, 'alternative'), ctx),
      };
    case 'try_statement':
      return convertTry(node, ctx);
    case 'with_statement':
      return convertWith(node, ctx);
    case 'function_definition':
    case 'class_definition':
      return convertDefinition(node, [], ctx);
    case 'decorated_definition': {
      const decorators = namedChildren(node)
        .filter((child) => child.type === 'decorator')
        .map((decorator) => convertExpression(namedChildren(decorator)[0]!, ctx));
      return convertDefinition(requiredField(node, 'definition'), decorators, ctx);
    }
    case 'match_statement':
      return convertMatch(node, ctx);
    case 'print_statement':
    case 'exec_statement':
      return convertPythonTwoStatement(node, ctx);
    case 'type_alias_statement':
      return convertTypeAliasLookalike(node, ctx);
    case 'ERROR':
      throw new PythonSyntaxError('invalid syntax', node.start, node.end);
    default:
      throw new UnknownConstruct(node.type, node.start);
  }
}

function identifier(node: CstNode, ctx: ConvertContext): Identifier {
  return { kind: 'Identifier', range: rangeOf(ctx, node), id: textOf(ctx, node) };
}

function convertExpressionStatement(node: CstNode, ctx: ConvertContext): Stmt {
  const children = namedChildren(node);
  const range = rangeOf(ctx, node);
  const first = children[0]!;
  if (children.length > 1) {
    // `a, b` as a statement: tree-sitter lists the elements directly.
    return {
      kind: 'ExprStmt',
      range,
      value: { kind: 'Tuple', range, elts: children.map((child) => convertExpression(child, ctx)), ctx: 'Load', parenthesized: false },
    };
  }
  if (first.type === 'assignment') return convertAssignment(first, range, ctx);
  if (first.type === 'augmented_assignment') {
    const target = convertTarget(requiredField(first, 'left'), ctx, 'Store');
    if (target.kind === 'Tuple' || target.kind === 'List') {
      throw new PythonSyntaxError(`'${target.kind.toLowerCase()}' is an illegal expression for augmented assignment`, first.start, requiredField(first, 'left').end);
    }
    return {
      kind: 'AugAssign',
      range,
      target,
      op: requiredField(first, 'operator').type.slice(0, -1) as Extract<Stmt, { kind: 'AugAssign' }>['op'],
      value: convertValue(requiredField(first, 'right'), ctx),
    };
  }
  return { kind: 'ExprStmt', range, value: convertExpression(first, ctx) };
}

/** `a = b = value` (nested assignments in tree-sitter) or `x: int = value`. */
function convertAssignment(node: CstNode, range: Stmt['range'], ctx: ConvertContext): Stmt {
  const typeNode = fieldChild(node, 'type');
  if (typeNode !== null) {
    const left = requiredField(node, 'left');
    const target = convertTarget(left, ctx, 'Store');
    if (target.kind === 'Tuple' || target.kind === 'List') {
      const kind = target.kind === 'List' ? 'list' : 'tuple';
      throw new PythonSyntaxError(`only single target (not ${kind}) can be annotated`, left.start, left.end);
    }
    const right = fieldChild(node, 'right');
    return {
      kind: 'AnnAssign',
      range,
      target,
      annotation: convertExpression(typeNode, ctx),
      value: right === null ? null : convertValue(right, ctx),
    };
  }
  const targets: Expr[] = [];
  let current = node;
  for (;;) {
    const left = requiredField(current, 'left');
    if (left.type === 'yield') throw new PythonSyntaxError('assignment to yield expression not possible', left.start, left.end);
    targets.push(convertTarget(left, ctx, 'Store'));
    const right = requiredField(current, 'right');
    if (right.type === 'assignment' && fieldChild(right, 'type') === null) {
      current = right;
      continue;
    }
    if (right.type === 'augmented_assignment' || right.type === 'assignment') throw new PythonSyntaxError('invalid syntax', right.start, right.end);
    return { kind: 'Assign', range, targets, value: convertValue(right, ctx) };
  }
}

function elseBody(node: CstNode | null, ctx: ConvertContext): Stmt[] {
  return node === null ? [] : convertBody(requiredField(node, 'body'), ctx);
}

function convertIf(node: CstNode, ctx: ConvertContext): Stmt {
  const alternatives = fieldChildren(node, 'alternative');
  // Build the elif chain from the end: each elif is an If inside the previous one's orelse.
  let orelse: Stmt[] = [];
  for (let i = alternatives.length - 1; i >= 0; i--) {
    const clause = alternatives[i]!;
    if (clause.type === 'else_clause') {
      orelse = convertBody(requiredField(clause, 'body'), ctx);
    } else {
      orelse = [
        {
          kind: 'If',
          range: ctx.lines.range(clause.start, node.end),
          test: convertExpression(requiredField(clause, 'condition'), ctx),
          body: convertBody(requiredField(clause, 'consequence'), ctx),
          orelse,
        },
      ];
    }
  }
  return {
    kind: 'If',
    range: rangeOf(ctx, node),
    test: convertExpression(requiredField(node, 'condition'), ctx),
    body: convertBody(requiredField(node, 'consequence'), ctx),
    orelse,
  };
}

function convertTry(node: CstNode, ctx: ConvertContext): Stmt {
  const handlers: ExceptHandler[] = [];
  let orelse: Stmt[] = [];
  let finalbody: Stmt[] = [];
  let isStar = false;
  for (const child of namedChildren(node)) {
    if (child.type === 'except_clause' || child.type === 'except_group_clause') {
      if (hasToken(child, '*') || child.type === 'except_group_clause') isStar = true;
      handlers.push(convertHandler(child, ctx));
    } else if (child.type === 'else_clause') {
      orelse = convertBody(requiredField(child, 'body'), ctx);
    } else if (child.type === 'finally_clause') {
      finalbody = convertBody(namedChildren(child).find((part) => part.type === 'block')!, ctx);
    }
  }
  return { kind: 'Try', range: rangeOf(ctx, node), isStar, body: convertBody(requiredField(node, 'body'), ctx), handlers, orelse, finalbody };
}

function convertHandler(node: CstNode, ctx: ConvertContext): ExceptHandler {
  const parts = namedChildren(node);
  const block = parts.find((part) => part.type === 'block')!;
  const values = parts.filter((part) => part !== block);
  let type: Expr | null = null;
  let name: Identifier | null = null;
  if (values.length > 1) {
    // `except A, B:` (Python 2's `except A, e:`)
    const first = values[0]!;
    const last = values[values.length - 1]!;
    throw new PythonSyntaxError('multiple exception types must be parenthesized', first.start, last.end);
  }
  const value = values[0];
  if (value !== undefined) {
    if (value.type === 'as_pattern') {
      const [typeNode, target] = namedChildren(value);
      type = convertExpression(typeNode!, ctx);
      const nameNode = target !== undefined ? namedChildren(target)[0] ?? target : undefined;
      if (nameNode === undefined || nameNode.type !== 'identifier') throw new PythonSyntaxError('invalid syntax', value.start, value.end);
      name = identifier(nameNode, ctx);
    } else {
      type = convertExpression(value, ctx);
    }
  }
  return { kind: 'ExceptHandler', range: rangeOf(ctx, node), type, name, body: convertBody(block, ctx) };
}

function convertWith(node: CstNode, ctx: ConvertContext): Stmt {
  const clause = namedChildren(node).find((child) => child.type === 'with_clause');
  if (clause === undefined) throw new PythonSyntaxError('invalid syntax', node.start, node.end);
  const items: WithItem[] = namedChildren(clause).map((item) => {
    const value = requiredField(item, 'value');
    if (value.type === 'as_pattern') {
      const [expression, target] = namedChildren(value);
      const targetNode = target === undefined ? undefined : namedChildren(target)[0] ?? target;
      if (expression === undefined || targetNode === undefined) throw new PythonSyntaxError('invalid syntax', value.start, value.end);
      return {
        kind: 'WithItem',
        range: rangeOf(ctx, item),
        contextExpr: convertExpression(expression, ctx),
        optionalVars: convertTarget(targetNode, ctx, 'Store'),
      };
    }
    return { kind: 'WithItem', range: rangeOf(ctx, item), contextExpr: convertExpression(value, ctx), optionalVars: null };
  });
  return { kind: 'With', range: rangeOf(ctx, node), isAsync: hasToken(node, 'async'), items, body: convertBody(requiredField(node, 'body'), ctx) };
}

function docstringOf(body: Stmt[]): string | null {
  const first = body[0];
  if (first !== undefined && first.kind === 'ExprStmt' && first.value.kind === 'Constant' && first.value.value.type === 'str') {
    return first.value.value.value;
  }
  return null;
}

/** A `def` or `class`; its range starts at the keyword, not at the decorators (as CPython 3.8+ reports). */
function convertDefinition(node: CstNode, decorators: Expr[], ctx: ConvertContext): Stmt {
  if (fieldChild(node, 'type_parameters') !== null) {
    // PEP 695 generics are Python 3.12.
    const parameters = fieldChild(node, 'type_parameters')!;
    const message = node.type === 'function_definition' ? "expected '('" : "expected ':'";
    throw new PythonSyntaxError(message, parameters.start, parameters.start + 1);
  }
  const nameNode = requiredField(node, 'name');
  const body = convertBody(requiredField(node, 'body'), ctx);
  const range = rangeOf(ctx, node);
  if (node.type === 'class_definition') {
    const superclasses = fieldChild(node, 'superclasses');
    const { args: bases, keywords } = superclasses === null ? { args: [], keywords: [] } : convertArguments(superclasses, ctx);
    return { kind: 'ClassDef', range, name: identifier(nameNode, ctx), bases, keywords, body, decorators, docstring: docstringOf(body) };
  }
  const returns = fieldChild(node, 'return_type');
  return {
    kind: 'FunctionDef',
    range,
    isAsync: hasToken(node, 'async'),
    name: identifier(nameNode, ctx),
    args: convertParameters(requiredField(node, 'parameters'), ctx),
    body,
    decorators,
    returns: returns === null ? null : convertExpression(returns, ctx),
    docstring: docstringOf(body),
  };
}

function alias(node: CstNode, ctx: ConvertContext): Alias {
  if (node.type === 'aliased_import') {
    const name = requiredField(node, 'name');
    const asname = requiredField(node, 'alias');
    return { kind: 'Alias', range: rangeOf(ctx, node), name: dottedText(name, ctx), asname: identifier(asname, ctx) };
  }
  return { kind: 'Alias', range: rangeOf(ctx, node), name: dottedText(node, ctx), asname: null };
}

/** `a . b` may be written with spaces; the module name is the identifiers joined by dots. */
function dottedText(node: CstNode, ctx: ConvertContext): string {
  if (node.type !== 'dotted_name') return textOf(ctx, node);
  return namedChildren(node)
    .map((part) => textOf(ctx, part))
    .join('.');
}

function convertImportFrom(node: CstNode, ctx: ConvertContext): Stmt {
  const range = rangeOf(ctx, node);
  const names: Alias[] = fieldChildren(node, 'name').map((n) => alias(n, ctx));
  const wildcard = namedChildren(node).find((child) => child.type === 'wildcard_import');
  if (wildcard !== undefined) names.push({ kind: 'Alias', range: rangeOf(ctx, wildcard), name: '*', asname: null });
  if (node.type === 'future_import_statement') return { kind: 'ImportFrom', range, module: '__future__', names, level: 0 };
  const moduleNode = requiredField(node, 'module_name');
  if (moduleNode.type === 'relative_import') {
    const prefix = namedChildren(moduleNode).find((child) => child.type === 'import_prefix');
    const dotted = namedChildren(moduleNode).find((child) => child.type === 'dotted_name');
    const level = prefix === undefined ? 0 : textOf(ctx, prefix).replace(/[^.]/g, '').length;
    return { kind: 'ImportFrom', range, module: dotted === undefined ? null : dottedText(dotted, ctx), names, level };
  }
  return { kind: 'ImportFrom', range, module: dottedText(moduleNode, ctx), names, level: 0 };
}

function convertMatch(node: CstNode, ctx: ConvertContext): Stmt {
  const subjects = fieldChildren(node, 'subject').filter((child) => child.named);
  const range = rangeOf(ctx, node);
  const subject: Expr =
    subjects.length === 1 && !node.children.some((child) => child.type === ',')
      ? convertExpression(subjects[0]!, ctx)
      : {
          kind: 'Tuple',
          range: ctx.lines.range(subjects[0]!.start, subjects[subjects.length - 1]!.end),
          elts: subjects.map((s) => convertExpression(s, ctx)),
          ctx: 'Load',
          parenthesized: false,
        };
  const cases: MatchCase[] = fieldChildren(requiredField(node, 'body'), 'alternative').map((clause) => {
    const patterns = namedChildren(clause).filter((child) => child.type === 'case_pattern');
    const guard = fieldChild(clause, 'guard');
    return {
      kind: 'MatchCase',
      range: rangeOf(ctx, clause),
      pattern: convertCasePatterns(patterns, clause, ctx),
      guard: guard === null ? null : convertExpression(namedChildren(guard)[0]!, ctx),
      body: convertBody(requiredField(clause, 'consequence'), ctx),
    };
  });
  return { kind: 'Match', range, subject, cases };
}

/**
 * `type X = …` arrived in Python 3.12, and 3.11 rejects it at the alias name. tree-sitter also reads
 * `type(obj).attr = value` as such an alias; that statement is re-parsed with `type` spelled as another identifier
 * of the same length (so every offset stays valid), and converted from the original text.
 */
function convertTypeAliasLookalike(node: CstNode, ctx: ConvertContext): Stmt {
  const afterKeyword = /^[ \t]*/.exec(ctx.source.slice(node.start + 4, node.end))![0].length + node.start + 4;
  if (/[\p{L}_]/u.test(ctx.source[afterKeyword] ?? '')) {
    throw new PythonSyntaxError('invalid syntax', afterKeyword, afterKeyword + 1);
  }
  // U+0435 is a Cyrillic letter: an identifier character, one UTF-16 unit like the 'e' it replaces.
  const tree = parseConcrete('typ\u0435' + ctx.source.slice(node.start + 4, node.end));
  const statement = tree.root.children[0];
  if (tree.hasError || statement === undefined || statement.type === 'type_alias_statement') {
    throw new PythonSyntaxError('invalid syntax', node.start, node.end);
  }
  shiftOffsets(statement, node.start);
  return convertStatement(statement, ctx);
}

function shiftOffsets(root: CstNode, delta: number): void {
  const pending = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    node.start += delta;
    node.end += delta;
    pending.push(...node.children);
  }
}

/**
 * tree-sitter accepts Python 2's `print x` and `exec code`; CPython 3.11 rejects them with a hint, except
 * `print >>f, x`, which Python 3 reads as the expression `(print >> f), x` (it fails only when run).
 */
function convertPythonTwoStatement(node: CstNode, ctx: ConvertContext): Stmt {
  const keyword = node.children[0]!;
  const chevron = namedChildren(node).find((child) => child.type === 'chevron');
  if (chevron !== undefined) {
    const range = rangeOf(ctx, node);
    const shifted: Expr = {
      kind: 'BinOp',
      range: ctx.lines.range(node.start, chevron.end),
      left: { kind: 'Name', range: rangeOf(ctx, keyword), id: 'print', ctx: 'Load' },
      op: '>>',
      right: convertExpression(namedChildren(chevron)[0]!, ctx),
    };
    const rest = fieldChildren(node, 'argument').map((argument) => convertExpression(argument, ctx));
    const value: Expr = rest.length === 0 ? shifted : { kind: 'Tuple', range, elts: [shifted, ...rest], ctx: 'Load', parenthesized: false };
    return { kind: 'ExprStmt', range, value };
  }
  const name = textOf(ctx, keyword);
  throw new PythonSyntaxError(`Missing parentheses in call to '${name}'. Did you mean ${name}(...)?`, node.start, node.end);
}
