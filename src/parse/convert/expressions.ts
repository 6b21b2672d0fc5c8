// Expressions: tree-sitter's expression nodes → ast expression nodes. Parentheses vanish (the inner node keeps
// its own range, as in CPython's ast), except that a parenthesised Tuple records `parenthesized`.
import type {
  BinaryOperator,
  CompareOperator,
  Comprehension,
  Expr,
  ExprContext,
  Keyword,
  Tuple,
} from '../ast.js';
import type { CstNode } from '../cst.js';
import {
  type ConvertContext,
  PythonSyntaxError,
  UnknownConstruct,
  fieldChild,
  hasToken,
  namedChildren,
  rangeOf,
  requiredField,
  textOf,
} from './context.js';
import { numberValue } from './numbers.js';
import { convertParameters, emptyArguments } from './parameters.js';
import { convertStringLiteral } from './strings.js';

/** Converts any expression node, in Load context. */
export function convertExpression(node: CstNode, ctx: ConvertContext): Expr {
  const range = rangeOf(ctx, node);
  switch (node.type) {
    case 'identifier':
      return { kind: 'Name', range, id: textOf(ctx, node), ctx: 'Load' };
    case 'integer':
    case 'float':
      return { kind: 'Constant', range, value: numberValue(textOf(ctx, node), node.start) };
    case 'true':
      return { kind: 'Constant', range, value: { type: 'bool', value: true } };
    case 'false':
      return { kind: 'Constant', range, value: { type: 'bool', value: false } };
    case 'none':
      return { kind: 'Constant', range, value: { type: 'None' } };
    case 'ellipsis':
      return { kind: 'Constant', range, value: { type: 'Ellipsis' } };
    case 'string':
    case 'concatenated_string':
      return convertStringLiteral(node, ctx);
    case 'parenthesized_expression':
      return convertParenthesized(node, ctx);
    case 'attribute': {
      const attr = requiredField(node, 'attribute');
      return {
        kind: 'Attribute',
        range,
        value: convertExpression(requiredField(node, 'object'), ctx),
        attr: { kind: 'Identifier', range: rangeOf(ctx, attr), id: textOf(ctx, attr) },
        ctx: 'Load',
      };
    }
    case 'subscript':
      return convertSubscript(node, ctx);
    case 'slice':
      return convertSlice(node, ctx);
    case 'call':
      return convertCall(node, ctx);
    case 'binary_operator':
      return {
        kind: 'BinOp',
        range,
        left: convertExpression(requiredField(node, 'left'), ctx),
        op: requiredField(node, 'operator').type as BinaryOperator,
        right: convertExpression(requiredField(node, 'right'), ctx),
      };
    case 'unary_operator':
      return {
        kind: 'UnaryOp',
        range,
        op: requiredField(node, 'operator').type as '-' | '+' | '~',
        operand: convertExpression(requiredField(node, 'argument'), ctx),
      };
    case 'not_operator':
      return { kind: 'UnaryOp', range, op: 'not', operand: convertExpression(requiredField(node, 'argument'), ctx) };
    case 'boolean_operator':
      return convertBooleanOperator(node, ctx);
    case 'comparison_operator':
      return convertComparison(node, ctx);
    case 'conditional_expression': {
      const [body, test, orelse] = namedChildren(node);
      if (body === undefined || test === undefined || orelse === undefined) {
        throw new PythonSyntaxError("expected 'else' after 'if' expression", node.start, node.end);
      }
      return {
        kind: 'IfExp',
        range,
        test: convertExpression(test, ctx),
        body: convertExpression(body, ctx),
        orelse: convertExpression(orelse, ctx),
      };
    }
    case 'named_expression': {
      const name = requiredField(node, 'name');
      return {
        kind: 'NamedExpr',
        range,
        target: { kind: 'Name', range: rangeOf(ctx, name), id: textOf(ctx, name), ctx: 'Store' },
        value: convertExpression(requiredField(node, 'value'), ctx),
      };
    }
    case 'lambda': {
      const parameters = fieldChild(node, 'parameters');
      return {
        kind: 'Lambda',
        range,
        args: parameters === null ? emptyArguments(ctx.lines.range(node.end, node.end)) : convertParameters(parameters, ctx),
        body: convertExpression(requiredField(node, 'body'), ctx),
      };
    }
    case 'await':
      return { kind: 'Await', range, value: convertExpression(onlyChild(node), ctx) };
    case 'yield':
      return convertYield(node, ctx);
    case 'list_splat':
    case 'list_splat_pattern':
      return { kind: 'Starred', range, value: convertExpression(onlyChild(node), ctx), ctx: 'Load' };
    case 'list':
    case 'list_pattern':
      return { kind: 'List', range, elts: convertElements(node, ctx), ctx: 'Load' };
    case 'tuple': {
      const elements = namedChildren(node);
      // `(*a)` without a comma is a parenthesised starred expression, not a tuple (CPython `invalid_starred_expression`).
      if (elements.length === 1 && elements[0]!.type === 'list_splat' && !hasToken(node, ',')) {
        throw new PythonSyntaxError('cannot use starred expression here', elements[0]!.start, elements[0]!.end);
      }
      return { kind: 'Tuple', range, elts: elements.map((element) => convertExpression(element, ctx)), ctx: 'Load', parenthesized: true };
    }
    case 'tuple_pattern': {
      // A target in parentheses without a comma, `(x) = 1` or `(x): int`, is just the target.
      const elements = namedChildren(node);
      if (elements.length === 1 && !hasToken(node, ',')) return convertExpression(elements[0]!, ctx);
      return { kind: 'Tuple', range, elts: elements.map((element) => convertExpression(element, ctx)), ctx: 'Load', parenthesized: true };
    }
    case 'expression_list':
    case 'pattern_list':
      return convertExpressionList(node, ctx, false);
    case 'set':
      return { kind: 'Set', range, elts: convertElements(node, ctx) };
    case 'dictionary':
      return convertDictionary(node, ctx);
    case 'list_comprehension':
    case 'set_comprehension':
    case 'generator_expression': {
      const kind = node.type === 'list_comprehension' ? 'ListComp' : node.type === 'set_comprehension' ? 'SetComp' : 'GeneratorExp';
      return { kind, range, elt: convertExpression(requiredField(node, 'body'), ctx), generators: convertGenerators(node, ctx) };
    }
    case 'dictionary_comprehension': {
      const pair = requiredField(node, 'body');
      return {
        kind: 'DictComp',
        range,
        key: convertExpression(requiredField(pair, 'key'), ctx),
        value: convertExpression(requiredField(pair, 'value'), ctx),
        generators: convertGenerators(node, ctx),
      };
    }
    case 'type':
      return convertExpression(onlyChild(node), ctx);
    case 'generic_type':
      return convertGenericType(node, ctx);
    case 'union_type': {
      const [left, right] = namedChildren(node);
      if (left === undefined || right === undefined) throw new PythonSyntaxError('invalid syntax', node.start, node.end);
      return { kind: 'BinOp', range, left: convertExpression(left, ctx), op: '|', right: convertExpression(right, ctx) };
    }
    case 'member_type': {
      const [object, attribute] = namedChildren(node);
      if (object === undefined || attribute === undefined) throw new PythonSyntaxError('invalid syntax', node.start, node.end);
      return {
        kind: 'Attribute',
        range,
        value: convertExpression(object, ctx),
        attr: { kind: 'Identifier', range: rangeOf(ctx, attribute), id: textOf(ctx, attribute) },
        ctx: 'Load',
      };
    }
    case 'splat_type':
      return { kind: 'Starred', range, value: convertExpression(onlyChild(node), ctx), ctx: 'Load' };
    case 'parenthesized_list_splat':
      throw new PythonSyntaxError('cannot use starred expression here', node.start + 1, node.end - 1);
    case 'keyword_argument':
      throw new PythonSyntaxError("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", node.start, node.end);
    case 'as_pattern':
    case 'ERROR':
      throw new PythonSyntaxError('invalid syntax', node.start, node.end);
    default:
      throw new UnknownConstruct(node.type, node.start);
  }
}

/** A bare comma list (`a, b` in `return a, b` or `x = 1, 2`) becomes a Tuple. */
export function convertExpressionList(node: CstNode, ctx: ConvertContext, parenthesized: boolean): Tuple {
  return { kind: 'Tuple', range: rangeOf(ctx, node), elts: convertElements(node, ctx), ctx: 'Load', parenthesized };
}

/**
 * An expression in a position that may also be a bare tuple or a yield (right-hand sides, `return`, subjects):
 * `expression_list`/`pattern_list` become a Tuple without parentheses.
 */
export function convertValue(node: CstNode, ctx: ConvertContext): Expr {
  if (node.type === 'expression_list' || node.type === 'pattern_list') return convertExpressionList(node, ctx, false);
  return convertExpression(node, ctx);
}

/** Converts an assignment/`for`/`with`/`del` target and marks it (and its elements) with `context`. */
export function convertTarget(node: CstNode, ctx: ConvertContext, context: ExprContext): Expr {
  const target = convertValue(node, ctx);
  checkTarget(target, context, node);
  setContext(target, context);
  return target;
}

const TARGET_DESCRIPTIONS: Partial<Record<Expr['kind'], string>> = {
  Call: 'function call',
  Constant: 'literal',
  BinOp: 'expression',
  UnaryOp: 'expression',
  BoolOp: 'expression',
  Compare: 'comparison',
  Lambda: 'lambda',
  IfExp: 'conditional expression',
  Await: 'await expression',
  Yield: 'yield expression',
  YieldFrom: 'yield expression',
  NamedExpr: 'named expression',
  Dict: 'dict literal',
  Set: 'set display',
  ListComp: 'list comprehension',
  SetComp: 'set comprehension',
  DictComp: 'dict comprehension',
  GeneratorExp: 'generator expression',
  JoinedStr: 'f-string expression',
};

/** CPython's `invalid_assignment` / `invalid_del_stmt` messages (Grammar/python.gram). */
function checkTarget(target: Expr, context: ExprContext, node: CstNode): void {
  if (target.kind === 'Tuple' || target.kind === 'List') {
    for (const element of target.elts) checkTarget(element, context, node);
    return;
  }
  if (target.kind === 'Starred') {
    checkTarget(target.value, context, node);
    return;
  }
  const description = TARGET_DESCRIPTIONS[target.kind];
  if (description === undefined) return;
  if (target.kind === 'Constant' && target.value.type === 'None') {
    throw new PythonSyntaxError('cannot assign to None', node.start, node.end);
  }
  const verb = context === 'Del' ? 'delete' : 'assign to';
  throw new PythonSyntaxError(`cannot ${verb} ${description}`, node.start, node.end);
}

function setContext(target: Expr, context: ExprContext): void {
  switch (target.kind) {
    case 'Name':
    case 'Attribute':
    case 'Subscript':
      target.ctx = context;
      return;
    case 'Starred':
      target.ctx = context;
      setContext(target.value, context);
      return;
    case 'List':
    case 'Tuple':
      target.ctx = context;
      for (const element of target.elts) setContext(element, context);
      return;
    default:
      return;
  }
}

function onlyChild(node: CstNode): CstNode {
  const child = namedChildren(node)[0];
  if (child === undefined) throw new PythonSyntaxError('invalid syntax', node.end);
  return child;
}

function convertParenthesized(node: CstNode, ctx: ConvertContext): Expr {
  const inner = onlyChild(node);
  if (inner.type === 'list_splat') {
    throw new PythonSyntaxError('cannot use starred expression here', inner.start, inner.end);
  }
  const value = convertExpression(inner, ctx);
  if (value.kind === 'Tuple' && inner.type === 'parenthesized_expression') value.parenthesized = true;
  return value;
}

function convertElements(node: CstNode, ctx: ConvertContext): Expr[] {
  return namedChildren(node).map((child) => convertExpression(child, ctx));
}

function convertSubscript(node: CstNode, ctx: ConvertContext): Expr {
  const indices: CstNode[] = [];
  for (const child of node.children) if (child.field === 'subscript') indices.push(child);
  let slice: Expr;
  if (indices.length === 1 && !hasToken(node, ',')) {
    slice = convertExpression(indices[0]!, ctx);
  } else {
    // `a[1, 2:3]` indexes with a tuple; CPython's range for it spans the indices without the brackets.
    const first = indices[0]!;
    const last = indices[indices.length - 1]!;
    slice = {
      kind: 'Tuple',
      range: ctx.lines.range(first.start, last.end),
      elts: indices.map((index) => convertExpression(index, ctx)),
      ctx: 'Load',
      parenthesized: false,
    };
  }
  return {
    kind: 'Subscript',
    range: rangeOf(ctx, node),
    value: convertExpression(requiredField(node, 'value'), ctx),
    slice,
    ctx: 'Load',
  };
}

/**
 * tree-sitter parses a subscript inside an annotation (`list[int]`, `dict[str, int]`) as `generic_type`; CPython
 * sees an ordinary Subscript.
 */
function convertGenericType(node: CstNode, ctx: ConvertContext): Expr {
  const [valueNode, parameters] = namedChildren(node);
  if (valueNode === undefined || parameters === undefined) throw new PythonSyntaxError('invalid syntax', node.start, node.end);
  const elements = namedChildren(parameters);
  let slice: Expr;
  if (elements.length === 1 && !hasToken(parameters, ',')) {
    slice = convertExpression(elements[0]!, ctx);
  } else {
    const first = elements[0];
    const last = elements[elements.length - 1];
    slice = {
      kind: 'Tuple',
      range: ctx.lines.range(first?.start ?? parameters.start + 1, last?.end ?? parameters.end - 1),
      elts: elements.map((element) => convertExpression(element, ctx)),
      ctx: 'Load',
      parenthesized: false,
    };
  }
  return { kind: 'Subscript', range: rangeOf(ctx, node), value: convertExpression(valueNode, ctx), slice, ctx: 'Load' };
}

/** `lower:upper:step`, any part omitted: the children are expressions separated by `:` tokens. */
function convertSlice(node: CstNode, ctx: ConvertContext): Expr {
  const parts: (Expr | null)[] = [null, null, null];
  let index = 0;
  for (const child of node.children) {
    if (!child.named && child.type === ':') index++;
    else if (child.named) parts[index] = convertExpression(child, ctx);
  }
  return { kind: 'Slice', range: rangeOf(ctx, node), lower: parts[0]!, upper: parts[1]!, step: parts[2]! };
}

function convertCall(node: CstNode, ctx: ConvertContext): Expr {
  const func = convertExpression(requiredField(node, 'function'), ctx);
  const argumentsNode = requiredField(node, 'arguments');
  const range = rangeOf(ctx, node);
  if (argumentsNode.type === 'generator_expression') {
    return { kind: 'Call', range, func, args: [convertExpression(argumentsNode, ctx)], keywords: [] };
  }
  return { kind: 'Call', range, func, ...convertArguments(argumentsNode, ctx) };
}

/** The inside of `(…)` in a call or a class header: positional arguments (with `*x`) and keywords (with `**m`). */
export function convertArguments(node: CstNode, ctx: ConvertContext): { args: Expr[]; keywords: Keyword[] } {
  const args: Expr[] = [];
  const keywords: Keyword[] = [];
  const children = namedChildren(node);
  let seenKeyword = false;
  let seenDoubleStar = false;
  for (const child of children) {
    if (child.type === 'keyword_argument') {
      const name = requiredField(child, 'name');
      keywords.push({
        kind: 'Keyword',
        range: rangeOf(ctx, child),
        arg: { kind: 'Identifier', range: rangeOf(ctx, name), id: textOf(ctx, name) },
        value: convertExpression(requiredField(child, 'value'), ctx),
      });
      seenKeyword = true;
    } else if (child.type === 'dictionary_splat') {
      keywords.push({ kind: 'Keyword', range: rangeOf(ctx, child), arg: null, value: convertExpression(onlyChild(child), ctx) });
      seenDoubleStar = true;
    } else if (child.type === 'list_splat') {
      if (seenDoubleStar) {
        throw new PythonSyntaxError('iterable argument unpacking follows keyword argument unpacking', child.start, child.end);
      }
      args.push(convertExpression(child, ctx));
    } else {
      // CPython reports these from Grammar/python.gram `invalid_arguments`.
      if (seenDoubleStar) {
        throw new PythonSyntaxError('positional argument follows keyword argument unpacking', child.start, child.end);
      }
      // CPython points just past the offending argument.
      if (seenKeyword) throw new PythonSyntaxError('positional argument follows keyword argument', child.end, child.end + 1);
      if (child.type === 'generator_expression' && children.length > 1 && !isParenthesizedGenerator(child, ctx)) {
        throw new PythonSyntaxError('Generator expression must be parenthesized', child.start, child.end);
      }
      args.push(convertExpression(child, ctx));
    }
  }
  return { args, keywords };
}

function isParenthesizedGenerator(node: CstNode, ctx: ConvertContext): boolean {
  return ctx.source[node.start] === '(';
}

function convertBooleanOperator(node: CstNode, ctx: ConvertContext): Expr {
  const op = requiredField(node, 'operator').type as 'and' | 'or';
  // `a and b and c` is one BoolOp with three values in CPython's ast; tree-sitter nests it to the left.
  const values: Expr[] = [];
  let current: CstNode = node;
  const rights: CstNode[] = [];
  while (current.type === 'boolean_operator' && requiredField(current, 'operator').type === op) {
    rights.push(requiredField(current, 'right'));
    current = requiredField(current, 'left');
  }
  values.push(convertExpression(current, ctx));
  for (let i = rights.length - 1; i >= 0; i--) values.push(convertExpression(rights[i]!, ctx));
  return { kind: 'BoolOp', range: rangeOf(ctx, node), op, values };
}

function convertComparison(node: CstNode, ctx: ConvertContext): Expr {
  const operands: Expr[] = [];
  const ops: CompareOperator[] = [];
  for (const child of node.children) {
    if (child.field === 'operators') {
      if (child.type === '<>') throw new PythonSyntaxError('invalid syntax', child.start, child.end);
      ops.push(child.type as CompareOperator);
    } else if (child.named) {
      operands.push(convertExpression(child, ctx));
    }
  }
  const [left, ...comparators] = operands;
  if (left === undefined || comparators.length !== ops.length) throw new PythonSyntaxError('invalid syntax', node.end);
  return { kind: 'Compare', range: rangeOf(ctx, node), left, ops, comparators };
}

function convertYield(node: CstNode, ctx: ConvertContext): Expr {
  const range = rangeOf(ctx, node);
  const valueNode = namedChildren(node)[0];
  if (hasToken(node, 'from')) {
    if (valueNode === undefined) throw new PythonSyntaxError('invalid syntax', node.end);
    return { kind: 'YieldFrom', range, value: convertExpression(valueNode, ctx) };
  }
  return { kind: 'Yield', range, value: valueNode === undefined ? null : convertValue(valueNode, ctx) };
}

function convertDictionary(node: CstNode, ctx: ConvertContext): Expr {
  const keys: (Expr | null)[] = [];
  const values: Expr[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'pair') {
      keys.push(convertExpression(requiredField(child, 'key'), ctx));
      values.push(convertExpression(requiredField(child, 'value'), ctx));
    } else if (child.type === 'dictionary_splat') {
      keys.push(null);
      values.push(convertExpression(onlyChild(child), ctx));
    } else {
      throw new PythonSyntaxError("':' expected after dictionary key", child.start, child.end);
    }
  }
  return { kind: 'Dict', range: rangeOf(ctx, node), keys, values };
}

/** The `for … in … if …` clauses of a comprehension; each `if_clause` belongs to the `for` before it. */
function convertGenerators(node: CstNode, ctx: ConvertContext): Comprehension[] {
  const generators: Comprehension[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'for_in_clause') {
      const rights = child.children.filter((part) => part.field === 'right' && part.named);
      const iterNode = rights[0];
      if (iterNode === undefined) throw new PythonSyntaxError('invalid syntax', child.end);
      if (rights.length > 1 || child.children.some((part) => part.field === 'right' && part.type === ',')) {
        throw new PythonSyntaxError('invalid syntax', rights[0]!.end);
      }
      generators.push({
        kind: 'Comprehension',
        range: rangeOf(ctx, child),
        target: convertTarget(requiredField(child, 'left'), ctx, 'Store'),
        iter: convertExpression(iterNode, ctx),
        ifs: [],
        isAsync: hasToken(child, 'async'),
      });
    } else if (child.type === 'if_clause') {
      const last = generators[generators.length - 1];
      if (last === undefined) throw new UnknownConstruct('if_clause', child.start);
      last.ifs.push(convertExpression(onlyChild(child), ctx));
    }
  }
  return generators;
}
