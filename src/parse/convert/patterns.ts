// `match` patterns (PEP 634) → ast's pattern nodes. tree-sitter wraps most patterns in `case_pattern` and spells
// a negative number as a `-` token followed by the number, so this module rebuilds the value expressions itself.
import type { Expr, Identifier, MatchAs, Pattern } from '../ast.js';
import type { CstNode } from '../cst.js';
import { type ConvertContext, PythonSyntaxError, UnknownConstruct, namedChildren, rangeOf, textOf } from './context.js';
import { convertExpression } from './expressions.js';
import { numberValue } from './numbers.js';

/** The pattern of one `case` clause: its `case_pattern` children (several, comma-separated, form a sequence). */
export function convertCasePatterns(patterns: CstNode[], clause: CstNode, ctx: ConvertContext): Pattern {
  if (patterns.length === 1 && !clause.children.some((child) => child.type === ',')) return convertPattern(patterns[0]!, ctx);
  const first = patterns[0]!;
  const last = patterns[patterns.length - 1]!;
  return { kind: 'MatchSequence', range: ctx.lines.range(first.start, last.end), patterns: patterns.map((p) => convertPattern(p, ctx)) };
}

/** Converts one pattern node; a `case_pattern` wrapper holds exactly one pattern (maybe a `-` and a number). */
export function convertPattern(node: CstNode, ctx: ConvertContext): Pattern {
  if (node.type !== 'case_pattern') return convertPatternPart({ node, negative: null }, ctx);
  const parts = patternParts(node);
  if (parts.length !== 1) throw new PythonSyntaxError('invalid syntax', node.start, node.end);
  return convertPatternPart(parts[0]!, ctx);
}

interface PatternPart {
  node: CstNode;
  /** the `-` token before a number, when there is one */
  negative: CstNode | null;
}

/** Groups a pattern node's children into parts, attaching each `-` token to the number after it. */
function patternParts(node: CstNode): PatternPart[] {
  const parts: PatternPart[] = [];
  let negative: CstNode | null = null;
  for (const child of node.children) {
    if (!child.named) {
      if (child.type === '-') negative = child;
      else if (child.type === '_') parts.push({ node: child, negative: null });
      continue;
    }
    parts.push({ node: child, negative });
    negative = null;
  }
  return parts;
}

function convertPatternPart(part: PatternPart, ctx: ConvertContext): Pattern {
  const { node } = part;
  const range = ctx.lines.range(part.negative?.start ?? node.start, node.end);
  switch (node.type) {
    case 'case_pattern':
      return convertPattern(node, ctx);
    case '_':
      return { kind: 'MatchAs', range, pattern: null, name: null };
    case 'identifier':
      return captureOf(node, ctx);
    case 'dotted_name': {
      const names = namedChildren(node);
      if (names.length === 1) return captureOf(names[0]!, ctx);
      return { kind: 'MatchValue', range, value: dottedValue(names, ctx) };
    }
    case 'integer':
    case 'float':
    case 'complex_pattern':
      return { kind: 'MatchValue', range, value: numericValue(part, ctx) };
    case 'string':
    case 'concatenated_string': {
      const value = convertExpression(node, ctx);
      if (value.kind === 'JoinedStr') throw new PythonSyntaxError('patterns may only match literals and attribute lookups', node.start, node.end);
      return { kind: 'MatchValue', range, value };
    }
    case 'none':
      return { kind: 'MatchSingleton', range, value: null };
    case 'true':
      return { kind: 'MatchSingleton', range, value: true };
    case 'false':
      return { kind: 'MatchSingleton', range, value: false };
    case 'list_pattern':
    case 'tuple_pattern': {
      const elements = patternParts(node);
      // `(p)` is a group, not a one-element sequence (that needs a comma: `(p,)`).
      if (node.type === 'tuple_pattern' && elements.length === 1 && !node.children.some((child) => child.type === ',')) {
        return convertPatternPart(elements[0]!, ctx);
      }
      return { kind: 'MatchSequence', range, patterns: elements.map((element) => convertPatternPart(element, ctx)) };
    }
    case 'splat_pattern': {
      const name = namedChildren(node)[0];
      if (node.children.some((child) => child.type === '**')) throw new UnknownConstruct('** pattern', node.start);
      return { kind: 'MatchStar', range, name: name === undefined ? null : identifierOf(name, ctx) };
    }
    case 'union_pattern':
      return { kind: 'MatchOr', range, patterns: patternParts(node).map((element) => convertPatternPart(element, ctx)) };
    case 'as_pattern': {
      const [inner, name] = namedChildren(node);
      if (inner === undefined || name === undefined) throw new PythonSyntaxError('invalid syntax', node.start, node.end);
      const target = name.type === 'case_pattern' ? namedChildren(name)[0] ?? name : name;
      return { kind: 'MatchAs', range, pattern: convertPattern(inner, ctx), name: identifierOf(target.type === 'dotted_name' ? namedChildren(target)[0]! : target, ctx) };
    }
    case 'dict_pattern':
      return convertMappingPattern(node, ctx);
    case 'class_pattern':
      return convertClassPattern(node, ctx);
    default:
      throw new PythonSyntaxError('invalid syntax', node.start, node.end);
  }
}

function captureOf(node: CstNode, ctx: ConvertContext): MatchAs {
  const id = textOf(ctx, node);
  const range = rangeOf(ctx, node);
  return { kind: 'MatchAs', range, pattern: null, name: id === '_' ? null : { kind: 'Identifier', range, id } };
}

function identifierOf(node: CstNode, ctx: ConvertContext): Identifier {
  return { kind: 'Identifier', range: rangeOf(ctx, node), id: textOf(ctx, node) };
}

function dottedValue(names: CstNode[], ctx: ConvertContext): Expr {
  let value: Expr = { kind: 'Name', range: rangeOf(ctx, names[0]!), id: textOf(ctx, names[0]!), ctx: 'Load' };
  for (const name of names.slice(1)) {
    value = {
      kind: 'Attribute',
      range: ctx.lines.range(names[0]!.start, name.end),
      value,
      attr: identifierOf(name, ctx),
      ctx: 'Load',
    };
  }
  return value;
}

/** `1`, `-1.5`, `1+2j`, `-1-2j`: a Constant, a UnaryOp('-') or a BinOp as in CPython's ast. */
function numericValue(part: PatternPart, ctx: ConvertContext): Expr {
  const { node } = part;
  if (node.type !== 'complex_pattern') return signed(node, part.negative, ctx);
  const pieces = patternParts(node);
  const operator = node.children.find((child) => !child.named && (child.type === '+' || child.type === '-'));
  const real = pieces[0];
  const imaginary = pieces[pieces.length - 1];
  if (real === undefined || imaginary === undefined || pieces.length !== 2 || operator === undefined) {
    throw new PythonSyntaxError('invalid syntax', node.start, node.end);
  }
  // A leading `-` inside complex_pattern belongs to the real part; the last `+`/`-` joins the parts.
  const leading = node.children[0]!.type === '-' ? node.children[0]! : part.negative;
  const joiner = node.children.filter((child) => !child.named && (child.type === '+' || child.type === '-')).pop()!;
  return {
    kind: 'BinOp',
    range: ctx.lines.range(leading?.start ?? node.start, node.end),
    left: signed(real.node, leading, ctx),
    op: joiner.type as '+' | '-',
    right: signed(imaginary.node, null, ctx),
  };
}

function signed(node: CstNode, negative: CstNode | null, ctx: ConvertContext): Expr {
  const constant: Expr = { kind: 'Constant', range: rangeOf(ctx, node), value: numberValue(textOf(ctx, node), node.start) };
  if (negative === null) return constant;
  return { kind: 'UnaryOp', range: ctx.lines.range(negative.start, node.end), op: '-', operand: constant };
}

function convertMappingPattern(node: CstNode, ctx: ConvertContext): Pattern {
  const keys: Expr[] = [];
  const patterns: Pattern[] = [];
  let rest: Identifier | null = null;
  let negative: CstNode | null = null;
  for (const child of node.children) {
    if (!child.named) {
      if (child.type === '-' && child.field === 'key') negative = child;
      continue;
    }
    if (child.field === 'key') {
      const part = { node: child, negative };
      negative = null;
      const keyPattern = convertPatternPart(part, ctx);
      if (keyPattern.kind === 'MatchValue') keys.push(keyPattern.value);
      else if (keyPattern.kind === 'MatchSingleton') keys.push({ kind: 'Constant', range: keyPattern.range, value: keyPattern.value === null ? { type: 'None' } : { type: 'bool', value: keyPattern.value } });
      else throw new PythonSyntaxError('invalid syntax', child.start, child.end);
    } else if (child.field === 'value') {
      patterns.push(convertPattern(child, ctx));
    } else if (child.type === 'splat_pattern') {
      const name = namedChildren(child)[0];
      if (name !== undefined) rest = identifierOf(name, ctx);
    }
  }
  return { kind: 'MatchMapping', range: rangeOf(ctx, node), keys, patterns, rest };
}

function convertClassPattern(node: CstNode, ctx: ConvertContext): Pattern {
  const children = namedChildren(node);
  const clsNode = children[0];
  if (clsNode === undefined || clsNode.type !== 'dotted_name') throw new PythonSyntaxError('invalid syntax', node.start, node.end);
  const patterns: Pattern[] = [];
  const kwdAttrs: Identifier[] = [];
  const kwdPatterns: Pattern[] = [];
  for (const child of children.slice(1)) {
    const keyword = child.type === 'case_pattern' ? namedChildren(child).find((inner) => inner.type === 'keyword_pattern') : undefined;
    if (keyword !== undefined) {
      const parts = patternParts(keyword);
      const [name, value] = parts;
      if (name === undefined || value === undefined) throw new PythonSyntaxError('invalid syntax', keyword.start, keyword.end);
      kwdAttrs.push(identifierOf(name.node, ctx));
      kwdPatterns.push(convertPatternPart(value, ctx));
    } else {
      if (kwdAttrs.length > 0) throw new PythonSyntaxError('positional patterns follow keyword patterns', child.start, child.end);
      patterns.push(convertPattern(child, ctx));
    }
  }
  return { kind: 'MatchClass', range: rangeOf(ctx, node), cls: dottedValue(namedChildren(clsNode), ctx), patterns, kwdAttrs, kwdPatterns };
}
