// Literals and displays: numbers, strings, None/True/False, lists, tuples, dicts and sets.
import type { PyType } from '../../analyze/types.js';
import type * as ast from '../../parse/ast.js';
import type { TranslateContext } from '../context.js';
import { expr, paren, Untranslatable } from './index.js';
import { exprAs, itemTarget } from './number-kinds.js';

/** True when a JS number holds the int exactly (every int up to 2**53, and some beyond: 2**64). */
export function numberHolds(value: bigint): boolean {
  const n = Number(value);
  // beyond the largest double Number() gives Infinity, which BigInt() refuses
  return Number.isFinite(n) && BigInt(n) === value;
}

export function translateConstant(e: ast.Constant, ctx: TranslateContext): string {
  const v = e.value;
  switch (v.type) {
    case 'int':
      if (numberHolds(v.value)) return v.value.toString();
      // the runtime's representation of an int no double holds (see its fromBigInt)
      ctx.report('PYTS3003', e, [v.value.toString()]);
      return `${ctx.rt('fromBigInt')}(${v.value}n)`;
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
  const json = JSON.stringify(value);
  // the line and paragraph separators, which JSON leaves as they are, are rare: most strings need no replace
  if (!json.includes('\u2028') && !json.includes('\u2029')) return json;
  return json.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** The items of a display, each fitted to the container's item type (see number-kinds.ts). */
function items(elts: readonly ast.Expr[], target: PyType, ctx: TranslateContext): string {
  return elts
    .map((x, i) => {
      const place = itemTarget(target, i);
      return place && x.kind !== 'Starred' ? exprAs(x, place, ctx) : expr(x, ctx);
    })
    .join(', ');
}

/** `target`: the type of the place the display goes to, when it is wider than the display's own type. */
export function translateList(e: ast.List, ctx: TranslateContext, target = ctx.analysis.types.typeOf(e)): string {
  return `[${items(e.elts, target, ctx)}]`;
}

export function translateTuple(e: ast.Tuple, ctx: TranslateContext, target = ctx.analysis.types.typeOf(e)): string {
  if (e.elts.some((x) => x.kind === 'Starred')) {
    return `${ctx.rt('tupleFrom')}([${e.elts.map((x) => expr(x, ctx)).join(', ')}])`;
  }
  return `${ctx.rt('tuple')}(${items(e.elts, target, ctx)})`;
}

export function translateDict(e: ast.Dict, ctx: TranslateContext, target = ctx.analysis.types.typeOf(e)): string {
  const keyType = target.k === 'dict' ? target.key : null;
  const valueType = target.k === 'dict' ? target.value : null;
  const entries = e.keys.map((k, i) => {
    const v = e.values[i]!;
    const value = valueType && k !== null ? exprAs(v, valueType, ctx) : expr(v, ctx);
    return k === null ? `...${paren(value)}.items()` : `[${keyType ? exprAs(k, keyType, ctx) : expr(k, ctx)}, ${value}]`;
  });
  // TypeScript infers one type from the first entry: keys or values of several types need the type arguments
  const t = ctx.analysis.types.typeOf(e);
  // (values of more kinds than analysis follows are `any`)
  const several = (x: PyType) => x.k === 'union' || (x.k === 'unknown' && e.keys.length > 1);
  const typeArgs = t.k === 'dict' && (several(t.key) || several(t.value)) ? `<${ctx.ts(t.key)}, ${ctx.ts(t.value)}>` : '';
  return `${ctx.rt('dict')}${typeArgs}([${entries.join(', ')}])`;
}

export function translateSet(e: ast.SetExpr, ctx: TranslateContext, target = ctx.analysis.types.typeOf(e)): string {
  // a display of more than two constants is built by CPython from a frozen constant, which orders it differently
  const constant = e.elts.length > 2 && e.elts.every((x) => x.kind === 'Constant');
  return `${ctx.rt(constant ? 'constantSet' : 'set')}([${items(e.elts, target, ctx)}])`;
}

