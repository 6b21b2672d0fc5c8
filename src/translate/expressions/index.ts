// Expressions → TypeScript source text. Every compound sub-expression is parenthesised; prettier removes the
// parentheses it does not need, so precedence never has to be reasoned about twice.
import type * as ast from '../../parse/ast.js';
import { translateAwait } from '../async/await.js';
import { translateComprehension } from '../comprehensions/index.js';
import type { TranslateContext } from '../context.js';
import { translateLambda } from '../functions/lambda.js';
import { translateJoinedStr } from '../strings/fstrings.js';
import { translateCall } from './calls.js';
import { translateConstant, translateDict, translateList, translateSet, translateTuple } from './literals.js';
import { translateAttribute, translateName } from './names.js';
import { exprAs } from './number-kinds.js';
import {
  translateBinOp,
  translateBoolOp,
  translateCompare,
  translateIfExp,
  translateUnaryOp,
  truthinessTest,
} from './operators.js';
import { translateSlice, translateSubscript } from './subscripts.js';

/**
 * Thrown by a translator that meets a construct it cannot translate faithfully; the statement reports it. Built
 * without a stack trace: it is caught by the statement, never shown, and the standard library alone throws thousands
 * (capturing the stack was 1 % of a translation).
 */
export class Untranslatable extends Error {
  readonly construct: string;
  readonly node: { range: ast.Range };

  constructor(construct: string, node: { range: ast.Range }) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(construct);
    Error.stackTraceLimit = limit;
    this.construct = construct;
    this.node = node;
  }
}

export function expr(e: ast.Expr, ctx: TranslateContext): string {
  switch (e.kind) {
    case 'Constant':
      return translateConstant(e, ctx);
    case 'Name':
      return translateName(e, ctx);
    case 'Attribute':
      return translateAttribute(e, ctx);
    case 'Call':
      return translateCall(e, ctx);
    case 'Await':
      return translateAwait(e, ctx);
    case 'BinOp':
      return translateBinOp(e, ctx);
    case 'UnaryOp':
      return translateUnaryOp(e, ctx);
    case 'BoolOp':
      return translateBoolOp(e, ctx);
    case 'Compare':
      return translateCompare(e, ctx);
    case 'IfExp':
      return translateIfExp(e, ctx);
    case 'List':
      return translateList(e, ctx);
    case 'Tuple':
      return translateTuple(e, ctx);
    case 'Dict':
      return translateDict(e, ctx);
    case 'Set':
      return translateSet(e, ctx);
    case 'JoinedStr':
      return translateJoinedStr(e, ctx);
    case 'Lambda':
      return translateLambda(e, ctx);
    case 'Subscript':
      return translateSubscript(e, ctx);
    case 'Slice':
      return translateSlice(e, ctx);
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp':
      return translateComprehension(e, ctx);
    case 'NamedExpr':
      return `(${translateName(e.target, ctx)} = ${expr(e.value, ctx)})`;
    case 'Starred':
      // `f(*(g(x) for x in xs))` consumes the generator at once: an array is the same thing
      return `...${e.value.kind === 'GeneratorExp' ? translateComprehension(e.value, ctx, true) : expr(e.value, ctx)}`;
    case 'Yield':
    case 'YieldFrom':
      if (e.kind === 'YieldFrom') return `(yield* ${expr(e.value, ctx)})`;
      return e.value ? `(yield ${yielded(e.value, ctx)})` : '(yield)';
    case 'FormattedValue':
      throw new Untranslatable('f-string part', e);
  }
}

/** A yielded value, fitted to what the generator yields (a float among ints is boxed, see number-kinds.ts). */
function yielded(value: ast.Expr, ctx: TranslateContext): string {
  const node = ctx.frame.info?.node;
  return node?.kind === 'FunctionDef' && ctx.frame.info!.isGenerator ? exprAs(value, ctx.analysis.types.yieldType(node), ctx) : expr(value, ctx);
}

/** An expression used as a condition: Python truthiness, as a JS boolean. */
export function cond(e: ast.Expr, ctx: TranslateContext): string {
  return truthinessTest(e, ctx);
}

/** Parenthesise unless the text is an identifier, a literal, a call or a member access. */
export function paren(code: string): string {
  // a number needs them too before a member access (`(3).toString`, not `3.toString`)
  return /^(?!\d)[\w$.]+$|^"(?:[^"\\]|\\.)*"$/.test(code) ? code : `(${code})`;
}
