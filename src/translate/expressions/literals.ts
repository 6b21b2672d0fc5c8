// Literals and displays: numbers, strings, None/True/False, lists, tuples, dicts and sets.
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, paren, Untranslatable } from './index.js';

/** Integers up to 2**53 are exact in a JS number; past it Python's arbitrary precision cannot be kept. */
const MAX_EXACT_INT = 2n ** 53n;

export function translateConstant(e: ast.Constant, ctx: TranslateContext): string {
  const v = e.value;
  switch (v.type) {
    case 'int':
      if (v.value > MAX_EXACT_INT || v.value < -MAX_EXACT_INT) {
        ctx.report('PYTS3003', e, [v.value.toString()]);
      }
      return v.value.toString();
    case 'float':
      return floatLiteral(v.value);
    case 'str':
      return stringLiteral(v.value);
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'None':
      return 'null';
    case 'bytes':
      // each byte as the character with that code (0-255): `b'hi\n'` → bytesLiteral("hi\n")
      return `${ctx.rt('bytesLiteral')}(${stringLiteral(String.fromCharCode(...v.value))})`;
    case 'complex':
      throw new Untranslatable('complex number', e);
    case 'Ellipsis':
      throw new Untranslatable('Ellipsis', e);
  }
}

/** A float literal that still reads as a float (`1.0`, not `1`). */
export function floatLiteral(value: number): string {
  if (value === Infinity) return 'Infinity';
  const text = String(value);
  return Number.isInteger(value) && !/e/.test(text) ? `${text}.0` : text;
}

export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/**
 * PYTS3006 at each integral float literal (`0.0`) among the ints of a list, set or dict display: the items share
 * one JS number type, so printing cannot tell it from an int (`[1, 0.0]` prints `[1, 0]`).
 */
function reportIntegralFloatsAmongInts(items: readonly ast.Expr[], ctx: TranslateContext): void {
  const types = items.map((x) => ctx.analysis.types.typeOf(x).k);
  if (!types.includes('int') && !types.includes('bool')) return;
  for (const x of items) {
    if (x.kind === 'Constant' && x.value.type === 'float' && Number.isInteger(x.value.value)) {
      ctx.report('PYTS3006', x, [floatLiteral(x.value.value)], 'Write every number of a printed container as a float (2.0), or keep ints and floats apart.');
    }
  }
}

export function translateList(e: ast.List, ctx: TranslateContext): string {
  reportIntegralFloatsAmongInts(e.elts, ctx);
  return `[${e.elts.map((x) => expr(x, ctx)).join(', ')}]`;
}

export function translateTuple(e: ast.Tuple, ctx: TranslateContext): string {
  if (e.elts.some((x) => x.kind === 'Starred')) {
    return `${ctx.rt('tupleFrom')}([${e.elts.map((x) => expr(x, ctx)).join(', ')}])`;
  }
  return `${ctx.rt('tuple')}(${e.elts.map((x) => expr(x, ctx)).join(', ')})`;
}

export function translateDict(e: ast.Dict, ctx: TranslateContext): string {
  reportIntegralFloatsAmongInts(e.values, ctx);
  const entries = e.keys.map((k, i) => {
    const value = expr(e.values[i]!, ctx);
    return k === null ? `...${paren(value)}.items()` : `[${expr(k, ctx)}, ${value}]`;
  });
  // TypeScript infers one type from the first entry: keys or values of several types need the type arguments
  const t = ctx.analysis.types.typeOf(e);
  const typeArgs = t.k === 'dict' && (t.key.k === 'union' || t.value.k === 'union') ? `<${ctx.ts(t.key)}, ${ctx.ts(t.value)}>` : '';
  return `${ctx.rt('dict')}${typeArgs}([${entries.join(', ')}])`;
}

export function translateSet(e: ast.SetExpr, ctx: TranslateContext): string {
  // a display of more than two constants is built by CPython from a frozen constant, which orders it differently
  const constant = e.elts.length > 2 && e.elts.every((x) => x.kind === 'Constant');
  reportIntegralFloatsAmongInts(e.elts, ctx);
  return `${ctx.rt(constant ? 'constantSet' : 'set')}([${e.elts.map((x) => expr(x, ctx)).join(', ')}])`;
}

